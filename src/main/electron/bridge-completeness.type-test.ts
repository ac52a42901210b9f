/**
 * Compile-time proof (checked by `tsc -p tsconfig.node.json`, never executed) that the IPC handler
 * table and the preload bridge cannot miss a contract method: each `@ts-expect-error` line must
 * fail to compile, otherwise tsc reports the unused directive.
 */
import type { BridgeDomain, BridgeMethod } from '../../shared/contract';
import type { DesktopBridge } from '../../renderer/lib/bridge-types';
import type { IpcHandlerTable } from './ipc-handlers';

declare const handler: (input: unknown) => Promise<never>;
declare const method: () => Promise<never>;

export const completeAccounts: IpcHandlerTable['accounts'] = {
  list: handler,
  import: handler,
  validate: handler,
  validateAll: handler,
  update: handler,
  reset: handler,
  remove: handler,
  cleanupChats: handler,
  login: handler,
  setCookies: handler,
  diagnose: handler,
};

// @ts-expect-error a handler table without accounts.login does not compile
export const handlersMissingLogin: IpcHandlerTable['accounts'] = {
  list: handler,
  import: handler,
  validate: handler,
  validateAll: handler,
  update: handler,
  reset: handler,
  remove: handler,
  cleanupChats: handler,
  setCookies: handler,
  diagnose: handler,
};

// @ts-expect-error a handler table without the relay domain does not compile
export const handlersMissingDomain: IpcHandlerTable = { app: { info: handler } };

export const completeApp: DesktopBridge['app'] = { info: method };

// @ts-expect-error a preload domain without its method does not compile
export const preloadMissingInfo: DesktopBridge['app'] = {};

// @ts-expect-error a preload method outside the contract does not compile
export const preloadExtra: DesktopBridge['app'] = { info: method, invoke: method };

// Both sides resolve every method to the same BridgeResult type.
type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatch = {
  [D in BridgeDomain]: {
    [M in BridgeMethod<D>]: Same<Resolved<IpcHandlerTable[D][M]>, Resolved<DesktopBridge[D][M & keyof DesktopBridge[D]]>> extends true ? never : `${D}.${M}`;
  }[BridgeMethod<D>];
}[BridgeDomain];
type AssertNever<T extends never> = T;
export type HandlersMatchPreload = AssertNever<Mismatch>;
