/**
 * An offline stand-in for the MiniMax Open Platform (`api.minimaxi.com` / `api.minimax.io`):
 * keys with regions, balance, Coding Plan quota and rate limits; chat completions with native tool
 * calls and split reasoning; t2a_v2 with real audio bytes. Started on port 0 like tools/minimax-sim.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completion, planReply, streamChunks, type ChatBody } from './chat';
import { createKeyStore, isRefusal, refusal, type Refusal } from './keys';
import { createStreamTracker, type StreamTracker } from './streams';
import { planSpeech, speechBody, speechEvents, SYSTEM_VOICES, type T2aBody } from './t2a';
import type { OpenRecordedRequest, OpenScriptedReply, OpenSimAdmin, OpenSimKey, OpenSimOptions, OpenSimulator, SimRegion } from './types';

interface SimState {
  keys: ReturnType<typeof createKeyStore>;
  scripts: OpenScriptedReply[];
  voices: Set<string>;
  requests: OpenRecordedRequest[];
  seq: number;
  streams: StreamTracker;
  chunkDelayMs: number;
  textChunkChars: number | undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    return null;
  }
}

/** `/cn/v1/…` and `/intl/v1/…` pin the region; plain `/v1/…` accepts keys of both. */
function splitRegion(path: string): { region: SimRegion | null; path: string } {
  const match = /^\/(cn|intl)(\/.*)$/.exec(path);
  return match ? { region: match[1] as SimRegion, path: match[2] ?? '/' } : { region: null, path };
}

function handleChat(state: SimState, key: OpenSimKey, body: ChatBody, res: ServerResponse): Refusal | null {
  const scripted = state.scripts.shift();
  if (scripted?.errorCode !== undefined) return refusal(scripted.errorCode, 'scripted failure', scripted.httpStatus ?? 200);
  const reply = planReply(body, scripted);
  if (body.stream) state.streams.send(res, key.key, streamChunks(body, reply, state.textChunkChars), true, state);
  else sendJson(res, 200, completion(body, reply));
  return null;
}

function handleSpeech(state: SimState, key: OpenSimKey, body: T2aBody, res: ServerResponse): Refusal | null {
  const plan = planSpeech(body, state.voices);
  if ('body' in plan) return plan;
  if (body.stream) state.streams.send(res, key.key, speechEvents(plan), false, state);
  else sendJson(res, 200, speechBody(plan));
  return null;
}

/** The platform caps the connections one key holds open; a stream past the cap is refused. */
function overStreamLimit(state: SimState, key: OpenSimKey, body: unknown): Refusal | null {
  const streaming = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
  if (!streaming || state.streams.stats(key.key).open < key.maxStreams) return null;
  return refusal(1041, 'conn limit', 429);
}

async function route(state: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { region, path } = splitRegion((req.url ?? '/').split('?')[0] ?? '/');
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null;
  const body = req.method === 'POST' ? await readJson(req) : null;
  state.requests.push({ seq: ++state.seq, method: req.method ?? 'GET', path, key: bearer, body });
  const known = ['/v1/chat/completions', '/v1/t2a_v2', '/v1/api/openplatform/coding_plan/remains'];
  if (!known.includes(path)) return sendJson(res, 404, { base_resp: { status_code: 404, status_msg: `no route ${path}` } });
  const key = state.keys.authorize(bearer, region);
  if (isRefusal(key)) return sendJson(res, key.status, key.body);
  if (path === '/v1/api/openplatform/coding_plan/remains') {
    if (key.kind !== 'coding-plan') return sendJson(res, 200, refusal(1004, 'no coding plan for this key').body);
    return sendJson(res, 200, {
      model_remains: [{ model_name: 'MiniMax-M*', current_interval_total_count: key.planTotal, current_interval_usage_count: key.planLeft, start_time: Date.now() - 3_600_000, end_time: Date.now() + 4 * 3_600_000, remains_time: 4 * 3_600_000 }],
      base_resp: { status_code: 0, status_msg: 'success' },
    });
  }
  const busy = overStreamLimit(state, key, body);
  if (busy) return sendJson(res, busy.status, busy.body);
  const charged = state.keys.charge(key);
  if (charged) return sendJson(res, charged.status, charged.body);
  const failed = path === '/v1/t2a_v2' ? handleSpeech(state, key, (body ?? {}) as T2aBody, res) : handleChat(state, key, (body ?? {}) as ChatBody, res);
  if (failed) sendJson(res, failed.status, failed.body);
}

function createAdmin(state: SimState): OpenSimAdmin {
  return {
    addKey: (input) => state.keys.add(input),
    key: (key) => state.keys.get(key),
    setBalance(key, balance) {
      const found = state.keys.get(key);
      if (found) found.balance = balance;
    },
    setPlanLeft(key, left) {
      const found = state.keys.get(key);
      if (found) found.planLeft = left;
    },
    scriptReply: (reply) => void state.scripts.push(reply),
    addVoice: (voiceId) => void state.voices.add(voiceId),
    requests: () => [...state.requests],
    streams: (key) => state.streams.stats(key),
    reset() {
      state.keys.clear();
      state.streams.clear();
      state.scripts.length = 0;
      state.requests.length = 0;
      state.voices = new Set(SYSTEM_VOICES);
    },
  };
}

export async function startOpenSimulator(options: OpenSimOptions = {}): Promise<OpenSimulator> {
  const state: SimState = {
    keys: createKeyStore(options.now ?? Date.now),
    scripts: [],
    voices: new Set(SYSTEM_VOICES),
    requests: [],
    seq: 0,
    streams: createStreamTracker(),
    chunkDelayMs: options.chunkDelayMs ?? 0,
    textChunkChars: options.textChunkChars,
  };
  const server = createServer((req, res) => {
    route(state, req, res).catch((error: unknown) => sendJson(res, 500, { base_resp: { status_code: 1000, status_msg: String(error) } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  let closed: Promise<void> | null = null;
  return {
    url,
    urlFor: (region) => `${url}/${region}`,
    admin: createAdmin(state),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
