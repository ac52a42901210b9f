/**
 * Structured output around `startChat`: the format instruction goes into the prompt, the reply's
 * text is held back until the reply is complete, checked (check.ts), and only then released as one
 * JSON text event. A reply that fails the check gets ONE repair request (repair-request.ts); if that
 * fails too the stream throws `structured_output_invalid`, which each dialect renders as its own
 * error — never prose where JSON was promised.
 *
 * Streaming clients therefore receive reasoning live but the JSON in one piece at the end: a
 * partial JSON stream that might later be retracted is worse than a late one. A reply that calls a
 * tool is not a final answer and passes through unchecked.
 */
import { RelayError } from '../../../shared/errors';
import type { CanonicalEvent, FinishReason, ResponseFormat, TokenUsage } from '../canonical';
import { guardEarlyReturn } from '../early-return';
import type { ChatStream, DialectContext } from '../types';
import type { FormatChecker } from './check';
import { prepareFormatRequest } from './prompt';
import { buildRepairRequest } from './repair-request';

type StartChat = DialectContext['startChat'];

export interface StructuredOutputDeps {
  start: StartChat;
  checker: FormatChecker;
}

/** What one upstream reply amounted to, once read up to its `finish`. */
interface HeldReply {
  text: string;
  usage: TokenUsage | null;
  finish: { reason: FinishReason; stopSequence?: string } | null;
  /** A tool call was seen: everything from there on was passed through. */
  passedThrough: boolean;
}

/**
 * Reads `events` up to `finish`. Reasoning is forwarded (when `forwardReasoning`), text held; on a
 * tool call the held text and everything after is forwarded unchanged.
 */
async function* holdReply(events: AsyncIterator<CanonicalEvent>, forwardReasoning: boolean): AsyncGenerator<CanonicalEvent, HeldReply, undefined> {
  const reply: HeldReply = { text: '', usage: null, finish: null, passedThrough: false };
  for (let next = await events.next(); !next.done; next = await events.next()) {
    const event = next.value;
    if (reply.passedThrough) {
      yield event;
      if (event.type === 'finish') return reply;
    } else if (event.type === 'text') reply.text += event.text;
    else if (event.type === 'reasoning') {
      if (forwardReasoning) yield event;
    } else if (event.type === 'usage') reply.usage = event.usage;
    else if (event.type === 'tool-call') {
      reply.passedThrough = true;
      if (reply.text) yield { type: 'text', text: reply.text };
      yield event;
    } else if (event.type === 'finish') {
      reply.finish = { reason: event.reason, ...(event.stopSequence ? { stopSequence: event.stopSequence } : {}) };
      return reply;
    } else yield event;
  }
  return reply;
}

async function* forward(events: AsyncIterator<CanonicalEvent>): AsyncGenerator<CanonicalEvent, void, undefined> {
  for (let next = await events.next(); !next.done; next = await events.next()) yield next.value;
}

async function drain(events: AsyncIterator<CanonicalEvent>): Promise<void> {
  for (let next = await events.next(); !next.done; next = await events.next());
}

function sumUsage(a: TokenUsage | null, b: TokenUsage | null): TokenUsage | null {
  if (!a || !b) return a ?? b;
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens, estimated: a.estimated || b.estimated };
}

function* release(json: string, usage: TokenUsage | null, finish: HeldReply['finish']): Generator<CanonicalEvent> {
  yield { type: 'text', text: json };
  if (usage) yield { type: 'usage', usage };
  yield { type: 'finish', reason: finish?.reason ?? 'stop', ...(finish?.stopSequence ? { stopSequence: finish.stopSequence } : {}) };
}

function invalidError(format: ResponseFormat, problems: readonly string[]): RelayError {
  const what = format.type === 'json_schema' ? 'JSON matching the requested schema' : 'the requested JSON';
  return new RelayError('structured_output_invalid', `The model did not reply with ${what}, also after one repair attempt: ${problems.join('; ')}.`, {
    problem: problems[0] ?? null,
  });
}

export function createStructuredOutput(deps: StructuredOutputDeps): { startChat: StartChat } {
  return {
    async startChat(request, http) {
      if (!request.responseFormat) return deps.start(request, http);
      const format = request.responseFormat;
      const prepared = prepareFormatRequest(request);
      const first = await deps.start(prepared, http);
      let current: ChatStream = first;

      async function* run(): AsyncGenerator<CanonicalEvent, void, undefined> {
        try {
          const reply = yield* holdReply(first.events, true);
          if (reply.passedThrough || !reply.finish) {
            if (reply.text && !reply.passedThrough) yield { type: 'text', text: reply.text };
            return yield* forward(first.events);
          }
          const verdict = deps.checker.check(format, reply.text);
          if (verdict.ok) {
            yield* release(verdict.json, reply.usage, reply.finish);
            return await drain(first.events);
          }
          // The first reply is recorded as refused; the account must be free before the repair asks it again.
          const firstError = new RelayError('structured_output_invalid', `The reply failed the format check (${verdict.problems.join('; ')}); one repair request follows.`);
          await (first.reject ? first.reject(firstError) : drain(first.events));
          current = await deps.start(buildRepairRequest(prepared, reply.text, verdict.problems), http);
          const repaired = yield* holdReply(current.events, false);
          const second = deps.checker.check(format, repaired.text);
          if (second.ok) {
            yield* release(second.json, sumUsage(reply.usage, repaired.usage), repaired.finish);
            return await drain(current.events);
          }
          const error = invalidError(format, second.problems);
          await (current.reject ? current.reject(error) : drain(current.events));
          throw error;
        } finally {
          // Client gone or an error above: the live upstream is let go (a no-op once drained).
          await current.events.return?.();
        }
      }

      return { requestId: first.requestId, model: first.model, events: guardEarlyReturn(run(), async () => void (await current.events.return?.())) };
    },
  };
}
