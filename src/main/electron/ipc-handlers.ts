/**
 * The IPC handler table, derived from the contract: one handler per BRIDGE_METHODS entry, each
 * validating its input with the contract schemas and answering BridgeResult data. Electron-free,
 * so the derivation is unit-tested; ipc.ts only registers the table with ipcMain.
 */
import type { z } from 'zod';
import { BRIDGE_METHODS, toChannel, type BridgeApi, type BridgeDomain, type BridgeMethod, type BridgeResult } from '../../shared/contract';
import { CONTRACT_SCHEMAS, type ContractSchemas } from '../../shared/contract-schemas';
import { RelayError, toErrorInfo, type ErrorInfo } from '../../shared/errors';

type Method<D extends BridgeDomain, M extends BridgeMethod<D>> = BridgeApi[D][M] extends (...args: infer _A) => Promise<infer R> ? R : never;

/** `(input) => Promise<BridgeResult<T>>` for every contract method: a missing one is a compile error. */
export type IpcHandlerTable = {
  readonly [D in BridgeDomain]: { readonly [M in BridgeMethod<D>]: (input: unknown) => Promise<BridgeResult<Method<D, M>>> };
};

export interface IpcHandlerEntry {
  channel: string;
  domain: BridgeDomain;
  method: string;
  handle(input: unknown): Promise<BridgeResult<unknown>>;
}

type AnyMethod = (input?: unknown) => Promise<unknown>;

function toInvalidInput(error: z.ZodError): ErrorInfo {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return { code: 'invalid_request', message: `${where}${first?.message ?? 'Invalid input.'}` };
}

/** Looks a method up on the services object, keeping `this` for implementations that need it. */
function methodOf(services: BridgeApi, domain: BridgeDomain, method: string): AnyMethod {
  const target = services[domain] as unknown as Record<string, unknown>;
  const fn = target[method];
  if (typeof fn !== 'function') throw new RelayError('internal', `The service ${domain}.${method} is not implemented.`);
  return (input) => (fn as AnyMethod).call(target, input);
}

export interface IpcHandlerDeps {
  schemas?: ContractSchemas;
  /** Told about unexpected (non-RelayError) failures, which cross IPC only as `internal`. */
  onUnexpectedError?(error: unknown, where: string): void;
}

export function createIpcHandlers(services: BridgeApi, deps: IpcHandlerDeps = {}): IpcHandlerTable {
  const schemas = deps.schemas ?? CONTRACT_SCHEMAS;
  const table: Record<string, Record<string, (input: unknown) => Promise<BridgeResult<unknown>>>> = {};
  for (const domain of Object.keys(BRIDGE_METHODS) as BridgeDomain[]) {
    table[domain] = {};
    const domainSchemas = schemas[domain] as Record<string, z.ZodType>;
    for (const method of BRIDGE_METHODS[domain] as readonly string[]) {
      const schema = domainSchemas[method];
      const call = methodOf(services, domain, method);
      table[domain][method] = async (input) => {
        const parsed = schema ? schema.safeParse(input) : null;
        if (!parsed) return { ok: false, error: { code: 'internal', message: `No input schema for ${domain}.${method}.` } };
        if (!parsed.success) return { ok: false, error: toInvalidInput(parsed.error) };
        try {
          return { ok: true, value: await call(parsed.data) };
        } catch (error) {
          if (!(error instanceof RelayError)) deps.onUnexpectedError?.(error, `${domain}.${method}`);
          return { ok: false, error: toErrorInfo(error) };
        }
      };
    }
  }
  return table as unknown as IpcHandlerTable;
}

/** The table as a flat list of channels, in contract order. */
export function listIpcHandlers(table: IpcHandlerTable): IpcHandlerEntry[] {
  return (Object.keys(BRIDGE_METHODS) as BridgeDomain[]).flatMap((domain) =>
    (BRIDGE_METHODS[domain] as readonly string[]).map((method) => {
      const handle = (table[domain] as unknown as Record<string, IpcHandlerEntry['handle']>)[method];
      if (!handle) throw new RelayError('internal', `No IPC handler for ${domain}.${method}.`);
      return { channel: toChannel(domain, method), domain, method, handle };
    }),
  );
}
