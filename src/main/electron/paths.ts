/**
 * Where the desktop app keeps things. The data dir is Electron's userData unless
 * `MINIMAX_RELAY_DATA_DIR` says otherwise (tests give every run a fresh one). Electron-free.
 */
import path from 'node:path';

export interface DesktopPaths {
  dataDir: string;
  /** Only when the data dir was overridden: Chromium's own profile then goes there too. */
  overridden: boolean;
  preloadPath: string;
  rendererDir: string;
  /** electron-vite's dev server, when running `electron-vite dev`. */
  devServerUrl: string | null;
}

export function resolveDesktopPaths(env: NodeJS.ProcessEnv, defaults: { userData: string; mainDir: string }): DesktopPaths {
  const override = env.MINIMAX_RELAY_DATA_DIR?.trim();
  return {
    dataDir: override ? path.resolve(override) : defaults.userData,
    overridden: Boolean(override),
    preloadPath: path.join(defaults.mainDir, '../preload/index.cjs'),
    rendererDir: path.join(defaults.mainDir, '../renderer'),
    devServerUrl: env.ELECTRON_RENDERER_URL?.trim() || null,
  };
}

const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type DesktopLogLevel = (typeof LOG_LEVELS)[number];

export interface DesktopOverrides {
  /** `MINIMAX_RELAY_AGENT_URL`: upstream (and login page) for both regions, e.g. the simulator. */
  agentBaseUrl: string | null;
  /** `MINIMAX_RELAY_PORT`: the relay's port for this run (0 = any free port), not persisted. */
  serverPort: number | null;
  /** `MINIMAX_RELAY_LOG_LEVEL`, as on the headless server. */
  logLevel: DesktopLogLevel;
}

/** The same environment overrides the headless server reads; invalid values are ignored. */
export function readDesktopOverrides(env: NodeJS.ProcessEnv): DesktopOverrides {
  const port = env.MINIMAX_RELAY_PORT?.trim();
  const parsed = port && /^\d+$/.test(port) ? Number(port) : Number.NaN;
  return {
    agentBaseUrl: env.MINIMAX_RELAY_AGENT_URL?.trim() || null,
    serverPort: Number.isInteger(parsed) && parsed <= 65_535 ? parsed : null,
    logLevel: LOG_LEVELS.find((level) => level === env.MINIMAX_RELAY_LOG_LEVEL?.trim()) ?? 'info',
  };
}
