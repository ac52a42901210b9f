/**
 * The public shape of the relay core: one object that the desktop host (src/main/index.ts), the
 * headless host (src/main/headless.ts) and the tests build with `createRelayCore(options)`.
 */
import type { Express } from 'express';
import type { BridgeApi, BridgeEventName, BridgeEvents, RelayStatus } from '../../shared/contract';
import type { AccountSummary, Region } from '../../shared/domain/account';
import type { Logger } from '../logs/types';
import type { ProviderModule } from '../providers/module';
import type { UpstreamTransport } from '../providers/transport';
import type { DocumentStore } from '../store/document-store';
import type { SecretBox } from '../store/secret-box';


export interface RelayCoreOptions {
  /** Where the store, key file, logs and stats live. */
  dataDir: string;
  /** Default: a file document store (`conf`) in dataDir. */
  documentStore?: DocumentStore;
  /** Default: an AES-256-GCM key file in dataDir. */
  secretBox?: SecretBox;
  host: 'desktop' | 'web';
  /** Upstream fetch (tests inject one); default: global fetch. */
  fetch?: typeof fetch;
  /**
   * How upstream calls leave the relay: the desktop host passes Chromium's network (per-account
   * session partitions); default a Node transport over `fetch`.
   */
  transport?: UpstreamTransport;
  logger?: Logger;
  /** Epoch ms; default Date.now. */
  now?: () => number;
  /** The provider modules to run with (their accounts, registry and store kinds); default the production list. */
  modules?: readonly ProviderModule[];
  /** App version shown in app.info and /health. */
  version?: string;
  env?: {
    /** Upstream base URL for both regions (the simulator in tests and the demo). */
    agentBaseUrl?: string;
    /** Open Platform base URL for both regions (its simulator in tests and the demo). */
    openBaseUrl?: string;
    /** Client API keys accepted in addition to the stored ones (plain text, never persisted). */
    extraApiKeys?: readonly string[];
    /** Overrides settings.server host/port for this run (CLI flags); not persisted. */
    serverHost?: string;
    serverPort?: number;
  };
  /**
   * Extra routes mounted on the relay's HTTP server before the proxy's routes (the headless host
   * mounts the management API and the web UI here).
   */
  mountExtra?: (app: Express, core: RelayCore) => void;
  /**
   * The desktop login window (accounts.login). Without it, login answers that it is available in
   * the desktop app only. It typically captures a credential and calls services.accounts.import.
   */
  login?: (input: { region?: Region; id?: string }) => Promise<AccountSummary>;
}

export type EventListener<K extends BridgeEventName> = (payload: BridgeEvents[K]) => void;

export interface RelayCoreEvents {
  /** Returns the unsubscribe function. */
  on<K extends BridgeEventName>(name: K, listener: EventListener<K>): () => void;
}

/**
 * The listener. On the desktop host `stop()` closes it; on the web host the management API and
 * the UI share the listener, so `stop()` pauses the proxy routes (503) and keeps it open.
 */
export interface RelayControl {
  start(): Promise<RelayStatus>;
  stop(): Promise<RelayStatus>;
  status(): RelayStatus;
}

/** The management API's token, kept as a SHA-256 hash in the store (web host). */
export interface AdminTokenStore {
  tokenHash(): string | null;
  setTokenHash(hash: string | null): void;
}

export interface RelayCore {
  services: BridgeApi;
  events: RelayCoreEvents;
  relay: RelayControl;
  admin: AdminTokenStore;
  /** Asks the upstream of the current region who a token belongs to (null when it does not say). */
  identifyToken(token: string): Promise<{ realUserId: string; userName: string | null } | null>;
  /** Stops the listener, flushes the request log and stats, and writes the store. */
  close(): Promise<void>;
}
