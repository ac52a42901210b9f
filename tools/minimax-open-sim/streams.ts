/**
 * Event-stream responses, paced and counted. The relay must stop reading (and close its fetch)
 * when its client goes away; a stream the platform is still writing after that is a leak the
 * relay cannot see, so the simulator counts per key how many streams are open right now, how
 * many ran to their end and how many the caller closed before the end.
 */
import type { ServerResponse } from 'node:http';
import type { OpenSimStreamStats } from './types';

interface KeyStreams {
  open: number;
  completed: number;
  abandoned: number;
  peakOpen: number;
}

export interface StreamPacing {
  /** Pause between two `data:` events; 0 writes the whole stream at once. */
  chunkDelayMs: number;
}

const empty = (): KeyStreams => ({ open: 0, completed: 0, abandoned: 0, peakOpen: 0 });

export function createStreamTracker() {
  const byKey = new Map<string, KeyStreams>();

  function entry(key: string): KeyStreams {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = empty()));
    return found;
  }

  function stats(key?: string): OpenSimStreamStats {
    if (key !== undefined) return { ...(byKey.get(key) ?? empty()) };
    const total = empty();
    for (const one of byKey.values()) {
      total.open += one.open;
      total.completed += one.completed;
      total.abandoned += one.abandoned;
      total.peakOpen += one.peakOpen;
    }
    return total;
  }

  /** Writes `payloads` as SSE (`[DONE]` last when `done`), one every `chunkDelayMs`. */
  function send(res: ServerResponse, key: string, payloads: readonly unknown[], done: boolean, pacing: StreamPacing): void {
    const counts = entry(key);
    counts.open += 1;
    counts.peakOpen = Math.max(counts.peakOpen, counts.open);
    const lines = payloads.map((payload) => `data: ${JSON.stringify(payload)}\n\n`);
    if (done) lines.push('data: [DONE]\n\n');
    let timer: NodeJS.Timeout | null = null;
    let ended = false;
    const finish = (how: 'completed' | 'abandoned'): void => {
      if (ended) return;
      ended = true;
      if (timer) clearTimeout(timer);
      counts.open -= 1;
      counts[how] += 1;
    };
    // `close` before the last byte was handed over = the caller hung up mid-stream.
    res.on('close', () => finish(res.writableFinished ? 'completed' : 'abandoned'));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const writeFrom = (index: number): void => {
      if (ended) return;
      if (pacing.chunkDelayMs <= 0) {
        for (const line of lines.slice(index)) res.write(line);
        res.end();
        return;
      }
      const line = lines[index];
      if (line === undefined) return;
      // The last event ends the response at once, as the platform does after `[DONE]`.
      if (index === lines.length - 1) {
        res.end(line);
        return;
      }
      res.write(line);
      timer = setTimeout(() => writeFrom(index + 1), pacing.chunkDelayMs);
    };
    writeFrom(0);
  }

  return { send, stats, clear: () => byKey.clear() };
}

export type StreamTracker = ReturnType<typeof createStreamTracker>;
