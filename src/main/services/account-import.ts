/**
 * accounts.import: split pasted text into credentials (the provider module's own parser), check
 * each with the upstream (who is it, how many credits), then create or update in place (same
 * user, or same key) — one result per entry. Entries run one after another: a web account allows
 * one conversation at a time and a bulk paste should not look like a burst to the upstream.
 */
import type { ImportLineResult, ImportResult } from '../../shared/contract';
import type { OpenKeyKind, ProviderKind, Region } from '../../shared/domain/account';
import { RelayError, toErrorInfo } from '../../shared/errors';
import type { AccountRepository } from '../accounts/account-repository';
import type { ImportEntry, ProviderModule, UserIdOrigin } from '../providers/module';
import type { AccountIdentity, ProviderAccount, ProviderCredential, UpstreamProvider } from '../providers/types';
import { createProgress } from './progress';
import type { BaseUrlFor, ServiceContext } from './types';

export interface ImportDeps extends ServiceContext {
  repository: Pick<AccountRepository, 'upsert' | 'setCredits' | 'toSummary'>;
  /** The module and provider of a kind (throws `internal` when none is installed). */
  moduleFor(kind: ProviderKind): ProviderModule;
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

type ValidEntry = Extract<ImportEntry, { ok: true }>;

/**
 * Who the token belongs to. A realUserID the user typed must match. One read from the JWT is only
 * a guess (a new account's JWT `user.id` can differ from its realUserID, and since May 2026 the
 * site may not show `user_detail_agent`): when the upstream names another user, or refuses the
 * guess, the check asks again without an id and adopts what the upstream reports.
 */
async function identifyWebAccount(
  provider: UpstreamProvider,
  probe: ProviderAccount,
  credential: Extract<ProviderCredential, { kind: 'minimax-agent' }>,
  origin: UserIdOrigin,
): Promise<{ credential: ProviderCredential; identity: AccountIdentity }> {
  const ask = (realUserId: string) => provider.validate({ ...probe, credential: { ...credential, realUserId } });
  let identity: AccountIdentity;
  if (origin === 'given') identity = await ask(credential.realUserId);
  else if (origin === 'unknown') identity = await ask('');
  else {
    try {
      identity = await ask(credential.realUserId);
    } catch (error) {
      const wrongGuess = error instanceof RelayError && (error.code === 'invalid_credential' || error.code === 'upstream_auth_expired');
      if (!wrongGuess) throw error;
      identity = await ask('').catch(() => Promise.reject(error));
    }
  }
  const realUserId = identity.realUserId || (origin === 'unknown' ? '' : credential.realUserId);
  if (!realUserId) throw new RelayError('invalid_credential', 'MiniMax did not say which user the token belongs to: paste it as realUserID+token.');
  if (origin === 'given' && identity.realUserId !== credential.realUserId) {
    throw new RelayError('invalid_credential', 'The token belongs to a different realUserID than the one given.');
  }
  return { credential: { ...credential, realUserId }, identity: { ...identity, realUserId } };
}

/** Who the credential belongs to; a web account's user id may be adopted from the upstream. */
async function identify(provider: UpstreamProvider, probe: ProviderAccount, entry: ValidEntry): Promise<{ credential: ProviderCredential; identity: AccountIdentity }> {
  if (entry.credential.kind === 'minimax-agent') {
    const origin = entry.userIdOrigin ?? (entry.expectedUserId === null ? 'unknown' : 'given');
    return identifyWebAccount(provider, probe, entry.credential, origin);
  }
  const identity = await provider.validate(probe);
  if (entry.expectedUserId !== null && identity.realUserId !== entry.expectedUserId) {
    throw new RelayError('invalid_credential', 'The key belongs to a different account than the one given.');
  }
  return { credential: entry.credential, identity };
}

async function importOne(deps: ImportDeps, module: ProviderModule, entry: ValidEntry, input: ImportInput, line: number): Promise<ImportLineResult> {
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
    const { credential, identity } = await identify(provider, upstream, entry);
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

function expiredResult(entry: ValidEntry, line: number): ImportLineResult {
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
  const module = deps.moduleFor(input.provider ?? 'minimax-agent');
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
