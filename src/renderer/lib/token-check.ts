/**
 * One request that tells whether the relay takes an admin token, made before any page loads data,
 * so a wrong token costs one failed attempt instead of one per store.
 */
export type TokenVerdict =
  | { kind: 'ok' }
  | { kind: 'refused' }
  | { kind: 'rate_limited'; retryAfterSec: number }
  | { kind: 'unreachable' };

export interface TokenCheckDeps {
  baseUrl: string;
  fetch: typeof fetch;
}

export async function checkAdminToken(deps: TokenCheckDeps, token: string): Promise<TokenVerdict> {
  let response: Response;
  try {
    response = await deps.fetch(`${deps.baseUrl}/api/app/info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
  } catch {
    return { kind: 'unreachable' };
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status === 401) return { kind: 'refused' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate_limited', retryAfterSec: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
  }
  if (!response.ok) return { kind: 'unreachable' };
  return { kind: 'ok' };
}
