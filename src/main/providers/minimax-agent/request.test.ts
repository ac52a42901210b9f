import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import { silentLogger } from '../../logs/types';
import { ACCOUNT, TOKEN, createFakeUpstream, json } from './__test__/fake-upstream';
import { createNodeTransport } from '../transport';
import { QUERY_ORDER } from './protocol';
import { buildRequest, createAgentHttp, type CallIdentity } from './request';
import { emptyResponse, userInfoData } from './schemas';
import { computeYy } from './signing';

const identity: CallIdentity = { account: ACCOUNT, baseUrl: 'https://agent.minimax.io/', token: TOKEN, realUserId: '42', deviceId: '9' };

describe('request building', () => {
  it('emits the 21 keys raw in order, with both timestamps from one clock reading', () => {
    const { url, init } = buildRequest(identity, { method: 'POST', path: '/matrix/api/v1/chat/send_msg', body: { text: 'a b&c' } }, 1_767_225_600_999, {
      signatureVariant: 'token',
    });
    const [path, query] = url.replace('https://agent.minimax.io', '').split('?') as [string, string];
    expect(path).toBe('/matrix/api/v1/chat/send_msg');
    expect(query.split('&').map((pair) => pair.split('=')[0])).toEqual([...QUERY_ORDER]);
    expect(query).toContain(`&token=${TOKEN}&`);
    expect(query).toContain('&unix=1767225600999&');
    expect(init.headers['x-timestamp']).toBe('1767225600');
    expect(init.body).toBe('{"text":"a b&c"}');
    expect(init.headers.yy).toBe(computeYy({ fullUri: `${path}?${query}`, body: '{"text":"a b&c"}', unix: '1767225600999' }));
  });

  it('points Referer and Origin at the configured site', () => {
    const { init } = buildRequest(identity, { method: 'GET', path: '/v1/api/user/info' }, 0, { signatureVariant: 'secret' });
    expect(init.headers.Referer).toBe('https://agent.minimax.io/');
    expect(init.headers.Origin).toBe('https://agent.minimax.io');
    expect(init.headers.token).toBe(TOKEN);
  });

  it('sends no body on GET but signs {}', () => {
    const { url, init } = buildRequest(identity, { method: 'GET', path: '/v1/api/user/info' }, 5_000, { signatureVariant: 'secret' });
    expect(init.body).toBeUndefined();
    const fullUri = url.replace('https://agent.minimax.io', '');
    expect(init.headers.yy).toBe(computeYy({ fullUri, body: '{}', unix: '5000' }));
  });

  it('drops an empty device id and writes a null one literally', () => {
    const none = buildRequest({ ...identity, deviceId: '' }, { method: 'GET', path: '/v1/api/user/info' }, 0, { signatureVariant: 'secret' });
    expect(none.url).not.toContain('device_id=');
    const register = buildRequest({ ...identity, deviceId: null, uuid: 'u-1' }, { method: 'POST', path: '/v1/api/user/device/register' }, 0, {
      signatureVariant: 'secret',
    });
    expect(register.url).toContain('uuid=u-1&device_id=null&');
  });
});

describe('request outcomes', () => {
  function setupHttp() {
    const upstream = createFakeUpstream();
    return {
      upstream,
      http: createAgentHttp({ transport: createNodeTransport(upstream.fetch), now: upstream.now, settings: () => ({ signatureVariant: 'secret' }), logger: silentLogger }),
    };
  }

  it('unwraps statusInfo data and reports a business code', async () => {
    const { upstream, http } = setupHttp();
    upstream.on('/v1/api/user/info', () => json({ statusInfo: { code: 0 }, data: { userInfo: { name: 'n' } } }));
    await expect(http.call(identity, { method: 'GET', path: '/v1/api/user/info', envelope: 'statusInfo', schema: userInfoData })).resolves.toEqual({
      userInfo: { name: 'n' },
    });
    upstream.on('/v1/api/user/info', () => json({ statusInfo: { code: 1001, message: 'token expired' } }));
    await expect(
      http.call(identity, { method: 'GET', path: '/v1/api/user/info', envelope: 'statusInfo', schema: userInfoData }),
    ).rejects.toMatchObject({ code: 'upstream_auth_expired', detail: { upstreamCode: 1001 } });
  });

  it('names the envelope field when it is missing', async () => {
    const { upstream, http } = setupHttp();
    upstream.on('/matrix/api/v1/chat/delete_chat', () => json({ ok: true }));
    await expect(
      http.call(identity, { method: 'POST', path: '/matrix/api/v1/chat/delete_chat', envelope: 'baseResp', schema: emptyResponse }),
    ).rejects.toMatchObject({ code: 'upstream_protocol', detail: { field: 'base_resp' } });
  });

  it('turns a caller abort into aborted and a stuck request into upstream_unavailable', async () => {
    const upstream = createFakeUpstream();
    const hang = (signal?: AbortSignal | null) =>
      new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const spec = { method: 'POST' as const, path: '/matrix/api/v1/chat/delete_chat' as const, envelope: 'baseResp' as const, schema: emptyResponse };
    const hanging = createAgentHttp({
      transport: createNodeTransport((_url, init) => hang(init?.signal)),
      now: upstream.now,
      settings: () => ({ signatureVariant: 'secret' }),
      logger: silentLogger,
    });
    const controller = new AbortController();
    const aborted = hanging.call(identity, { ...spec, signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(RelayError);
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' });
    await expect(hanging.call(identity, { ...spec, timeoutMs: 20 })).rejects.toMatchObject({
      code: 'upstream_unavailable',
      detail: { reason: 'request_timeout' },
    });
  });
});
