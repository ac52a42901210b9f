/** Reads an event-stream body as parsed JSON payloads (`[DONE]` ends it), for chat and speech. */
import { createParser } from 'eventsource-parser';
import { RelayError } from '../../../shared/errors';

export async function* readEventStream(body: ReadableStream<Uint8Array>, endpoint: string): AsyncGenerator<unknown, void, undefined> {
  const pending: unknown[] = [];
  let done = false;
  const parser = createParser({
    onEvent(event) {
      if (done) return;
      if (event.data.trim() === '[DONE]') {
        done = true;
        return;
      }
      try {
        pending.push(JSON.parse(event.data));
      } catch {
        throw new RelayError('upstream_protocol', 'The MiniMax Open Platform sent a stream event that is not JSON.', { endpoint });
      }
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (pending.length > 0) yield pending.shift();
    }
    parser.feed(decoder.decode());
    while (pending.length > 0) yield pending.shift();
  } finally {
    // Stops the download when the consumer leaves early (client gone, limit reached).
    await reader.cancel().catch(() => undefined);
  }
}
