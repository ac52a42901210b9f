/**
 * `GET /api/events`: every BridgeEvent as one SSE frame (`event: <name>`, `data: <json>`). The web
 * UI reads it with fetch + a reader because EventSource cannot send the Authorization header.
 */
import type { Request, Response } from 'express';
import { BRIDGE_EVENTS } from '../../shared/contract';
import type { RelayCoreEvents } from '../core/types';

export function streamEvents(req: Request, res: Response, events: RelayCoreEvents, heartbeatMs: number): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // A first frame so the client's fetch resolves and it knows the stream is live.
  res.write(': connected\n\n');

  // Event names are compile-time constants without CR/LF; JSON.stringify escapes newlines in data.
  const unsubscribers = BRIDGE_EVENTS.map((name) =>
    events.on(name, (payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();

  const stop = (): void => {
    clearInterval(heartbeat);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
