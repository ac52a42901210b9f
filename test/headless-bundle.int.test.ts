/**
 * The one-file headless bundle and its code cache: built here (vite.headless.config.ts into a
 * scratch folder under out/, then scripts/headless-code-cache.mjs), loaded the way
 * bin/minimax-relay.mjs loads it, serving /health and a chat against the simulator. A cache that
 * is stale, corrupt or refused by V8 must be ignored, never fatal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../tools/minimax-sim/index';

const ROOT = join(import.meta.dirname, '..');
const LOADER = join(ROOT, 'bin', 'load-headless.mjs');
const ADMIN = 'adm-bundle-test-token';

let sim: Simulator;
/** Scratch output two levels below the project root, like out/headless, so the bundle's paths hold. */
let outDir: string;
let bundle: string;
const cleanups: (() => void)[] = [];
const children = new Set<ChildProcess>();

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 10, charsPerTick: 200 });
  // A fresh clone has no out/ until the first build.
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'out', 'headless-test-'));
  await build({ configFile: join(ROOT, 'vite.headless.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  bundle = join(outDir, 'relay.cjs');
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'headless-code-cache.mjs'), bundle], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
}, 120_000);
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
  cleanups.splice(0).forEach((fn) => fn());
});
afterAll(async () => {
  await sim?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A copy of the built bundle and its cache in a folder of its own under the scratch output. */
function copyOfBuild(): { bundle: string; cache: string } {
  const dir = mkdtempSync(join(outDir, 'copy-'));
  cpSync(bundle, join(dir, 'relay.cjs'));
  cpSync(`${bundle}.cache`, join(dir, 'relay.cjs.cache'));
  return { bundle: join(dir, 'relay.cjs'), cache: join(dir, 'relay.cjs.cache') };
}

interface Started {
  base: string;
  /** How the loader used the code cache: used, rejected (by V8) or none (missing, stale, corrupt). */
  cache: string;
}

/** Runs the bundle through bin/load-headless.mjs in its own process, as bin/minimax-relay.mjs does. */
function startBundle(file: string, credential: string): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bundle-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  const code = [
    `import { loadHeadlessBundle } from ${JSON.stringify(new URL(`file://${LOADER}`).href)};`,
    `const loaded = loadHeadlessBundle(${JSON.stringify(file)});`,
    `process.stderr.write('code cache: ' + loaded.cache + '\\n');`,
    `await loaded.exports.runHeadless(['--port', '0', '--data-dir', ${JSON.stringify(dataDir)}], process.env);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...process.env, MINIMAX_RELAY_AGENT_URL: sim.url, MINIMAX_RELAY_ADMIN_TOKEN: ADMIN, MINIMAX_RELAY_LOG_LEVEL: 'warn', MINIMAX_RELAY_TOKENS: credential },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const settle = () => {
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const cache = /code cache: (\w+)/.exec(err)?.[1];
      if (base && cache) resolve({ base, cache });
    };
    child.stdout?.on('data', (chunk: Buffer) => ((out += chunk.toString()), settle()));
    child.stderr?.on('data', (chunk: Buffer) => ((err += chunk.toString()), settle()));
    child.once('exit', (code, signal) => reject(new Error(`bundle exited with ${code ?? signal}: ${out}${err}`)));
  });
}

async function expectServes(base: string): Promise<void> {
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  const res = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'ping from the bundle' }] }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  expect(body.choices[0]?.message.content).toContain('ping from the bundle');
}

describe('headless bundle', () => {
  it('starts from the bundle with its code cache and serves /health and a chat', async () => {
    const started = await startBundle(bundle, sim.admin.createAccount({ name: 'bundle' }).credential);
    expect(started.cache).toBe('used');
    await expectServes(started.base);
  }, 120_000);

  it('ignores a corrupt code cache (V8 would crash on it) and compiles from source', async () => {
    const copy = copyOfBuild();
    const stored = readFileSync(copy.cache);
    for (let i = stored.length >> 1; i < (stored.length >> 1) + 256; i++) stored[i]! ^= 0x5a;
    writeFileSync(copy.cache, stored);
    const started = await startBundle(copy.bundle, sim.admin.createAccount({ name: 'corrupt' }).credential);
    expect(started.cache).toBe('none');
    await expectServes(started.base);
  }, 120_000);

  it('ignores the cache of an older bundle', async () => {
    const copy = copyOfBuild();
    writeFileSync(copy.bundle, `${readFileSync(copy.bundle, 'latin1')}\n// rebuilt\n`, 'latin1');
    const started = await startBundle(copy.bundle, sim.admin.createAccount({ name: 'stale' }).credential);
    expect(started.cache).toBe('none');
    await expectServes(started.base);
  }, 120_000);

  it('goes on when V8 refuses a cache that passes the checksums (another Node, other flags)', async () => {
    const copy = copyOfBuild();
    const { packCodeCache } = (await import(LOADER)) as { packCodeCache(bytes: Buffer, data: Buffer): Buffer };
    // Well-formed cache data for another script, packed for this bundle: only V8 can tell.
    const foreign = new vm.Script('(function () { return 1; })').createCachedData();
    writeFileSync(copy.cache, packCodeCache(readFileSync(copy.bundle), foreign));
    const started = await startBundle(copy.bundle, sim.admin.createAccount({ name: 'refused' }).credential);
    expect(started.cache).toBe('rejected');
    await expectServes(started.base);
  }, 120_000);

  it('starts without a code cache', async () => {
    const copy = copyOfBuild();
    rmSync(copy.cache);
    const started = await startBundle(copy.bundle, sim.admin.createAccount({ name: 'uncached' }).credential);
    expect(started.cache).toBe('none');
    await expectServes(started.base);
  }, 120_000);
});
