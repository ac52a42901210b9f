import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import { CENSOR, redactValue, scrubText, SECRET_KEYS } from './redact';
import type { LogFn, Logger } from './types';

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (a file stream, a buffer in tests); stdout by default. */
  destination?: DestinationStream;
  /** Fields on every line (e.g. `{host: 'headless'}`). */
  base?: Record<string, unknown>;
}

const MAX_DEPTH = 6;

/** pino redact paths for every secret key at depths 0..MAX_DEPTH (`token`, `*.token`, `*.*.token`…). */
function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
      const prefix = '*.'.repeat(depth);
      paths.push(segment.startsWith('[') ? `${prefix.replace(/\.$/, '')}${segment}` : `${prefix}${segment}`);
    }
  }
  return paths;
}

/**
 * Our Logger over a pino instance made on first use: the relay makes a child per request, and a
 * pino child (bindings redacted, serializers copied) costs more than the request's own bookkeeping,
 * so a child is only built when a line at an enabled level is actually written.
 */
function wrap(make: () => pino.Logger, root: pino.Logger): Logger {
  let instance: pino.Logger | undefined;
  const get = (): pino.Logger => (instance ??= make());
  const method = (level: 'debug' | 'info' | 'warn' | 'error'): LogFn =>
    ((fieldsOrMessage: Record<string, unknown> | string, message?: string) => {
      if (!root.isLevelEnabled(level)) return;
      if (typeof fieldsOrMessage === 'string') get()[level](scrubText(fieldsOrMessage));
      else get()[level](fieldsOrMessage, message === undefined ? undefined : scrubText(message));
    }) as LogFn;
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (bindings) => wrap(() => get().child(redactValue(bindings) as Record<string, unknown>), root),
  };
}

/**
 * The application logger: pino with two layers of redaction. pino's `redact` censors the known
 * secret keys by path; the `log` formatter then walks the whole object, censoring those keys at
 * any depth and scrubbing JWT-like strings out of free text (error messages, upstream bodies).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const instance = pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? null,
      redact: { paths: redactPaths(), censor: CENSOR },
      formatters: {
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      serializers: { err: (error: unknown) => redactValue(error) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  return wrap(() => instance, instance);
}
