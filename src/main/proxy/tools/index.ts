/**
 * Tool-call emulation: the MiniMax web upstream has no tool fields, so tools are declared in the
 * prompt (`prepare`) and calls are recovered from the reply text (`transform`). One object serves
 * all three dialects; the chat runner applies it around the provider.
 */
import type { Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest } from '../canonical';

export interface ToolEmulationDeps {
  logger: Logger;
  /** Id for a recovered call; defaults to `call_<random>`. */
  newCallId?: () => string;
}

export interface ToolEmulation {
  /** Adds the tool instruction block as a system message (no-op without tools or with choice `none`). */
  prepare(request: CanonicalRequest): CanonicalRequest;
  /** Parses tool calls out of `text` events; passes every other event through. */
  transform(events: AsyncIterable<CanonicalEvent>, request: CanonicalRequest): AsyncGenerator<CanonicalEvent>;
}

export function createToolEmulation(_deps: ToolEmulationDeps): ToolEmulation {
  return {
    prepare: (request) => request,
    async *transform(events) {
      yield* events;
    },
  };
}
