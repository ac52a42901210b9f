/**
 * Raw HTTP for the suites: node:http with a keep-alive agent, so a test can send bytes that fetch
 * would refuse or normalise (invalid UTF-8, odd headers, missing Host, a body that is not JSON).
 */
import http from 'node:http';

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Abort after this long (the answer counts as `status: 0`). */
  timeoutMs?: number;
  /** Source address of the connection (any 127/8 address works on Linux). */
  localAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function createKeepAliveAgent(maxSockets = 16): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/**
 * A keep-alive socket the server closed while idle fails the next request sent on it; the Node
 * docs' remedy is one retry when `reusedSocket` is set. A failure on a fresh socket is real.
 */
export async function rawRequest(port: number, request: RawRequest, agent?: http.Agent): Promise<RawResponse> {
  try {
    return await sendOnce(port, request, agent);
  } catch (error) {
    if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
    return sendOnce(port, request, false);
  }
}

function sendOnce(port: number, request: RawRequest, agent?: http.Agent | false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method ?? 'POST', path: request.path, headers: request.headers ?? {}, agent: agent ?? false, ...(request.localAddress ? { localAddress: request.localAddress } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(request.timeoutMs ?? 30_000, () => req.destroy(new Error(`timed out: ${request.method ?? 'POST'} ${request.path}`)));
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `data:` payloads of an SSE body, in order (`[DONE]` kept as a string). */
export function sseData(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim());
}
