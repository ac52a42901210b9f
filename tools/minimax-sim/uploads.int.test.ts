import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPutHeaders, objectTarget, type StoragePolicy } from '../../src/main/providers/minimax-agent/upload/oss-put';
import { startSimulator } from './index';
import { callSim } from './test-client';
import type { SimAccount, Simulator } from './types';

let sim: Simulator;
let alice: SimAccount;
let bob: SimAccount;

beforeEach(async () => {
  sim = await startSimulator();
  alice = sim.admin.createAccount({ name: 'alice' });
  bob = sim.admin.createAccount({ name: 'bob' });
});
afterEach(() => sim.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function requestPolicy(account: SimAccount): Promise<StoragePolicy> {
  return ((await callSim(sim.url, account, '/v1/api/files/request_policy')).json as { data: StoragePolicy }).data;
}

/** A PUT signed by the relay's signer, which the simulator checks with its own implementation. */
async function put(policy: StoragePolicy, fileName: string, bytes = PNG, tamper: (headers: Record<string, string>) => void = () => {}): Promise<{ status: number; text: string }> {
  const key = `${policy.dir}/${fileName}`;
  const target = objectTarget(policy.endpoint, policy.bucketName, key);
  const headers = buildPutHeaders({ policy, key, bytes, mimeType: 'image/png', nowMs: Date.now() }, target);
  tamper(headers);
  const response = await fetch(target.url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  return { status: response.status, text: await response.text() };
}

async function register(account: SimAccount, policy: StoragePolicy, fileName: string, size = PNG.length): Promise<unknown> {
  const body = { fileName, originFileName: 'shot.png', dir: policy.dir, endpoint: policy.endpoint, bucketName: policy.bucketName, size: String(size), mimeType: 'image/png' };
  return (await callSim(sim.url, account, '/v1/api/files/policy_callback', { body })).json;
}

describe('file upload trio', () => {
  it('request_policy → signed PUT to the storage endpoint → policy_callback gives a fileID of the stored bytes', async () => {
    const policy = await requestPolicy(alice);
    expect(policy.endpoint.startsWith(sim.url)).toBe(true);
    expect(await put(policy, 'a.png')).toMatchObject({ status: 200 });
    expect(await register(alice, policy, 'a.png')).toMatchObject({ statusInfo: { code: 0 }, data: { fileID: expect.any(Number), ossPath: expect.stringContaining('a.png') } });
    expect(sim.admin.uploads(alice.realUserId)).toEqual([
      expect.objectContaining({ originFileName: 'shot.png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') }),
    ]);
  });

  it('the storage endpoint refuses missing, wrong or foreign credentials and bad signatures with OSS error codes', async () => {
    const policy = await requestPolicy(alice);
    const unsigned = await fetch(`${policy.endpoint}/${policy.dir}/x.png`, { method: 'PUT', body: new Uint8Array(PNG) });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');
    expect(await put(policy, 'x.png', PNG, (h) => (h['x-oss-security-token'] = 'CAISforged'))).toMatchObject({ status: 403, text: expect.stringContaining('InvalidSecurityToken') });
    expect(await put({ ...policy, accessKeySecret: 'wrong' }, 'x.png')).toMatchObject({ status: 403, text: expect.stringContaining('SignatureDoesNotMatch') });
    expect(await put({ ...policy, accessKeyId: 'STS.unknown' }, 'x.png')).toMatchObject({ status: 403, text: expect.stringContaining('InvalidAccessKeyId') });
    expect(await put({ ...policy, dir: 'agent/someone-else' }, 'x.png')).toMatchObject({ status: 403, text: expect.stringContaining('AccessDenied') });
    expect(await put(policy, 'x.png', PNG, (h) => (h['Content-MD5'] = 'AAAAAAAAAAAAAAAAAAAAAA=='))).toMatchObject({ status: 403, text: expect.stringContaining('SignatureDoesNotMatch') });
    expect(sim.admin.uploads()).toEqual([]);
  });

  it('policy_callback refuses an object never uploaded, or uploaded by another account', async () => {
    const policy = await requestPolicy(alice);
    expect(await register(alice, policy, 'missing.png')).toMatchObject({ statusInfo: { code: 1400020001, message: 'file not uploaded' } });
    await put(policy, 'a.png');
    expect(await register(bob, policy, 'a.png')).toMatchObject({ statusInfo: { code: 1400020001 } });
  });

  it('send_msg accepts only attachments the same account uploaded, in either attachment shape', async () => {
    const policy = await requestPolicy(alice);
    await put(policy, 'a.png');
    const { data } = (await register(alice, policy, 'a.png')) as { data: { fileID: number; ossPath: string } };
    const send = (account: SimAccount, attachments: unknown[]): Promise<unknown> =>
      callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body: { msg_type: 1, text: 'user:look\nassistant:', chat_type: 1, attachments, selected_mcp_tools: [] } }).then((r) => r.json);
    expect(await send(bob, [{ file_type: 2, file_id: data.fileID, file_name: 'a.png' }])).toMatchObject({ base_resp: { status_code: 1400020001 } });
    expect(await send(alice, [{ file_type: 2, file_id: 12345, file_name: 'a.png' }])).toMatchObject({ base_resp: { status_code: 1400020001 } });
    expect(await send(alice, [{ file_type: 2, file_id: data.fileID, file_name: 'a.png' }])).toMatchObject({ base_resp: { status_code: 0 }, chat_id: expect.any(Number) });
    await sim.admin.waitFor(() => sim.admin.running(alice.realUserId) === 0, 10_000);
    expect(await send(alice, [{ file: { file_name: 'a.png', file_url: data.ossPath }, attachment_type: 1 }])).toMatchObject({ base_resp: { status_code: 0 } });
  });
});
