/**
 * The relay's HTTP app. Middleware order matters: the Host and Origin checks run before anything
 * else can act on a request from a hostile page, query-string keys are refused before auth so the
 * message says why, and bodies are parsed only for authenticated callers.
 */
import express from 'express';
import type { ErrorRequestHandler, Express } from 'express';
import { RelayError, toErrorInfo } from '../../shared/errors';
import { createChatRunner } from '../relay/chat-runner';
import { createDialectContext } from '../relay/dialect-context';
import { errorBodyForPath, sendError, statusForError } from './errors';
import { createFastLane, type FastLane } from './fast-lane';
import { healthRoute } from './health';
import { apiKeyAuth, createApiKeyUseTracker } from './middleware/api-key-auth';
import { cors } from './middleware/cors';
import { hostCheck } from './middleware/host-check';
import { jsonBody, translateBodyErrors } from './middleware/json-body';
import { rejectQueryAuth } from './middleware/query-auth';
import { requestId } from './middleware/request-id';
import { createRefusalLog } from './refusal-log';
import { createSpeechRouter } from './speech/routes';
import type { ProxyDeps } from './types';

const DEFAULT_HEARTBEAT_MS = 15_000;

export type ProxyApp = Express & {
  /** Writes coalesced bookkeeping (API-key last use) now; call before shutting down. */
  flushPending(): void;
  /** Answers plain authorized model-list GETs before the Express stack (see fast-lane.ts). */
  fastLane: FastLane;
};

export function createProxyApp(deps: ProxyDeps): ProxyApp {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  const tracker = deps.recordApiKeyUse ? createApiKeyUseTracker(deps.recordApiKeyUse) : null;
  const runner = createChatRunner(deps);
  const context = createDialectContext({
    runner,
    models: deps.models,
    mappings: deps.mappings,
    tools: deps.tools,
    heartbeatMs: deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    logger: deps.logger,
  });

  app.use(requestId());
  app.use(hostCheck(deps.getSettings));
  app.use(cors(deps.getSettings));
  app.get('/health', healthRoute({ pool: deps.pool, version: deps.version ?? '0.0.0', now: deps.now, startedAt: deps.now() }));
  // Claude Code checks that its base URL answers with `HEAD /` before each run; a 404 there would
  // show as a refused request in the Logs page every time.
  app.head('/', (_req, res) => {
    res.status(200).end();
  });
  app.use(rejectQueryAuth());
  app.use(apiKeyAuth({ getSettings: deps.getSettings, tracker, now: deps.now }));
  app.use(jsonBody(deps.getSettings));
  app.use(translateBodyErrors());
  const readOnlyGets = new Map(deps.dialects.flatMap((dialect) => Object.entries(dialect.readOnlyGets?.(context) ?? {})));
  for (const [path, body] of readOnlyGets) {
    app.get(path, (_req, res) => {
      res.type('json').send(body());
    });
  }
  app.use(createSpeechRouter(deps));
  for (const dialect of deps.dialects) app.use(dialect.createRouter(context));
  app.use((req, _res, next) => {
    next(new RelayError('not_found', `No route for ${req.method} ${req.path}.`));
  });
  app.use(errorHandler(deps));
  const fastLane = createFastLane({ routes: readOnlyGets, getSettings: deps.getSettings, tracker, now: deps.now });
  return Object.assign(app, { flushPending: () => tracker?.flush(), fastLane });
}

function errorHandler(deps: ProxyDeps): ErrorRequestHandler {
  const logRefusal = createRefusalLog(deps);
  return (error: unknown, req, res, _next) => {
    const info = toErrorInfo(error);
    if (info.code === 'internal') {
      const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error);
      deps.logger.error({ err, path: req.path, requestId: res.locals.requestId }, 'unhandled error in a route');
    }
    logRefusal(req, res, info, statusForError(info.code));
    sendError(res, info, errorBodyForPath(req.path, deps.dialects));
  };
}
