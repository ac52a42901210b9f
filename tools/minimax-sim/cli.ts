import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { SimOptions } from './types';

/** `npm run sim [-- --port N --signature strict --tick 100 --chars 40 --protocol 2026-05 --cloudflare]`: demo upstream. */

const USAGE =
  'usage: npm run sim -- [--port 8787] [--host 127.0.0.1] [--signature off|lenient|strict] [--tick ms] [--chars n] [--name demo] [--protocol 2026-04|2026-05] [--cloudflare] [--omit-user-detail]';

function toOptions(values: { [key: string]: string | boolean | undefined }): SimOptions {
  const str = (key: string): string | undefined => {
    const v = values[key];
    return typeof v === 'string' ? v : undefined;
  };
  const mode = str('signature') ?? 'off';
  if (mode !== 'off' && mode !== 'lenient' && mode !== 'strict') throw new Error(`bad --signature ${mode}`);
  const protocol = str('protocol') ?? '2026-04';
  if (protocol !== '2026-04' && protocol !== '2026-05') throw new Error(`bad --protocol ${protocol}`);
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
    protocol,
    cloudflare: values.cloudflare === true,
    omitUserDetail: values['omit-user-detail'] === true,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, signature: { type: 'string' },
      tick: { type: 'string' }, chars: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' },
      protocol: { type: 'string' }, cloudflare: { type: 'boolean' }, 'omit-user-detail': { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = toOptions(values);
  const sim = await startSimulator(options);
  const account = sim.admin.createAccount({ name: values.name ?? 'demo' });
  const cookies = sim.admin.cookieHeader(account.realUserId, options.cloudflare);
  process.stdout.write(
    [
      `MiniMax Agent simulator listening on ${sim.url} (protocol ${options.protocol}${options.cloudflare ? ', behind Cloudflare' : ''})`,
      `login page:   ${sim.url}/`,
      `admin API:    POST ${sim.url}/__admin/<operation>`,
      `demo account: ${account.name} (realUserID ${account.realUserId})`,
      `credential:   ${account.credential}`,
      `with cookies: ${JSON.stringify({ realUserID: account.realUserId, token: account.token, cookies })}`,
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
