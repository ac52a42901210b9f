import type { AppInfo, BridgeApi } from '../../shared/contract';

export function createAppService(info: AppInfo): BridgeApi['app'] {
  return { info: async () => ({ ...info }) };
}
