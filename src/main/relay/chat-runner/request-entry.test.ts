import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../shared/domain/request-log';
import type { AccountLease } from '../../accounts/types';
import type { RequestLog } from '../../logs/types';
import { fromHttpStatus } from '../../providers/minimax-agent/errors';
import { AttemptLog, newRequestEntry } from './request-entry';

describe('newRequestEntry', () => {
  it('logs the request body without the bytes of its images and files', () => {
    const entry = newRequestEntry(
      {
        id: 'r1',
        dialect: 'openai',
        model: 'm',
        stream: false,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', data: 'QUJD'.repeat(100), mimeType: 'image/png' }] }],
        tools: [{ name: 'save', parameters: { type: 'object', properties: { data: { type: 'string' } } } }],
      },
      '/v1/chat/completions',
      0,
      true,
    );
    expect(entry.requestBody).toContain('"data":"[400 base64 characters omitted]"');
    expect(entry.requestBody).not.toContain('QUJD');
    expect(entry.requestBody).toContain('"data":{"type":"string"}');
  });
});

describe('AttemptLog', () => {
  function setup() {
    const patches: Partial<RequestLogEntry>[] = [];
    const log = { update: (_id: string, patch: Partial<RequestLogEntry>) => patches.push(patch) } as unknown as RequestLog;
    const lease = { account: { id: 'a1', label: 'Alice', provider: 'minimax-agent' }, reason: 'least busy' } as unknown as AccountLease;
    return { patches, attempts: new AttemptLog(log, 'r1', () => 5), lease };
  }

  it('names the provider as soon as an attempt starts, so a request that fails before streaming counts under it', () => {
    const { patches, attempts, lease } = setup();
    attempts.start(lease);
    expect(patches[0]).toMatchObject({ accountId: 'a1', provider: 'minimax-agent' });
  });

  it('keeps the upstream reason code of a failed attempt, and none for the next one that succeeds', () => {
    const { patches, attempts, lease } = setup();
    const first = attempts.start(lease);
    attempts.finish(first, 'failover', fromHttpStatus(401, '', '/send'));
    expect(patches.at(-1)?.attempts?.[0]).toMatchObject({ errorCode: 'upstream_auth_expired', errorReasonCode: 'agent_token_refused', errorReasonParams: { status: 401, body: 'empty' } });
    const second = attempts.start(lease);
    attempts.finish(second, 'success');
    expect(patches.at(-1)?.attempts?.[1]).not.toHaveProperty('errorReasonCode');
  });
});
