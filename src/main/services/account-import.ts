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
import type { AgentCredential, ProviderAccount, UpstreamProvider } from '../providers/types';
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
  return `${maskUserId(credential.realUserId)}+${credential.token.slice(0, 4)}…`;
}

async function importOne(deps: ImportDeps, parsed: ParsedCredential, input: ImportInput, line: number): Promise<ImportLineResult> {
  const credential: AgentCredential = { kind: 'minimax-agent', token: parsed.token, realUserId: parsed.realUserId };
  const upstream: ProviderAccount = { id: `import-${line}`, label: input.label ?? '', region: input.region, baseUrl: deps.baseUrlFor(input.region), credential };
  const base = { line, input: maskCredential(parsed) };
  try {
    const provider = deps.agentProvider();
    const identity = await provider.validate(upstream);
    if (identity.realUserId !== parsed.realUserId) {
      throw new RelayError('invalid_credential', 'The token belongs to a different realUserID than the one given.');
    }
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
