import { describe, expect, it } from 'vitest';
import { createMemoryDocumentStore } from '../../store/file-document-store';
import { createRelayStore } from '../../store/relay-store';
import { createTestSecretBox } from '../../store/__test__/test-helpers';
import { createAccountRepository } from '../../accounts/account-repository';
import { applyLeaseOutcome } from '../../accounts/lease-outcome';
import { fromBusinessError, fromHttpStatus } from '../../providers/minimax-agent/errors';
import { fromStatusCode } from '../../providers/minimax-open/errors';
import { STATUS } from '../../providers/minimax-open/protocol';
import { RelayError } from '../../../shared/errors';
import { errorReasonFields, outcomeFor } from './errors';

function repositoryWithAccount() {
  const secretBox = createTestSecretBox();
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox });
  const repository = createAccountRepository({ store, secretBox, now: () => 1_000 });
  const { id } = repository.upsert({
    region: 'cn',
    credential: { kind: 'minimax-agent', token: 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiMSJ9.sig', realUserId: '1' },
    identity: { realUserId: '1', userName: null, email: null, tokenExpiresAt: null },
  }).record;
  return { repository, id };
}

describe('outcomeFor', () => {
  it('carries the upstream reason code of the error that cools an account down', () => {
    const outcome = outcomeFor(fromBusinessError('baseResp', 1400010171, 'only one output at a time', '/send'));
    expect(outcome).toMatchObject({ ok: false, code: 'upstream_busy', reason: { code: 'agent_busy', params: {} } });
    expect(outcomeFor(fromHttpStatus(401, '', '/send'))).toMatchObject({ reason: { code: 'agent_token_refused', params: { status: 401, body: 'empty' } } });
    expect(outcomeFor(fromStatusCode(STATUS.rateLimit, 'rpm', '/v1/chat/completions'))).toMatchObject({ reason: { code: 'open_rate_limited' } });
  });

  it('has no reason code for an error without one', () => {
    const outcome = outcomeFor(new RelayError('upstream_unavailable', 'down'));
    expect(outcome).not.toHaveProperty('reason');
    expect(errorReasonFields(new RelayError('timeout', 'slow'))).toEqual({});
  });

  it('lands on the account next to the English reason, and a reset clears both', () => {
    const { repository, id } = repositoryWithAccount();
    const error = fromHttpStatus(403, '<!DOCTYPE html><html>Just a moment</html>', '/send');
    applyLeaseOutcome(repository, id, outcomeFor(error), { now: 1_000, cooldownMs: 60_000 });
    const cooled = repository.get(id);
    expect(cooled).toMatchObject({ status: 'cooling', statusReason: error.message, statusReasonCode: 'agent_cloudflare', statusReasonParams: { status: 403 } });
    expect(repository.toSummary(cooled, 0)).toMatchObject({ statusReasonCode: 'agent_cloudflare', statusReasonParams: { status: 403 } });
    applyLeaseOutcome(repository, id, outcomeFor(fromStatusCode(STATUS.insufficientBalance, 'no balance', '/p')), { now: 1_000, cooldownMs: 60_000 });
    expect(repository.get(id)).toMatchObject({ status: 'exhausted', statusReasonCode: 'open_no_balance' });
    expect(repository.reset(id)).toMatchObject({ status: 'active', statusReason: null, statusReasonCode: null, statusReasonParams: null });
  });
});
