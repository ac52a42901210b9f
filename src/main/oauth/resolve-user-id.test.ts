import { describe, expect, it } from 'vitest';
import type { CapturedCredential } from './extract-credentials';
import { resolveRealUserId } from './resolve-user-id';

const base: CapturedCredential = { token: 't', realUserId: null, realUserIdSource: null, userName: null, email: null, tokenExpiresAt: null };

describe('resolveRealUserId', () => {
  it('keeps an id that is already known without asking the upstream', async () => {
    const known = { ...base, realUserId: '1', realUserIdSource: 'jwt' as const };
    await expect(resolveRealUserId(known, () => Promise.reject(new Error('must not be called')))).resolves.toBe(known);
  });

  it('asks the upstream when the id is unknown', async () => {
    const result = await resolveRealUserId(base, async () => ({ realUserId: '42', userName: 'Bo' }));
    expect(result).toMatchObject({ realUserId: '42', realUserIdSource: 'upstream', userName: 'Bo' });
  });

  it('tries each source in order until one names the user (user/info, then device/register)', async () => {
    const asked: string[] = [];
    const userInfo = async () => (asked.push('user/info'), null);
    const deviceRegister = async () => (asked.push('device/register'), { realUserId: '77' });
    const never = async () => (asked.push('never'), { realUserId: '88' });
    await expect(resolveRealUserId(base, [userInfo, deviceRegister, never])).resolves.toMatchObject({ realUserId: '77', realUserIdSource: 'upstream' });
    expect(asked).toEqual(['user/info', 'device/register']);
  });

  it('treats a failing source as no answer', async () => {
    const failing = async () => Promise.reject(new Error('HTTP 500'));
    await expect(resolveRealUserId(base, [failing, async () => ({ realUserId: '9' })])).resolves.toMatchObject({ realUserId: '9' });
    await expect(resolveRealUserId(base, [failing])).rejects.toMatchObject({ code: 'invalid_credential' });
  });

  it('fails with invalid_credential when nobody knows the id', async () => {
    await expect(resolveRealUserId(base, async () => null)).rejects.toMatchObject({ code: 'invalid_credential' });
  });
});
