/** Builds BridgeApi from its domain services. */
import type { AppInfo, BridgeApi } from '../../shared/contract';
import { createAccountsService, type AccountsServiceDeps } from './accounts-service';
import { createAppService } from './app-service';
import { createLogsService } from './logs-service';
import { createModelsService, type ModelsServiceDeps } from './models-service';
import { createRelayService, type RelayServiceDeps } from './relay-service';
import { createSettingsService, type SettingsServiceDeps } from './settings-service';
import type { RequestLog } from '../logs/types';

export interface ServicesDeps {
  app: AppInfo;
  relay: RelayServiceDeps;
  accounts: AccountsServiceDeps;
  models: ModelsServiceDeps;
  logs: { requestLog: RequestLog };
  settings: SettingsServiceDeps;
}

export function createServices(deps: ServicesDeps): BridgeApi {
  return {
    app: createAppService(deps.app),
    relay: createRelayService(deps.relay),
    accounts: createAccountsService(deps.accounts),
    models: createModelsService(deps.models),
    logs: createLogsService(deps.logs),
    settings: createSettingsService(deps.settings),
  };
}

export { createEventBus, type EventBus } from './event-bus';
export { toSettingsView, generateApiKey } from './settings-service';
export type { RelayController, ServiceContext, BaseUrlFor } from './types';
