/**
 * What the login window itself says (its title bar) while a login runs, in the app's language
 * (settings.ui.language). One table holds both languages side by side, so a notice cannot exist
 * in one and be missing in the other.
 */
import type { Language } from '../../shared/domain/settings';
import type { LoginState } from './login-flow';

export const LOGIN_NOTICE_IDS = ['waiting', 'signed_in', 'guest', 'malformed', 'validating', 'saved', 'failed'] as const;
export type LoginNoticeId = (typeof LOGIN_NOTICE_IDS)[number];

export const LOGIN_NOTICES: Record<LoginNoticeId, Record<Language, string>> = {
  waiting: {
    en: 'Log in to MiniMax in this window',
    'zh-CN': '请在此窗口中登录 MiniMax',
  },
  signed_in: {
    en: 'Signed in, capturing the account…',
    'zh-CN': '已登录，正在读取账号……',
  },
  guest: {
    en: 'This is a guest session: log in with your MiniMax account',
    'zh-CN': '当前是访客会话：请用你的 MiniMax 账号登录',
  },
  malformed: {
    en: 'The site holds no usable login yet: log in again',
    'zh-CN': '网站尚未保存可用的登录信息：请重新登录',
  },
  validating: {
    en: 'Logged in. Checking the account with MiniMax…',
    'zh-CN': '已登录，正在向 MiniMax 核对账号……',
  },
  saved: {
    en: 'Account saved',
    'zh-CN': '账号已保存',
  },
  failed: {
    en: 'The login did not finish',
    'zh-CN': '登录未完成',
  },
};

export function loginNoticeId(state: LoginState): LoginNoticeId {
  switch (state.phase) {
    case 'waiting':
      if (state.noticeReason === 'guest_token') return 'guest';
      if (state.noticeReason === 'malformed' || state.notice) return 'malformed';
      return state.tokenSeenAt === null ? 'waiting' : 'signed_in';
    case 'validating':
      return 'validating';
    case 'succeeded':
      return 'saved';
    case 'failed':
      return 'failed';
  }
}

/** The window's text for this state, in `language`. */
export function loginNotice(state: LoginState, language: Language): string {
  return LOGIN_NOTICES[loginNoticeId(state)][language];
}
