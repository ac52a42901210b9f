/** The Open Platform simulator's public shapes (see README.md). */
export type SimRegion = 'cn' | 'intl';
export type SimKeyKind = 'pay-as-you-go' | 'coding-plan';

export interface OpenSimKeyInput {
  /** Default: a random `sk-sim-…` key. */
  key?: string;
  region?: SimRegion;
  kind?: SimKeyKind;
  /** Chat and speech calls this key may still pay for (pay-as-you-go); default unlimited. */
  balance?: number;
  /** Coding Plan: prompts in the current window (remaining starts at the total). Default 1500. */
  planTotal?: number;
  /** Requests per minute before `1002 rate limit`; default unlimited. */
  rpm?: number;
}

export interface OpenSimKey {
  key: string;
  region: SimRegion;
  kind: SimKeyKind;
  balance: number;
  planTotal: number;
  planLeft: number;
  rpm: number;
  /** Request times within the last minute. */
  recent: number[];
}

/** A scripted chat reply; the simulator otherwise answers with a default built from the request. */
export interface OpenScriptedReply {
  text?: string;
  reasoning?: string;
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
  /** Answer with this `base_resp` code instead of a reply (HTTP status optional). */
  errorCode?: number;
  httpStatus?: number;
}

export interface OpenRecordedRequest {
  seq: number;
  method: string;
  path: string;
  /** The bearer key sent (the simulator is a test double: keys are not secrets here). */
  key: string | null;
  body: unknown;
}

export interface OpenSimAdmin {
  addKey(input?: OpenSimKeyInput): OpenSimKey;
  key(key: string): OpenSimKey | undefined;
  setBalance(key: string, balance: number): void;
  setPlanLeft(key: string, left: number): void;
  /** Replies used in order by the next chat calls (any key). */
  scriptReply(reply: OpenScriptedReply): void;
  /** Voice ids t2a_v2 accepts besides the built-in system voices. */
  addVoice(voiceId: string): void;
  requests(): OpenRecordedRequest[];
  reset(): void;
}

export interface OpenSimulator {
  /** Serves both regions (a key works in its own region only under `urlFor`). */
  url: string;
  /** `${url}/cn` or `${url}/intl`: a key of the other region is refused there, as on the platform. */
  urlFor(region: SimRegion): string;
  admin: OpenSimAdmin;
  close(): Promise<void>;
}
