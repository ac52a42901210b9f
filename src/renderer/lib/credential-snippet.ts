import type { Region } from '../../shared/domain/account';

/** The MiniMax Agent site of each region, where a user logs in to get a credential. */
export const AGENT_SITES: Record<Region, string> = {
  cn: 'https://agent.minimaxi.com',
  intl: 'https://agent.minimax.io',
};

/**
 * One line for the browser console on the agent site: copies the token, the realUserID (from the
 * `user_detail_agent` entry, `id` as fallback) and the page's cookies as one JSON object, which
 * the import box takes as it is. `copy()` is the console's own clipboard helper.
 */
export const CREDENTIAL_SNIPPET =
  "(()=>{const u=JSON.parse(localStorage.getItem('user_detail_agent')||'{}');" +
  "copy(JSON.stringify({realUserID:String(u.realUserID??u.id??''),token:localStorage.getItem('_token'),cookie:document.cookie}))})()";
