import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { LANGUAGES } from '../../shared/domain/settings';
import { en } from '../locales/en';
import { zhCN } from '../locales/zh-cn';
import { errorTitleFor, nextStepFor, translate } from './i18n';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'acc.importSummary', { created: 2, updated: 0, failed: 1 })).toBe('2 added, 0 updated, 1 failed');
    expect(translate('zh-CN', 'acc.importSummary', { created: 2, updated: 0, failed: 1 })).toBe('新增 2，更新 0，失败 1');
    expect(translate('en', 'error.code', {})).toBe('Error {code}');
  });

  it('has a non-empty string for every key in both languages, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key].length, key).toBeGreaterThan(0);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });

  it('has a next step for every error code in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of ERROR_CODES) expect(nextStepFor(language, code).length, `${language} ${code}`).toBeGreaterThan(3);
    }
    expect(nextStepFor('en', 'upstream_auth_expired')).toBe('Log in again.');
    expect(nextStepFor('en', 'relay_stopped')).toMatch(/^Start the relay/);
    expect(nextStepFor('en', 'no_account')).toMatch(/^Add another account/);
  });

  it('has a title for every error code in every language, Chinese with Chinese punctuation', () => {
    for (const language of LANGUAGES) {
      for (const code of ERROR_CODES) expect(errorTitleFor(language, code).length, `${language} ${code}`).toBeGreaterThan(3);
    }
    for (const code of ERROR_CODES) {
      expect(errorTitleFor('zh-CN', code), code).toMatch(/。$/);
      expect(errorTitleFor('zh-CN', code), code).not.toMatch(/[,;:?!]\s|\.$/);
      expect(nextStepFor('zh-CN', code), code).toMatch(/[。）]$/);
    }
  });

  it('writes Chinese strings with Chinese punctuation between Chinese words', () => {
    for (const [key, value] of Object.entries(zhCN)) {
      // An ASCII comma, semicolon, colon or full stop right after a Chinese character is mixed punctuation.
      expect(value, key).not.toMatch(/[\u4e00-\u9fff][,;:.!?](\s|$)/);
    }
  });
});

