/**
 * accounts.import: split pasted text into credentials, check each with the upstream (who is it,
 * how many credits), then create or update in place (same realUserID) — one result per entry.
 * Entries run one after another: a web account allows one conversation at a time and a bulk paste
 * should not look like a burst to the upstream.
 */
import type { ImportLineResult, ImportResult } from '../../shared/contract';
import { maskUserId, type Region } from '../../shared/domain/account';
import { RelayError, toErrorInfo } from '../../shared/errors';
import type { AccountRepository } from '../accounts/account-repository';
import { parseCredentials, type ParsedCredential } from '../providers/minimax-agent/credentials';
import type { AccountIdentity, AgentCredential, ProviderAccount, UpstreamProvider } from '../providers/types';
import { createProgress } from './progress';
import type { BaseUrlFor, ServiceContext } from './types';

export interface ImportDeps extends ServiceContext {
  repository: Pick<AccountRepository, 'upsert' | 'setCredits' | 'toSummary'>;
  agentProvider(): UpstreamProvider;
  baseUrlFor: BaseUrlFor;
  busyCount(accountId: string): number;
}

export interface ImportInput {
  text: string;
  region: Region;
  label?: string;
}

function maskCredential(credential: ParsedCredential): string {
  const user = credential.realUserId ? maskUserId(credential.realUserId) : '?';
  return `${user}+${credential.token.slice(0, 4)}…${credential.cookies ? ' (+cookies)' : ''}`;
}

/**
 * Who the token belongs to. A realUserID the user typed must match. One read from the JWT is only
 * a guess (a new account's JWT `user.id` can differ from its realUserID, and since May 2026 the
 * site may not show `user_detail_agent`): when the upstream names another user, or refuses the
 * guess, the check asks again without an id and adopts what the upstream reports.
 */
async function identify(
  provider: UpstreamProvider,
  probe: ProviderAccount,
  credential: AgentCredential,
  origin: ParsedCredential['realUserIdOrigin'],
): Promise<{ credential: AgentCredential; identity: AccountIdentity }> {
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

async function importOne(deps: ImportDeps, parsed: ParsedCredential, input: ImportInput, line: number): Promise<ImportLineResult> {
  const given: AgentCredential = { kind: 'minimax-agent', token: parsed.token, realUserId: parsed.realUserId, ...(parsed.cookies ? { cookies: parsed.cookies } : {}) };
  const base = { line, input: maskCredential(parsed) };
  try {
    const provider = deps.agentProvider();
    const probe: ProviderAccount = { id: `import-${line}`, label: input.label ?? '', region: input.region, baseUrl: deps.baseUrlFor(input.region), credential: given };
    const { credential, identity } = await identify(provider, probe, given, parsed.realUserIdOrigin);
    const upstream: ProviderAccount = { ...probe, credential };
    // Credits are informative: an account whose credit check fails is still added.
    const credits = await provider.credits(upstream).catch(() => null);
    const { record, action } = deps.repository.upsert({
      region: input.region,
      credential,
      identity: { ...identity, tokenExpiresAt: identity.tokenExpiresAt ?? parsed.expiresAt ?? null },
      ...(input.label ? { label: input.label } : {}),
    });
    const saved = credits ? deps.repository.setCredits(record.id, credits) : record;
    return { ...base, ok: true, account: deps.repository.toSummary(saved, deps.busyCount(saved.id)), action, error: null };
  } catch (error) {
    return { ...base, ok: false, account: null, action: null, error: toErrorInfo(error) };
  }
}

export async function importAccounts(deps: ImportDeps, input: ImportInput): Promise<ImportResult> {
  const parsed = parseCredentials(input.text, deps.now());
  const progress = parsed.length > 1 ? createProgress(deps.events, 'import', parsed.length) : null;
  const results: ImportLineResult[] = [];
  for (const [index, entry] of parsed.entries()) {
    const line = index + 1;
    if (!entry.ok) {
      results.push({ line, input: `entry ${line}`, ok: false, account: null, action: null, error: entry.error });
    } else if (entry.expired) {
      results.push({
        line,
        input: maskCredential(entry.credential),
        ok: false,
        account: null,
        action: null,
        error: { code: 'upstream_auth_expired', message: 'This token has expired; log in again and copy a fresh one.' },
      });
    } else {
      results.push(await importOne(deps, entry.credential, input, line));
    }
    progress?.report(line, `Checked ${line} of ${parsed.length}`);
  }
  return {
    results,
    created: results.filter((r) => r.action === 'created').length,
    updated: results.filter((r) => r.action === 'updated').length,
    failed: results.filter((r) => !r.ok).length,
  };
}
