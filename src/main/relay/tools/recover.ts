/**
 * Turns scanned segments into canonical events: text stays text, a block becomes tool calls when
 * its calls name a declared tool and their arguments satisfy its schema. Anything else is given
 * back as the text the model wrote, with a warning, so the client never sees a malformed call.
 */
import type { Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalTool } from '../canonical';
import { parseBlockBody, type RawArguments, type RawCall } from './formats';
import { parseLooseJson } from './repair';
import type { SchemaValidator } from './schema';
import { coerceToSchema, isStringOnly, propertySchema } from './schema';
import type { Segment } from './scanner';

export interface CallRecoveryDeps {
  tools: readonly CanonicalTool[];
  validator: SchemaValidator;
  newCallId: () => string;
  logger: Logger;
}

export interface CallRecovery {
  toEvents(segments: Segment[]): CanonicalEvent[];
  callCount(): number;
}

export function createCallRecovery(deps: CallRecoveryDeps): CallRecovery {
  const toolsByName = new Map(deps.tools.map((tool) => [tool.name, tool]));
  let calls = 0;
  // Whitespace between or after calls is framing, not an answer: it would open empty text blocks.
  let afterCall = false;

  function text(value: string, events: CanonicalEvent[]): void {
    const visible = afterCall ? value.trimStart() : value;
    if (visible === '') return;
    afterCall = false;
    events.push({ type: 'text', text: visible });
  }

  function check(raw: RawCall): { ok: true; args: Record<string, unknown> } | { ok: false; problem: string } {
    const tool = toolsByName.get(raw.name);
    if (!tool) return { ok: false, problem: `unknown tool "${raw.name}"` };
    const args = coerceToSchema(toValue(raw.args, tool), tool.parameters);
    const result = deps.validator.check(tool.parameters, args);
    return result.ok ? { ok: true, args: args as Record<string, unknown> } : { ok: false, problem: result.problem ?? 'invalid arguments' };
  }

  function block(segment: Extract<Segment, { kind: 'block' }>, events: CanonicalEvent[]): void {
    // A bare `<invoke>` keeps its opening tag in `raw` only.
    const parsed = parseBlockBody(segment.format === 'bare-invoke' ? segment.raw : segment.body);
    const checked = parsed.map((raw) => ({ raw, result: check(raw) }));
    const valid = checked.filter((c) => c.result.ok);
    for (const { raw, result } of checked) {
      if (!result.ok && (segment.format !== 'fence' || toolsByName.has(raw.name))) {
        deps.logger.warn({ tool: raw.name, format: segment.format, problem: result.problem }, 'tool call rejected; passed on as text');
      }
    }
    if (valid.length === 0) {
      if (segment.format !== 'fence' && parsed.length === 0) {
        deps.logger.warn({ format: segment.format, closed: segment.closed }, 'tool call block without a readable call; passed on as text');
      }
      text(segment.raw, events);
      return;
    }
    for (const { raw, result } of checked) {
      if (result.ok) {
        calls++;
        afterCall = true;
        events.push({ type: 'tool-call', call: { id: deps.newCallId(), name: raw.name, arguments: result.args } });
      } else {
        text(raw.raw, events);
      }
    }
  }

  return {
    toEvents(segments) {
      const events: CanonicalEvent[] = [];
      for (const segment of segments) {
        if (segment.kind === 'text') text(segment.text, events);
        else block(segment, events);
      }
      return events;
    },
    callCount: () => calls,
  };
}

function toValue(args: RawArguments, tool: CanonicalTool): unknown {
  if (args.kind === 'json') return args.value;
  const value: Record<string, unknown> = {};
  for (const [name, text] of args.params) {
    const schema = propertySchema(tool.parameters, name);
    value[name] = isStringOnly(schema) ? text : parseNativeValue(text);
  }
  return value;
}

/** vLLM's minimax_m2 rule: a value that parses as JSON is that JSON, otherwise it is a string. */
function parseNativeValue(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return /^[[{]/.test(trimmed) ? (parseLooseJson(trimmed) ?? text) : text;
  }
}
