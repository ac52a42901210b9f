import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SimResponse {
  status: number;
  body: unknown;
  /** Defaults to application/json; a string body is then sent as is. */
  contentType?: string;
  headers?: Record<string, string | string[]>;
}

export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(pair.slice(eq + 1));
    const prior = out[key];
    // Duplicated keys happen on the wire (MFA/LRT device/register, protocol doc §2.5).
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

export function firstValue(query: Record<string, string | string[]>, key: string): string | undefined {
  const v = query[key];
  return Array.isArray(v) ? v[0] : v;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeResponse(res: ServerResponse, r: SimResponse): void {
  if (res.destroyed || res.headersSent) return;
  const contentType = r.contentType ?? 'application/json; charset=utf-8';
  const payload = typeof r.body === 'string' && r.contentType !== undefined ? r.body : JSON.stringify(r.body);
  res.writeHead(r.status, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload), ...r.headers });
  res.end(payload);
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
