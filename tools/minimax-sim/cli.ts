import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { SimOptions } from './types';

/** `npm run sim [-- --port N --signature strict --tick 100 --chars 40]`: demo upstream. */

const USAGE = 'usage: npm run sim -- [--port 8787] [--host 127.0.0.1] [--signature off|lenient|strict] [--tick ms] [--chars n] [--name demo]';

function toOptions(values: { [key: string]: string | boolean | undefined }): SimOptions {
  const str = (key: string): string | undefined => {
    const v = values[key];
    return typeof v === 'string' ? v : undefined;
  };
  const mode = str('signature') ?? 'off';
  if (mode !== 'off' && mode !== 'lenient' && mode !== 'strict') throw new Error(`bad --signature ${mode}`);
  const num = (v: string | undefined, fallback: number): number => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`bad number ${v}`);
    return n;
  };
  return {
    host: str('host') ?? '127.0.0.1',
    port: num(str('port'), 8787),
    signatureMode: mode,
    tickMs: num(str('tick'), 100),
    charsPerTick: num(str('chars'), 40),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, signature: { type: 'string' },
      tick: { type: 'string' }, chars: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSimulator(toOptions(values));
  const account = sim.admin.createAccount({ name: values.name ?? 'demo' });
  process.stdout.write(
    [
      `MiniMax Agent simulator listening on ${sim.url}`,
      `login page:   ${sim.url}/`,
      `admin API:    POST ${sim.url}/__admin/<operation>`,
      `demo account: ${account.name} (realUserID ${account.realUserId})`,
      `credential:   ${account.credential}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
