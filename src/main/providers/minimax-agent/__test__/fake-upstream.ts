/**
 * Test support: an in-memory stand-in for the upstream behind an injected `fetch`, on a fake clock,
 * for unit tests that need exact control of timing and answers (the simulator covers real HTTP).
 */
import type { ProviderAccount } from '../../types';
import type { FetchFn } from '../request';

export interface FakeCall {
  at: number;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string | undefined;
}

type Answer = Response | (() => Response) | Error;
type Handler = (call: FakeCall) => Answer | undefined;

export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

export function baseOk(extra: Record<string, unknown> = {}): Response {
  return json({ ...extra, base_resp: { status_code: 0, status_msg: 'success' } });
}

export function baseError(code: number, message: string): Response {
  return json({ base_resp: { status_code: code, status_msg: message } });
}

export function detail(status: 1 | 2, content: string, thinking = '', msgId = 2): Response {
  return baseOk({
    chat: { chat_id: 7, chat_status: status },
    messages: [
      { msg_id: 1, msg_type: 1, msg_content: 'prompt' },
      { msg_id: msgId, msg_type: 2, msg_content: content, extra_info: { thinking_content: thinking } },
    ],
  });
}

export const TOKEN = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(
  JSON.stringify({ user: { id: '42', deviceID: '777' }, exp: 4_000_000_000 }),
).toString('base64url')}.sig`;

export const ACCOUNT: ProviderAccount = {
  id: 'acc-1',
  label: 'test',
  region: 'cn',
  baseUrl: 'http://upstream.test',
  credential: { kind: 'minimax-agent', token: TOKEN, realUserId: '42' },
};

/** A fake clock, a sleep that advances it, and a fetch that answers from per-path handlers. */
export function createFakeUpstream() {
  let clock = 1_767_225_600_000;
  const calls: FakeCall[] = [];
  const handlers = new Map<string, Handler>();
  const defaults: Record<string, () => Response> = {
    '/v1/api/user/device/register': () => json({ statusInfo: { code: 0, message: 'ok' }, data: { deviceIDStr: '555' } }),
    '/matrix/api/v1/chat/send_msg': () => baseOk({ chat_id: 7, msg_id: 1 }),
    '/matrix/api/v1/chat/delete_chat': () => baseOk(),
  };
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(String(input));
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: FakeCall = { at: clock, path: url.pathname, query: url.searchParams, headers, body: init?.body as string | undefined };
    calls.push(call);
    if (init?.signal?.aborted) throw init.signal.reason;
    const answer = handlers.get(url.pathname)?.(call) ?? defaults[url.pathname]?.();
    if (!answer) return json({ error: 'no handler' }, 404);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  };
  return {
    fetch: fetchFn,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      clock += ms;
    },
    calls,
    on(path: string, handler: Handler) {
      handlers.set(path, handler);
    },
    /** Answers each poll from the list in turn (a factory may throw to fail the fetch); the last repeats. */
    polls(answers: (() => Response)[]) {
      let index = 0;
      handlers.set('/matrix/api/v1/chat/get_chat_detail', () => answers[Math.min(index++, answers.length - 1)]);
    },
    callsTo: (path: string) => calls.filter((call) => call.path === path),
  };
}
