import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import { silentLogger } from '../../logs/types';
import { createNodeTransport } from '../transport';
import { isAgentCredential, type ProviderAccount } from '../types';
import { ACCOUNT, TOKEN, baseOk, createFakeUpstream, json } from './__test__/fake-upstream';
import type { ProfileAttempt } from '../../../shared/domain/request-log';
import { REPROBE_AFTER_MS, sendNegotiated } from './negotiate';
import { createMemoryProfileMemory } from './profile-memory';
import { PATHS } from './protocol';
import { createAgentHttp, type CallIdentity } from './request';

const COOKIE_ACCOUNT: ProviderAccount = { ...ACCOUNT, credential: { kind: 'minimax-agent' as const, token: TOKEN, realUserId: '42', cookies: 's=1' } };

function setup(account: ProviderAccount = COOKIE_ACCOUNT) {
  const upstream = createFakeUpstream();
  const memory = createMemoryProfileMemory();
  const http = createAgentHttp({ transport: createNodeTransport(upstream.fetch), now: upstream.now, settings: () => ({ signatureVariant: 'secret' }), logger: silentLogger });
  const cookies = isAgentCredential(account.credential) ? account.credential.cookies : undefined;
  const identity: CallIdentity = { account, baseUrl: account.baseUrl, token: TOKEN, realUserId: '42', deviceId: '9', ...(cookies ? { cookies } : {}) };
  const deps = { http, memory, now: upstream.now, logger: silentLogger };
  const send = (onTries?: (tries: ProfileAttempt[]) => void) => sendNegotiated(deps, identity, () => ({ msg_type: 1, text: 'x' }), onTries);
  upstream.on(PATHS.userInfo, () => json({ statusInfo: { code: 0 }, data: { userInfo: { realUserID: '42' } } }));
  // The April request (token header) is refused with an empty 401; the cookie one is accepted.
  upstream.on(PATHS.sendMsg, (call) => (call.headers.token ? new Response('', { status: 401 }) : baseOk({ chat_id: 5, msg_id: 1 })));
  return { upstream, memory, send };
}

async function rejection(promise: Promise<unknown>): Promise<RelayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('request profile negotiation', () => {
  it('moves on after an outright refusal once user/info accepts the token, and remembers the winner', async () => {
    const { upstream, memory, send } = setup();
    const sent = await send();
    expect(sent.profile.id).toBe('web-cookie-2026-05');
    expect(sent.tries.map((t) => [t.profile, t.outcome])).toEqual([['signed-2026-04', 'refused'], ['web-cookie-2026-05', 'accepted']]);
    // The refusal as words for the log and as a code the UI translates.
    expect(sent.tries[0]).toMatchObject({ reason: 'HTTP 401, empty body', reasonCode: 'http_refused_body', reasonParams: { status: 401, body: 'empty' } });
    expect(upstream.callsTo(PATHS.userInfo)).toHaveLength(1);
    expect(memory.read(ACCOUNT.id)).toEqual({ preferred: 'web-cookie-2026-05', failedAt: { 'signed-2026-04': upstream.now() } });
    upstream.calls.length = 0;
    await send();
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(1);
    expect(upstream.callsTo(PATHS.userInfo)).toHaveLength(0);
  });

  it('re-probes a refused profile at most once a day', async () => {
    const { upstream, send } = setup();
    await send();
    // The cookie profile now fails too (e.g. cookies went stale): within a day the April one is skipped.
    upstream.on(PATHS.sendMsg, () => new Response('', { status: 401 }));
    upstream.advance(60 * 60 * 1000);
    let tries: ProfileAttempt[] = [];
    const early = await rejection(send((latest) => (tries = latest)));
    expect(early.code).toBe('upstream_protocol_rejected');
    // The UI translates the skip by its code; the English reason stays for logs.
    expect(tries.find((t) => t.outcome === 'skipped')).toMatchObject({ reasonCode: 'refused_recently', reasonParams: { minutes: 60 } });
    expect(early.detail?.profiles).toMatch(/signed-2026-04: skipped \(refused 60 min ago; re-probed at most once a day\)/);
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(3);
    upstream.advance(REPROBE_AFTER_MS);
    upstream.calls.length = 0;
    await rejection(send());
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(2);
  });

  it('is upstream_auth_expired only when user/info rejects the token too, and remembers no failure then', async () => {
    const { upstream, memory, send } = setup();
    upstream.on(PATHS.userInfo, () => json({ statusInfo: { code: 1001, message: 'token invalid' }, data: null }));
    const error = await rejection(send());
    expect(error.code).toBe('upstream_auth_expired');
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(1);
    expect(memory.read(ACCOUNT.id)).toBeNull();
  });

  it('never re-sends after a failure that may have started a chat', async () => {
    for (const answer of [() => json({}, 500), () => new Error('socket hang up'), () => json({ base_resp: { status_code: 1400010171, status_msg: 'running' } })]) {
      const { upstream, send } = setup();
      upstream.on(PATHS.sendMsg, answer);
      await rejection(send());
      expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(1);
      expect(upstream.callsTo(PATHS.userInfo)).toHaveLength(0);
    }
  });

  it('always sends the first profile it can, even when it failed within the day', async () => {
    const { upstream, memory, send } = setup({ ...ACCOUNT });
    memory.write(ACCOUNT.id, { preferred: 'web-cookie-2026-05', failedAt: { 'signed-2026-04': upstream.now() } });
    upstream.on(PATHS.sendMsg, () => baseOk({ chat_id: 5, msg_id: 1 }));
    const sent = await send();
    expect(sent.tries.map((t) => [t.profile, t.outcome])).toEqual([['web-cookie-2026-05', 'skipped'], ['signed-2026-04', 'accepted']]);
    expect(memory.read(ACCOUNT.id)).toEqual({ preferred: 'signed-2026-04', failedAt: {} });
  });

  it('skips the cookie profile without cookies and says what to do', async () => {
    const { upstream, send } = setup({ ...ACCOUNT });
    const error = await rejection(send());
    expect(error.code).toBe('upstream_protocol_rejected');
    expect(error.message).toMatch(/log in again in the app/);
    expect(error.detail?.profiles).toContain('web-cookie-2026-05: skipped (no browser cookies are stored for this account)');
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(1);
  });

  it('does not negotiate on a Cloudflare block', async () => {
    const { upstream, send } = setup();
    upstream.on(PATHS.sendMsg, () => new Response('<!DOCTYPE html><html>Just a moment...</html>', { status: 403 }));
    expect((await rejection(send())).code).toBe('upstream_blocked');
    expect(upstream.callsTo(PATHS.sendMsg)).toHaveLength(1);
  });
});
