import { describe, expect, it } from 'vitest';
import { PROGRESS_STEPS, type ProgressEvent, type ProgressStep } from '../../shared/contract';
import type { Language } from '../../shared/domain/settings';
import { createTranslator, errorTitleFor } from './i18n';
import { progressText } from './progress-text';

const PARAMS: Record<ProgressStep, ProgressEvent['params']> = {
  import_checked: { done: 2, total: 5 },
  validate_checked: { label: 'work' },
  cleanup_deleted: { done: 3, total: 9 },
  login_waiting: undefined,
  login_rejected: { detail: 'x' },
  login_guest: undefined,
  login_validating: undefined,
  login_saved: undefined,
  login_failed: { code: 'login_timeout' },
  restore_opening: undefined,
  restore_done: { accounts: 2, mappings: 1, apiKeys: 0 },
};

function event(step: ProgressStep | undefined, params?: ProgressEvent['params']): ProgressEvent {
  return { taskId: 't', kind: 'import', done: 1, total: 2, message: 'SERVER ENGLISH', ...(step ? { step } : {}), ...(params ? { params } : {}) };
}

function textIn(language: Language, e: ProgressEvent): string {
  return progressText(e, createTranslator(language), (code) => errorTitleFor(language, code));
}

describe('progressText', () => {
  it.each(['en', 'zh-CN'] as const)('renders every step from the %s locale with its params filled in', (language) => {
    for (const step of PROGRESS_STEPS) {
      const text = textIn(language, event(step, PARAMS[step]));
      expect(text, step).not.toContain('SERVER ENGLISH');
      expect(text, step).not.toMatch(/\{\w+\}/);
      expect(text, step).not.toContain('progress.step.');
    }
  });

  it('reads Chinese in the Chinese UI', () => {
    expect(textIn('zh-CN', event('cleanup_deleted', { done: 3, total: 9 }))).toBe('已删除 3 / 9 个对话');
    expect(textIn('zh-CN', event('login_saved'))).toBe('账号已保存。');
    expect(textIn('en', event('import_checked', { done: 2, total: 5 }))).toBe('Checked 2 of 5');
  });

  it('shows a failed login by the translated title of its error code', () => {
    expect(textIn('zh-CN', event('login_failed', { code: 'login_timeout' }))).toBe(`登录失败：${errorTitleFor('zh-CN', 'login_timeout')}`);
    expect(textIn('en', event('login_failed', { code: 'login_timeout' }))).toBe(`Login failed: ${errorTitleFor('en', 'login_timeout')}`);
  });

  it('falls back to the server message without a step, with an unknown step or an unknown error code', () => {
    expect(textIn('zh-CN', event(undefined))).toBe('SERVER ENGLISH');
    expect(textIn('zh-CN', { ...event(undefined), step: 'from_a_newer_server' as ProgressStep })).toBe('SERVER ENGLISH');
    expect(textIn('zh-CN', event('login_failed', { code: 'not_a_code' }))).toBe('SERVER ENGLISH');
  });
});
