import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { silentLogger } from '../logs/types';
import { createAccountsService } from './accounts-service';
import { createServiceFixture, fakeJwt } from './__test__/test-support';

function setup() {
  const fixture = createServiceFixture();
  const service = createAccountsService({
    repository: fixture.repository,
    providers: new Map([['minimax-agent', fixture.upstream.provider]]),
    busyCount: () => 0,
    baseUrlFor: () => 'http://upstream.test',
    defaultRegion: () => 'intl',
    events: fixture.events,
    logger: silentLogger,
    now: fixture.now,
  });
  return { ...fixture, service };
}

describe('accounts.import', () => {
  it('adds each valid credential, reports a bad entry on its own line, and shows progress', async () => {
    const { service, progress } = setup();
    const text = [`111111+${fakeJwt('111111')}`, 'not-a-token', `222222+${fakeJwt('222222')}`].join('\n');
    const result = await service.import({ text });
    expect(result).toMatchObject({ created: 2, updated: 0, failed: 1 });
    expect(result.results.map((r) => [r.line, r.ok, r.action])).toEqual([
      [1, true, 'created'],
      [2, false, null],
      [3, true, 'created'],
    ]);
    expect(result.results[1]?.error?.code).toBe('invalid_credential');
    // The bad line is named by its masked input like the good ones, not by a running number.
    expect(result.results[1]?.input).toBe('••••••••');
    expect(result.results[0]?.input).not.toContain(fakeJwt('111111'));
    expect(result.results[0]?.account).toMatchObject({ region: 'intl', status: 'active', credits: { remaining: 200 } });
    expect(progress.map((p) => [p.kind, p.done, p.total])).toEqual([
      ['import', 1, 3],
      ['import', 2, 3],
      ['import', 3, 3],
    ]);
    expect(await service.list()).toHaveLength(2);
  });

  it('updates an account with the same realUserID in place instead of adding a second one', async () => {
    const { service } = setup();
    const first = await service.import({ text: `333333+${fakeJwt('333333')}`, label: 'Work' });
    const again = await service.import({ text: `333333+${fakeJwt('333333', 'renamed')}`, label: 'Other' });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const accounts = await service.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.id).toBe(first.results[0]?.account?.id);
    expect(accounts[0]?.label).toBe('Work');
  });

  it('reports an upstream refusal for that line and stores nothing', async () => {
    const { service, upstream } = setup();
    upstream.failures.set('444444', new RelayError('upstream_auth_expired', 'Token expired upstream.'));
    const result = await service.import({ text: `444444+${fakeJwt('444444')}` });
    expect(result.failed).toBe(1);
    expect(result.results[0]?.error).toEqual({ code: 'upstream_auth_expired', message: 'Token expired upstream.' });
    expect(await service.list()).toEqual([]);
  });

  it('refuses a token whose own expiry has passed without asking the upstream', async () => {
    const { service, upstream } = setup();
    const result = await service.import({ text: `555555+${fakeJwt('555555', 'old', 1)}` });
    expect(result.results[0]?.error?.code).toBe('upstream_auth_expired');
    expect(upstream.calls).toEqual([]);
  });
});

