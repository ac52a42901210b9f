/**
 * The web transport of BridgeApi (headless host): `POST /api/<domain>/<method>` and the SSE event
 * stream `GET /api/events`. The stream is read with fetch + a reader because EventSource cannot
 * send the Authorization header; it reconnects with a capped back-off.
 */
import { createParser } from 'eventsource-parser';
import { BRIDGE_EVENTS, type BridgeEventName, type BridgeResult } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import type { ConnectionState, EventHandler, Transport } from './api';

export interface HttpTransportDeps {
  baseUrl: string;
  token: string | null;
  /** Read on every call when given (the tab's token can change at sign-in); wins over `token`. */
  getToken?: () => string | null;
  /** Told once when the relay refuses the token; calls then fail at once until resume(). */
  onUnauthorized?: () => void;
  fetch: typeof fetch;
  /** Schedules a reconnect; injected so tests control time. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

function failure(code: ErrorInfo['code'], message: string, detail?: ErrorInfo['detail']): BridgeResult<never> {
  return { ok: false, error: detail ? { code, message, detail } : { code, message } };
}

function isBridgeResult(value: unknown): value is BridgeResult<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

function isEventName(name: string | undefined): name is BridgeEventName {
  return name !== undefined && (BRIDGE_EVENTS as readonly string[]).includes(name);
}

export type HttpTransport = Transport & {
  /** After a new token was stored: calls go out again and a parked event stream reconnects. */
  resume(): void;
};

export function createHttpTransport(deps: HttpTransportDeps): HttpTransport {
  const token = (): string | null => (deps.getToken ? deps.getToken() : deps.token);
  const headers = (): Record<string, string> => {
    const value = token();
    return value ? { authorization: `Bearer ${value}` } : {};
  };
  // One refused token is enough: every further call with it would count as another failed
  // attempt on the relay's limiter and could lock the right token out too.
  let refused = false;
  const parked = new Set<() => void>();
  const refuse = (): void => {
    if (refused) return;
    refused = true;
    deps.onUnauthorized?.();
  };
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  async function call(domain: string, method: string, input: unknown): Promise<BridgeResult<unknown>> {
    if (refused) return failure('unauthorized', 'The admin token was refused.');
    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}/api/${domain}/${method}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      // Marked so callers can tell "no answer" from a refusal (e.g. the listener just moved).
      return failure('internal', 'Cannot reach the relay. Is it still running?', { unreachable: true });
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401) refuse();
    if (isBridgeResult(body)) return body;
    if (response.status === 401) return failure('unauthorized', 'The admin token was refused.');
    return failure('internal', `The relay answered HTTP ${response.status} without a result.`);
  }

  function subscribe(onEvent: EventHandler, onState: (state: ConnectionState) => void): () => void {
    let stopped = false;
    let attempt = 0;
    let controller: AbortController | null = null;
    let timer: unknown = null;
    const parser = createParser({
      onEvent(message) {
        if (!isEventName(message.event)) return;
        try {
          onEvent(message.event, JSON.parse(message.data));
        } catch {
          // A malformed frame is skipped; the next accounts/settings event resyncs the cache.
        }
      },
    });

    async function connect(): Promise<void> {
      if (refused) {
        parked.add(() => void connect());
        return;
      }
      controller = new AbortController();
      onState(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        const response = await deps.fetch(`${deps.baseUrl}/api/events`, { headers: { ...headers(), accept: 'text/event-stream' }, signal: controller.signal });
        if (response.status === 401) refuse();
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        onState('open');
        parser.reset();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // Falls through to the reconnect below.
      }
      if (stopped) return;
      if (refused) {
        parked.add(() => void connect());
        return;
      }
      const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 10_000;
      attempt += 1;
      onState('reconnecting');
      timer = setTimer(() => void connect(), delay);
    }

    void connect();
    return () => {
      stopped = true;
      parked.clear();
      controller?.abort();
      if (timer !== null) clearTimer(timer);
    };
  }

  function resume(): void {
    refused = false;
    const waiting = [...parked];
    parked.clear();
    waiting.forEach((reconnect) => reconnect());
  }

  return { call, subscribe, resume };
}
