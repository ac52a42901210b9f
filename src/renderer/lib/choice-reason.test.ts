import { describe, expect, it } from 'vitest';
import type { ChoiceReasonPart } from '../../shared/domain/request-log';
import { createTranslator } from './i18n';
import { choiceReasonText } from './choice-reason';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

const fallback: ChoiceReasonPart[] = [
  { code: 'least_busy', params: { busy: 0, max: 2 } },
  { code: 'credits_left', params: { remaining: 120 } },
  { code: 'only_healthy', params: {} },
  { code: 'provider_fallback', params: { provider: 'minimax-open', preferred: 'minimax-agent' } },
];

describe('choiceReasonText', () => {
  it('says the failover reason in English from its codes', () => {
    expect(choiceReasonText(en, { reason: 'ignored', reasonParts: fallback })).toBe(
      'least busy (0 of 2 busy), 120 credits left, only healthy account, fallback to MiniMax Open Platform (API key) (no MiniMax Agent (web) account free)',
    );
  });

  it('says the same reason in Chinese, with Chinese punctuation and no English words of its own', () => {
    const text = choiceReasonText(zh, { reason: 'least busy (0 of 2)', reasonParts: fallback });
    expect(text).toBe('最空闲（2 个并发中 0 个忙碌），剩余 120 积分，唯一可用的账号，回退到 MiniMax 开放平台（API 密钥）（没有空闲的 MiniMax Agent（网页账号） 账号）');
    expect(text).not.toMatch(/least|busy|credits|fallback|only/);
    expect(text).not.toMatch(/[\u4e00-\u9fff][,;:](\s|$)/);
  });

  it('names the alias an account is pinned by, in both languages', () => {
    const parts: ChoiceReasonPart[] = [{ code: 'pinned_alias', params: { alias: 'gpt-*' } }];
    expect(choiceReasonText(en, { reason: '', reasonParts: parts })).toBe('only account pinned by alias gpt-*');
    expect(choiceReasonText(zh, { reason: '', reasonParts: parts })).toBe('别名 gpt-* 固定的唯一账号');
    expect(choiceReasonText(zh, { reason: '', reasonParts: [{ code: 'pinned_request', params: {} }] })).toBe('请求固定的唯一账号');
    expect(choiceReasonText(zh, { reason: '', reasonParts: [{ code: 'credits_unknown', params: {} }] })).toBe('积分未知');
  });

  it('shows the relay text as it is for an entry logged without codes', () => {
    expect(choiceReasonText(zh, { reason: 'least busy (1 of 1)' })).toBe('least busy (1 of 1)');
  });
});
