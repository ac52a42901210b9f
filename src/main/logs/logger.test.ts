import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiOTk5In0.c2lnbmF0dXJl';

function bufferLogger(level: 'debug' | 'info' = 'debug') {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes no secret: headers, nested keys, child bindings, messages and errors', () => {
    const { logger, text, lines } = bufferLogger();
    logger.info({ headers: { authorization: 'Bearer live-secret-1', 'x-api-key': 'live-secret-2', 'x-goog-api-key': 'live-secret-3', cookie: 'sid=live-secret-4' } }, 'request');
    logger.warn({ deep: { a: { b: { c: { d: { e: { f: { g: { token: 'live-secret-5' } } } } } } } } });
    logger.child({ credentials: { token: 'live-secret-6' }, adminToken: 'live-secret-7' }).error('child line');
    logger.debug(`imported 123456+${JWT}`);
    logger.error({ err: new Error(`upstream said ${JWT}`), passphrase: 'live-secret-8', apiKey: 'live-secret-9', 'set-cookie': ['a=live-secret-10'] }, 'failed');
    const all = text();
    for (let i = 1; i <= 10; i += 1) expect(all).not.toContain(`live-secret-${i}`);
    expect(all).not.toContain(JWT);
    expect(lines()).toHaveLength(5);
    expect(lines()[0]).toMatchObject({ msg: 'request', headers: { authorization: '[redacted]' } });
  });

  it('keeps ordinary fields and respects the level', () => {
    const { logger, lines } = bufferLogger('info');
    logger.debug('hidden');
    logger.info({ accountId: 'acc-1', model: 'MiniMax-M2.7', latencyMs: 120 }, 'done');
    expect(lines()).toEqual([expect.objectContaining({ msg: 'done', accountId: 'acc-1', model: 'MiniMax-M2.7', latencyMs: 120, level: 30 })]);
  });

  it('children made per request carry their bindings down, honour the level, and redact their bindings', () => {
    const { logger, lines } = bufferLogger('info');
    const request = logger.child({ requestId: 'r-1', token: 'live-secret-11' });
    request.debug('hidden');
    const tools = request.child({ part: 'tools' });
    tools.debug('hidden too');
    tools.warn({ calls: 2 }, 'recovered');
    request.info('done');
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'recovered', requestId: 'r-1', part: 'tools', calls: 2, level: 40 }),
      expect.objectContaining({ msg: 'done', requestId: 'r-1', level: 30 }),
    ]);
    expect(JSON.stringify(lines())).not.toContain('live-secret-11');
  });
});
