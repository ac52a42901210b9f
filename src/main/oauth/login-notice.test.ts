import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/domain/settings';
import type { CaptureResult } from './extract-credentials';
import { reduceLogin, startLogin, type LoginState } from './login-flow';
import { LOGIN_NOTICE_IDS, LOGIN_NOTICES, loginNotice, loginNoticeId } from './login-notice';

const options = { timeoutMs: 60_000, userIdGraceMs: 1_000 };
const CREDENTIAL = { token: 't', realUserId: '1', realUserIdSource: 'user_detail', userName: null, email: null, tokenExpiresAt: null } as const;

describe('login window notices', () => {
  it('has every notice in every language, the Chinese ones in Chinese with Chinese punctuation', () => {
    for (const id of LOGIN_NOTICE_IDS) {
      for (const language of LANGUAGES) expect(LOGIN_NOTICES[id][language], `${id} ${language}`).toBeTruthy();
      expect(LOGIN_NOTICES[id]['zh-CN'], id).toMatch(/[\u4e00-\u9fff]/);
      expect(LOGIN_NOTICES[id]['zh-CN'], id).not.toMatch(/[\u4e00-\u9fff][,;:.!?](\s|$)|\.\.\./);
      expect(LOGIN_NOTICES[id]['zh-CN'], id).not.toBe(LOGIN_NOTICES[id].en);
    }
  });

  it('follows the login: waiting, signed in and capturing, guest warning, checking, saved, failed', () => {
    const start = startLogin(0);
    expect(loginNoticeId(start)).toBe('waiting');
    const guest: CaptureResult = { status: 'rejected', reason: 'guest_token', message: 'This is a guest session.' };
    const asGuest = reduceLogin(start, { type: 'snapshot', result: guest }, 10, options);
    expect(loginNoticeId(asGuest)).toBe('guest');
    expect(loginNotice(asGuest, 'zh-CN')).toBe('当前是访客会话：请用你的 MiniMax 账号登录');
    const damaged: CaptureResult = { status: 'rejected', reason: 'malformed', message: 'The stored token is not a JWT.' };
    expect(loginNoticeId(reduceLogin(start, { type: 'snapshot', result: damaged }, 10, options))).toBe('malformed');
    const seen: LoginState = { phase: 'waiting', startedAt: 0, tokenSeenAt: 5, notice: null };
    expect(loginNotice(seen, 'en')).toBe('Signed in, capturing the account…');
    expect(loginNotice(seen, 'zh-CN')).toBe('已登录，正在读取账号……');
    expect(loginNoticeId({ phase: 'validating', startedAt: 0, credential: CREDENTIAL })).toBe('validating');
    expect(loginNoticeId({ phase: 'succeeded', credential: CREDENTIAL })).toBe('saved');
    expect(loginNotice({ phase: 'failed', error: { code: 'login_timeout', message: 'timed out' } }, 'zh-CN')).toBe('登录未完成');
  });

  it('a guest warning ends when the page holds nothing again', () => {
    const guest: CaptureResult = { status: 'rejected', reason: 'guest_token', message: 'This is a guest session.' };
    const asGuest = reduceLogin(startLogin(0), { type: 'snapshot', result: guest }, 10, options);
    const after = reduceLogin(asGuest, { type: 'snapshot', result: { status: 'pending', reason: 'no_token' } }, 20, options);
    expect(loginNoticeId(after)).toBe('waiting');
  });
});
