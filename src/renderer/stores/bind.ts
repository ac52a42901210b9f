import { useStore, type StoreApi } from 'zustand';
import type { RelayApi } from '../lib/api';
import { getApi } from '../lib/api-instance';

export type BoundStore<S> = (<T>(selector: (state: S) => T) => T) & {
  getState(): S;
  store(): StoreApi<S>;
};

/**
 * Binds a store factory to the app's API lazily, so that importing a store module (in unit tests,
 * in node) does not pick a transport; tests call the factory with a fake API instead.
 */
export function bindStore<S>(factory: (api: RelayApi) => StoreApi<S>): BoundStore<S> {
  let store: StoreApi<S> | null = null;
  const get = (): StoreApi<S> => (store ??= factory(getApi()));
  function useBoundStore<T>(selector: (state: S) => T): T {
    return useStore(get(), selector);
  }
  return Object.assign(useBoundStore, { getState: () => get().getState(), store: get });
}
