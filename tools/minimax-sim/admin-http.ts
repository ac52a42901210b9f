import { z } from 'zod';
import type { SimAdminInternal } from './admin';
import type { SimResponse } from './http-util';

/** `POST /__admin/<operation>`: the SimAdmin API for e2e specs and the demo, validated with zod. */

const accountInput = z.object({
  realUserId: z.string().regex(/^\d+$/).optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  credits: z.number().int().optional(),
  expiresInSec: z.number().optional(),
  guest: z.boolean().optional(),
});

const scriptedReply = z.object({
  text: z.string(),
  thinking: z.string().optional(),
  tickMs: z.number().positive().optional(),
  charsPerTick: z.number().int().positive().optional(),
  chunks: z.array(z.string()).optional(),
  agentSteps: z.array(z.object({ toolCallName: z.string(), content: z.string().optional() })).optional(),
  shrinkOnce: z.boolean().optional(),
  neverFinish: z.boolean().optional(),
});

const options = z.object({
  signatureMode: z.enum(['off', 'lenient', 'strict']).optional(),
  tickMs: z.number().positive().optional(),
  charsPerTick: z.number().int().positive().optional(),
  oneReplyPerAccount: z.boolean().optional(),
  checkRealUserId: z.boolean().optional(),
  expiredOnMatrix: z.enum(['http401', 'code2']).optional(),
  defaultCredits: z.number().int().optional(),
  protocol: z.enum(['2026-04', '2026-05']).optional(),
  omitUserDetail: z.boolean().optional(),
  cloudflare: z.boolean().optional(),
});

const faultEndpoint = z.enum([
  'send_msg', 'get_chat_detail', 'delete_chat', 'list_chat', 'user_info', 'device_register', 'membership',
  'request_policy', 'policy_callback', 'any',
]);

const fault = z.object({
  endpoint: faultEndpoint,
  kind: z.enum(['http500', 'http503', 'nonJson', 'html403', 'baseResp', 'slow', 'drop']),
  count: z.number().int().positive().optional(),
  delayMs: z.number().nonnegative().optional(),
  code: z.number().int().optional(),
  message: z.string().optional(),
  realUserId: z.string().optional(),
});

const userId = z.object({ realUserId: z.string() });
const optionalUserId = z.object({ realUserId: z.string().optional() });
const empty = z.object({});
const ok = { ok: true };

type Operation = (admin: SimAdminInternal, body: unknown) => unknown;

const OPERATIONS: Record<string, Operation> = {
  createAccount: (a, b) => a.createAccount(accountInput.parse(b)),
  login: (a, b) => a.login(z.object({ name: z.string().trim().min(1).optional(), guest: z.boolean().optional() }).parse(b)),
  accounts: (a, b) => (empty.parse(b), a.accounts()),
  expireToken: (a, b) => (a.expireToken(userId.parse(b).realUserId), ok),
  setCredits: (a, b) => {
    const input = userId.extend({ credits: z.number().int() }).parse(b);
    a.setCredits(input.realUserId, input.credits);
    return ok;
  },
  setOptions: (a, b) => (a.setOptions(options.parse(b)), ok),
  scriptReply: (a, b) => {
    const input = z.object({ reply: scriptedReply, realUserId: z.string().optional() }).parse(b);
    a.scriptReply(input.reply, input.realUserId);
    return ok;
  },
  setDefaultReply: (a, b) => {
    const { reply } = z.object({ reply: scriptedReply.nullable() }).parse(b);
    a.setDefaultReply(reply === null ? null : () => structuredClone(reply));
    return ok;
  },
  injectFault: (a, b) => (a.injectFault(fault.parse(b)), ok),
  clearFaults: (a, b) => (empty.parse(b), a.clearFaults(), ok),
  requests: (a, b) => a.requests(z.object({ path: z.string().optional(), realUserId: z.string().optional() }).parse(b)),
  chats: (a, b) => a.chats(optionalUserId.parse(b).realUserId),
  running: (a, b) => ({ running: a.running(optionalUserId.parse(b).realUserId) }),
  reset: (a, b) => (empty.parse(b), a.reset(), ok),
  cookieHeader: (a, b) => {
    const input = userId.extend({ withClearance: z.boolean().optional() }).parse(b);
    return { cookie: a.cookieHeader(input.realUserId, input.withClearance) };
  },
};

export function handleAdminOperation(admin: SimAdminInternal, operation: string, rawBody: string): SimResponse {
  const run = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!run) return { status: 404, body: { error: `unknown admin operation ${operation}` } };
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? {} : (JSON.parse(rawBody) as unknown);
  } catch {
    return { status: 400, body: { error: 'body is not JSON' } };
  }
  try {
    const result = run(admin, body ?? {});
    // The login page's session lives in HttpOnly cookies too (protocol doc §10.2), as on the real site.
    if (operation === 'login') return { status: 200, body: result, headers: { 'set-cookie': admin.sessionCookies((result as { realUserId: string }).realUserId) } };
    return { status: 200, body: result };
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return { status: 400, body: { error: message } };
  }
}
