import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimAccount, type SimOptions, type Simulator } from '../../../../../tools/minimax-sim';
import type { DiagnosisReport } from '../../../../shared/domain/diagnosis';
import { isAgentCredential, type ProviderAccount } from '../../types';
import { createMinimaxAgentProvider } from '../index';
import { createMemoryChatLedger } from '../ledger';

const sims: Simulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

async function setup(options: SimOptions, cookies: 'session' | 'session+clearance' | 'none' = 'session') {
  const sim = await startSimulator({ tickMs: 5, charsPerTick: 100, ...options });
  sims.push(sim);
  const simAccount = sim.admin.createAccount({ name: 'Zhang Wei', email: 'zhang.wei@example.com' });
  const account: ProviderAccount = {
    id: 'acc',
    label: 'test',
    region: 'intl',
    baseUrl: sim.url,
    credential: {
      kind: 'minimax-agent',
      token: simAccount.token,
      realUserId: simAccount.realUserId,
      ...(cookies === 'none' ? {} : { cookies: sim.admin.cookieHeader(simAccount.realUserId, cookies === 'session+clearance') }),
    },
  };
  const provider = createMinimaxAgentProvider({ settings: () => ({ signatureVariant: 'secret' }), chatLedger: createMemoryChatLedger() });
  const diagnose = provider.diagnose;
  if (!diagnose) throw new Error('the web provider must diagnose');
  return { sim, simAccount, account, run: () => diagnose(account) };
}

function sendSteps(report: DiagnosisReport): [string, string, number | null][] {
  return report.steps.filter((s) => s.call === 'send_msg').map((s) => [s.profile, s.outcome, s.httpStatus]);
}

/** Everything that could identify or authenticate the user, as the simulator saw it. */
function secretsSeen(sim: Simulator, simAccount: SimAccount, account: ProviderAccount): string[] {
  const credential = isAgentCredential(account.credential) ? account.credential : null;
  const cookies = credential?.cookies ?? '';
  const requests = sim.admin.requests();
  const fromRequests = requests.flatMap((r) => [r.headers.yy, r.headers['x-signature'], r.headers.cookie, String(r.query.uuid ?? ''), String(r.query.device_id ?? '')]);
  return [
    simAccount.token,
    ...simAccount.token.split('.'),
    simAccount.realUserId,
    simAccount.deviceId,
    simAccount.name,
    simAccount.email,
    cookies,
    ...cookies.split(';').map((part) => part.split('=')[1]?.trim() ?? ''),
    ...sim.admin.chats().map((chat) => String(chat.chatId)),
    ...fromRequests,
  ].filter((value): value is string => typeof value === 'string' && value.length >= 4 && value !== 'null');
}

describe('diagnosis against the simulator', () => {
  it('2026-04: the signed profile works end to end', async () => {
    const { run } = await setup({});
    const report = await run();
    expect(report.workingProfiles).toEqual(['signed-2026-04']);
    expect(report.steps.slice(0, 3).map((s) => [s.call, s.outcome])).toEqual([['user_info', 'ok'], ['credits', 'ok'], ['device_register', 'ok']]);
    expect(report.steps.filter((s) => s.profile === 'signed-2026-04').map((s) => s.call)).toContain('delete_chat');
    expect(report.verdict).toContain('signed-2026-04');
    expect(report.credential.cookieNames).toEqual(['mm_sessionid']);
  });

  it('2026-05: the April send is refused with an empty 401 and the cookie profile works', async () => {
    const { run } = await setup({ protocol: '2026-05' });
    const report = await run();
    expect(sendSteps(report)).toEqual([['signed-2026-04', 'failed', 401], ['web-cookie-2026-05', 'ok', 200]]);
    expect(report.steps.find((s) => s.call === 'send_msg')).toMatchObject({ shape: 'empty', errorCode: 'upstream_protocol_rejected', note: 'Refused outright (HTTP 401, empty body).' });
    expect(report.workingProfiles).toEqual(['web-cookie-2026-05']);
    expect(report.text).toContain('Working request profiles: web-cookie-2026-05');
  });

  it('2026-05 without cookies: says to log in again so cookies are stored', async () => {
    const { run } = await setup({ protocol: '2026-05' }, 'none');
    const report = await run();
    expect(sendSteps(report)).toEqual([['signed-2026-04', 'failed', 401], ['web-cookie-2026-05', 'skipped', null]]);
    expect(report.verdict).toMatch(/Log in again in the app/);
  });

  it('behind Cloudflare without clearance: blocked, with the next step', async () => {
    const { run } = await setup({ cloudflare: true });
    const report = await run();
    expect(report.steps[0]).toMatchObject({ call: 'user_info', httpStatus: 403, errorCode: 'upstream_blocked', shape: 'html' });
    expect(report.verdict).toMatch(/desktop app/);
    expect(report.workingProfiles).toEqual([]);
  });

  it('behind Cloudflare with clearance, in 2026-05: the cookie profile works', async () => {
    const { run } = await setup({ cloudflare: true, protocol: '2026-05' }, 'session+clearance');
    expect((await run()).workingProfiles).toEqual(['web-cookie-2026-05']);
  });

  it('an expired token: says to log in again', async () => {
    const { sim, simAccount, run } = await setup({});
    sim.admin.expireToken(simAccount.realUserId);
    expect((await run()).verdict).toMatch(/log in again/);
  });

  it.each([[{}], [{ protocol: '2026-05' as const }], [{ cloudflare: true }]])('leaves no secret or identifier in the report (%j)', async (options) => {
    const { sim, simAccount, account, run } = await setup(options, 'session+clearance');
    const report = await run();
    const everything = `${JSON.stringify(report)}\n${report.text}`;
    const secrets = secretsSeen(sim, simAccount, account);
    expect(secrets.length).toBeGreaterThan(8);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(everything).not.toMatch(/\b[a-f0-9]{32}\b/);
  });
});
