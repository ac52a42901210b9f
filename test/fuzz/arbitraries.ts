/**
 * fast-check arbitraries of malformed requests for every endpoint. `mustReject` requests are
 * malformed beyond doubt (the relay must answer 4xx); the few `mayPass` ones are valid but odd
 * (CR/LF and SSE syntax in model names, invalid UTF-8 in text) and may reach the simulator.
 */
import fc from 'fast-check';
import { BRIDGE_METHODS } from '../../src/shared/contract';

export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  mustReject: boolean;
}

export const FUZZ_API_KEY = 'sk-fuzz-client-key-0123456789abcdef';
const MODEL = 'MiniMax-M2.7';

type Dialect = 'openai' | 'anthropic' | 'gemini' | 'responses';
const dialects: Dialect[] = ['openai', 'anthropic', 'gemini', 'responses'];

function authHeader(dialect: Dialect, key = FUZZ_API_KEY): Record<string, string> {
  if (dialect === 'anthropic') return { 'x-api-key': key, 'anthropic-version': '2023-06-01' };
  if (dialect === 'gemini') return { 'x-goog-api-key': key };
  return { authorization: `Bearer ${key}` };
}

function chatPath(dialect: Dialect, stream: boolean, model = MODEL): string {
  if (dialect === 'anthropic') return '/v1/messages';
  if (dialect === 'gemini') return `/v1beta/models/${encodeURIComponent(model)}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`;
  if (dialect === 'responses') return '/v1/responses';
  return '/v1/chat/completions';
}

/** A valid body; `field` is the one a mutation breaks. */
function validBody(dialect: Dialect, text: string, stream: boolean, model = MODEL): { body: Record<string, unknown>; field: string } {
  if (dialect === 'anthropic') return { body: { model, max_tokens: 64, stream, messages: [{ role: 'user', content: text }] }, field: 'messages' };
  if (dialect === 'gemini') return { body: { contents: [{ role: 'user', parts: [{ text }] }] }, field: 'contents' };
  if (dialect === 'responses') return { body: { model, stream, input: [{ role: 'user', content: text }] }, field: 'input' };
  return { body: { model, stream, messages: [{ role: 'user', content: text }] }, field: 'messages' };
}

const json = { 'content-type': 'application/json' };
const dialectArb = fc.constantFrom(...dialects);
const textArb = fc.string({ maxLength: 40 });
const notJson = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"messages": [', '{"a":1,}', "{'single':'quotes'}", 'NaN', '[1,2', '{"x": undefined}', '\u0000', '{"a":"\\u12"}'),
).filter((text) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return text.trim() !== '';
  }
});
/** The field whose conversation the malformed bodies below break. */
const conversationField = (dialect: Dialect): string => (dialect === 'gemini' ? 'contents' : dialect === 'responses' ? 'input' : 'messages');

/** A JSON value that is certainly not an array of message objects. */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean()), { minLength: 1, maxLength: 5 }),
  fc.array(fc.record({ role: fc.string({ maxLength: 10 }).filter((r) => !['user', 'assistant', 'system', 'model', 'tool', 'developer', 'function'].includes(r)), content: fc.string() }), { minLength: 1, maxLength: 3 }),
);
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, ...bytes, 0xf8, 0x88]));

const brokenJson = fc.record({ dialect: dialectArb, text: notJson, stream: fc.boolean() }).map(({ dialect, text, stream }) => ({
  kind: 'broken JSON', method: 'POST', path: chatPath(dialect, stream), headers: { ...json, ...authHeader(dialect) }, body: text, mustReject: true,
}));

const truncatedJson = fc.record({ dialect: dialectArb, text: textArb, cut: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }).map(({ dialect, text, cut }) => {
  const full = JSON.stringify(validBody(dialect, text, false).body);
  return { kind: 'truncated JSON', method: 'POST', path: chatPath(dialect, false), headers: { ...json, ...authHeader(dialect) }, body: full.slice(0, Math.max(1, Math.floor(full.length * cut))), mustReject: true };
});

const topLevel = fc.record({ dialect: dialectArb, value: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.integer(), fc.string(), fc.constantFrom(null, true, false)) }).map(({ dialect, value }) => ({
  kind: 'top-level not an object', method: 'POST', path: chatPath(dialect, false), headers: { ...json, ...authHeader(dialect) }, body: JSON.stringify(value), mustReject: true,
}));

const wrongType = fc
  .record({ dialect: dialectArb, value: wrongValue, stream: fc.boolean(), extra: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) })
  // The Responses API takes `input` as plain text too, and an absent one with previous_response_id.
  .filter(({ dialect, value }) => dialect !== 'responses' || (typeof value !== 'string' && value !== null))
  .map(({ dialect, value, stream, extra }) => {
  const { body, field } = validBody(dialect, 'x', stream);
  return { kind: `wrong type of ${field}`, method: 'POST', path: chatPath(dialect, stream), headers: { ...json, ...authHeader(dialect) }, body: JSON.stringify({ ...extra, ...body, [field]: value }), mustReject: true };
});

