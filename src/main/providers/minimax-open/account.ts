/**
 * Validation and balance of an API key. A Coding Plan key is checked by reading its quota (free);
 * a pay-as-you-go key by the smallest real chat call, since the platform has no free "who am I"
 * for it. A key refused in its region is tried once in the other region, so the user hears
 * "this key belongs to the international platform" instead of a bare "invalid key".
 */
import type { CreditInfo, Region } from '../../../shared/domain/account';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { isRelayError, RelayError } from '../../../shared/errors';
import type { AccountIdentity, ProviderAccount } from '../types';
import { openCredentialOf, type OpenHttp } from './http';
import { CHAT_PATH, CODING_PLAN_REMAINS_PATH, codingPlanRemainsSchema } from './protocol';

export interface OpenAccountDeps {
  http: OpenHttp;
  now: () => number;
  /** The base URL of a region, to tell "wrong region" from "invalid key". */
  baseUrlFor: (region: Region) => string;
}

const REGION_NAMES: Record<Region, string> = { cn: 'China (api.minimaxi.com)', intl: 'international (api.minimax.io)' };

function isKeyRefused(error: unknown): boolean {
  return isRelayError(error) && error.code === 'upstream_auth_expired';
}

async function probe(deps: OpenAccountDeps, account: ProviderAccount, signal?: AbortSignal): Promise<void> {
  const credential = openCredentialOf(account);
  if (credential.keyKind === 'coding-plan') {
    await deps.http.json(account, CODING_PLAN_REMAINS_PATH, { method: 'GET', ...(signal ? { signal } : {}) });
    return;
  }
  await deps.http.json(account, CHAT_PATH, {
    method: 'POST',
    body: { model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'ping' }], max_completion_tokens: 1, stream: false },
    ...(signal ? { signal } : {}),
  });
}

export async function validateOpenAccount(deps: OpenAccountDeps, account: ProviderAccount, signal?: AbortSignal): Promise<AccountIdentity> {
  try {
    await probe(deps, account, signal);
  } catch (error) {
    if (!isKeyRefused(error)) throw error;
    const other: Region = account.region === 'cn' ? 'intl' : 'cn';
    const otherUrl = deps.baseUrlFor(other);
    const worksElsewhere = otherUrl !== account.baseUrl && (await probe(deps, { ...account, region: other, baseUrl: otherUrl }, signal).then(() => true, () => false));
    if (worksElsewhere) {
      throw new RelayError('invalid_credential', `This key belongs to the ${REGION_NAMES[other]} platform: choose that region and add it again.`, {
        reason: 'wrong_region',
        region: other,
        ...reasonDetail('open_wrong_region', { region: other }),
      });
    }
    throw new RelayError('invalid_credential', 'The MiniMax Open Platform refused this API key: copy it again from the platform’s API keys page.', {
      reason: 'invalid_key',
      ...reasonDetail('open_invalid_key'),
    });
  }
  return { realUserId: '', userName: null, email: null, tokenExpiresAt: null };
}

/** Coding Plan: prompts left in the current window; pay-as-you-go: the platform reports no balance. */
export async function readOpenCredits(deps: OpenAccountDeps, account: ProviderAccount, signal?: AbortSignal): Promise<CreditInfo | null> {
  if (openCredentialOf(account).keyKind !== 'coding-plan') return null;
  const body = codingPlanRemainsSchema.parse(await deps.http.json(account, CODING_PLAN_REMAINS_PATH, { method: 'GET', ...(signal ? { signal } : {}) }));
  const entries = body.model_remains ?? [];
  const text = entries.find((entry) => entry.model_name?.toLowerCase().startsWith('minimax-m')) ?? entries[0];
  if (!text || text.current_interval_usage_count == null) return null;
  return { remaining: text.current_interval_usage_count, resetAt: text.end_time ?? null, planName: 'Coding Plan', checkedAt: deps.now() };
}
