import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SpeechTestResult } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

/** The Connect page's "Speak" test: one short text through the relay's speech endpoint. */
export interface SpeechState {
  speaking: boolean;
  result: SpeechTestResult | null;
  error: ErrorInfo | null;
  speak(input: { text: string; voice: string; format: 'mp3' | 'wav' }): Promise<void>;
}

export function createSpeechStore(api: RelayApi): StoreApi<SpeechState> {
  return createStore<SpeechState>()((set) => ({
    speaking: false,
    result: null,
    error: null,
    async speak(input) {
      set({ speaking: true, error: null, result: null });
      try {
        set({ result: await api.relay.testSpeech(input) });
      } catch (error) {
        set({ error: toDisplayError(error) });
      } finally {
        set({ speaking: false });
      }
    },
  }));
}

export const useSpeechStore = bindStore(createSpeechStore);
