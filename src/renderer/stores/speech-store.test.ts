import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../lib/__test__/fake-api';
import { createSpeechStore } from './speech-store';

describe('speech store', () => {
  it('keeps the audio of a successful test and the error of a refused one', async () => {
    const api = createFakeApi();
    const calls: unknown[] = [];
    api.relay.testSpeech = async (input) => {
      calls.push(input);
      if (input.voice === 'bad') throw Object.assign(new Error('no'), { code: 'no_account' });
      return { ok: true, status: 200, latencyMs: 5, audio: 'AAAA', contentType: 'audio/mpeg', error: null };
    };
    const store = createSpeechStore(api);
    await store.getState().speak({ text: 'hi', voice: 'alloy', format: 'mp3' });
    expect(store.getState()).toMatchObject({ speaking: false, result: { ok: true, audio: 'AAAA' }, error: null });
    expect(calls).toEqual([{ text: 'hi', voice: 'alloy', format: 'mp3' }]);
    await store.getState().speak({ text: 'hi', voice: 'bad', format: 'mp3' });
    expect(store.getState().result).toBeNull();
    expect(store.getState().error).not.toBeNull();
  });
});
