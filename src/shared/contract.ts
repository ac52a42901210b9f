/**
 * The one renderer ⇄ main contract. The preload bridge, the IPC handlers, the HTTP management API
 * and the renderer's client are all derived from BridgeApi, BRIDGE_METHODS and BRIDGE_EVENTS; the
 * compile-time checks at the bottom make a method impossible to add on one side only.
 */
import type { AccountSummary, OpenKeyKind, ProviderKind, Region } from './domain/account';
import type { DialectId } from './domain/dialects';
import type { DiagnosisReport } from './domain/diagnosis';
import type { CatalogModel, ModelMapping, ModelMappingInput, ModelResolution } from './domain/model-mapping';
import type { LogQuery, RequestLogEntry, StatsSummary } from './domain/request-log';
import type { ApiKeyRecord, Settings, SettingsPatch } from './domain/settings';
import type { ErrorInfo } from './errors';

export type ClientDialect = DialectId;

export interface PoolHealth {
  byStatus: Record<AccountSummary['status'], number>;
  busy: number;
  queued: number;
  capacity: number;
}

export interface RelayStatus {
  running: boolean;
  host: string;
  port: number;
  /** e.g. http://127.0.0.1:8000 (null while stopped). */
  baseUrl: string | null;
  /** The web UI URL on the headless host (null on desktop). */
  uiUrl: string | null;
  startedAt: number | null;
  pool: PoolHealth;
  error: ErrorInfo | null;
}

/** One line of a (bulk) account import. */
export interface ImportLineResult {
  line: number;
  /** The credential shown masked. */
  input: string;
  ok: boolean;
  account: AccountSummary | null;
  /** `created` a new account, `updated` an existing one (same realUserID). */
  action: 'created' | 'updated' | null;
  error: ErrorInfo | null;
}

export interface ImportResult {
  results: ImportLineResult[];
  created: number;
  updated: number;
  failed: number;
}

export interface CleanupResult {
  deleted: number;
  failed: number;
  skipped: number;
}

export interface TestRequestResult {
  dialect: ClientDialect;
  ok: boolean;
  status: number;
  text: string;
  latencyMs: number;
  error: ErrorInfo | null;
}

/** relay.testSpeech: a short text spoken through the local `/v1/audio/speech`. */
export interface SpeechTestResult {
  ok: boolean;
  status: number;
  latencyMs: number;
  /** The audio as base64 (the renderer plays it), null on error. */
  audio: string | null;
  contentType: string | null;
  error: ErrorInfo | null;
}

export type ApiKeyView = Omit<ApiKeyRecord, 'hash'>;

export type SettingsView = Omit<Settings, 'apiKeys'> & {
  apiKeys: ApiKeyView[];
};

export interface AppInfo {
  version: string;
  host: 'desktop' | 'web';
  dataDir: string;
  /** The desktop login window is available (desktop only). */
  canLoginWithWindow: boolean;
}

export interface BackupFile {
  fileName: string;
  /** Base64 of the encrypted backup. */
  data: string;
}

export interface RestoreSummary {
  accounts: number;
  mappings: number;
  apiKeys: number;
}

export interface ProgressEvent {
  taskId: string;
  kind: 'validate' | 'cleanup' | 'import' | 'login' | 'restore';
  done: number;
  total: number;
  message: string;
  /** What is happening as a code the UI translates (`progress.step.<step>`); `message` stays for logs and the API. */
  step?: ProgressStep;
  params?: Record<string, string | number>;
}

