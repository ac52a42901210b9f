/**
 * The one stream lifecycle every dialect's chat route uses: start the chat, stream or collect the
 * answer, keep-alive pings while the model is quiet, stop the upstream when the client goes, and
 * answer first, then drain. After `finish` the provider still tidies up upstream (deleting the
 * chat) before its event stream ends; the client has its whole answer by then, so the response
 * ends at `finish` and the rest is drained behind it. A dialect supplies its decoded request, its
 * encoder and collector, and a transport; nothing else.
 */
import type { Response } from 'express';
import { toErrorInfo } from '../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../relay/canonical';
import { clientGone } from './dialects/client-gone';
import type { ChatEncoder, ChatStream, DialectContext } from './dialects/types';
import { statusForError } from './errors';
import { markChatLogged } from './refusal-log';
import type { StreamTransport } from './stream-transports';

/** The response header naming the MiniMax model that answered (bodies name the client's model). */
export const MODEL_HEADER = 'x-minimax-model';

export interface ChatSpec {
  /** The decoded request; `stream` chooses streaming or collecting. */
  request: CanonicalRequest;
  /** The endpoint as the request log shows it. */
  endpoint: string;
  transport: StreamTransport;
  encoder(chat: ChatStream): ChatEncoder;
  /** Reads the events up to and including `finish` into one response body. */
  collect(events: AsyncIterable<CanonicalEvent>, chat: ChatStream): Promise<unknown>;
}

/** The events up to and including `finish`; what follows stays in the source for draining. */
async function* untilFinish(events: AsyncIterator<CanonicalEvent>): AsyncGenerator<CanonicalEvent, void, undefined> {
  for (let next = await events.next(); !next.done; next = await events.next()) {
    yield next.value;
    if (next.value.type === 'finish') return;
  }
}

/** Runs the upstream cleanup and the log entry's end; an error there is logged by the runner, and the answer stands. */
async function drain(chat: ChatStream): Promise<void> {
  try {
    for (let next = await chat.events.next(); !next.done; next = await chat.events.next());
  } catch {
    // Already recorded in the request log by the chat runner.
  }
}

async function streamAnswer(res: Response, chat: ChatStream, spec: ChatSpec, heartbeatMs: number): Promise<void> {
  const writer = spec.transport.open(res, heartbeatMs);
  const encoder = spec.encoder(chat);
  try {
    writer.write(encoder.start());
    for await (const event of untilFinish(chat.events)) {
      // Client gone: the caller's return() stops the upstream; nothing to drain for.
      if (writer.closed) return;
      writer.write(encoder.encode(event));
    }
    if (writer.closed) return;
    writer.write(encoder.end());
    writer.end();
    await drain(chat);
  } catch (error) {
    // Headers are gone: the error travels as the dialect's last frames, so a cut reply never looks whole.
    const info = toErrorInfo(error);
    writer.write(encoder.error(info, statusForError(info.code)));
  } finally {
    writer.end();
  }
}

async function collectAnswer(res: Response, chat: ChatStream, spec: ChatSpec): Promise<void> {
  // An error here reaches the app's error handler, which answers in the dialect's envelope.
  const body = await spec.collect(untilFinish(chat.events), chat);
  res.json(body);
  await drain(chat);
}

export async function serveChat(res: Response, context: DialectContext, spec: ChatSpec): Promise<void> {
  const gone = clientGone(res);
  // From here on the chat runner owns this request's log entry (refusals are logged by the app).
  markChatLogged(res);
  try {
    const chat = await context.startChat(spec.request, { signal: gone.signal, endpoint: spec.endpoint });
    res.setHeader(MODEL_HEADER, chat.model);
    try {
      if (spec.request.stream) await streamAnswer(res, chat, spec, context.heartbeatMs);
      else await collectAnswer(res, chat, spec);
    } finally {
      // Whatever went wrong above, the account and the upstream chat are let go (no-op when drained).
      await chat.events.return?.();
    }
  } finally {
    gone.detach();
  }
}
