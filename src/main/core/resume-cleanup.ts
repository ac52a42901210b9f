/**
 * At start, hands every provider the chats an earlier run left in the ledger (the process was
 * killed, or closed while deletes were still being retried), so the durable cleanup queue deletes
 * them. Skipped while the user keeps chats (cleanup off).
 */
import type { ProviderKind, Region } from '../../shared/domain/account';
import type { AccountRepository } from '../accounts/account-repository';
import type { Logger } from '../logs/types';
import type { UpstreamProvider } from '../providers/types';

export interface ResumeCleanupDeps {
  repository: Pick<AccountRepository, 'list' | 'toProviderAccount'>;
  providers: { has(kind: ProviderKind): boolean; get(kind: ProviderKind): UpstreamProvider };
  baseUrlFor: (region: Region, provider: ProviderKind) => string;
  logger: Logger;
}

export function resumeChatCleanup(deps: ResumeCleanupDeps): void {
  for (const record of deps.repository.list()) {
    const provider = deps.providers.has(record.provider) ? deps.providers.get(record.provider) : null;
    if (!provider?.resumeCleanup) continue;
    try {
      provider.resumeCleanup(deps.repository.toProviderAccount(record, deps.baseUrlFor(record.region, record.provider)));
    } catch (error) {
      // An account whose credential cannot be opened keeps its ledger for a later start.
      deps.logger.warn({ accountId: record.id, err: String(error) }, 'could not resume chat cleanup for an account');
    }
  }
}
