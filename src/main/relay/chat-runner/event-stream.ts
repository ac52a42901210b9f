/**
 * The events a dialect reads after the first one: tool-call recovery, a `usage` event before
 * `finish` (estimated when the upstream reports none), and the bookkeeping that must happen exactly
 * once however the stream ends — lease release, request-log end, upstream abort on early return.
 */
import { RelayError } from '../../../shared/errors';
import type { RequestLog, Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest, TokenUsage } from '../canonical';
import { guardEarlyReturn } from '../early-return';
import type { RequestAttachment } from '../../../shared/domain/request-log';
import { statusForError } from '../../../shared/error-status';
import { limitOutput } from '../tools';
import type { ToolEmulation } from '../types';
import { errorReasonFields, outcomeFor, toRelayError } from './errors';
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

/** What the stream has seen so far, for the usage estimate and the log entry. */
interface Tally {
  output: string;
  toolCalls: number;
  ttftMs: number | null;
  usage: TokenUsage | null;
  finished: boolean;
  polls: number | null;
  chatId: string | null;
  /** Upload facts from the provider (name, size, upload time). */
  attachments?: RequestAttachment[];
}

/** The provider's events from the first one on; `upstream` facts go to the tally, not the dialect. */
async function* fromUpstream(started: StartedReply, tally: Tally, onAttachments: (list: RequestAttachment[]) => void): AsyncGenerator<CanonicalEvent, void, undefined> {
  if (started.first.done) return;
  const events: AsyncIterable<CanonicalEvent> = { [Symbol.asyncIterator]: () => started.upstream };
  for await (const event of prepend(started.first.value, events)) {
    if (event.type !== 'upstream') yield event;
    else {
      if (event.polls !== undefined) tally.polls = event.polls;
      if (event.chatId !== undefined) tally.chatId = event.chatId;
      if (event.attachments !== undefined) {
        tally.attachments = event.attachments;
        // Shown while the reply runs, not only once it ends.
        onAttachments(event.attachments);
      }
    }
  }
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  yield first;
  yield* rest;
}

function record(event: CanonicalEvent, tally: Tally, elapsed: () => number): void {
  if (event.type === 'text' || event.type === 'reasoning' || event.type === 'tool-call') tally.ttftMs ??= elapsed();
  if (event.type === 'text' || event.type === 'reasoning') tally.output += event.text;
  else if (event.type === 'tool-call') {
    tally.toolCalls += 1;
    tally.output += `${event.call.name}${JSON.stringify(event.call.arguments)}`;
  } else if (event.type === 'usage') tally.usage = event.usage;
}

/** The usage event to send before `finish` when the upstream reported none. */
function missingUsage(prompt: CanonicalRequest, tally: Tally): CanonicalEvent[] {
  if (tally.usage) return [];
  tally.usage = { inputTokens: estimatePromptTokens(prompt), outputTokens: estimateTokens(tally.output), estimated: true };
  return [{ type: 'usage', usage: tally.usage }];
}

async function* accounted(events: AsyncIterable<CanonicalEvent>, input: EventStreamInput, deps: EventStreamDeps, tally: Tally): AsyncGenerator<CanonicalEvent, void, undefined> {
  const elapsed = (): number => deps.now() - input.startedAt;
  for await (const event of events) {
    record(event, tally, elapsed);
    if (event.type === 'finish') {
      yield* missingUsage(input.prompt, tally);
      tally.finished = true;
    }
    yield event;
  }
  // A provider that stops quietly on abort must not look like a complete reply.
  if (input.signal.aborted) throw new RelayError('aborted', 'The client closed the request.');
  if (!tally.finished) {
    yield* missingUsage(input.prompt, tally);
    tally.finished = true;
    yield { type: 'finish', reason: 'stop' };
  }
}

/** Runs once however the stream ended: upstream stop, lease release, attempt and log entry end. */
async function settle(input: EventStreamInput, deps: EventStreamDeps, tally: Tally, thrown: RelayError | null, verdict: RelayError | null = null): Promise<void> {
  const { started, request } = input;
  // A verdict (reply refused after it was read whole) marks the entry, not the account.
  const failure = thrown ?? verdict;
  const status = failure ? (failure.code === 'aborted' ? 'aborted' : 'error') : tally.finished ? 'success' : 'aborted';
  // Early return (client gone) or error: stop polling now; the provider's finally deletes the chat.
  if (status !== 'success') started.controller.abort();
  // Usually already done; a reply cut by a limit may still hold the upstream generator open.
  await started.upstream.return(undefined).catch(() => undefined);
  started.unlink();
  const error = failure ?? (status === 'aborted' ? new RelayError('aborted', 'The client closed the request.') : null);
  try {
    started.lease.release(error && error !== verdict ? outcomeFor(error) : { ok: true });
  } catch (releaseError) {
    // The log entry must still end; the pool reports its own failure.
    deps.logger.error({ err: String(releaseError) }, 'releasing the account failed');
  }
  deps.attempts.finish(started.attempt, status, error ?? undefined);
  const usage = tally.usage;
  deps.requestLog.end(request.id, {
    status,
    // A stream has sent 200 with its first frame; a collected reply answers with the error's status.
    httpStatus: error && !request.stream ? statusForError(error.code) : 200,
    latencyMs: deps.now() - input.startedAt,
    ttftMs: tally.ttftMs,
    polls: tally.polls,
    upstreamChatId: tally.chatId,
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    tokensEstimated: usage?.estimated ?? false,
    toolCalls: tally.toolCalls,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
    ...errorReasonFields(error),
    responseBody: input.logBodies ? truncateBody(tally.output) : null,
    ...(tally.attachments ? { attachments: tally.attachments } : {}),
  });
}

export type EventStream = AsyncIterator<CanonicalEvent, void, undefined> &
  AsyncIterable<CanonicalEvent> & {
    /** See ChatStream.reject. */
    reject(error: RelayError): Promise<void>;
  };

export function createEventStream(input: EventStreamInput, deps: EventStreamDeps): EventStream {
  const tally: Tally = { output: '', toolCalls: 0, ttftMs: null, usage: null, finished: false, polls: null, chatId: null };
  const source = fromUpstream(input.started, tally, (attachments) => deps.requestLog.update(input.request.id, { attachments }));
  // A provider with native tool calls already yields them as events: nothing to recover from text.
  const withTools = deps.tools && !input.started.nativeTools ? deps.tools.transform(source, input.request) : source;
  // Stop sequences and max tokens are emulated here once for every dialect (the upstream takes
  // neither); when a limit cuts the reply, leaving the loop returns the upstream generator.
  const events = limitOutput(withTools, input.request);

  let verdict: RelayError | null = null;
  async function* run(): AsyncGenerator<CanonicalEvent, void, undefined> {
    let failure: RelayError | null = null;
    try {
      yield* accounted(events, input, deps, tally);
    } catch (error) {
      failure = toRelayError(error, input.signal, deps.logger);
      throw failure;
    } finally {
      await settle(input, deps, tally, failure, verdict);
    }
  }

  // A dialect that gives up before reading would otherwise hold the account forever.
  const guarded = guardEarlyReturn(run(), () => settle(input, deps, tally, new RelayError('aborted', 'The client closed the request.')));
  return {
    next: () => guarded.next(),
    return: () => guarded.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    async reject(error) {
      verdict = error;
      if (guarded.claimUnstarted()) {
        await settle(input, deps, tally, null, verdict);
        return;
      }
      try {
        for (let next = await guarded.next(); !next.done; next = await guarded.next());
      } catch {
        // An upstream failure while draining is recorded by settle; the verdict stands for the client.
      }
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
