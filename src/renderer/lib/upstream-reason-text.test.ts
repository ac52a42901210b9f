import { describe, expect, it } from 'vitest';
import { UPSTREAM_REASON_CODES, reasonDetail, reasonFromDetail } from '../../shared/domain/upstream-reason';
import { en } from '../locales/en';
import { zhCN } from '../locales/zh-cn';
import { createTranslator } from './i18n';
import { upstreamReasonText } from './upstream-reason-text';

const enT = createTranslator('en');
const zhT = createTranslator('zh-CN');

describe('upstream reasons in the UI language', () => {
  it('has every reason code in both languages', () => {
    for (const code of UPSTREAM_REASON_CODES) {
      const key = `reason.${code}` as keyof typeof en;
      expect(en[key], code).toBeTruthy();
      expect(zhCN[key], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says "HTTP 401, empty body" in Chinese, with the body named in Chinese', () => {
    const text = upstreamReasonText(zhT, 'agent_token_refused', { status: 401, body: 'empty' }, 'MiniMax refused the token');
    expect(text).toContain('HTTP 401');
    expect(text).toContain('响应体为空');
    expect(text).not.toMatch(/refused|empty/);
    expect(upstreamReasonText(enT, 'agent_token_refused', { status: 401, body: 'empty' }, 'x')).toContain('HTTP 401, empty body');
  });

  it('names the region in the UI language', () => {
    expect(upstreamReasonText(zhT, 'open_wrong_region', { region: 'intl' }, 'x')).toContain('国际区');
    expect(upstreamReasonText(enT, 'open_wrong_region', { region: 'cn' }, 'x')).toContain('China (api.minimaxi.com)');
  });

  it('falls back to the raw text for an unknown or missing code', () => {
    expect(upstreamReasonText(zhT, 'from_a_newer_version', {}, 'Raw upstream words')).toBe('Raw upstream words');
    expect(upstreamReasonText(zhT, null, null, 'Raw upstream words')).toBe('Raw upstream words');
  });

  it('reads the reason from an error detail (import and validate results)', () => {
    const text = (detail: Record<string, unknown>, fallback: string) => {
      const reason = reasonFromDetail(detail);
      return upstreamReasonText(zhT, reason?.code, reason?.params, fallback);
    };
    expect(text({ endpoint: '/p' }, 'Raw')).toBe('Raw');
    expect(text(reasonDetail('agent_busy'), 'only one output at a time')).toBe(zhCN['reason.agent_busy']);
    expect(text(reasonDetail('agent_cloudflare', { status: 403 }), 'x')).toContain('Cloudflare');
  });

  it('says why no account served, with the scope named in the UI language', () => {
    expect(upstreamReasonText(zhT, 'pool_none_usable', { scope: 'pinned' }, 'x')).toContain('没有账号能处理此请求（该别名固定使用一个账号）：');
    expect(upstreamReasonText(zhT, 'pool_none_usable', { scope: 'all' }, 'x')).toContain('没有账号能处理此请求：');
    expect(upstreamReasonText(enT, 'pool_queue_timeout', { seconds: 120 }, 'x')).toBe('No account became free within 120 s.');
  });
});
