import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DiagnosisReport } from '../../shared/domain/diagnosis';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

/** Per-account diagnoses (accounts.diagnose): the latest report, whether one runs, and its error. */
export interface DiagnosisState {
  reports: Record<string, DiagnosisReport>;
  running: Record<string, boolean>;
  errors: Record<string, ErrorInfo>;
  run(id: string): Promise<void>;
  dismiss(id: string): void;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export function createDiagnosisStore(api: RelayApi): StoreApi<DiagnosisState> {
  return createStore<DiagnosisState>()((set, get) => ({
    reports: {},
    running: {},
    errors: {},
    async run(id) {
      if (get().running[id]) return;
      set((s) => ({ running: { ...s.running, [id]: true }, errors: without(s.errors, id), reports: without(s.reports, id) }));
      try {
        const report = await api.accounts.diagnose({ id });
        set((s) => ({ reports: { ...s.reports, [id]: report } }));
      } catch (error) {
        set((s) => ({ errors: { ...s.errors, [id]: toDisplayError(error) } }));
      } finally {
        set((s) => ({ running: without(s.running, id) }));
      }
    },
    dismiss(id) {
      set((s) => ({ reports: without(s.reports, id), errors: without(s.errors, id) }));
    },
  }));
}

export const useDiagnosisStore = bindStore(createDiagnosisStore);
