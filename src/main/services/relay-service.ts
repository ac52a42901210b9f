/** BridgeApi.relay: the listener's state, start/stop, and a test request through it. */
import type { BridgeApi } from '../../shared/contract';
import { RelayError } from '../../shared/errors';
import { sendSpeechTest } from './speech-test';
import { sendTestRequest, type TestRequestDeps } from './test-request';
import type { RelayController } from './types';

export interface RelayServiceDeps extends TestRequestDeps {
  relay: RelayController;
  defaultModel(): string;
  /** A key the proxy accepts (null when client keys are off). Never persisted or shown. */
  localKey(): string | null;
}

export function createRelayService(deps: RelayServiceDeps): BridgeApi['relay'] {
  return {
    status: async () => deps.relay.status(),
    start: () => deps.relay.start(),
    stop: () => deps.relay.stop(),
    async testRequest({ dialect, model }) {
      const status = deps.relay.status();
      if (!status.running || !status.baseUrl) {
        throw new RelayError('relay_stopped', 'The relay is stopped; start it first (Dashboard → Start).');
      }
      return sendTestRequest(deps, { baseUrl: status.baseUrl, key: deps.localKey(), dialect, model: model ?? deps.defaultModel() });
    },
    async testSpeech(input) {
      const status = deps.relay.status();
      if (!status.running || !status.baseUrl) {
        throw new RelayError('upstream_unavailable', 'The relay is stopped; start it first.');
      }
      return sendSpeechTest(deps, { baseUrl: status.baseUrl, key: deps.localKey(), ...input });
    },
  };
}
