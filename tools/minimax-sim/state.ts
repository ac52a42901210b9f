import type { AccountRecord, AccountStore } from './accounts';
import type { ChatStore } from './chats';
import type { FaultQueue } from './faults';
import type { Recorder } from './recorder';
import type { Scheduler } from './scheduler';
import type { UploadStore } from './uploads';
import type { RecordedRequest, ScriptedReply, SimOptions } from './types';

export type EffectiveOptions = Required<Omit<SimOptions, 'host' | 'port'>>;

export const DEFAULT_OPTIONS: EffectiveOptions = {
  signatureMode: 'off',
  tickMs: 100,
  charsPerTick: 40,
  oneReplyPerAccount: true,
  checkRealUserId: true,
  expiredOnMatrix: 'http401',
  defaultCredits: 200,
  protocol: '2026-04',
  omitUserDetail: false,
  cloudflare: false,
};

/** Everything the request handlers and the admin API share. */
export interface SimState {
  options: EffectiveOptions;
  accounts: AccountStore;
  chats: ChatStore;
  faults: FaultQueue;
  recorder: Recorder;
  scheduler: Scheduler;
  uploads: UploadStore;
  scripts: { global: ScriptedReply[]; perAccount: Map<string, ScriptedReply[]> };
  defaultReply: ((text: string) => ScriptedReply) | null;
  now: () => number;
  baseUrl: string;
  /** Signs tokens and derives the session and clearance cookies (session-cookies.ts). */
  secret: string;
}

export interface RouteContext {
  state: SimState;
  account: AccountRecord;
  query: Record<string, string | string[]>;
  body: unknown;
  rawBody: Buffer;
  record: RecordedRequest;
}

/** Scripted replies are consumed per account first, then from the shared queue. */
export function takeScript(state: SimState, realUserId: string): ScriptedReply | undefined {
  const own = state.scripts.perAccount.get(realUserId);
  if (own && own.length > 0) return own.shift();
  return state.scripts.global.shift();
}
