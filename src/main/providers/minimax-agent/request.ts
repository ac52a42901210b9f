/**
 * One call to the upstream (§2.5–2.7, §3 envelopes) shaped by a request profile: builds the raw
 * query block, the browser headers with Referer/Origin of the configured base URL, the signatures
 * over the exact body bytes sent, the Cookie header when the profile sends cookies; sends it through
 * the account's transport with a per-request timeout, and turns every failure into a RelayError.
 */
import type { z } from 'zod';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError } from '../../../shared/errors';
import type { Logger } from '../../logs/types';
import type { UpstreamTransport } from '../transport';
import type { ProviderAccount, ProviderSettings } from '../types';
import { fromBusinessError, fromHttpStatus, fromNetworkError, notJson, wrongShape, type Envelope } from './errors';
import { callShapeFor, DEFAULT_PROFILE, type RequestProfile } from './profiles';
import { PATHS, REQUEST_TIMEOUT_MS, type AgentPath } from './protocol';
import { baseRespEnvelope, statusInfoEnvelope } from './schemas';
import { buildQueryString, computeXSignature, computeYy, joinUri, timestampsFrom } from './signing';

export type FetchFn = typeof fetch;

/** Who is calling: the account's credential, where the upstream is, and its device id. */
export interface CallIdentity {
  /** The account the call is made as: the transport sends through its network session. */
  account: ProviderAccount;
  baseUrl: string;
  token: string;
  realUserId: string;
  /** `undefined` omits device_id; `null` sends the literal `null` (the register call). */
  deviceId?: string | null;
  /** Overrides the `uuid` parameter (the register call's random uuid). */
  uuid?: string;
  /** The browser's cookie header for the agent host, when the credential has one. */
  cookies?: string;
}

export interface CallSpec<T> {
  method: 'GET' | 'POST';
  path: AgentPath;
  body?: Record<string, unknown>;
  /** `/v1/api/*` answers `{statusInfo, data}`; `/matrix/*` answers a flat object with `base_resp`. */
  envelope: Envelope;
  /** Shape of `data` (statusInfo) or of the whole object (baseResp). */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** How to shape the call; default `signed-2026-04`. */
  profile?: RequestProfile;
  /** Sees every raw answer (the diagnosis reads status, timing and shape from it). */
  observe?: (answer: { status: number; text: string; ms: number }) => void;
}

export interface AgentHttpDeps {
  transport: UpstreamTransport;
  now: () => number;
  settings: () => ProviderSettings;
  logger: Logger;
}

export interface AgentHttp {
  call<T>(identity: CallIdentity, spec: CallSpec<T>): Promise<T>;
}

export function createAgentHttp(deps: AgentHttpDeps): AgentHttp {
  async function call<T>(identity: CallIdentity, spec: CallSpec<T>): Promise<T> {
    const { url, init } = buildRequest(identity, spec, deps.now(), deps.settings(), spec.profile);
    const timeout = AbortSignal.timeout(spec.timeoutMs ?? REQUEST_TIMEOUT_MS);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const started = deps.now();
    let status = 0;
    let text: string;
    try {
      const response = await deps.transport.fetchFor(identity.account)(url, { ...init, signal });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw toTransportError(error, spec, timeout);
    } finally {
      deps.logger.debug({ endpoint: spec.path, status, ms: deps.now() - started }, 'upstream call');
    }
    spec.observe?.({ status, text, ms: deps.now() - started });
    return readAnswer(spec, status, text);
  }
  return { call };
}