/** Progress steps the UI renders from its locale files (see ProgressEvent.step). */
export const PROGRESS_STEPS = [
  'import_checked',
  'validate_checked',
  'cleanup_deleted',
  'login_waiting',
  'login_rejected',
  'login_guest',
  'login_validating',
  'login_saved',
  'login_failed',
  'restore_opening',
  'restore_done',
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export interface BridgeApi {
  app: {
    info(): Promise<AppInfo>;
  };
  relay: {
    status(): Promise<RelayStatus>;
    start(): Promise<RelayStatus>;
    stop(): Promise<RelayStatus>;
    testRequest(input: { dialect: ClientDialect; model?: string }): Promise<TestRequestResult>;
    testSpeech(input: { text: string; voice: string; format: 'mp3' | 'wav' }): Promise<SpeechTestResult>;
  };
  accounts: {
    list(): Promise<AccountSummary[]>;
    /** One credential, a `realUserID+token` string, or a comma/newline separated list. */
    /** `provider` defaults to web accounts; `keyKind` applies to API keys (display and quota reading). */
    import(input: { text: string; region?: Region; label?: string; provider?: ProviderKind; keyKind?: OpenKeyKind }): Promise<ImportResult>;
    validate(input: { id: string }): Promise<AccountSummary>;
    validateAll(): Promise<AccountSummary[]>;
    update(input: { id: string; label?: string; enabled?: boolean; maxConcurrency?: number }): Promise<AccountSummary>;
    /** Clear `cooling`/`exhausted`/`expired` so routing tries the account again. */
    reset(input: { id: string }): Promise<AccountSummary>;
    remove(input: { id: string }): Promise<void>;
    cleanupChats(input: { id: string }): Promise<CleanupResult>;
    /** Desktop: open the login window; with `id`, log in again and update that account in place. */
    login(input: { region?: Region; id?: string }): Promise<AccountSummary>;
    /**
     * Sets or replaces the agent site's cookies of a web account (the browser's `Cookie` header for
     * the agent host, HttpOnly cookies included); an empty string removes them.
     */
    setCookies(input: { id: string; cookies: string }): Promise<AccountSummary>;
    /** Runs every upstream call under every request profile; a redacted report to share. */
    diagnose(input: { id: string }): Promise<DiagnosisReport>;
  };
  models: {
    catalog(): Promise<CatalogModel[]>;
    listMappings(): Promise<ModelMapping[]>;
    addMapping(input: ModelMappingInput): Promise<ModelMapping>;
    updateMapping(input: ModelMappingInput & { id: string }): Promise<ModelMapping>;
    removeMapping(input: { id: string }): Promise<void>;
    explain(input: { name: string }): Promise<ModelResolution>;
  };
  logs: {
    query(input: LogQuery): Promise<RequestLogEntry[]>;
    get(input: { id: string }): Promise<RequestLogEntry | null>;
    stats(): Promise<StatsSummary>;
    /** JSON Lines of the matching entries. */
    export(input: LogQuery): Promise<string>;
    clear(): Promise<void>;
  };
  settings: {
    get(): Promise<SettingsView>;
    update(input: SettingsPatch): Promise<SettingsView>;
    /** The key is returned once and never again. */
    createApiKey(input: { name: string }): Promise<{ key: string; record: ApiKeyView }>;
    revokeApiKey(input: { id: string }): Promise<void>;
    backup(input: { passphrase: string }): Promise<BackupFile>;
    restore(input: { data: string; passphrase: string }): Promise<RestoreSummary>;
  };
}

export interface BridgeEvents {
  'accounts:changed': AccountSummary[];
  'logs:entry': RequestLogEntry;
  'relay:status': RelayStatus;
  'settings:changed': SettingsView;
  progress: ProgressEvent;
}

export type BridgeDomain = keyof BridgeApi;
export type BridgeMethod<D extends BridgeDomain> = keyof BridgeApi[D] & string;
export type BridgeEventName = keyof BridgeEvents;

/** Every method, by domain. Checked against BridgeApi below in both directions. */
export const BRIDGE_METHODS = {
  app: ['info'],
  relay: ['status', 'start', 'stop', 'testRequest', 'testSpeech'],
  accounts: ['list', 'import', 'validate', 'validateAll', 'update', 'reset', 'remove', 'cleanupChats', 'login', 'setCookies', 'diagnose'],
  models: ['catalog', 'listMappings', 'addMapping', 'updateMapping', 'removeMapping', 'explain'],
  logs: ['query', 'get', 'stats', 'export', 'clear'],
  settings: ['get', 'update', 'createApiKey', 'revokeApiKey', 'backup', 'restore'],
} as const satisfies { [D in BridgeDomain]: readonly BridgeMethod<D>[] };

export const BRIDGE_EVENTS = [
  'accounts:changed',
  'logs:entry',
  'relay:status',
  'settings:changed',
  'progress',
] as const satisfies readonly BridgeEventName[];

/** The result of a call as it crosses a process or network boundary. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The channel name of one method (`accounts:import`). */
export function toChannel(domain: string, method: string): string {
  return `${domain}:${method}`;
}

// --- compile-time completeness checks ---------------------------------------------------------
type Listed<D extends BridgeDomain> = (typeof BRIDGE_METHODS)[D][number];
type Unlisted = { [D in BridgeDomain]: Exclude<BridgeMethod<D>, Listed<D>> }[BridgeDomain];
type UnlistedEvents = Exclude<BridgeEventName, (typeof BRIDGE_EVENTS)[number]>;
type AssertNever<T extends never> = T;
export type ContractIsComplete = AssertNever<Unlisted | UnlistedEvents>;
