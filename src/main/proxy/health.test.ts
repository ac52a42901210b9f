import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { AccountPool } from '../accounts/types';
import { healthRoute } from './health';

async function healthFrom(peer: string): Promise<unknown> {
  const pool = { health: () => ({ capacity: 2, busy: 0, queued: 0, byStatus: { active: 2 } }) } as unknown as AccountPool;
  const app = express();
  app.get('/health', healthRoute({ pool, version: '9.9.9', now: () => 5_000, startedAt: 0, peerAddress: () => peer }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
    return await res.json();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('/health', () => {
  it('tells a loopback caller the version and pool counts', async () => {
    expect(await healthFrom('127.0.0.1')).toMatchObject({ status: 'ok', version: '9.9.9', uptimeSec: 5, pool: { capacity: 2 } });
  });

  it('tells a caller from the network only that the relay is alive', async () => {
    expect(await healthFrom('192.168.1.20')).toEqual({ status: 'ok' });
    expect(await healthFrom('::ffff:10.0.0.3')).toEqual({ status: 'ok' });
  });
});
