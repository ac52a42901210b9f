/**
 * `POST /v1/audio/speech` with the official OpenAI client → the relay → an Open Platform key
 * (simulator). The audio's own header is decoded, so a wrong format or a broken pass-through fails.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMixedStack, type MixedStack } from '../../../../test/support/mixed-stack';

let stack: MixedStack;
let client: OpenAI;

beforeAll(async () => {
  stack = await startMixedStack();
  await stack.addWebAccount('alice');
  await stack.addKey();
  client = new OpenAI({ apiKey: 'local', baseURL: `${stack.baseUrl}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await stack?.close();
});

function lastT2a(): Record<string, unknown> {
  const calls = stack.open.admin.requests().filter((r) => r.path === '/v1/t2a_v2');
  return (calls[calls.length - 1]?.body ?? {}) as Record<string, unknown>;
}

async function speak(body: Record<string, unknown>): Promise<{ bytes: Buffer; type: string | null }> {
  const response = await client.audio.speech.create({ model: 'tts-1', input: 'Hello world', voice: 'alloy', ...body } as OpenAI.Audio.SpeechCreateParams);
  return { bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

describe('speech', () => {
  it('returns a WAV whose header says 16-bit mono at 32 kHz, with the voice mapped and settings nested', async () => {
    const { bytes, type } = await speak({ response_format: 'wav', speed: 1.5 });
    expect(type).toBe('audio/wav');
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    expect(bytes.readUInt16LE(22)).toBe(1);
    expect(bytes.readUInt32LE(24)).toBe(32_000);
    expect(bytes.readUInt16LE(34)).toBe(16);
    expect(bytes.readUInt32LE(40)).toBe(bytes.length - 44);
    expect(lastT2a()).toMatchObject({
      model: 'speech-2.8-turbo',
      text: 'Hello world',
      voice_setting: { voice_id: 'Friendly_Person', speed: 1.5 },
      audio_setting: { format: 'wav', sample_rate: 32_000 },
    });
  });

  it('returns MP3 frames and FLAC with its STREAMINFO; MiniMax voice ids pass through', async () => {
    const mp3 = await speak({ voice: 'Wise_Woman' });
    expect(mp3.type).toBe('audio/mpeg');
    expect([mp3.bytes[0], (mp3.bytes[1] ?? 0) & 0xe0]).toEqual([0xff, 0xe0]);
    expect((lastT2a().voice_setting as { voice_id: string }).voice_id).toBe('Wise_Woman');
    const flac = await speak({ response_format: 'flac', model: 'speech-2.8-hd' });
    expect(flac.bytes.toString('ascii', 0, 4)).toBe('fLaC');
    expect(flac.bytes.readUIntBE(18, 3) >> 4).toBe(32_000);
    expect(lastT2a().model).toBe('speech-2.8-hd');
  });

  it('streams PCM (24 kHz as OpenAI clients expect) in chunks as the platform sends them', async () => {
    const response = await fetch(`${stack.baseUrl}/v1/audio/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'tts-1', input: 'Streaming speech test', voice: 'nova', response_format: 'pcm', stream_format: 'audio' }),
    });
    expect(response.headers.get('content-type')).toBe('audio/pcm');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(lastT2a()).toMatchObject({ stream: true, audio_setting: { format: 'pcm', sample_rate: 24_000 } });
    // 200 ms + 40 ms per character of a 24 kHz tone, 2 bytes a sample; the final event's repeat is not appended.
    expect(bytes.length).toBe(Math.round((24_000 * (200 + 21 * 40)) / 1000) * 2);
    expect(bytes.readInt16LE(2)).not.toBe(0);
  });

  it('sends OpenAI speech.audio.delta events with stream_format sse', async () => {
    const response = await fetch(`${stack.baseUrl}/v1/audio/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'tts-1', input: 'hi', voice: 'nova', response_format: 'mp3', stream_format: 'sse' }),
    });
    const events = (await response.text()).split('\n\n').filter(Boolean).map((frame) => JSON.parse(frame.replace(/^data: /, '')) as { type: string; audio?: string });
    expect(events.at(-1)?.type).toBe('speech.audio.done');
    const audio = Buffer.concat(events.filter((e) => e.type === 'speech.audio.delta').map((e) => Buffer.from(e.audio ?? '', 'base64')));
    expect([audio[0], audio[1]]).toEqual([0xff, 0xfb]);
  });

  it.each([
    ['empty text', { input: '   ' }, 400, 'input'],
    ['text over 10,000 characters', { input: 'x'.repeat(10_001) }, 400, 'input'],
    ['a malformed voice', { voice: 'no voice!' }, 400, 'voice'],
    ['an unavailable format', { response_format: 'opus' }, 400, 'response_format'],
    ['a non-speech model', { model: 'whisper-1' }, 404, 'model'],
  ] as const)('refuses %s with a clear %i', async (_name, body, status, param) => {
    const error = (await speak(body).catch((e: unknown) => e)) as { status?: number; error?: { param?: string; code?: string } };
    expect(error.status).toBe(status);
    expect(error.error?.param).toBe(param);
  });

  it('relay.testSpeech (the Connect page’s Speak) returns playable audio through the local proxy', async () => {
    const result = await stack.core.services.relay.testSpeech({ text: 'Speak test', voice: 'sage', format: 'mp3' });
    expect(result).toMatchObject({ ok: true, status: 200, contentType: 'audio/mpeg', error: null });
    const audio = Buffer.from(result.audio ?? '', 'base64');
    expect([audio[0], audio[1]]).toEqual([0xff, 0xfb]);
    expect((lastT2a().voice_setting as { voice_id: string }).voice_id).toBe('Wise_Woman');
  });

  it('refuses a voice the platform does not know with 400, logs the key used and does not park it', async () => {
    const error = (await speak({ voice: 'Nobody_Voice' }).catch((e: unknown) => e)) as { status?: number; error?: { message?: string } };
    expect(error.status).toBe(400);
    expect(error.error?.message).toContain('voice');
    const key = (await stack.core.services.accounts.list()).find((account) => account.provider === 'minimax-open');
    expect(key?.status).toBe('active');
    const entries = await stack.core.services.logs.query({ limit: 1 });
    expect(entries[0]).toMatchObject({ endpoint: '/v1/audio/speech', errorCode: 'invalid_request', provider: 'minimax-open' });
  });
});
