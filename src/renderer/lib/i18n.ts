/**
 * Typed dictionaries for English and Simplified Chinese. `MessageKey` comes from the English
 * dictionary and the Chinese one is a Record over it, so a key missing in either fails to compile.
 */
import type { Language } from '../../shared/domain/settings';
import type { ErrorCode } from '../../shared/errors';
import { en, type MessageKey } from '../locales/en';
import { ERROR_TITLES } from '../locales/error-titles';
import { NEXT_STEPS } from '../locales/next-steps';
import { zhCN } from '../locales/zh-cn';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = DICTIONARIES[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function createTranslator(language: Language): Translate {
  return (key, vars) => translate(language, key, vars);
}

export function nextStepFor(language: Language, code: ErrorCode): string {
  return NEXT_STEPS[language][code];
}

export function errorTitleFor(language: Language, code: ErrorCode): string {
  return ERROR_TITLES[language][code];
}
