/**
 * Server-sent events over an HTTP response. Frames are written straight to the socket (no
 * compression layer sits in front of the relay, and `X-Accel-Buffering: no` asks reverse proxies
 * not to buffer), and comment heartbeats keep idle connections alive while the upstream is still
 * thinking: clients and proxies drop streams that stay silent for a minute.
 */
import { RelayError } from '../../shared/errors';

/** The part of a ServerResponse the writer needs (tests pass a fake). */
export interface SseResponse {
  setHeader(name: string, value: string): unknown;
  flushHeaders?(): void;
  write(chunk: string): boolean;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
  off?(event: 'close', listener: () => void): unknown;
  readonly headersSent?: boolean;
  readonly writableEnded?: boolean;
  socket?: { setNoDelay?(noDelay?: boolean): unknown } | null;
}

export interface SseWriter {
  /** `data: <json or text>` frame. */
  data(payload: unknown): void;
  /** `event: <name>` + `data:` frame. */
  event(name: string, payload: unknown, id?: string): void;
  /** `: <text>` comment frame (ignored by clients). */
  comment(text: string): void;
  end(): void;
  readonly closed: boolean;
}

export interface SseWriterOptions {
  /** Heartbeat after this long without a frame; 0 disables. */
  heartbeatMs: number;
  /**
   * The heartbeat frame as an event (Anthropic clients expect `event: ping`); a `: ping` comment
   * when absent.
   */
  ping?: { event: string; data: unknown };
}

function assertField(kind: string, value: string): void {
  // A newline would let a value start a new field or frame: refuse it (frame injection).
  if (/[\r\n]/.test(value)) throw new RelayError('internal', `SSE ${kind} must not contain CR or LF.`);
}

function dataLines(payload: unknown): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('');
}

export function createSseWriter(res: SseResponse, options: SseWriterOptions): SseWriter {
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const stop = (): void => {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    res.off?.('close', stop);
  };

  const send = (frame: string): void => {
    if (closed || res.writableEnded) return;
    res.write(frame);
    timer?.refresh();
  };

  if (!res.headersSent) {
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders?.();
  }
  res.socket?.setNoDelay?.(true);
  res.on('close', stop);

  if (options.heartbeatMs > 0) {
    const ping = options.ping;
    const frame = ping ? `event: ${ping.event}\n${dataLines(ping.data)}\n` : ': ping\n\n';
    const beat = (): void => {
      if (closed) return;
      send(frame);
    };
    // Every frame refresh()es the interval, so a ping goes out only after heartbeatMs of silence.
    timer = setInterval(beat, options.heartbeatMs);
    timer.unref();
  }

  return {
    data(payload) {
      send(`${dataLines(payload)}\n`);
    },
    event(name, payload, id) {
      assertField('event name', name);
      if (id !== undefined) assertField('id', id);
      send(`${id !== undefined ? `id: ${id}\n` : ''}event: ${name}\n${dataLines(payload)}\n`);
    },
    comment(text) {
      send(`${text.split(/\r\n|\r|\n/).map((line) => `: ${line}\n`).join('')}\n`);
    },
    end() {
      if (closed) return;
      stop();
      if (!res.writableEnded) res.end();
    },
    get closed() {
      return closed;
    },
  };
}
