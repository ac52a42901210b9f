/**
 * Reads the calls inside one candidate block, whatever syntax the model used: the native
 * MiniMax-M2 XML (`<invoke name><parameter name>` — per the MiniMax-M2 tool-calling guide and
 * vLLM's minimax_m2 parser), Chat2API's `[call:NAME]{json}[/call]`, or a JSON object
 * `{"name","arguments"}` (fenced or inside `<tool_call>`). Values are not checked here.
 */
import { parseLooseJson } from './repair';
import { isPlainObject } from './schema';

export type RawArguments =
  /** Native parameters: text values, converted later by the schema. */
  | { kind: 'native'; params: [string, string][] }
  | { kind: 'json'; value: unknown };

export interface RawCall {
  name: string;
  args: RawArguments;
  /** The call's own text, given back as text when it is invalid. */
  raw: string;
}

const INVOKE = /<invoke\s+name\s*=\s*["']?([^"'>]+?)["']?\s*>([\s\S]*?)<\/invoke>/g;
const PARAMETER = /<parameter\s+name\s*=\s*["']?([^"'>]+?)["']?\s*>([\s\S]*?)<\/parameter>/g;
const BRACKET_CALL = /\[call:([^\]\n]+)\]([\s\S]*?)\[\/call\]/g;

export function parseBlockBody(body: string): RawCall[] {
  if (body.includes('<invoke')) return parseNative(body);
  if (body.includes('[call:')) return parseBracket(body);
  return parseJsonCalls(body);
}

function parseNative(body: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const match of body.matchAll(INVOKE)) {
    const params: [string, string][] = [];
    for (const param of (match[2] ?? '').matchAll(PARAMETER)) {
      params.push([(param[1] ?? '').trim(), trimOneNewline(param[2] ?? '')]);
    }
    calls.push({ name: (match[1] ?? '').trim(), args: { kind: 'native', params }, raw: match[0] });
  }
  return calls;
}

/** The model writes values on their own lines; only that framing newline is not part of the value. */
function trimOneNewline(value: string): string {
  let result = value.startsWith('\r\n') ? value.slice(2) : value.startsWith('\n') ? value.slice(1) : value;
  result = result.endsWith('\r\n') ? result.slice(0, -2) : result.endsWith('\n') ? result.slice(0, -1) : result;
  return result;
}

function parseBracket(body: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const match of body.matchAll(BRACKET_CALL)) {
    const text = (match[2] ?? '').trim();
    const value = text === '' ? {} : parseLooseJson(text);
    calls.push({ name: (match[1] ?? '').trim(), args: { kind: 'json', value }, raw: match[0] });
  }
  return calls;
}

function parseJsonCalls(body: string): RawCall[] {
  const whole = parseLooseJson(body);
  if (whole !== undefined) return toCalls(whole, body.trim());
  // JSON Lines: one call object per line.
  const calls: RawCall[] = [];
  for (const line of body.split('\n')) {
    const value = line.trim() === '' ? undefined : parseLooseJson(line);
    if (value !== undefined) calls.push(...toCalls(value, line.trim()));
  }
  return calls;
}

function toCalls(value: unknown, raw: string): RawCall[] {
  const items = Array.isArray(value) ? value : isPlainObject(value) && Array.isArray(value.tool_calls) ? value.tool_calls : [value];
  const calls: RawCall[] = [];
  for (const item of items as unknown[]) {
    const call = toCall(item, items.length === 1 ? raw : JSON.stringify(item));
    if (call) calls.push(call);
  }
  return calls;
}

function toCall(item: unknown, raw: string): RawCall | null {
  if (!isPlainObject(item)) return null;
  const fn = isPlainObject(item.function) ? item.function : item;
  const name = fn.name ?? fn.tool_name;
  if (typeof name !== 'string' || name.trim() === '') return null;
  let args: unknown = fn.arguments ?? fn.parameters ?? fn.input ?? fn.args ?? {};
  if (typeof args === 'string') args = args.trim() === '' ? {} : parseLooseJson(args);
  return { name: name.trim(), args: { kind: 'json', value: args }, raw };
}
