import { describe, expect, it } from 'vitest';
import type { UploadedFile } from './attachment-shape';
import { createUploadCache } from './upload-cache';

const file = (fileId: number): UploadedFile => ({ fileId, fileName: `${fileId}.png`, fileUrl: `https://oss.test/${fileId}.png`, kind: 'image' });

describe('upload cache', () => {
  it('uploads once per account and content hash, shares an upload in flight, and expires after its TTL', async () => {
    let now = 1_000;
    const cache = createUploadCache({ now: () => now, ttlMs: 60_000 });
    let uploads = 0;
    const upload = async () => ({ file: file(++uploads), uploadedAt: now });
    const [a, b] = await Promise.all([cache.getOrUpload('acct1', 'h1', upload), cache.getOrUpload('acct1', 'h1', upload)]);
    expect([a.hit, b.hit]).toEqual([false, true]);
    expect(b.entry.file.fileId).toBe(1);
    expect((await cache.getOrUpload('acct2', 'h1', upload)).entry.file.fileId).toBe(2);
    now += 59_000;
    expect(await cache.getOrUpload('acct1', 'h1', upload)).toMatchObject({ hit: true, entry: { file: { fileId: 1 } } });
    now += 2_000;
    expect(await cache.getOrUpload('acct1', 'h1', upload)).toMatchObject({ hit: false, entry: { file: { fileId: 3 } } });
  });

  it('keeps no failed upload, and forgets an account on request', async () => {
    const cache = createUploadCache({ now: () => 0 });
    await expect(cache.getOrUpload('acct1', 'h1', () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect((await cache.getOrUpload('acct1', 'h1', async () => ({ file: file(7), uploadedAt: 0 }))).hit).toBe(false);
    cache.forget('acct1');
    expect((await cache.getOrUpload('acct1', 'h1', async () => ({ file: file(8), uploadedAt: 0 }))).entry.file.fileId).toBe(8);
  });

  it('drops the oldest entries past its bound', async () => {
    const cache = createUploadCache({ now: () => 0, maxEntries: 2 });
    for (const hash of ['h1', 'h2', 'h3']) await cache.getOrUpload('a', hash, async () => ({ file: file(1), uploadedAt: 0 }));
    expect((await cache.getOrUpload('a', 'h1', async () => ({ file: file(9), uploadedAt: 0 }))).hit).toBe(false);
    expect((await cache.getOrUpload('a', 'h3', async () => ({ file: file(9), uploadedAt: 0 }))).hit).toBe(true);
  });
});
