/**
 * Tool-call emulation: the MiniMax web upstream has no tool fields, so tools are declared in the
 * prompt (`prepare`) and calls are recovered from the reply text (`transform`). One object serves
 * all three dialects; the chat runner applies it around the provider.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest } from '../canonical';
import { prepareToolRequest, hasActiveTools } from './prompt';
import { createCallRecovery } from './recover';
import { createCallScanner } from './scanner';
import { createSchemaValidator } from './schema';

export { buildToolPrompt } from './prompt';
export { limitOutput } from './limits';

export interface ToolEmulationDeps {
  logger: Logger;
  /** Id for a recovered call; defaults to `call_<random>`. */
  newCallId?: () => string;
}

export interface ToolEmulation {
  /** Adds the tool instruction block as a system message (no-op without tools or with choice `none`). */
  prepare(request: CanonicalRequest): CanonicalRequest;
  /**
   * Parses tool calls out of `text` events and passes every other event through. When a call was
   * emitted, a `stop` finish becomes `tool_calls`.
   */
  transform(events: AsyncIterable<CanonicalEvent>, request: CanonicalRequest): AsyncGenerator<CanonicalEvent>;
}

export function createToolEmulation(deps: ToolEmulationDeps): ToolEmulation {
  const newCallId = deps.newCallId ?? (() => `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`);
  const validator = createSchemaValidator((message) => deps.logger.warn({ problem: message }, 'tool schema does not compile; its arguments are not checked'));

  return {
    prepare: prepareToolRequest,
    async *transform(events, request) {
      if (!hasActiveTools(request)) {
        yield* events;
        return;
      }
      const scanner = createCallScanner();
      const recovery = createCallRecovery({ tools: request.tools, validator, newCallId, logger: deps.logger.child({ requestId: request.id }) });
      let flushed = false;
      for await (const event of events) {
        if (event.type === 'text') {
          yield* recovery.toEvents(scanner.push(event.text));
          continue;
        }
        if ((event.type === 'usage' || event.type === 'finish') && !flushed) {
          flushed = true;
          yield* recovery.toEvents(scanner.end());
        }
        if (event.type === 'finish' && event.reason === 'stop' && recovery.callCount() > 0) {
          yield { type: 'finish', reason: 'tool_calls' };
          continue;
        }
        yield event;
      }
      if (!flushed) yield* recovery.toEvents(scanner.end());
    },
  };
}
