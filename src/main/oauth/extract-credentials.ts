/**
 * Turns a snapshot of the login page's localStorage into a credential, or says why not yet.
 *
 * Rules from minimax-agent-protocol.md §2.1–2.3: `_token` holds the JWT, sometimes wrapped as JSON
 * `{"value": "<jwt>"}`; `user_detail_agent` is JSON whose `realUserID` (fallback `id`) is the user
 * id the upstream expects. A token whose payload email ends in `@guest.com`, or whose user is
 * `isAnonymous` (§10.5), is a guest session, not an account. When the profile is missing, the JWT's `user.id` is the fallback
 * (then top-level `id`/`sub`; newer accounts may differ, hence the profile is preferred).
 */
import { jwtDecode } from 'jwt-decode';
import { z } from 'zod';
import type { StorageSnapshot } from './capture-script';
import { isGuestClaims } from './guest';

export type RealUserIdSource = 'user_detail' | 'jwt' | 'upstream' | null;

export interface CapturedCredential {
  token: string;
  /** Null when neither the profile nor the JWT says; the flow then asks the upstream. */
  realUserId: string | null;
  realUserIdSource: RealUserIdSource;
  userName: string | null;
  email: string | null;
  /** Epoch ms from the JWT `exp`. */
  tokenExpiresAt: number | null;
}

export type CaptureResult =
  | { status: 'captured'; credential: CapturedCredential }
  | { status: 'pending'; reason: 'no_token' }
  | { status: 'rejected'; reason: 'guest_token' | 'malformed'; message: string };

const idSchema = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

const jwtPayloadSchema = z.looseObject({
  user: z
    .looseObject({ id: idSchema.optional(), name: z.string().optional(), email: z.string().optional() })
    .optional(),
  email: z.string().optional(),
  exp: z.number().optional(),
  id: idSchema.optional(),
  sub: idSchema.optional(),
});

const userDetailSchema = z.looseObject({
  realUserID: idSchema.optional(),
  id: idSchema.optional(),
  userName: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
});

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `_token` as stored: the bare JWT, or (some site versions) JSON `{"value": "<jwt>"}`. */
export function unwrapToken(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return trimmed;
  const parsed = parseJson(trimmed);
  if (typeof parsed === 'string') return parsed.trim();
  if (parsed && typeof parsed === 'object' && 'value' in parsed && typeof parsed.value === 'string') return parsed.value.trim();
  return trimmed;
}

function readUserDetail(raw: string | null): z.infer<typeof userDetailSchema> | null {
  if (!raw) return null;
  const parsed = userDetailSchema.safeParse(parseJson(raw));
  return parsed.success ? parsed.data : null;
}

export { isGuestEmail } from './guest';

export function extractCredentials(snapshot: StorageSnapshot): CaptureResult {
  if (!snapshot.token || !snapshot.token.trim()) return { status: 'pending', reason: 'no_token' };
  const token = unwrapToken(snapshot.token);
  if (!JWT_SHAPE.test(token)) {
    return { status: 'rejected', reason: 'malformed', message: 'The stored token is not a JWT.' };
  }
  let decoded: unknown;
  try {
    decoded = jwtDecode(token);
  } catch {
    return { status: 'rejected', reason: 'malformed', message: 'The stored token could not be decoded.' };
  }
  const payload = jwtPayloadSchema.safeParse(decoded);
  if (!payload.success) return { status: 'rejected', reason: 'malformed', message: 'The token payload has an unexpected shape.' };
  const claims = payload.data;
  if (isGuestClaims(decoded)) {
    return { status: 'rejected', reason: 'guest_token', message: 'This is a guest session; log in with your MiniMax account.' };
  }

  const detail = readUserDetail(snapshot.userDetail);
  const detailId = detail?.realUserID ?? detail?.id ?? null;
  // C2A's checker also accepts a top-level `id` or `sub` (protocol §2.3).
  const jwtId = claims.user?.id ?? claims.id ?? claims.sub ?? null;
  const realUserId = detailId ?? jwtId;
  return {
    status: 'captured',
    credential: {
      token,
      realUserId,
      realUserIdSource: detailId ? 'user_detail' : jwtId ? 'jwt' : null,
      userName: detail?.userName ?? detail?.name ?? claims.user?.name ?? null,
      email: detail?.email ?? claims.user?.email ?? claims.email ?? null,
      tokenExpiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    },
  };
}

/** The `realUserID+token` form the account import understands (protocol §2.2). */
export function toCredentialString(credential: Pick<CapturedCredential, 'token' | 'realUserId'>): string {
  return credential.realUserId ? `${credential.realUserId}+${credential.token}` : credential.token;
}
