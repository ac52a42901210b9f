/**
 * The relay as the headless host builds it (`createRelayCore`) with both upstream simulators
 * behind it: the MiniMax Agent web simulator and the Open Platform simulator. Accounts are added
 * through the accounts service, as the UI would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenSimulator, type OpenSimKeyInput, type OpenSimOptions, type OpenSimulator } from '../../tools/minimax-open-sim';
import { startSimulator, type SimOptions, type Simulator } from '../../tools/minimax-sim';
import { createRelayCore, type RelayCore } from '../../src/main/core';
import type { SettingsPatch } from '../../src/shared/domain/settings';

export interface MixedStack {
  web: Simulator;
  open: OpenSimulator;
  core: RelayCore;
  baseUrl: string;
  /** The relay account id and the simulator's realUserId of a new web account. */
  addWebAccount(name: string, credits?: number): Promise<{ id: string; realUserId: string }>;
  addKey(input?: OpenSimKeyInput, keyKind?: 'pay-as-you-go' | 'coding-plan'): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

export interface MixedStackOptions {
  settings?: SettingsPatch;
  openRegionUrls?: boolean;
  /** Options of the web simulator (default: fast replies). */
  web?: SimOptions;
  /** Options of the Open Platform simulator (stream pacing). */
  open?: OpenSimOptions;
}

export async function startMixedStack(options: MixedStackOptions = {}): Promise<MixedStack> {
  const web = await startSimulator({ tickMs: 10, charsPerTick: 60, ...options.web });
  const open = await startOpenSimulator(options.open);
  const dataDir = await mkdtemp(join(tmpdir(), 'relay-mixed-'));
  const core = await createRelayCore({
    dataDir,
    host: 'web',
    version: 'mixed',
    env: { agentBaseUrl: web.url, ...(options.openRegionUrls ? {} : { openBaseUrl: open.url }), serverPort: 0 },
  });
  if (options.openRegionUrls) await core.services.settings.update({ openPlatform: { cnBaseUrl: open.urlFor('cn'), intlBaseUrl: open.urlFor('intl') } });
  if (options.settings) await core.services.settings.update(options.settings);
  const baseUrl = core.relay.status().baseUrl;
  if (!baseUrl) throw new Error('relay not listening');

  async function importOne(input: Parameters<RelayCore['services']['accounts']['import']>[0]): Promise<string> {
    const result = await core.services.accounts.import(input);
    const id = result.results[0]?.account?.id;
    if (!id) throw new Error(`import failed: ${JSON.stringify(result.results[0]?.error)}`);
    return id;
  }

  return {
    web,
    open,
    core,
    baseUrl,
    async addWebAccount(name, credits = 200) {
      const account = web.admin.createAccount({ name, credits });
      return { id: await importOne({ text: account.credential }), realUserId: account.realUserId };
    },
    async addKey(input = {}, keyKind = 'pay-as-you-go') {
      const key = open.admin.addKey({ kind: keyKind, ...input });
      const id = await importOne({ text: key.key, provider: 'minimax-open', keyKind, region: key.region });
      return { id, key: key.key };
    },
    async close() {
      await core.close();
      await Promise.all([web.close(), open.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
