/**
 * `doctor` / Diagnose for one web account (issue: the service changes and no developer machine can
 * reach it, so users must be able to share what it answers): user info, credits and device
 * registration, then send_msg + poll + delete of a one-word prompt under EVERY request profile.
 * The report keeps statuses, codes, timings and answer shapes, and redacts everything else.
 */
import type { DiagnosisReport, DiagnosisStep } from '../../../../shared/domain/diagnosis';
import { isRelayError } from '../../../../shared/errors';
import type { AgentCredential, ProviderAccount } from '../../types';
import type { SleepFn } from '../cleanup';
import { readTokenClaims } from '../credentials';
import { toBaseIdentity } from '../device';
import { isRefusedOutright } from '../errors';
import { buildSendBody } from '../knobs';
import { describeRefusal } from '../negotiate';
import { DEFAULT_PROFILE, REQUEST_PROFILES, type RequestProfile } from '../profiles';
import { CHAT_STATUS_DONE, MSG_TYPE_AI, PATHS } from '../protocol';
import type { AgentHttp, CallIdentity } from '../request';
import { chatDetailResponse, deviceRegisterData, emptyResponse, membershipResponse, sendMsgResponse, userInfoData } from '../schemas';
import { redactText, type KnownSecrets } from './redact';
import { renderReport, verdictOf } from './render';
import { recordStep, skippedStep } from './steps';

export interface DiagnosisDeps {
  http: AgentHttp;
  transportKind: 'node' | 'chromium';
  now: () => number;
  sleep: SleepFn;
  profiles?: readonly RequestProfile[];
}

const PROMPT = 'Hello';
const POLL_INTERVAL_MS = 500;
const MAX_POLLS = 40;

interface Run {
  deps: DiagnosisDeps;
  steps: DiagnosisStep[];
  secrets: KnownSecrets;
  signal: AbortSignal | undefined;
}

export async function diagnoseAccount(deps: DiagnosisDeps, account: ProviderAccount, signal?: AbortSignal): Promise<DiagnosisReport> {
  const base = toBaseIdentity(account);
  const credential = account.credential as AgentCredential;
  const run: Run = { deps, steps: [], secrets: { credential, extra: [] }, signal };
  const first = DEFAULT_PROFILE.id;
  const info = await recordStep(run.steps, { call: 'user_info', profile: first }, (observe) =>
    deps.http.call(base, { method: 'GET', path: PATHS.userInfo, envelope: 'statusInfo', schema: userInfoData, signal, observe }),
  );
  if (info.ok && info.value.userInfo.name) run.secrets.extra.push(info.value.userInfo.name);
  await recordStep(run.steps, { call: 'credits', profile: first }, (observe) =>
    deps.http.call(base, { method: 'POST', path: PATHS.membership, body: {}, envelope: 'baseResp', schema: membershipResponse, signal, observe }),
  );
  const identity = { ...base, deviceId: await registerDevice(run, base) };
  const working: string[] = [];
  for (const profile of deps.profiles ?? REQUEST_PROFILES) {
    signal?.throwIfAborted();
    if (await tryProfile(run, identity, profile)) working.push(profile.id);
  }
  const claims = readTokenClaims(credential.token);
  const report: Omit<DiagnosisReport, 'text'> = {
    createdAt: deps.now(),
    upstreamHost: new URL(account.baseUrl).host,
    region: account.region,
    transport: deps.transportKind,
    credential: {
      tokenExpiresInDays: claims.expiresAt === undefined ? null : Math.floor((claims.expiresAt - deps.now()) / 86_400_000),
      cookieNames: cookieNames(credential.cookies),
    },
    steps: run.steps.map((step) => ({ ...step, note: step.note === null ? null : redactText(step.note, run.secrets) })),
    workingProfiles: working,
    verdict: verdictOf(run.steps, working),
  };
  return { ...report, text: redactText(renderReport(report), run.secrets) };
}

