import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { estimateTokens, prefixWithinTokens, estimateRaw } from './token-estimate';

const CHINESE = [
  '本项目把多个账号变成一个本地的接口服务，客户端可以像调用官方接口一样发送请求。每个请求都会先排队，再分配给当前空闲的账号；如果某个账号暂时不可用，系统会自动换另一个账号重试，并在日志中记录原因。',
  '为了保护用户的数据，所有凭据都加密保存在本机，日志里不会出现任何令牌。管理界面只接受来自本机的请求，并且需要单独的管理令牌才能访问。若连续多次输入错误的令牌，系统会暂时拒绝新的尝试。',
  '今天下午我们讨论了新版本的发布计划。大家一致认为，应当先修复已知的问题，再增加新的功能。测试团队会在周五之前完成回归测试，然后由产品经理决定具体的上线时间。',
  '长江是中国最长的河流，全长约六千三百公里，流经十一个省级行政区，最后在上海注入东海。长江流域人口众多，经济发达，是中国重要的农业和工业基地之一。',
];

const ENGLISH = [
  'The relay turns your accounts into a local API that speaks the OpenAI, Anthropic and Gemini protocols. Each request waits in a queue until an account is free; when an account fails, the next one is tried and the reason is written to the request log.',
  'Credentials are encrypted at rest and never appear in a log line. The management interface answers only requests from this machine, and it wants its own token: after too many wrong tokens, further attempts are refused for a while.',
  'Yesterday afternoon we went through the release plan for the next version. Everyone agreed that known problems should be fixed before new features are added, and that the testers will finish the regression run by Friday.',
  'The Yangtze is the longest river in China, about 6,300 kilometres long. It flows through eleven provinces and reaches the East China Sea at Shanghai; its basin is home to a large share of the population.',
];

function ratios(samples: string[]): { total: number; worst: number } {
  let estimated = 0;
  let counted = 0;
  let worst = 0;
  for (const text of samples) {
    const e = estimateTokens(text);
    const c = countTokens(text);
    estimated += e;
    counted += c;
    worst = Math.max(worst, Math.abs(e / c - 1));
  }
  return { total: estimated / counted, worst };
}

describe('estimateTokens', () => {
  it('is within 15 % of the o200k tokenizer on Chinese prose (each paragraph within 25 %)', () => {
    const { total, worst } = ratios(CHINESE);
    expect(total).toBeGreaterThan(0.85);
    expect(total).toBeLessThan(1.15);
    expect(worst).toBeLessThan(0.25);
  });

  it('is within 15 % of the o200k tokenizer on English prose (each paragraph within 25 %)', () => {
    const { total, worst } = ratios(ENGLISH);
    expect(total).toBeGreaterThan(0.85);
    expect(total).toBeLessThan(1.15);
    expect(worst).toBeLessThan(0.25);
  });

  it('counts nothing as 0 and any text as at least 1', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens(' ')).toBe(1);
    expect(estimateTokens('hello')).toBe(1);
  });

  it('prices pathological runs proportionally to their length (a linear scan)', () => {
    const letters = 'a'.repeat(1 << 20);
    expect(estimateTokens(letters)).toBeGreaterThan(100_000);
    expect(estimateTokens(letters)).toBeLessThan(300_000);
    const chinese = '汉'.repeat(40_000);
    expect(estimateTokens(chinese)).toBeGreaterThan(20_000);
    expect(estimateTokens(chinese)).toBeLessThan(40_000);
  });
});

describe('prefixWithinTokens', () => {
  it('finds the longest prefix within a budget and never splits a surrogate pair', () => {
    const text = 'one two three four five';
    const end = prefixWithinTokens(text, 3);
    expect(text.slice(0, end).trim()).toBe('one two three');
    expect(prefixWithinTokens(text, 100)).toBe(text.length);
    expect(prefixWithinTokens(text, 0)).toBe(0);
    const emoji = '😀😀😀😀';
    const cut = prefixWithinTokens(emoji, 2.5);
    expect(cut % 2).toBe(0);
    expect(estimateRaw(emoji.slice(0, cut))).toBeLessThanOrEqual(2.5);
  });
});
