import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { callSim } from './test-client';
import type { SimAccount, Simulator } from './types';

let sim: Simulator;
let alice: SimAccount;

beforeEach(async () => {
  sim = await startSimulator();
  alice = sim.admin.createAccount({ name: 'alice' });
});
afterEach(() => sim.close());

interface Policy { accessKeyId: string; accessKeySecret: string; securityToken: string; bucketName: string; dir: string; endpoint: string }

describe('file upload trio', () => {
  it('request_policy → PUT to the fake OSS → policy_callback gives a fileID', async () => {
    const policy = ((await callSim(sim.url, alice, '/v1/api/files/request_policy')).json as { data: Policy }).data;
    expect(policy).toMatchObject({ accessKeyId: expect.any(String), securityToken: expect.any(String), bucketName: expect.any(String) });
    expect(policy.endpoint.startsWith(sim.url)).toBe(true);
    const fileName = `${crypto.randomUUID()}.png`;
    const put = await fetch(`${policy.endpoint}/${policy.dir}/${fileName}`, { method: 'PUT', body: new Uint8Array([137, 80, 78, 71]) });
    expect(put.status).toBe(200);
    const body = { fileName, originFileName: fileName, dir: policy.dir, endpoint: policy.endpoint, bucketName: policy.bucketName, size: '4', mimeType: 'image/png' };
    const cb = await callSim(sim.url, alice, '/v1/api/files/policy_callback', { body });
    expect(cb.json).toMatchObject({ statusInfo: { code: 0 }, data: { fileID: expect.any(Number), ossPath: expect.stringContaining(fileName) } });
  });

  it('policy_callback refuses an object that was never uploaded', async () => {
    const body = { fileName: 'missing.txt', dir: 'agent/x', bucketName: 'minimax-sim', size: '1', mimeType: 'text/plain' };
    const cb = await callSim(sim.url, alice, '/v1/api/files/policy_callback', { body });
    expect(cb.json).toMatchObject({ statusInfo: { code: 1400020001, message: 'file not uploaded' } });
  });
});
