import { afterEach, describe, expect, it } from 'vitest';
import { startOpenSimulator, type OpenSimulator } from './index';

let sim: OpenSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

function chat(url: string, key: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, reasoning_split: true, messages: [{ role: 'user', content: 'x'.repeat(60) }] }),
    ...(signal ? { signal } : {}),
  });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('open simulator streams', () => {
  it('counts a stream read to the end as completed and splits the text in pieces of the set size', async () => {
    sim = await startOpenSimulator({ chunkDelayMs: 1, textChunkChars: 10 });
    const { key } = sim.admin.addKey();
    const res = await chat(sim.url, key);
    const text = await res.text();
    const contents = [...text.matchAll(/"content":"([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(contents.length).toBeGreaterThan(3);
    expect(contents.every((piece) => piece.length <= 10)).toBe(true);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    await waitFor(() => sim!.admin.streams(key).completed === 1, 'stream completed');
    expect(sim.admin.streams(key)).toEqual({ open: 0, completed: 1, abandoned: 0, peakOpen: 1 });
  });

  it('reports a stream open while it is written and abandoned once the caller hangs up', async () => {
    sim = await startOpenSimulator({ chunkDelayMs: 60_000 });
    const { key } = sim.admin.addKey();
    const controller = new AbortController();
    const res = await chat(sim.url, key, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    expect(sim.admin.streams(key).open).toBe(1);
    expect(sim.admin.streams()).toMatchObject({ open: 1, completed: 0, abandoned: 0 });
    controller.abort();
    await waitFor(() => sim!.admin.streams(key).abandoned === 1, 'stream abandoned');
    expect(sim.admin.streams(key)).toEqual({ open: 0, completed: 0, abandoned: 1, peakOpen: 1 });
  });

  it('refuses a stream past the key’s maxStreams with 1041 and serves again once one closed', async () => {
    sim = await startOpenSimulator({ chunkDelayMs: 60_000 });
    const { key } = sim.admin.addKey({ maxStreams: 1 });
    const controller = new AbortController();
    const first = await chat(sim.url, key, controller.signal);
    const reader = first.body!.getReader();
    await reader.read();
    const refused = await chat(sim.url, key);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ base_resp: { status_code: 1041 } });
    controller.abort();
    await waitFor(() => sim!.admin.streams(key).open === 0, 'first stream closed');
    const again = new AbortController();
    const next = await chat(sim.url, key, again.signal);
    expect(next.status).toBe(200);
    again.abort();
  });
});
