/** Keys, their region, balance, plan quota and rate limit; and the platform's refusal envelopes. */
import { randomBytes } from 'node:crypto';
import type { OpenSimKey, OpenSimKeyInput, SimRegion } from './types';

export interface Refusal {
  status: number;
  body: { base_resp: { status_code: number; status_msg: string } };
}

export function refusal(code: number, message: string, status = 200): Refusal {
  return { status, body: { base_resp: { status_code: code, status_msg: message } } };
}

export function createKeyStore(now: () => number) {
  const keys = new Map<string, OpenSimKey>();
  return {
    add(input: OpenSimKeyInput = {}): OpenSimKey {
      const key: OpenSimKey = {
        key: input.key ?? `sk-sim-${randomBytes(18).toString('hex')}`,
        region: input.region ?? 'cn',
        kind: input.kind ?? 'pay-as-you-go',
        balance: input.balance ?? Number.POSITIVE_INFINITY,
        planTotal: input.planTotal ?? 1500,
        planLeft: input.planTotal ?? 1500,
        rpm: input.rpm ?? Number.POSITIVE_INFINITY,
        maxStreams: input.maxStreams ?? Number.POSITIVE_INFINITY,
        recent: [],
      };
      keys.set(key.key, key);
      return key;
    },
    get: (key: string) => keys.get(key),
    clear: () => keys.clear(),
    /** Who is calling, in which region; a refusal when the platform would refuse. */
    authorize(bearer: string | null, region: SimRegion | null): OpenSimKey | Refusal {
      const key = bearer ? keys.get(bearer) : undefined;
      // A key of the other region is unknown there, exactly like an invalid key.
      if (!key || (region !== null && key.region !== region)) return refusal(2049, 'invalid api key', 401);
      const time = now();
      key.recent = key.recent.filter((at) => at > time - 60_000);
      if (key.recent.length >= key.rpm) return refusal(1002, 'rate limit exceeded(RPM)', 429);
      key.recent.push(time);
      return key;
    },
    /** One paid call: balance for pay-as-you-go, plan quota for Coding Plan. */
    charge(key: OpenSimKey): Refusal | null {
      if (key.kind === 'coding-plan') {
        if (key.planLeft <= 0) return refusal(2056, 'usage limit exceeded');
        key.planLeft -= 1;
        return null;
      }
      if (key.balance <= 0) return refusal(1008, 'insufficient balance');
      key.balance -= 1;
      return null;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;

export function isRefusal(value: OpenSimKey | Refusal): value is Refusal {
  return 'body' in value;
}
