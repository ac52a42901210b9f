import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { callSim } from './test-client';
import type { SimAccount, Simulator } from './types';

let sim: Simulator;
let alice: SimAccount;

beforeEach(async () => {
  sim = await startSimulator();
  alice = sim.admin.createAccount({ name: 'alice' });
});
afterEach(() => sim.close());

describe('envelopes', () => {
  it('answers /v1/api/* with statusInfo + data', async () => {
    const info = await callSim(sim.url, alice, '/v1/api/user/info');
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({
      statusInfo: { code: 0 }, data: { userInfo: { userID: alice.realUserId, realUserID: alice.realUserId, name: 'alice', isLogin: true } },
    });
    const reg = await callSim(sim.url, alice, '/v1/api/user/device/register', { body: { uuid: crypto.randomUUID() } });
    expect(reg.json).toMatchObject({ statusInfo: { code: 0 }, data: { deviceIDStr: alice.deviceId, realUserID: alice.realUserId } });
  });

  it('answers /matrix/* with flat objects and base_resp', async () => {
    const res = await callSim(sim.url, alice, '/matrix/api/v1/commerce/get_membership_info', { body: {} });
    expect(res.json).toMatchObject({ base_resp: { status_code: 0 }, total_remains_credit: 200, daily_login_gift_credit_remaining: 200 });
    const expiresAt = (res.json as { credits: Record<string, { expires_at: number }[]> }).credits['4']?.[0]?.expires_at ?? 0;
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(new Date(expiresAt).getHours()).toBe(0);
  });

  it('404s unknown paths and 405s a wrong method', async () => {
    expect((await callSim(sim.url, alice, '/matrix/api/v1/model/list', { body: {} })).status).toBe(404);
    expect((await callSim(sim.url, alice, '/v1/api/user/info', { body: {} })).status).toBe(405);
  });

  it('accepts duplicated query keys on device/register', async () => {
    const res = await callSim(sim.url, alice, '/v1/api/user/device/register', {
      body: { uuid: 'r' }, query: { uuid: crypto.randomUUID(), client: 'web&device_platform=web&app_id=3001' },
    });
    expect(res.json).toMatchObject({ statusInfo: { code: 0 } });
  });
});

describe('auth', () => {
  it('reports an expired token as code 1001 on /v1 and HTTP 401 on /matrix', async () => {
    sim.admin.expireToken(alice.realUserId);
    expect((await callSim(sim.url, alice, '/v1/api/user/info')).json).toMatchObject({ statusInfo: { code: 1001 } });
    expect((await callSim(sim.url, alice, '/matrix/api/v1/chat/list_chat', { body: {} })).status).toBe(401);
  });

  it('can report bad tokens on /matrix as base_resp code 2', async () => {
    sim.admin.setOptions({ expiredOnMatrix: 'code2' });
    const res = await callSim(sim.url, alice, '/matrix/api/v1/chat/list_chat', { body: {}, token: 'eyJ.bad.token' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ base_resp: { status_code: 2 } });
  });

  it('refuses tokens past exp, missing tokens, foreign tokens and a different query token', async () => {
    const old = sim.admin.createAccount({ name: 'old', expiresInSec: -10 });
    expect((await callSim(sim.url, old, '/v1/api/user/info')).json).toMatchObject({ statusInfo: { code: 1001 } });
    expect((await callSim(sim.url, alice, '/v1/api/user/info', { token: null })).json).toMatchObject({ statusInfo: { code: 1001 } });
    const other = await startSimulator();
    try {
      const stranger = other.admin.createAccount({ realUserId: alice.realUserId });
      expect((await callSim(sim.url, stranger, '/v1/api/user/info')).json).toMatchObject({ statusInfo: { code: 1001 } });
    } finally {
      await other.close();
    }
    const bob = sim.admin.createAccount({ name: 'bob' });
    const res = await callSim(sim.url, alice, '/v1/api/user/info', { query: { token: bob.token } });
    expect(res.json).toMatchObject({ statusInfo: { code: 1001 } });
  });

  it('re-creating an account after expiry issues a working token', async () => {
    sim.admin.expireToken(alice.realUserId);
    const again = sim.admin.createAccount({ realUserId: alice.realUserId });
    expect(again.token).not.toBe(alice.token);
    expect((await callSim(sim.url, again, '/v1/api/user/info')).json).toMatchObject({ statusInfo: { code: 0 } });
  });

  it('answers HTTP 401 when user_id/uuid is not the realUserID, unless disabled', async () => {
    expect((await callSim(sim.url, alice, '/v1/api/user/info', { query: { user_id: '1' } })).status).toBe(401);
    expect((await callSim(sim.url, alice, '/matrix/api/v1/chat/list_chat', { body: {}, query: { uuid: '1' } })).status).toBe(401);
    sim.admin.setOptions({ checkRealUserId: false });
    expect((await callSim(sim.url, alice, '/v1/api/user/info', { query: { user_id: '1' } })).status).toBe(200);
  });

  it('issues guest accounts with a @guest.com email and JWT user.id = realUserId', () => {
    const guest = sim.admin.createAccount({ guest: true });
    const payload = JSON.parse(Buffer.from(guest.token.split('.')[1] ?? '', 'base64url').toString()) as {
      user: { id: string; deviceID: string }; email: string; exp: number;
    };
    expect(payload.email).toMatch(/@guest\.com$/);
    expect(payload.user).toMatchObject({ id: guest.realUserId, deviceID: guest.deviceId });
    expect(guest.credential).toBe(`${guest.realUserId}+${guest.token}`);
  });
});

