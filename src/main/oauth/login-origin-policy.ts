/**
 * What the login window trusts. The window shows remote content, and the credential it captures
 * decides whose account the user's prompts go to, so:
 * - the token is read only from the configured agent origins (https; plain http only for the
 *   configured override, e.g. the simulator on loopback);
 * - plain-http navigation is refused, except to those same origins;
 * - popups open (in the same session) only for the sign-in hosts the site needs, such as Google
 *   OAuth on the international host (protocol doc §10.3); other links go to the system browser.
 * Pure and Electron-free: the desktop window only asks these questions.
 */

export interface LoginOriginInput {
  /** The configured base URLs of both regions (settings). */
  baseUrls: readonly string[];
  /** `MINIMAX_RELAY_AGENT_URL`, the one origin allowed over plain http. */
  override: string | null;
}

export type LinkDecision = 'allow' | 'external' | 'block';

export interface LoginOriginPolicy {
  /** Origins whose local storage and cookies may become a credential. */
  readonly agentOrigins: readonly string[];
  canCapture(pageUrl: string): boolean;
  /** A top-level navigation or redirect in the login window. */
  navigation(url: string): LinkDecision;
  /** `window.open` from the page: 'allow' opens a popup in the same session. */
  popup(url: string): LinkDecision;
}

/** Hosts that sign a user in to the agent site in a popup or redirect (exact names). */
export const SIGN_IN_HOSTS: readonly string[] = ['accounts.google.com', 'accounts.youtube.com'];
/** The agent sites' own domains: their login paths (e.g. `/unified-login`) may live on a sibling host. */
export const AGENT_DOMAINS: readonly string[] = ['minimaxi.com', 'minimax.io'];

/** Only http(s) URLs: a `blob:` or `filesystem:` URL reports its creator's origin but is not a page of it. */
function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

function originOf(url: string | null): string | null {
  return (url ? parse(url.trim()) : null)?.origin ?? null;
}

function isSignInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SIGN_IN_HOSTS.includes(host) || AGENT_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export function createLoginOriginPolicy(input: LoginOriginInput): LoginOriginPolicy {
  const override = originOf(input.override);
  const configured = input.baseUrls.map(originOf).filter((origin): origin is string => origin !== null);
  const agentOrigins = [...new Set([...configured.filter((origin) => origin.startsWith('https:')), ...(override ? [override] : [])])];

  function classify(url: string, allowSignIn: boolean): LinkDecision {
    const parsed = parse(url);
    if (!parsed || parsed.username !== '' || parsed.password !== '') return 'block';
    if (agentOrigins.includes(parsed.origin)) return 'allow';
    // Plain http anywhere else is refused outright: not even the system browser gets it from here.
    if (parsed.protocol !== 'https:') return 'block';
    return allowSignIn && isSignInHost(parsed.hostname) ? 'allow' : 'external';
  }

  return {
    agentOrigins,
    canCapture(pageUrl) {
      const parsed = parse(pageUrl);
      return parsed !== null && agentOrigins.includes(parsed.origin);
    },
    navigation: (url) => classify(url, true),
    popup: (url) => classify(url, true),
  };
}
