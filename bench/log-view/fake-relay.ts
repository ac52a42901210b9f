/**
 * A stand-in for the relay's management API that serves the built web UI and answers the calls
 * the UI makes at start-up, with `logs.query` returning a large generated log. Used only by the
 * log-view benchmark, which measures the renderer, not the relay.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { RelayStatus } from '../../src/shared/contract';
import type { RequestLogEntry } from '../../src/shared/domain/request-log';
import { defaultSettings } from '../../src/shared/domain/settings';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'gemini-2.0-flash', 'MiniMax-M2.7', 'MiniMax-M2.5-Think'];
const DIALECTS = ['openai', 'anthropic', 'gemini'] as const;

export function generateEntries(count: number, now = Date.now()): RequestLogEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const failed = i % 17 === 0;
    const time = now - (count - i) * 1_000;
    const account = `account-${i % 6}`;
    return {
      id: `req-${i.toString(36)}-${i}`,
      time,
      dialect: DIALECTS[i % 3] ?? 'openai',
      endpoint: '/v1/chat/completions',
      stream: i % 2 === 0,
      clientModel: MODELS[i % MODELS.length] ?? 'gpt-4o',
      resolvedModel: 'MiniMax-M2.7',
      accountId: account,
      accountLabel: account,
      attempts: [{ accountId: account, accountLabel: account, reason: 'least busy (0 of 1), 180 credits left', startedAt: time, endedAt: time + 800, outcome: failed ? 'error' : 'success', errorCode: failed ? 'upstream_busy' : null, errorMessage: failed ? 'busy' : null }],
      status: failed ? 'error' : 'success',
      httpStatus: failed ? 503 : 200,
      latencyMs: 600 + (i % 900),
      ttftMs: 200 + (i % 300),
      queueWaitMs: i % 50,
      polls: 3 + (i % 7),
      upstreamChatId: String(337_000_000 + i),
      inputTokens: 20 + (i % 200),
      outputTokens: 40 + (i % 400),
      tokensEstimated: true,
      toolCalls: 0,
      errorCode: failed ? 'upstream_busy' : null,
      errorMessage: failed ? 'The account is busy.' : null,
      requestBody: null,
      responseBody: null,
    };
  });
}

function answers(entries: RequestLogEntry[], baseUrl: string): Record<string, unknown> {
  const status: RelayStatus = {
    running: true, host: '127.0.0.1', port: 0, baseUrl, uiUrl: `${baseUrl}/ui/`, startedAt: Date.now(),
    pool: { byStatus: { active: 6, disabled: 0, expired: 0, invalid: 0, cooling: 0, exhausted: 0 }, busy: 0, queued: 0, capacity: 6 }, error: null,
  };
  return {
    'app/info': { version: 'bench', host: 'web', dataDir: '/tmp', canLoginWithWindow: false },
    'relay/status': status,
    'logs/query': entries.slice().reverse(),
    'logs/stats': { today: { requests: entries.length, errors: 0, successRate: 1, medianLatencyMs: 700, medianTtftMs: 300 }, byModel: {}, byAccount: {}, timeline: [] },
    'accounts/list': [],
    'models/catalog': [],
    'models/listMappings': [],
    'settings/get': { ...defaultSettings(), apiKeys: [] },
  };
}

export async function startFakeRelay(rendererDir: string, entries: RequestLogEntry[]): Promise<{ url: string; close(): Promise<void> }> {
  let table: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      return;
    }
    if (path.startsWith('/api/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(table[path.slice(5)] ?? '{"ok":true,"value":null}');
      return;
    }
    const file = normalize(join(rendererDir, path.replace(/^\/ui\/?/, '/') === '/' ? '/index.html' : path.replace(/^\/ui\//, '/')));
    if (!file.startsWith(rendererDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Serialised once: the benchmark times the browser, not this server.
  table = Object.fromEntries(Object.entries(answers(entries, url)).map(([key, value]) => [key, JSON.stringify({ ok: true, value })]));
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
