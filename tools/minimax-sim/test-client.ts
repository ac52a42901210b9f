import { BUNDLE_SECRET, computeXSignature, computeYy, toDataJson } from './signature';
import type { SimAccount } from './types';

/**
 * A minimal signed client of the simulator for its own tests and for specs that need to poke the
 * upstream directly. It builds the C2A query block (protocol doc §2.5) and signs like §2.7.
 */

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  /** Header token; null sends none. Defaults to the account's token. */
  token?: string | null;
  /** Overrides/extra query values (undefined removes a key). */
  query?: Record<string, string | undefined>;
  xSignature?: 'secret' | 'token' | 'none' | 'wrong';
  /** Signs `yy` over a different target/body than sent (to test rejection). */
  corruptYy?: boolean;
  nowMs?: number;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  text: string;
  json: unknown;
}

export function buildQuery(account: SimAccount, unixMs: number, overrides: Record<string, string | undefined> = {}): string {
  const base: Record<string, string | undefined> = {
    device_platform: 'web', biz_id: '3', app_id: '3001', version_code: '22201', uuid: account.realUserId,
    device_id: account.deviceId, os_name: 'Mac', browser_name: 'chrome', device_memory: '8', cpu_core_num: '11',
    browser_language: 'zh-CN', browser_platform: 'MacIntel', user_id: account.realUserId, screen_width: '1920',
    screen_height: '1080', unix: String(unixMs), lang: 'zh', token: account.token, timezone_offset: '28800',
    sys_language: 'zh', client: 'web',
  };
  return Object.entries({ ...base, ...overrides })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export async function callSim(baseUrl: string, account: SimAccount, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const method = opts.method ?? (opts.body === undefined && opts.rawBody === undefined ? 'GET' : 'POST');
  const now = opts.nowMs ?? Date.now();
  const target = `${path}?${buildQuery(account, now, opts.query)}`;
  const rawBody = opts.rawBody ?? (opts.body === undefined ? '' : JSON.stringify(opts.body));
  const token = opts.token === undefined ? account.token : opts.token;
  const dataJson = toDataJson(rawBody);
  const timestamp = String(Math.floor(now / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    yy: computeYy(opts.corruptYy ? `${target}&x=1` : target, dataJson, String(now)),
    'x-timestamp': timestamp,
    ...(token === null ? {} : { token }),
  };
  const variant = opts.xSignature ?? 'secret';
  if (variant === 'secret') headers['x-signature'] = computeXSignature(timestamp, BUNDLE_SECRET, dataJson);
  if (variant === 'token') headers['x-signature'] = computeXSignature(timestamp, token ?? '', dataJson);
  if (variant === 'wrong') headers['x-signature'] = '0'.repeat(32);
  const res = await fetch(`${baseUrl}${target}`, {
    method,
    headers: { ...headers, ...opts.headers },
    body: method === 'GET' ? undefined : rawBody,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}
