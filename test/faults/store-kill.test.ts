/**
 * kill -9 during store writes, over and over: a child process (test/support/store-writer-child.ts)
 * opens the real file store and secret box and writes in a loop, acknowledging each completed
 * write; the test kills it with SIGKILL at a random moment, then opens the store with the same
 * code the relay uses. The store must always load, and every acknowledged write must be there.
 * Several data directories run side by side to keep the wall time CI-sized. The child is bundled
 * once from its TypeScript source (same store code, no per-spawn transpiling), so a kill cycle
 * costs a plain Node start-up.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../src/main/accounts';
import { createFileDocumentStore, createFileSecretBox, createRelayStore } from '../../src/main/store';
import { isAgentCredential } from '../../src/main/providers/types';

const CHILD_SOURCE = join(import.meta.dirname, '..', 'support', 'store-writer-child.ts');
let bundleDir = '';
let child = '';
const KILLS = Number(process.env.STORE_KILLS ?? 120);
const LANES = 4;

interface Acked {
  mappings: Set<string>;
  /** Removal announced (it may have completed without its ack). */
  maybeRemoved: Set<string>;
  removed: Set<string>;
  /** Highest acknowledged sequence number of each account's token. */
  accountSeq: Map<string, number>;
  nextSeq: number;
  acks: number;
}

/** Deterministic delays, so a failing run can be repeated. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function applyLine(acked: Acked, line: string): void {
  const [kind, op, id, seq] = line.split(' ');
  if (!id) return;
  if (kind === 'will' && op === 'map-') acked.maybeRemoved.add(id);
  if (kind !== 'ack') return;
  acked.acks += 1;
  const seen = Number(/\d+$/.exec(op === 'acct' ? (seq ?? '') : id)?.[0] ?? 0);
  acked.nextSeq = Math.max(acked.nextSeq, seen + 1);
  if (op === 'map+') acked.mappings.add(id);
  if (op === 'map-') {
    acked.mappings.delete(id);
    acked.removed.add(id);
  }
  if (op === 'acct') acked.accountSeq.set(id, Math.max(acked.accountSeq.get(id) ?? 0, Number(seq)));
}

/** Runs the writer and kills it `delayMs` after its first completed write (or after spawn, for `early`). */
function runAndKill(dir: string, acked: Acked, delayMs: number, early: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, dir, String(acked.nextSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let armed = false;
    const kill = () => {
      armed = true;
      setTimeout(() => writer.kill('SIGKILL'), delayMs);
    };
    if (early) kill();
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ') && !armed) kill();
        applyLine(acked, line);
      }
    });
    writer.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    writer.on('error', reject);
    writer.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr.slice(0, 2000)}`));
      else resolve();
    });
  });
}

/** Opens the store as the relay does and checks every acknowledged write. */
function verify(dir: string, acked: Acked): void {
  const secretBox = createFileSecretBox(dir);
  const store = createRelayStore(createFileDocumentStore({ dir, fileName: 'relay.json' }), { secretBox });
  try {
    const present = new Set(store.listMappings().map((m) => m.id));
    const lost = [...acked.mappings].filter((id) => !present.has(id) && !acked.maybeRemoved.has(id));
    expect(lost, 'acknowledged mappings missing after kill -9').toEqual([]);
    expect([...acked.removed].filter((id) => present.has(id)), 'acknowledged removals undone').toEqual([]);
    const repository = createAccountRepository({ store, secretBox });
    const tokens = new Map(store.listAccounts().map((record) => {
      const credential = repository.openCredential(record);
      return [record.realUserId, isAgentCredential(credential) ? credential.token : ''] as const;
    }));
    for (const [realUserId, seq] of acked.accountSeq) {
      const token = tokens.get(realUserId);
      expect(token, `account ${realUserId} lost`).toBeDefined();
      expect(Number(/seq-(\d+)$/.exec(token ?? '')?.[1] ?? -1), `account ${realUserId} went back to an older token`).toBeGreaterThanOrEqual(seq);
    }
  } finally {
    store.close();
  }
}

async function lane(index: number, kills: number): Promise<Acked> {
  const dir = await mkdtemp(join(tmpdir(), `relay-kill-${index}-`));
  const random = createRandom(index + 1);
  const acked: Acked = { mappings: new Set(), maybeRemoved: new Set(), removed: new Set(), accountSeq: new Map(), nextSeq: 1, acks: 0 };
  try {
    for (let i = 0; i < kills; i++) {
      // Every fifth kill lands during start-up (module loading, key file, first read); the rest mid-writes.
      const early = i % 5 === 4;
      await runAndKill(dir, acked, early ? Math.floor(random() * 400) : 1 + Math.floor(random() * 60), early);
      verify(dir, acked);
    }
    // Temp files of interrupted atomic writes must not pile up into the store's view.
    expect((await readdir(dir)).filter((name) => name === 'relay.json')).toHaveLength(1);
    return acked;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'relay-kill-writer-'));
  child = join(bundleDir, 'store-writer-child.mjs');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    // Bundled CommonJS dependencies (conf's) call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});

afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

describe('store under kill -9', () => {
  it(`always loads and keeps every acknowledged write (${KILLS} kills)`, async () => {
    const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, Math.ceil(KILLS / LANES))));
    // Both kinds of write (mappings, sealed accounts) were acknowledged and survived in every lane.
    for (const acked of results) {
      expect(acked.mappings.size).toBeGreaterThan(0);
      expect(acked.accountSeq.size).toBeGreaterThan(0);
    }
  }, 600_000);
});
