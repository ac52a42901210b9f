/**
 * Fetches a remote attachment: http(s) only, the SSRF guard on every hop (redirects included), a
 * byte cap enforced while reading, and one deadline for the whole chain. Node's http client is
 * used rather than fetch because it takes a per-request `lookup`, which is where the guard sits.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockedAddressError, assertHostAllowed, createGuardedLookup, resolveAllWithDns, type AddressPolicy, type ResolveAll } from './address-guard';

const MAX_REDIRECTS = 5;

export type RemoteFailure = 'bad_url' | 'blocked_address' | 'too_large' | 'timeout' | 'http_status' | 'network' | 'too_many_redirects';

export class RemoteFetchError extends Error {
  constructor(
    readonly reason: RemoteFailure,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteFetchError';
  }
}

export interface RemoteFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  allowPrivateAddresses: boolean;
  signal?: AbortSignal;
  /** DNS resolution (tests pass their own answers). */
  resolveAll?: ResolveAll;
  /** Which addresses are private (tests treat one loopback address as public). */
  addressPolicy?: AddressPolicy;
}

export interface RemoteFile {
  bytes: Buffer;
  contentType: string | undefined;
  /** The URL after redirects (its path names the file). */
  url: URL;
}

function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new RemoteFetchError('bad_url', 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RemoteFetchError('bad_url', `uses ${url.protocol.replace(':', '')}, only http and https URLs are fetched`);
  if (url.username || url.password) throw new RemoteFetchError('bad_url', 'carries credentials in the URL, which the relay does not send');
  return url;
}

function open(url: URL, options: RemoteFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  assertHostAllowed(url.hostname, options.allowPrivateAddresses, options.addressPolicy);
  const lookup = createGuardedLookup(options.allowPrivateAddresses, options.resolveAll ?? resolveAllWithDns, options.addressPolicy);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // No shared agent: a kept-alive socket would skip the guarded lookup (and outlive a settings change).
    const req = send(url, { method: 'GET', agent: false, lookup, signal, headers: { accept: '*/*', 'user-agent': 'minimax-relay' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new RemoteFetchError('too_large', `is ${declared} bytes, more than the limit of ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      response.destroy();
      throw new RemoteFetchError('too_large', `is more than the limit of ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toFetchError(error: unknown, deadline: AbortSignal, timeoutMs: number): Error {
  if (error instanceof RemoteFetchError) return error;
  if (error instanceof BlockedAddressError) return new RemoteFetchError('blocked_address', `points at ${error.address} (${error.range}); private addresses are refused unless the settings allow them`);
  if (deadline.aborted) return new RemoteFetchError('timeout', `did not download within ${Math.round(timeoutMs / 1000)} s`);
  // The client's own abort travels as is, so the request ends as aborted rather than as a bad part.
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new RemoteFetchError('network', `could not be fetched (${error instanceof Error ? error.message : String(error)})`);
}

export async function fetchRemoteFile(rawUrl: string, options: RemoteFetchOptions): Promise<RemoteFile> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let url = parseTarget(rawUrl);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await open(url, options, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        url = parseTarget(location, url);
        continue;
      }
      if (status !== 200) {
        response.resume();
        throw new RemoteFetchError('http_status', `answered HTTP ${status}`);
      }
      return { bytes: await readCapped(response, options.maxBytes), contentType: response.headers['content-type'], url };
    }
    throw new RemoteFetchError('too_many_redirects', `redirected more than ${MAX_REDIRECTS} times`);
  } catch (error) {
    throw toFetchError(error, deadline, options.timeoutMs);
  }
}
