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

export function createHttpTransport(deps: HttpTransportDeps): Transport {
  const headers = (): Record<string, string> => (deps.token ? { authorization: `Bearer ${deps.token}` } : {});
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  async function call(domain: string, method: string, input: unknown): Promise<BridgeResult<unknown>> {
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
      controller = new AbortController();
      onState(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        const response = await deps.fetch(`${deps.baseUrl}/api/events`, { headers: { ...headers(), accept: 'text/event-stream' }, signal: controller.signal });
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
      const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 10_000;
      attempt += 1;
      onState('reconnecting');
      timer = setTimer(() => void connect(), delay);
    }

    void connect();
    return () => {
      stopped = true;
      controller?.abort();
      if (timer !== null) clearTimer(timer);
    };
  }

  return { call, subscribe };
}
