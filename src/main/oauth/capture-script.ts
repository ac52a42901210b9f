/**
 * What the login window runs inside the upstream page to see whether the user has logged in.
 *
 * The script only copies the two localStorage entries out as raw strings; all parsing happens in
 * main (extractCredentials), because the page is remote content and its values are untrusted input
 * that must go through a schema. Source of the keys: minimax-agent-protocol.md §2.1 (`_token`,
 * `user_detail_agent`).
 */
import { z } from 'zod';

/**
 * An expression (not a function) so it can be handed as-is to `webContents.executeJavaScript` and
 * to Playwright's `page.evaluate`; a literal string also survives bundling and minification
 * unchanged. Reading localStorage can throw on opaque origins (about:blank while loading).
 */
export const CAPTURE_SCRIPT = `(() => {
  try {
    return {
      token: window.localStorage.getItem('_token'),
      userDetail: window.localStorage.getItem('user_detail_agent'),
      url: String(window.location.href),
    };
  } catch (error) {
    return { token: null, userDetail: null, url: String(window.location.href), error: String(error) };
  }
})()`;

/** Strings coming back from the page are capped: a real JWT or profile is a few KB at most. */
const MAX_VALUE_CHARS = 64_000;

export const storageSnapshotSchema = z.object({
  token: z.string().max(MAX_VALUE_CHARS).nullable(),
  userDetail: z.string().max(MAX_VALUE_CHARS).nullable(),
  url: z.string().max(8_000),
  error: z.string().max(2_000).optional(),
});

/** What CAPTURE_SCRIPT returns. */
export type StorageSnapshot = z.infer<typeof storageSnapshotSchema>;

/** Validates whatever the page returned; anything unexpected counts as "nothing captured yet". */
export function toStorageSnapshot(value: unknown): StorageSnapshot {
  const parsed = storageSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : { token: null, userDetail: null, url: '', error: 'unexpected capture result' };
}
