import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | null = null;

afterEach(async () => {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
});

function readUntil(proc: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no match for ${pattern} in: ${out}`)), timeoutMs);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cli exited with ${code}: ${out}`));
    });
  });
}

describe('npm run sim', () => {
  it('prints the URL and a working demo credential', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'tools/minimax-sim/cli.ts', '--port', '0', '--signature', 'strict'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out = await readUntil(child, /credential:\s+\S+\n/, 20_000);
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    const credential = /credential:\s+(\S+)/.exec(out)?.[1] ?? '';
    const [realUserId, token] = credential.split('+');
    expect(realUserId).toMatch(/^\d+$/);
    const accounts = (await (await fetch(`${url}/__admin/accounts`, { method: 'POST', body: '{}' })).json()) as { token: string }[];
    expect(accounts.map((a) => a.token)).toEqual([token]);
    const unsigned = await fetch(`${url}/v1/api/user/info`, { headers: { token: token ?? '' } });
    expect(unsigned.status).toBe(403);
  });
});