/** Builds URL, headers and body; exported so tests can check the wire format without a server. */
export function buildRequest(
  identity: CallIdentity,
  spec: Pick<CallSpec<unknown>, 'method' | 'path' | 'body'>,
  nowMs: number,
  settings: ProviderSettings,
  profile: RequestProfile = DEFAULT_PROFILE,
): { url: string; init: RequestInit & { headers: Record<string, string> } } {
  const shape = callShapeFor(profile, spec.path, PATHS.sendMsg);
  const { unix, xTimestamp } = timestampsFrom(nowMs);
  const query = buildQueryString(
    {
      ...shape.query.fixed,
      uuid: identity.uuid ?? identity.realUserId,
      device_id: identity.deviceId === '' ? undefined : identity.deviceId,
      user_id: identity.realUserId,
      unix,
      token: identity.token,
    },
    shape.query.order,
  );
  const fullUri = joinUri(spec.path, query);
  // GET carries no body but signs `{}` (§2.7.1); POST signs exactly the string it sends.
  const bodyText = JSON.stringify(spec.body ?? {});
  const origin = new URL(identity.baseUrl).origin;
  const headers: Record<string, string> = shape.headers(origin, identity.token);
  const variant = shape.signatures.xSignature === 'settings' ? settings.signatureVariant : shape.signatures.xSignature;
  if (variant !== 'none') {
    headers['x-timestamp'] = xTimestamp;
    headers['x-signature'] = computeXSignature({ variant, timestamp: xTimestamp, token: identity.token, body: bodyText });
  }
  if (shape.signatures.yy) headers.yy = computeYy({ fullUri, body: bodyText, unix });
  const cookie = shape.cookies ? identity.cookies : clearanceCookies(identity.cookies);
  if (cookie) headers.Cookie = cookie;
  const base = identity.baseUrl.replace(/\/+$/, '');
  const init: RequestInit & { headers: Record<string, string> } = { method: spec.method, headers };
  if (spec.method === 'POST') init.body = bodyText;
  return { url: `${base}${fullUri}`, init };
}

/**
 * Cloudflare's clearance (`cf_clearance`, `__cf_bm`, §10.3) belongs to the browser, not to a request
 * profile: a browser sends it on every call, so the Node transport does too when it is stored.
 */
export function clearanceCookies(cookies: string | undefined): string | undefined {
  const kept = (cookies ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => /^(cf_|__cf)/i.test(part));
  return kept.length > 0 ? kept.join('; ') : undefined;
}

function toTransportError(error: unknown, spec: CallSpec<unknown>, timeout: AbortSignal): RelayError {
  if (spec.signal?.aborted) {
    const reason: unknown = spec.signal.reason;
    return reason instanceof RelayError ? reason : new RelayError('aborted', 'The request was aborted.', { endpoint: spec.path });
  }
  if (timeout.aborted) {
    return new RelayError('upstream_unavailable', 'MiniMax did not answer in time.', {
      endpoint: spec.path,
      reason: 'request_timeout',
      ...reasonDetail('agent_no_answer'),
    });
  }
  return fromNetworkError(error, spec.path);
}

function readAnswer<T>(spec: CallSpec<T>, status: number, text: string): T {
  if (status !== 200) throw fromHttpStatus(status, text, spec.path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notJson(spec.path, status);
  }
  let payload: unknown = json;
  if (spec.envelope === 'statusInfo') {
    const envelope = statusInfoEnvelope.safeParse(json);
    if (!envelope.success) throw shapeError(spec.path, envelope.error, []);
    const { code, message } = envelope.data.statusInfo;
    if (code !== 0) throw fromBusinessError('statusInfo', code, message ?? '', spec.path);
    payload = envelope.data.data;
  } else {
    const envelope = baseRespEnvelope.safeParse(json);
    if (!envelope.success) throw shapeError(spec.path, envelope.error, []);
    const { status_code: code, status_msg: message } = envelope.data.base_resp;
    if (code !== 0) throw fromBusinessError('baseResp', code, message ?? '', spec.path);
  }
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) throw shapeError(spec.path, parsed.error, spec.envelope === 'statusInfo' ? ['data'] : []);
  return parsed.data;
}

function shapeError(endpoint: string, error: z.ZodError, prefix: string[]): RelayError {
  const issue = error.issues[0];
  const field = [...prefix, ...(issue?.path ?? []).map(String)].join('.') || '(root)';
  return wrongShape(endpoint, field, issue?.message ?? 'invalid');
}
