/**
 * How a streamed answer's frames reach the wire. A dialect picks one; the stream lifecycle
 * (serve-chat.ts) writes through it and never cares which.
 */
import type { Response } from 'express';
import type { StreamFrame } from './dialects/types';
import { createSseWriter } from './sse-writer';

export interface FrameWriter {
  write(frames: readonly StreamFrame[]): void;
  /** Ends the response (idempotent). */
  end(): void;
  /** True once the client is gone or the response ended. */
  readonly closed: boolean;
}

export interface StreamTransport {
  /** Sends the headers and returns the writer; `heartbeatMs` of silence brings a keep-alive ping. */
  open(res: Response, heartbeatMs: number): FrameWriter;
}

/** Server-sent events; the keep-alive is a `: ping` comment unless `ping` names an event frame. */
export function sseTransport(options: { ping?: { event: string; data: unknown } } = {}): StreamTransport {
  return {
    open(res, heartbeatMs) {
      const sse = createSseWriter(res, { heartbeatMs, ...(options.ping ? { ping: options.ping } : {}) });
      return {
        write(frames) {
          for (const frame of frames) {
            if (frame.event !== undefined) sse.event(frame.event, frame.data);
            else sse.data(frame.data);
          }
        },
        end: () => sse.end(),
        get closed() {
          return sse.closed;
        },
      };
    },
  };
}

/**
 * One JSON array written element by element (Gemini's `streamGenerateContent` without
 * `alt=sse`). A JSON array has no room for a keep-alive frame, so there is none.
 */
export function jsonArrayTransport(): StreamTransport {
  return {
    open(res) {
      res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
      res.flushHeaders();
      res.socket?.setNoDelay(true);
      let first = true;
      const closed = (): boolean => res.writableEnded || res.destroyed;
      return {
        write(frames) {
          for (const frame of frames) {
            if (closed()) return;
            res.write(`${first ? '[' : ',\r\n'}${JSON.stringify(frame.data)}`);
            first = false;
          }
        },
        end() {
          if (!closed()) res.end(first ? '[]' : ']');
        },
        get closed() {
          return closed();
        },
      };
    },
  };
}