describe('signature modes', () => {
  const path = '/matrix/api/v1/chat/list_chat';

  it('off: records the verdict but answers', async () => {
    await callSim(sim.url, alice, path, { body: {}, corruptYy: true, xSignature: 'wrong' });
    await callSim(sim.url, alice, path, { body: {}, xSignature: 'token' });
    const recorded = sim.admin.requests({ path });
    expect(recorded.map((r) => r.status)).toEqual([200, 200]);
    expect(recorded.map((r) => r.signature)).toEqual([
      { yyValid: false, xSignature: 'invalid' },
      { yyValid: true, xSignature: 'token' },
    ]);
  });

  it('lenient: yy must match, x-signature may be either variant or absent', async () => {
    sim.admin.setOptions({ signatureMode: 'lenient' });
    expect((await callSim(sim.url, alice, path, { body: {}, corruptYy: true })).status).toBe(403);
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'wrong' })).status).toBe(403);
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'none', nowMs: Date.now() - 600_000 })).status).toBe(200);
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'token' })).status).toBe(200);
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'secret' })).status).toBe(200);
  });

  it('strict: both must match and x-timestamp must be fresh', async () => {
    sim.admin.setOptions({ signatureMode: 'strict' });
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'secret' })).status).toBe(200);
    expect((await callSim(sim.url, alice, '/v1/api/user/info', { xSignature: 'token' })).status).toBe(200);
    const refused = await callSim(sim.url, alice, path, { body: {}, xSignature: 'none' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: 'signature' });
    expect((await callSim(sim.url, alice, path, { body: {}, xSignature: 'wrong' })).status).toBe(403);
    expect((await callSim(sim.url, alice, path, { body: {}, nowMs: Date.now() - 600_000 })).status).toBe(403);
  });

  it('strict: the signature covers the exact body bytes', async () => {
    sim.admin.setOptions({ signatureMode: 'strict' });
    const ok = await callSim(sim.url, alice, path, { rawBody: '{"page_size": 5}' });
    expect(ok.status).toBe(200);
    const res = await fetch(`${sim.url}${path}?unix=1&token=${alice.token}`, { method: 'POST', headers: { token: alice.token }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('never rejects the legacy unsigned credit endpoint', async () => {
    sim.admin.setOptions({ signatureMode: 'strict' });
    const res = await fetch(`${sim.url}/v1/api/user/credit`, { headers: { token: alice.token } });
    expect(await res.json()).toMatchObject({ statusInfo: { code: 0 }, data: { remainCredit: 200 } });
  });
});

describe('injected clock', () => {
  it('drives token expiry and x-timestamp freshness', async () => {
    let now = Date.now();
    const timed = await startSimulator({ signatureMode: 'strict' }, { now: () => now });
    try {
      const carol = timed.admin.createAccount({ expiresInSec: 60 });
      expect((await callSim(timed.url, carol, '/v1/api/user/info', { nowMs: now })).json).toMatchObject({ statusInfo: { code: 0 } });
      now += 400_000;
      expect((await callSim(timed.url, carol, '/v1/api/user/info', { nowMs: now - 400_000 })).status).toBe(403);
      const late = await callSim(timed.url, carol, '/v1/api/user/info', { nowMs: now });
      expect(late.json).toMatchObject({ statusInfo: { code: 1001 } });
      await expect(timed.admin.waitFor(() => false, 50)).rejects.toThrow(/not met/);
    } finally {
      await timed.close();
    }
  });
});
