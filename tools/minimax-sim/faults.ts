import type { FaultEndpoint, FaultInput } from './types';

interface ArmedFault extends FaultInput {
  remaining: number;
}

export interface FaultQueue {
  inject(fault: FaultInput): void;
  clear(): void;
  /** Consumes and returns the first fault matching this request, if any (null endpoint: only 'any' faults). */
  take(endpoint: FaultEndpoint | null, realUserId: string | null): FaultInput | undefined;
}

export function createFaultQueue(): FaultQueue {
  let faults: ArmedFault[] = [];
  return {
    inject(fault) {
      faults.push({ ...fault, remaining: Math.max(1, fault.count ?? 1) });
    },
    clear() {
      faults = [];
    },
    take(endpoint, realUserId) {
      const found = faults.find(
        (f) => (f.endpoint === 'any' || f.endpoint === endpoint) && (f.realUserId === undefined || f.realUserId === realUserId),
      );
      if (!found) return undefined;
      found.remaining -= 1;
      if (found.remaining <= 0) faults = faults.filter((f) => f !== found);
      const { remaining: _remaining, ...fault } = found;
      return fault;
    },
  };
}

/** What the Cloudflare bot check in front of the real site answers (JMJAJ README: HTTP 403 HTML). */
export const CLOUDFLARE_HTML = `<!DOCTYPE html>
<html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">agent.minimaxi.com</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
</div></div><div class="footer" role="contentinfo">Performance &amp; security by Cloudflare</div></body></html>`;
