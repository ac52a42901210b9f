/**
 * One HTTP call to the Open Platform as one key: bearer auth, JSON body, and every failure shape
 * (HTTP status, `base_resp` in a 200, network error) turned into a RelayError before the caller
 * reads a byte of the reply.
 */
import { isRelayError, RelayError } from '../../../shared/errors';
import type { FetchLike } from '../transport';
import { isOpenCredential, type OpenCredential, type ProviderAccount } from '../types';
import { retryConnectionLimit, type ConnectionRetryOptions } from './connection-retry';
import { fromHttpStatus, fromNetworkError, fromStatusCode } from './errors';
import { envelopeSchema } from './protocol';

export interface OpenHttp {
  /** A 2xx response whose body the caller reads (JSON or an event stream). */
  send(account: ProviderAccount, path: string, init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<Response>;
  /** `send` + parse JSON + check `base_resp`. */
  json(account: ProviderAccount, path: string, init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<unknown>;
}

export function openCredentialOf(account: ProviderAccount): OpenCredential {
  const { credential } = account;
  if (!isOpenCredential(credential)) throw new RelayError('internal', 'A web account reached the Open Platform provider.');
  return credential;
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** A `base_resp` with a non-zero code, or null. */
export function businessError(body: unknown, endpoint: string, httpStatus = 200): RelayError | null {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return null;
  const base = parsed.data.base_resp;
  if (base && base.status_code !== 0) return fromStatusCode(base.status_code, base.status_msg, endpoint, httpStatus);
  const error = parsed.data.error;
  if (error && httpStatus >= 400) return fromHttpStatus(httpStatus, error.message ?? '', endpoint);
  return null;
}

async function errorFromResponse(response: Response, endpoint: string): Promise<RelayError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page): the status alone decides.
  }
  return businessError(body, endpoint, response.status) ?? fromHttpStatus(response.status, text.slice(0, 200), endpoint);
}

/**
 * A 2xx JSON answer may still be a refusal (`base_resp` with a non-zero code): it is read here,
 * so a refusal is an error of `send` whatever the HTTP status (and `send` can retry it).
 */
async function refusalOf2xx(response: Response, endpoint: string): Promise<Response> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return response;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // The caller reports a body that is not JSON.
  }
  const failure = businessError(body, endpoint);
  if (failure) throw failure;
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export function createOpenHttp(fetchImpl: FetchLike, retry: ConnectionRetryOptions = {}): OpenHttp {
  async function sendOnce(account: ProviderAccount, path: string, init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<Response> {
    const { apiKey } = openCredentialOf(account);
    let response: Response;
    try {
      response = await fetchImpl(joinUrl(account.baseUrl, path), {
        method: init.method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (error) {
      if (init.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw error;
      throw fromNetworkError(error, path);
    }
    if (!response.ok) throw await errorFromResponse(response, path);
    return refusalOf2xx(response, path);
  }

  const send: OpenHttp['send'] = (account, path, init) => retryConnectionLimit(() => sendOnce(account, path, init), init.signal, retry);

  return {
    send,
    async json(account, path, init) {
      const response = await send(account, path, init);
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        if (isRelayError(error) || init.signal?.aborted) throw error;
        throw new RelayError('upstream_unavailable', 'The MiniMax Open Platform answered with something that is not JSON.', { endpoint: path });
      }
      const failure = businessError(body, path);
      if (failure) throw failure;
      return body;
    },
  };
}
