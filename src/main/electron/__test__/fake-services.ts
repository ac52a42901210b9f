/** A BridgeApi whose every method records its call and echoes it back (tests of the derivations). */
import { BRIDGE_METHODS, type BridgeApi, type BridgeDomain } from '../../../shared/contract';

export interface RecordedCall {
  domain: string;
  method: string;
  input: unknown;
}

export function createEchoServices(): { services: BridgeApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const services: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const domain of Object.keys(BRIDGE_METHODS) as BridgeDomain[]) {
    services[domain] = {};
    for (const method of BRIDGE_METHODS[domain] as readonly string[]) {
      services[domain][method] = async (input) => {
        calls.push({ domain, method, input });
        return { domain, method, input };
      };
    }
  }
  return { services: services as unknown as BridgeApi, calls };
}
