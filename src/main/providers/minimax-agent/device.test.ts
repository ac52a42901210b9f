import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logs/types';
import { createDeviceResolver } from './device';
import { ACCOUNT, createFakeUpstream, json } from './__test__/fake-upstream';
import { PATHS } from './protocol';
import { createAgentHttp } from './request';
import { createNodeTransport } from '../transport';

function setup() {
  const upstream = createFakeUpstream();
  const http = createAgentHttp({
    transport: createNodeTransport(upstream.fetch),
    now: upstream.now,
    settings: () => ({ signatureVariant: 'secret' }),
    logger: silentLogger,
  });
  const devices = createDeviceResolver({ http, now: upstream.now, logger: silentLogger });
  return { upstream, devices };
}

describe('device resolver', () => {
  it('registers once per credential for 3 h, sharing one registration between concurrent calls', async () => {
    const { upstream, devices } = setup();
    const [a, b] = await Promise.all([devices.identify(ACCOUNT), devices.identify(ACCOUNT)]);
    expect(a.deviceId).toBe('555');
    expect(b.deviceId).toBe('555');
    upstream.advance(3 * 60 * 60 * 1000 - 1);
    await devices.identify(ACCOUNT);
    expect(upstream.callsTo(PATHS.deviceRegister)).toHaveLength(1);
    upstream.advance(1);
    await devices.identify(ACCOUNT);
    expect(upstream.callsTo(PATHS.deviceRegister)).toHaveLength(2);
  });

  it('registers with a random uuid in query and body and device_id=null', async () => {
    const { upstream, devices } = setup();
    await devices.identify(ACCOUNT);
    const [call] = upstream.callsTo(PATHS.deviceRegister);
    const uuid = call!.query.get('uuid');
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(call!.body!)).toEqual({ uuid });
    expect(call!.query.get('device_id')).toBe('null');
    expect(call!.query.get('user_id')).toBe('42');
  });

  it('falls back to the JWT device id on failure, but not on an expired token', async () => {
    const { upstream, devices } = setup();
    upstream.on(PATHS.deviceRegister, () => json({}, 503));
    expect((await devices.identify(ACCOUNT)).deviceId).toBe('777');
    const expired = setup();
    expired.upstream.on(PATHS.deviceRegister, () => json({ statusInfo: { code: 1001, message: 'expired' } }));
    await expect(expired.devices.identify(ACCOUNT)).rejects.toMatchObject({ code: 'upstream_auth_expired' });
  });

  it('registers again after forget', async () => {
    const { upstream, devices } = setup();
    await devices.identify(ACCOUNT);
    devices.forget(ACCOUNT);
    await devices.identify(ACCOUNT);
    expect(upstream.callsTo(PATHS.deviceRegister)).toHaveLength(2);
  });
});
