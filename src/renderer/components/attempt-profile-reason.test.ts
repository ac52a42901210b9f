import { describe, expect, it } from 'vitest';
import type { ProfileAttempt } from '../../shared/domain/request-log';
import { createTranslator, errorTitleFor } from '../lib/i18n';
import { profileReasonText } from './AttemptProfiles';

const zh = createTranslator('zh-CN');
const zhTitle = (code: Parameters<typeof errorTitleFor>[1]) => errorTitleFor('zh-CN', code);

describe('profileReasonText', () => {
  it('renders coded reasons from the locale, in both languages', () => {
    const skipped: ProfileAttempt = { profile: 'p', outcome: 'skipped', httpStatus: null, reason: 'refused 5 min ago; re-probed at most once a day', reasonCode: 'refused_recently', reasonParams: { minutes: 5 } };
    expect(profileReasonText(skipped, zh, zhTitle)).toBe('5 分钟前被拒绝；每天最多重新探测一次');
    expect(profileReasonText(skipped, createTranslator('en'), (c) => errorTitleFor('en', c))).toBe('refused 5 min ago; re-probed at most once a day');
    expect(profileReasonText({ ...skipped, reasonCode: 'no_cookies', reasonParams: undefined }, zh, zhTitle)).toBe('此账号未保存浏览器 Cookie');
  });

  it('shows a failure by its translated error title and leaves other reasons as given', () => {
    const failed: ProfileAttempt = { profile: 'p', outcome: 'failed', httpStatus: 502, reason: 'upstream_unavailable' };
    expect(profileReasonText(failed, zh, zhTitle)).toBe(errorTitleFor('zh-CN', 'upstream_unavailable'));
    const refused: ProfileAttempt = { profile: 'p', outcome: 'refused', httpStatus: 401, reason: 'HTTP 401' };
    expect(profileReasonText(refused, zh, zhTitle)).toBe('HTTP 401');
  });

  it('says "HTTP 401, empty body" of a refused profile in the UI language', () => {
    const refused: ProfileAttempt = { profile: 'p', outcome: 'refused', httpStatus: 401, reason: 'HTTP 401, empty body', reasonCode: 'http_refused_body', reasonParams: { status: 401, body: 'empty' } };
    expect(profileReasonText(refused, zh, zhTitle)).toBe('HTTP 401，响应体为空');
    expect(profileReasonText(refused, createTranslator('en'), (c) => errorTitleFor('en', c))).toBe('HTTP 401, empty body');
    expect(profileReasonText({ ...refused, reasonCode: 'upstream_code', reasonParams: { code: 1004 } }, zh, zhTitle)).toBe('上游代码 1004');
  });
});