const deepNesting = fc.record({ dialect: dialectArb, depth: fc.constantFrom(100, 5_000, 50_000, 200_000), opener: fc.constantFrom('[', '{"a":') }).map(({ dialect, depth, opener }) => {
  const closer = opener === '[' ? ']' : '}';
  const nested = `${opener.repeat(depth)}1${closer.repeat(depth)}`;
  const field = conversationField(dialect);
  return { kind: `nested ${depth} deep`, method: 'POST', path: chatPath(dialect, false), headers: { ...json, ...authHeader(dialect) }, body: `{"model":"${MODEL}","${field}":${nested}}`, mustReject: true };
});

const badBytes = fc.record({ dialect: dialectArb, bytes: invalidUtf8 }).map(({ dialect, bytes }) => ({
  kind: 'invalid UTF-8 in a malformed body', method: 'POST', path: chatPath(dialect, false), headers: { ...json, ...authHeader(dialect) },
  // A string is a valid Responses `input`, so there the bytes go where only an array fits.
  body: Buffer.concat([Buffer.from(`{"model":"${MODEL}","${dialect === 'responses' ? 'tools' : conversationField(dialect)}":"`), bytes, Buffer.from('"}')]), mustReject: true,
}));

const oddContentType = fc.record({
  dialect: dialectArb,
  header: fc.constantFrom<Record<string, string>>(
    { 'content-type': 'application/json; charset=utf-16' },
    { 'content-type': 'application/json; charset=latin1' },
    { 'content-type': 'application/json; charset=x-unknown' },
    { 'content-type': 'application/x-www-form-urlencoded' },
    { 'content-type': 'multipart/form-data; boundary=xyz' },
    { 'content-type': 'application/json', 'content-encoding': 'x-compress-9' },
  ),
}).map(({ dialect, header }) => ({
  kind: `content type ${Object.values(header).join(' + ')}`, method: 'POST', path: chatPath(dialect, false), headers: { ...header, ...authHeader(dialect) },
  body: JSON.stringify(validBody(dialect, 'hi', false).body), mustReject: true,
}));

const undecodable = fc.record({ dialect: dialectArb, encoding: fc.constantFrom('gzip', 'deflate', 'br'), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map(({ dialect, encoding, junk }) => ({
  kind: `${encoding} body that does not decompress`, method: 'POST', path: chatPath(dialect, false), headers: { ...json, 'content-encoding': encoding, ...authHeader(dialect) },
  body: Buffer.from(junk), mustReject: true,
}));

const badEscape = fc.record({ dialect: dialectArb, escape: fc.constantFrom('%ZZ', '%E0%A4%A', '%', '%C3%28x%') }).map(({ dialect, escape }) => {
  const gemini = dialect === 'gemini';
  return {
    kind: 'malformed percent-escape in the path', method: gemini ? 'POST' : 'GET', path: gemini ? `/v1beta/models/${escape}:generateContent` : dialect === 'responses' ? `/v1/responses/${escape}` : `/v1/models/${escape}`,
    headers: { ...json, ...authHeader(dialect) }, body: gemini ? '{}' : undefined, mustReject: true,
  };
});

const wrongMethod = fc.record({ dialect: dialectArb, method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'GET') }).map(({ dialect, method }) => ({
  kind: `${method} on a POST endpoint`, method, path: chatPath(dialect, false), headers: { ...json, ...authHeader(dialect) }, body: method === 'GET' ? undefined : '{}', mustReject: true,
}));

const segment = fc.oneof(fc.webSegment(), fc.constantFrom('%00', '..', '%2e%2e', 'a%0d%0ab', '\u00e9t\u00e9', '%25', '%F0%9F%98%80'));
const randomPath = fc.record({ dialect: dialectArb, segments: fc.array(segment, { minLength: 1, maxLength: 4 }), action: fc.constantFrom('', ':generateContent', ':countTokens', ':nope', '/count_tokens') }).map(({ dialect, segments, action }) => {
  const prefix = dialect === 'gemini' ? '/v1beta/models/' : dialect === 'anthropic' ? '/v1/messages/' : dialect === 'responses' ? '/v1/responses/' : '/v1/';
  const path = `${prefix}${segments.map((s) => (/^[\w.%-]*$/.test(s) ? s : encodeURIComponent(s))).join('/')}${action}`;
  return { kind: 'unknown path', method: 'POST', path, headers: { ...json, ...authHeader(dialect) }, body: '{"x":1}', mustReject: true };
});

const badAuth = fc.record({ dialect: dialectArb, key: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 60 }).filter((k) => /^[\x21-\x7e]+$/.test(k))), query: fc.constantFrom('', '?key=' + FUZZ_API_KEY, '?api_key=' + FUZZ_API_KEY) }).map(({ dialect, key, query }) => {
  const headers: Record<string, string> = { ...json, ...(query ? authHeader(dialect) : key ? authHeader(dialect, key) : {}) };
  const path = chatPath(dialect, false);
  return { kind: query ? 'key in the query string' : 'missing or wrong API key', method: 'POST', path: `${path}${path.includes('?') ? query.replace('?', '&') : query}`, headers, body: JSON.stringify(validBody(dialect, 'hi', false).body), mustReject: true };
});

