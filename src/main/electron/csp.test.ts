import { describe, expect, it } from 'vitest';
import { toContentSecurityPolicy } from './csp';

describe('toContentSecurityPolicy', () => {
  it('allows only our own scripts in the packaged app', () => {
    const csp = toContentSecurityPolicy({ dev: false });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets the dev server connect its websocket only in dev', () => {
    const csp = toContentSecurityPolicy({ dev: true, devServerOrigin: 'http://localhost:5173' });
    expect(csp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
  });
});
