/**
 * A diagnosis of one MiniMax web account against the configured upstream: what each call answered
 * (status, envelope code, timing, the SHAPE of the answer) under every request profile, and which
 * profile worked. Made to be shared: it holds no token, cookie value, id, signature or name.
 */
import type { ErrorCode } from '../errors';

export interface DiagnosisStep {
  /** `user_info`, `credits`, `device_register`, `send_msg`, `poll`, `delete_chat`. */
  call: string;
  /** The request profile the call was shaped by. */
  profile: string;
  outcome: 'ok' | 'failed' | 'skipped';
  httpStatus: number | null;
  /** `statusInfo.code` or `base_resp.status_code`, when the answer had one. */
  envelopeCode: number | null;
  ms: number | null;
  errorCode: ErrorCode | null;
  /** Why it failed or was skipped, in the relay's words. */
  note: string | null;
  /** Keys and types of the answer (`{chat_id:number,…}`), `empty`, `html` or `text`; never values. */
  shape: string | null;
}

export interface DiagnosisReport {
  createdAt: number;
  /** Host of the upstream (e.g. agent.minimaxi.com), region and how calls left the relay. */
  upstreamHost: string;
  region: string;
  transport: 'node' | 'chromium';
  credential: {
    /** Days until the token's `exp`, when it has one. */
    tokenExpiresInDays: number | null;
    /** Names (never values) of the stored browser cookies; empty when none are stored. */
    cookieNames: string[];
  };
  steps: DiagnosisStep[];
  /** Profiles whose send_msg, poll and delete all worked, in order. */
  workingProfiles: string[];
  /** One-line conclusion with the next step. */
  verdict: string;
  /** The whole report as readable text (what "Copy report" copies). */
  text: string;
}
