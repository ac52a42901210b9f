/** Fakes for service tests: a real store in memory, a scripted upstream provider, a clock. */
import type { ProgressEvent } from '../../../shared/contract';
import type { CreditInfo } from '../../../shared/domain/account';
import { RelayError } from '../../../shared/errors';
import { createAccountRepository } from '../../accounts/account-repository';
import { createMemoryDocumentStore } from '../../store/file-document-store';
import { createRelayStore } from '../../store/relay-store';
import { createTestSecretBox } from '../../store/__test__/test-helpers';
import { isAgentCredential, type AccountIdentity, type ProviderAccount, type UpstreamProvider } from '../../providers/types';
import { createEventBus } from '../event-bus';

export const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);

/** A JWT-shaped token (unsigned: the fake upstream does not check signatures). */
export function fakeJwt(realUserId: string, name = `user-${realUserId}`, expSec = NOW / 1000 + 86_400): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ user: { id: realUserId, name }, exp: expSec })}.sig`;
}

export interface FakeUpstream {
  provider: UpstreamProvider;
  /** realUserId → what the upstream answers; missing = valid with 200 credits. */
  failures: Map<string, RelayError>;
  credits: Map<string, number>;
  calls: string[];
}

export function createFakeUpstream(): FakeUpstream {
  const failures = new Map<string, RelayError>();
  const credits = new Map<string, number>();
  const calls: string[] = [];
  const userOf = (account: ProviderAccount): string => (isAgentCredential(account.credential) ? account.credential.realUserId : '');
  const provider: UpstreamProvider = {
    kind: 'minimax-agent',
    // eslint-disable-next-line require-yield
    async *chat() {
      throw new RelayError('internal', 'not used');
    },
    async validate(account): Promise<AccountIdentity> {
      const user = userOf(account);
      calls.push(`validate:${user}`);
      const failure = failures.get(user);
      if (failure) throw failure;
      return { realUserId: user, userName: `user-${user}`, email: null, tokenExpiresAt: null };
    },
    async credits(account): Promise<CreditInfo> {
      const user = userOf(account);
      return { remaining: credits.get(user) ?? 200, resetAt: NOW + 3_600_000, planName: 'Free', checkedAt: NOW };
    },
    async cleanupChats(_account, onProgress) {
      onProgress?.({ done: 1, total: 2 });
      onProgress?.({ done: 2, total: 2 });
      return { deleted: 2, failed: 0, skipped: 0 };
    },
  };
  return { provider, failures, credits, calls };
}

export function createServiceFixture() {
  const secretBox = createTestSecretBox();
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox, now: () => NOW });
  const repository = createAccountRepository({ store, secretBox, now: () => NOW });
  const events = createEventBus();
  const progress: ProgressEvent[] = [];
  events.on('progress', (event) => progress.push(event));
  const upstream = createFakeUpstream();
  return { store, repository, events, progress, upstream, now: () => NOW };
}