describe('accounts.validate', () => {
  it('marks an account expired when the upstream refuses its token, and active again once it works', async () => {
    const { service, upstream } = setup();
    const id = (await service.import({ text: `666666+${fakeJwt('666666')}` })).results[0]?.account?.id ?? '';
    upstream.failures.set('666666', new RelayError('upstream_auth_expired', 'expired'));
    expect((await service.validate({ id })).status).toBe('expired');
    upstream.failures.delete('666666');
    upstream.credits.set('666666', 42);
    const after = await service.validate({ id });
    expect(after.status).toBe('active');
    expect(after.credits?.remaining).toBe(42);
  });

  it('parks an account with no credits left until the reset time', async () => {
    const { service, upstream } = setup();
    const id = (await service.import({ text: `777777+${fakeJwt('777777')}` })).results[0]?.account?.id ?? '';
    upstream.credits.set('777777', 0);
    const summary = await service.validate({ id });
    expect(summary.status).toBe('exhausted');
    expect(summary.statusUntil).toBeGreaterThan(0);
  });

  it('validateAll goes on past an unreachable account and reports progress', async () => {
    const { service, upstream, progress } = setup();
    await service.import({ text: [`100001+${fakeJwt('100001')}`, `100002+${fakeJwt('100002')}`].join(',') });
    upstream.failures.set('100001', new RelayError('upstream_unavailable', 'down'));
    upstream.failures.set('100002', new RelayError('invalid_credential', 'bad'));
    const all = await service.validateAll();
    expect(all.map((a) => a.status).sort()).toEqual(['active', 'invalid']);
    expect(progress.filter((p) => p.kind === 'validate').map((p) => p.done)).toEqual([1, 2]);
  });

  it('answers account_not_found for an unknown id', async () => {
    const { service } = setup();
    await expect(service.validate({ id: 'missing' })).rejects.toMatchObject({ code: 'account_not_found' });
  });
});

describe('accounts: edit, reset, remove, cleanup, login', () => {
  it('disables, resets and removes an account', async () => {
    const { service } = setup();
    const id = (await service.import({ text: `888888+${fakeJwt('888888')}` })).results[0]?.account?.id ?? '';
    expect(await service.update({ id, enabled: false, label: 'Spare' })).toMatchObject({ enabled: false, status: 'disabled', label: 'Spare' });
    expect((await service.update({ id, enabled: true })).status).toBe('active');
    await service.remove({ id });
    expect(await service.list()).toEqual([]);
    await expect(service.remove({ id })).rejects.toMatchObject({ code: 'account_not_found' });
  });

  it('cleans up upstream chats with progress events', async () => {
    const { service, progress } = setup();
    const id = (await service.import({ text: `999999+${fakeJwt('999999')}` })).results[0]?.account?.id ?? '';
    expect(await service.cleanupChats({ id })).toEqual({ deleted: 2, failed: 0, skipped: 0 });
    expect(progress.filter((p) => p.kind === 'cleanup').map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('says login needs the desktop app on the web host', async () => {
    const { service } = setup();
    await expect(service.login({})).rejects.toMatchObject({ code: 'invalid_request', detail: { reason: 'desktop_only' } });
  });
});

describe('accounts.setCookies', () => {
  it('sets, replaces and removes the cookies of a web account, sealed, keeping its status', async () => {
    const { service, repository } = setup();
    const id = (await service.import({ text: `121212+${fakeJwt('121212')}` })).results[0]?.account?.id ?? '';
    const cookies = () => repository.openCredential(repository.get(id));
    await expect(service.setCookies({ id, cookies: 'Cookie: mm_sessionid=a1; cf_clearance=b2' })).resolves.toMatchObject({ id, status: 'active' });
    expect(cookies()).toMatchObject({ token: fakeJwt('121212'), cookies: 'mm_sessionid=a1; cf_clearance=b2' });
    await service.setCookies({ id, cookies: 'mm_sessionid=a2' });
    expect(cookies()).toMatchObject({ cookies: 'mm_sessionid=a2' });
    await service.setCookies({ id, cookies: '  ' });
    expect(cookies()).not.toHaveProperty('cookies');
  });

  it('refuses what is not a cookie header, and unknown accounts', async () => {
    const { service } = setup();
    const id = (await service.import({ text: `131313+${fakeJwt('131313')}` })).results[0]?.account?.id ?? '';
    await expect(service.setCookies({ id, cookies: 'not cookies' })).rejects.toMatchObject({ code: 'invalid_credential' });
    await expect(service.setCookies({ id: 'nope', cookies: 'a=b' })).rejects.toMatchObject({ code: 'account_not_found' });
  });
});
