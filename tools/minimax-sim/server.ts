import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createAccountStore } from './accounts';
import { createAdmin } from './admin';
import { handleAdminOperation } from './admin-http';
import { createChatStore } from './chats';
import { createFaultQueue } from './faults';
import { flattenHeaders, isLoopback, readBody, writeResponse } from './http-util';
import { LOGIN_PAGE_HTML } from './login-page';
import { handleApiRequest } from './pipeline';
import { createRecorder } from './recorder';
import { createScheduler, type Scheduler } from './scheduler';
import { DEFAULT_OPTIONS, type SimState } from './state';
import { createUploadStore, handleOssPut, OSS_PREFIX } from './uploads';
import type { SimAdmin, SimOptions, Simulator } from './types';

export interface SimulatorDeps {
  /** Epoch ms; injectable so tests can move token expiry and x-timestamp freshness. */
  now?: () => number;
  /** Every timer goes through it; tests pass their own to count what is pending. */
  scheduler?: Scheduler;
}

const ADMIN_PREFIX = '/__admin/';

export async function startSimulator(options: SimOptions = {}, deps: SimulatorDeps = {}): Promise<Simulator> {
  const now = deps.now ?? Date.now;
  const scheduler = deps.scheduler ?? createScheduler();
  const { host: _host, port: _port, ...rest } = options;
  const secret = randomUUID();
  const state: SimState = {
    options: { ...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) },
    accounts: createAccountStore({ secret, now }),
    chats: createChatStore({ scheduler, now }),
    faults: createFaultQueue(),
    recorder: createRecorder(),
    scheduler,
    uploads: createUploadStore(),
    scripts: { global: [], perAccount: new Map() },
    defaultReply: null,
    now,
    baseUrl: '',
    secret,
  };
  const admin = createAdmin(state);

  const server = createServer((req, res) => {
    route(state, admin, req, res).catch((error: unknown) => {
      writeResponse(res, { status: 500, body: { error: 'simulator failure', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  state.baseUrl = `http://${hostForUrl}:${address.port}`;

  let closed: Promise<void> | null = null;
  const publicAdmin: SimAdmin = admin;
  return {
    url: state.baseUrl,
    admin: publicAdmin,
    close() {
      closed ??= new Promise<void>((resolve) => {
        // Chats stay readable after close (tests inspect them); only their timers go.
        scheduler.cancelAll();
        admin.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

async function route(state: SimState, admin: ReturnType<typeof createAdmin>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const path = target.split('?')[0] ?? '/';
  if (path.startsWith(ADMIN_PREFIX)) {
    const body = (await readBody(req)).toString('utf8');
    // The admin API can mint tokens, so only this machine may use it.
    if (!isLoopback(req.socket.remoteAddress)) return writeResponse(res, { status: 403, body: { error: 'admin is loopback only' } });
    if (req.method !== 'POST') return writeResponse(res, { status: 405, body: { error: 'use POST' } });
    return writeResponse(res, handleAdminOperation(admin, path.slice(ADMIN_PREFIX.length), body));
  }
  if (path.startsWith(OSS_PREFIX) && req.method === 'PUT') {
    return writeResponse(res, handleOssPut(state, path, flattenHeaders(req), await readBody(req)));
  }
  if (path === '/' && req.method === 'GET') {
    await readBody(req);
    return writeResponse(res, { status: 200, body: LOGIN_PAGE_HTML, contentType: 'text/html; charset=utf-8' });
  }
  if (path === '/favicon.ico') {
    await readBody(req);
    return writeResponse(res, { status: 204, body: '', contentType: 'image/x-icon' });
  }
  const rawBody = await readBody(req);
  return handleApiRequest(state, { req, res, target, path, rawBody, headers: flattenHeaders(req) });
}