function cookieNames(cookies: string | undefined): string[] {
  return (cookies ?? '')
    .split(';')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter((name) => /^[\w.-]{1,64}$/.test(name));
}

async function registerDevice(run: Run, base: CallIdentity): Promise<string | undefined> {
  const uuid = crypto.randomUUID();
  run.secrets.extra.push(uuid);
  const registered = await recordStep(run.steps, { call: 'device_register', profile: DEFAULT_PROFILE.id }, (observe) =>
    run.deps.http.call(
      { ...base, uuid, deviceId: null },
      { method: 'POST', path: PATHS.deviceRegister, body: { uuid }, envelope: 'statusInfo', schema: deviceRegisterData, signal: run.signal, observe },
    ),
  );
  const deviceId = registered.ok ? registered.value.deviceIDStr : readTokenClaims(base.token).deviceId;
  if (deviceId) run.secrets.extra.push(deviceId);
  return deviceId;
}

/** send_msg, poll until done, delete: true when the profile carried a whole reply. */
async function tryProfile(run: Run, identity: CallIdentity, profile: RequestProfile): Promise<boolean> {
  const head = { call: 'send_msg', profile: profile.id };
  if (profile.needsCookies && !identity.cookies) {
    skippedStep(run.steps, head, 'No browser cookies are stored for this account.');
    return false;
  }
  const body = buildSendBody(profile, { text: PROMPT, modelId: 'MiniMax-M2.7', capabilities: { thinking: false, webSearch: false } });
  const sent = await recordStep(run.steps, head, (observe) =>
    run.deps.http.call(identity, { method: 'POST', path: PATHS.sendMsg, body, envelope: 'baseResp', schema: sendMsgResponse, profile, signal: run.signal, observe }),
  );
  if (!sent.ok) {
    // The mapped message would say "log in again"; for one profile's send it only means refused.
    if (isRelayError(sent.error) && isRefusedOutright(sent.error)) {
      sent.step.errorCode = 'upstream_protocol_rejected';
      sent.step.note = `Refused outright (${describeRefusal(sent.error)}).`;
    }
    return false;
  }
  run.secrets.extra.push(String(sent.value.chat_id), String(sent.value.msg_id));
  const replied = await pollReply(run, identity, profile, sent.value.chat_id);
  const deleted = await recordStep(run.steps, { call: 'delete_chat', profile: profile.id }, (observe) =>
    run.deps.http.call(identity, {
      method: 'POST', path: PATHS.deleteChat, body: { chat_id: sent.value.chat_id }, envelope: 'baseResp', schema: emptyResponse, profile, signal: run.signal, observe,
    }),
  );
  return replied && deleted.ok;
}

async function pollReply(run: Run, identity: CallIdentity, profile: RequestProfile, chatId: number): Promise<boolean> {
  const started = run.deps.now();
  const steps: DiagnosisStep[] = [];
  let polls = 0;
  let failures = 0;
  let done = false;
  while (!done && polls < MAX_POLLS) {
    await run.deps.sleep(POLL_INTERVAL_MS, run.signal);
    polls += 1;
    steps.length = 0;
    const poll = await recordStep(steps, { call: 'poll', profile: profile.id }, (observe) =>
      run.deps.http.call(identity, { method: 'POST', path: PATHS.chatDetail, body: { chat_id: chatId }, envelope: 'baseResp', schema: chatDetailResponse, profile, signal: run.signal, observe }),
    );
    if (!poll.ok) failures += 1;
    else done = poll.value.chat.chat_status === CHAT_STATUS_DONE && (poll.value.messages ?? []).some((m) => m.msg_type === MSG_TYPE_AI && (m.msg_content ?? '') !== '');
  }
  const last = steps[0];
  if (!last) return false;
  run.steps.push({
    ...last,
    outcome: done ? 'ok' : 'failed',
    ms: run.deps.now() - started,
    note: `${polls} poll(s), ${failures} failed${done ? '; the reply finished' : '; no finished reply'}${last.note ? `; last: ${last.note}` : ''}`,
  });
  return done;
}
