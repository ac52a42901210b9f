/**
 * accounts.import: split pasted text into credentials (the provider module's own parser), check
 * each with the upstream (who is it, how many credits), then create or update in place (same
 * user, or same key) — one result per entry. Entries run one after another: a web account allows
 * one conversation at a time and a bulk paste should not look like a burst to the upstream.
 */
import type { ImportLineResult, ImportResult } from '../../shared/contract';
import type { OpenKeyKind, ProviderKind, Region } from '../../shared/domain/account';
import { toErrorInfo } from '../../shared/errors';
import type { AccountRepository } from '../accounts/account-repository';
import type { ProviderModule, ValidImportEntry } from '../providers/module';
import { identifyCredential } from '../providers/modules';
import type { ProviderAccount, UpstreamProvider } from '../providers/types';
import { createProgress } from './progress';
import type { BaseUrlFor, ServiceContext } from './types';

export interface ImportDeps extends ServiceContext {
  repository: Pick<AccountRepository, 'upsert' | 'setCredits' | 'toSummary'>;
  /** The module and provider of a kind (throws `internal` when none is installed). */
  moduleFor(kind: ProviderKind): ProviderModule;
  /** The provider an import names none: the first registered module's. */
  defaultProvider: ProviderKind;
  providerFor(kind: ProviderKind): UpstreamProvider;
  baseUrlFor: BaseUrlFor;
  busyCount(accountId: string): number;
}

export interface ImportInput {
  text: string;
  region: Region;
  label?: string;
  provider?: ProviderKind;
  keyKind?: OpenKeyKind;
}

async function importOne(deps: ImportDeps, module: ProviderModule, entry: ValidImportEntry, input: ImportInput, line: number): Promise<ImportLineResult> {
  const upstream: ProviderAccount = {
    id: `import-${line}`,
    label: input.label ?? '',
    region: entry.region,
    baseUrl: deps.baseUrlFor(entry.region, module.id),
    credential: entry.credential,
  };
  const base = { line, input: entry.masked };
  try {
    const provider = deps.providerFor(module.id);
    const { credential, identity } = await identifyCredential(module, provider, upstream, entry);
    // Credits are informative: an account whose credit check fails is still added.
    const account: ProviderAccount = { ...upstream, credential };
    const credits = await provider.credits(account).catch(() => null);
    const { record, action } = deps.repository.upsert({
      region: entry.region,
      credential,
      identity: { ...identity, tokenExpiresAt: identity.tokenExpiresAt ?? entry.expiresAt },
      maxConcurrency: module.defaultConcurrency,
      ...(input.label ? { label: input.label } : {}),
    });
    const saved = credits ? deps.repository.setCredits(record.id, credits) : record;
    return { ...base, ok: true, account: deps.repository.toSummary(saved, deps.busyCount(saved.id)), action, error: null };
  } catch (error) {
    return { ...base, ok: false, account: null, action: null, error: toErrorInfo(error) };
  }
}

function expiredResult(entry: ValidImportEntry, line: number): ImportLineResult {
  return {
    line,
    input: entry.masked,
    ok: false,
    account: null,
    action: null,
    error: { code: 'upstream_auth_expired', message: 'This token has expired; log in again and copy a fresh one.' },
  };
}

export async function importAccounts(deps: ImportDeps, input: ImportInput): Promise<ImportResult> {
  const module = deps.moduleFor(input.provider ?? deps.defaultProvider);
  const parsed = module.parseImport(input.text, { now: deps.now(), region: input.region, ...(input.keyKind ? { keyKind: input.keyKind } : {}) });
  const progress = parsed.length > 1 ? createProgress(deps.events, 'import', parsed.length) : null;
  const results: ImportLineResult[] = [];
  for (const [index, entry] of parsed.entries()) {
    const line = index + 1;
    if (!entry.ok) results.push({ line, input: entry.masked, ok: false, account: null, action: null, error: entry.error });
    else if (entry.expired) results.push(expiredResult(entry, line));
    else results.push(await importOne(deps, module, entry, input, line));
    progress?.report(line, `Checked ${line} of ${parsed.length}`, parsed.length, { step: 'import_checked', params: { done: line, total: parsed.length } });
  }
  return {
    results,
    created: results.filter((r) => r.action === 'created').length,
    updated: results.filter((r) => r.action === 'updated').length,
    failed: results.filter((r) => !r.ok).length,
  };
}
