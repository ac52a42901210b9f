import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockedRange } from './address-guard';
import { RemoteFetchError, fetchRemoteFile, type RemoteFetchOptions } from './remote-fetch';
import { PNG_BYTES } from './__test__/test-files';
import { startFileServer, type TestFileServer } from './__test__/test-server';

let server: TestFileServer;

beforeEach(async () => {
  server = await startFileServer({
    '/cat.png': { type: 'image/png', body: PNG_BYTES },
    '/big': { type: 'image/png', body: Buffer.alloc(2048, 1) },
    '/endless': { type: 'image/png', chunks: [Buffer.alloc(600, 1), Buffer.alloc(600, 1)] },
    '/gone': { status: 404 },
    '/hop': { status: 302, location: '/cat.png' },
    '/to-other-loopback': (port) => ({ status: 302, location: `http://127.0.0.2:${port}/cat.png` }),
    '/to-internal-name': (port) => ({ status: 301, location: `http://internal.test:${port}/cat.png` }),
    '/loop': { status: 302, location: '/loop' },
    '/silent': { hang: true },
  });
});
afterEach(() => server.close());

// 127.0.0.1 stands for "a public host" here; every other address keeps its real classification.
const onlyServerIsPublic = (address: string): string | null => (address === '127.0.0.1' ? null : blockedRange(address));
const dns = async (host: string) => [{ address: host === 'internal.test' ? '10.0.0.7' : '127.0.0.1', family: 4 }];
const options = (extra: Partial<RemoteFetchOptions> = {}): RemoteFetchOptions => ({
  maxBytes: 1024,
  timeoutMs: 10_000,
  allowPrivateAddresses: false,
  addressPolicy: onlyServerIsPublic,
  resolveAll: dns,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<RemoteFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RemoteFetchError);
  return error as RemoteFetchError;
}

describe('fetchRemoteFile', () => {
  it('downloads a file and follows redirects', async () => {
    const file = await fetchRemoteFile(`${server.url}/hop`, options());
    expect(file.bytes.equals(PNG_BYTES)).toBe(true);
    expect(file.contentType).toBe('image/png');
    expect(file.url.pathname).toBe('/cat.png');
  });

  it('refuses loopback and private hosts unless the setting allows them', async () => {
    expect((await failure(fetchRemoteFile(`${server.url}/cat.png`, options({ addressPolicy: undefined })))).reason).toBe('blocked_address');
    expect((await fetchRemoteFile(`${server.url}/cat.png`, options({ addressPolicy: undefined, allowPrivateAddresses: true }))).bytes.length).toBe(PNG_BYTES.length);
    expect(server.hits.get('/cat.png')).toBe(1);
  });

  it('re-checks every redirect: to a private IP literal and to a name that resolves privately', async () => {
    expect((await failure(fetchRemoteFile(`${server.url}/to-other-loopback`, options()))).message).toMatch(/127\.0\.0\.2 \(loopback\)/);
    expect((await failure(fetchRemoteFile(`${server.url}/to-internal-name`, options()))).message).toMatch(/10\.0\.0\.7 \(private\)/);
    expect(server.hits.get('/cat.png')).toBeUndefined();
  });

  it('caps the size by Content-Length and while reading', async () => {
    expect((await failure(fetchRemoteFile(`${server.url}/big`, options()))).reason).toBe('too_large');
    expect((await failure(fetchRemoteFile(`${server.url}/endless`, options()))).reason).toBe('too_large');
  });

  it('gives up on a server that never answers', async () => {
    expect((await failure(fetchRemoteFile(`${server.url}/silent`, options({ timeoutMs: 200 })))).reason).toBe('timeout');
  });

  it('reports HTTP errors, redirect loops and non-http schemes', async () => {
    expect((await failure(fetchRemoteFile(`${server.url}/gone`, options()))).message).toBe('answered HTTP 404');
    expect((await failure(fetchRemoteFile(`${server.url}/loop`, options()))).reason).toBe('too_many_redirects');
    expect((await failure(fetchRemoteFile('file:///etc/passwd', options()))).reason).toBe('bad_url');
    expect((await failure(fetchRemoteFile('gs://bucket/a.png', options()))).reason).toBe('bad_url');
  });
});