const badHostOrOrigin = fc.record({ dialect: dialectArb, host: fc.constantFrom('evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', ''), origin: fc.constantFrom(undefined, 'https://evil.example', 'null') }).map(({ dialect, host, origin }) => ({
  kind: host ? 'foreign Host header' : 'foreign Origin', method: 'POST', path: chatPath(dialect, false),
  headers: { ...json, ...authHeader(dialect), ...(host ? { host } : {}), ...(origin || !host ? { origin: origin ?? 'https://evil.example' } : {}) },
  body: JSON.stringify(validBody(dialect, 'hi', false).body), mustReject: true,
}));

/** Valid requests with hostile strings: the answer may be 200, but its framing must hold. */
export const oddButValid = fc.record({
  dialect: dialectArb,
  stream: fc.boolean(),
  model: fc.constantFrom(MODEL, 'gpt-4o\r\ndata: [DONE]\r\n\r\n', 'claude-3\nevent: error', 'x\u2028y\u0000z', '\ud83d\ude00-model', '"quoted"'),
  text: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('data: [DONE]\n\n', '\r\n\r\nevent: ping', '\u0000\u001f')),
}).map(({ dialect, stream, model, text }) => {
  const useModel = dialect === 'gemini' ? MODEL : model;
  return {
    kind: 'odd but valid', method: 'POST', path: chatPath(dialect, stream, useModel), headers: { ...json, ...authHeader(dialect) },
    body: JSON.stringify(validBody(dialect, text || 'hi', stream, useModel).body), mustReject: false,
  };
});

const managementMethods = Object.entries(BRIDGE_METHODS).flatMap(([domain, methods]) => methods.map((method) => `/api/${domain}/${method}`));

export function managementArb(adminToken: string): fc.Arbitrary<FuzzRequest> {
  const auth = { authorization: `Bearer ${adminToken}` };
  const notObject = fc.oneof(fc.integer(), fc.string().map((s) => s || 'x'), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  return fc.oneof(
    fc.record({ path: fc.constantFrom(...managementMethods), value: notObject }).map(({ path, value }) => ({ kind: 'management: input not an object', method: 'POST', path, headers: { ...json, ...auth }, body: JSON.stringify(value), mustReject: true })),
    fc.record({ path: fc.constantFrom(...managementMethods), text: notJson }).map(({ path, text }) => ({ kind: 'management: broken JSON', method: 'POST', path, headers: { ...json, ...auth }, body: text, mustReject: true })),
    fc.constantFrom('/api/%ZZ/x', '/api/accounts/%E0%A4%A', '/api/%/list').map((path) => ({ kind: 'management: malformed percent-escape', method: 'POST', path, headers: { ...json, ...auth }, body: '{}', mustReject: true })),
    fc.record({ domain: fc.webSegment(), method: fc.webSegment() }).filter(({ domain, method }) => !managementMethods.includes(`/api/${domain}/${method}`)).map(({ domain, method }) => ({
      kind: 'management: unknown method', method: 'POST', path: `/api/${domain || 'x'}/${method || 'y'}`, headers: { ...json, ...auth }, body: '{}', mustReject: true,
    })),
    fc.record({ path: fc.constantFrom('/api/accounts/validate', '/api/accounts/remove', '/api/logs/get', '/api/models/explain', '/api/settings/createApiKey', '/api/relay/testRequest'), key: fc.string({ minLength: 1, maxLength: 8 }), value: fc.jsonValue({ maxDepth: 1 }) }).map(({ path, key, value }) => ({
      // These inputs are strict objects: an unknown key never passes.
      kind: 'management: unknown field', method: 'POST', path, headers: { ...json, ...auth }, body: JSON.stringify({ [`__fuzz_${key}`]: value }), mustReject: true,
    })),
  );
}

export function badAdminTokenArb(): fc.Arbitrary<FuzzRequest> {
  return fc.record({ path: fc.constantFrom(...managementMethods), token: fc.string({ maxLength: 40 }).filter((t) => /^[\x21-\x7e]*$/.test(t)) }).map(({ path, token }) => ({
    kind: 'management: wrong admin token', method: 'POST', path, headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: '{}', mustReject: true,
  }));
}

export function proxyArb(): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { arbitrary: brokenJson, weight: 4 },
    { arbitrary: truncatedJson, weight: 3 },
    { arbitrary: topLevel, weight: 2 },
    { arbitrary: wrongType, weight: 6 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: badBytes, weight: 2 },
    { arbitrary: oddContentType, weight: 2 },
    { arbitrary: undecodable, weight: 1 },
    { arbitrary: badEscape, weight: 1 },
    { arbitrary: wrongMethod, weight: 1 },
    { arbitrary: randomPath, weight: 2 },
    { arbitrary: badAuth, weight: 2 },
    { arbitrary: badHostOrOrigin, weight: 1 },
  );
}
