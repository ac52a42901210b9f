/**
 * The events a dialect reads after the first one: tool-call recovery, a `usage` event before
 * `finish` (estimated when the upstream reports none), and the bookkeeping that must happen exactly
 * once however the stream ends — lease release, request-log end, upstream abort on early return.
 */
import { RelayError } from '../../../shared/errors';
import type { RequestLog, Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest, TokenUsage } from '../canonical';
import { statusForError } from '../errors';
import { limitOutput } from '../tools';
import type { ToolEmulation } from '../types';
import { outcomeFor, toRelayError } from './errors';
import type { StartedReply } from './failover';
import type { AttemptLog } from './request-entry';
import { truncateBody } from './request-entry';
import { estimatePromptTokens, estimateTokens } from './token-estimate';

export interface EventStreamInput {
  started: StartedReply;
  /** The client's request (tool emulation reads its tools). */
  request: CanonicalRequest;
  /** The request as sent upstream (after tool emulation), for the input-token estimate. */
  prompt: CanonicalRequest;
  signal: AbortSignal;
  startedAt: number;
  logBodies: boolean;
}

export interface EventStreamDeps {
  requestLog: RequestLog;
  attempts: AttemptLog;
  tools: ToolEmulation | undefined;
  logger: Logger;
  now: () => number;
}

interface Tally {
  output: string;
  toolCalls: number;
  ttftMs: number | null;
  usage: TokenUsage | null;
  finished: boolean;
}

/** The provider's events from the first one on, with upstream facts recorded for the log. */
async function* fromUpstream(started: StartedReply, onUpstream: (event: Extract<CanonicalEvent, { type: 'upstream' }>) => void): AsyncGenerator<CanonicalEvent, void, undefined> {
  if (started.first.done) return;
  const events: AsyncIterable<CanonicalEvent> = { [Symbol.asyncIterator]: () => started.upstream };
  for await (const event of prepend(started.first.value, events)) {
    if (event.type === 'upstream') onUpstream(event);
    else yield event;
  }
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  yield first;
  yield* rest;
}

function estimateUsage(prompt: CanonicalRequest, tally: Tally): TokenUsage {
  return { inputTokens: estimatePromptTokens(prompt), outputTokens: estimateTokens(tally.output), estimated: true };
}

export function createEventStream(input: EventStreamInput, deps: EventStreamDeps): AsyncGenerator<CanonicalEvent, void, undefined> {
  const { started, request } = input;
  const id = request.id;
  let polls: number | null = null;
  let chatId: string | null = null;
  const source = fromUpstream(started, (event) => {
    if (event.polls !== undefined) polls = event.polls;
    if (event.chatId !== undefined) chatId = event.chatId;
  });
  const withTools = deps.tools ? deps.tools.transform(source, request) : source;
  // Stop sequences and max tokens are emulated here once for every dialect (the upstream takes
  // neither); when a limit cuts the reply, leaving the loop returns the upstream generator.
  const events = limitOutput(withTools, request);
  const tally: Tally = { output: '', toolCalls: 0, ttftMs: null, usage: null, finished: false };

  const markFirstToken = (): void => {
    if (tally.ttftMs === null) tally.ttftMs = deps.now() - input.startedAt;
  };

  async function* run(): AsyncGenerator<CanonicalEvent, void, undefined> {
    let failure: RelayError | null = null;
    try {
      for await (const event of events) {
        if (event.type === 'text' || event.type === 'reasoning') {
          markFirstToken();
          tally.output += event.text;
        } else if (event.type === 'tool-call') {
          markFirstToken();
          tally.toolCalls += 1;
          tally.output += `${event.call.name}${JSON.stringify(event.call.arguments)}`;
        } else if (event.type === 'usage') {
          tally.usage = event.usage;
        } else if (event.type === 'finish') {
          if (!tally.usage) {
            tally.usage = estimateUsage(input.prompt, tally);
            yield { type: 'usage', usage: tally.usage };
          }
          tally.finished = true;
        }
        yield event;
      }
      // A provider that stops quietly on abort must not look like a complete reply.
      if (input.signal.aborted) throw toRelayError(new Error('aborted'), input.signal, deps.logger);
      if (!tally.finished) {
        if (!tally.usage) {
          tally.usage = estimateUsage(input.prompt, tally);
          yield { type: 'usage', usage: tally.usage };
        }
        tally.finished = true;
        yield { type: 'finish', reason: 'stop' };
      }
    } catch (error) {
      failure = toRelayError(error, input.signal, deps.logger);
      throw failure;
    } finally {
      await settle(failure);
    }
  }

  async function settle(failure: RelayError | null): Promise<void> {
    const status = failure ? (failure.code === 'aborted' ? 'aborted' : 'error') : tally.finished ? 'success' : 'aborted';
    if (status !== 'success') {
      // Early return (client gone) or error: stop polling now; the provider's finally deletes the chat.
      started.controller.abort();
    }
    // Usually already done; a reply cut by a limit may still hold the upstream generator open.
    await started.upstream.return(undefined).catch(() => undefined);
    started.unlink();
    const error = failure ?? (status === 'aborted' ? new RelayError('aborted', 'The client closed the request.') : null);
    started.lease.release(error ? outcomeFor(error) : { ok: true });
    deps.attempts.finish(started.attempt, status, error ?? undefined);
    const usage = tally.usage;
    deps.requestLog.end(id, {
      status,
      // A stream has sent 200 with its first frame; a collected reply answers with the error's status.
      httpStatus: error && !request.stream ? statusForError(error.code) : 200,
      latencyMs: deps.now() - input.startedAt,
      ttftMs: tally.ttftMs,
      polls,
      upstreamChatId: chatId,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      tokensEstimated: usage?.estimated ?? false,
      toolCalls: tally.toolCalls,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
      responseBody: input.logBodies ? truncateBody(tally.output) : null,
    });
  }

  return run();
}
