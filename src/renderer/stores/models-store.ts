import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CatalogModel, ModelMapping, ModelMappingInput, ModelResolution } from '../../shared/domain/model-mapping';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

export interface ModelsState {
  catalog: CatalogModel[];
  mappings: ModelMapping[];
  loaded: boolean;
  error: ErrorInfo | null;
  /** Error of the alias editor (kept apart from load errors so the form can show it). */
  editError: ErrorInfo | null;
  saving: boolean;
  explanation: ModelResolution | null;
  explainError: ErrorInfo | null;
  load(): Promise<void>;
  saveMapping(input: ModelMappingInput, id?: string): Promise<boolean>;
  removeMapping(id: string): Promise<void>;
  explain(name: string): Promise<void>;
}

export function createModelsStore(api: RelayApi): StoreApi<ModelsState> {
  // Typing fires one explain per keystroke; only the latest answer may land.
  let explainSeq = 0;
  return createStore<ModelsState>()((set) => ({
    catalog: [],
    mappings: [],
    loaded: false,
    error: null,
    editError: null,
    saving: false,
    explanation: null,
    explainError: null,
    async load() {
      try {
        const [catalog, mappings] = await Promise.all([api.models.catalog(), api.models.listMappings()]);
        set({ catalog, mappings, loaded: true, error: null });
      } catch (error) {
        set({ error: toDisplayError(error), loaded: true });
      }
    },
    async saveMapping(input, id) {
      set({ saving: true, editError: null });
      try {
        const saved = id ? await api.models.updateMapping({ ...input, id }) : await api.models.addMapping(input);
        set((s) => ({ mappings: id ? s.mappings.map((m) => (m.id === id ? saved : m)) : [...s.mappings, saved] }));
        return true;
      } catch (error) {
        set({ editError: toDisplayError(error) });
        return false;
      } finally {
        set({ saving: false });
      }
    },
    async removeMapping(id) {
      try {
        await api.models.removeMapping({ id });
        set((s) => ({ mappings: s.mappings.filter((m) => m.id !== id) }));
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
    async explain(name) {
      if (!name.trim()) {
        set({ explanation: null, explainError: null });
        return;
      }
      const seq = ++explainSeq;
      try {
        const explanation = await api.models.explain({ name: name.trim() });
        if (seq === explainSeq) set({ explanation, explainError: null });
      } catch (error) {
        if (seq === explainSeq) set({ explanation: null, explainError: toDisplayError(error) });
      }
    },
  }));
}

export const useModelsStore = bindStore(createModelsStore);
