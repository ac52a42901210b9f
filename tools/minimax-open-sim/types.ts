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
  /** Streaming replies open at once before `1041 connection limit`; default unlimited. */
  maxStreams?: number;
}

export interface OpenSimKey {
  key: string;
  region: SimRegion;
  kind: SimKeyKind;
  balance: number;
  planTotal: number;
  planLeft: number;
  rpm: number;
  maxStreams: number;
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

/** Streaming responses (chat and speech) of one key, or of all keys summed. */
export interface OpenSimStreamStats {
  /** Still being written right now. */
  open: number;
  /** Written to the end (`[DONE]` or the final speech event) and closed. */
  completed: number;
  /** Closed by the caller before the end: the relay stopped reading and hung up. */
  abandoned: number;
  /** Most streams open at once (summed over keys when no key is given). */
  peakOpen: number;
}

export interface OpenSimOptions {
  host?: string;
  port?: number;
  now?: () => number;
  /** Pause between two stream events (default 0: the whole stream at once). */
  chunkDelayMs?: number;
  /** Split a reply's text into pieces of this many characters instead of three. */
  textChunkChars?: number;
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
  /** Open, completed and abandoned streams of `key`, or of every key. */
  streams(key?: string): OpenSimStreamStats;
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
