import { describe, expect, it } from 'vitest';
import { createLoginOriginPolicy } from './login-origin-policy';

const official = createLoginOriginPolicy({ baseUrls: ['https://agent.minimaxi.com', 'https://agent.minimax.io/'], override: null });
const simulator = createLoginOriginPolicy({ baseUrls: ['https://agent.minimaxi.com', 'https://agent.minimax.io'], override: 'http://127.0.0.1:40123' });

describe('login origin policy: capture', () => {
  it('captures only on the configured agent origins', () => {
    expect(official.canCapture('https://agent.minimaxi.com/chat?x=1')).toBe(true);
    expect(official.canCapture('https://agent.minimax.io/')).toBe(true);
  });

  it('refuses a foreign origin that could plant its own token', () => {
    for (const url of [
      'https://evil.example/',
      'https://agent.minimaxi.com.evil.example/',
      'https://evil.example/https://agent.minimaxi.com/',
      'http://agent.minimaxi.com/',
      'https://agent.minimaxi.com:8443/',
      'https://accounts.google.com/',
      'about:blank',
      'blob:https://agent.minimaxi.com/0c2d',
      'filesystem:https://agent.minimaxi.com/temporary/x',
      'data:text/html,<b>x</b>',
      'not a url',
    ]) {
      expect(official.canCapture(url), url).toBe(false);
    }
  });

  it('allows plain http only for the configured override origin', () => {
    expect(simulator.canCapture('http://127.0.0.1:40123/')).toBe(true);
    expect(simulator.canCapture('http://127.0.0.1:40124/')).toBe(false);
    expect(simulator.canCapture('http://localhost:40123/')).toBe(false);
  });

  it('never trusts a configured base URL over plain http unless it is the override', () => {
    const policy = createLoginOriginPolicy({ baseUrls: ['http://agent.minimaxi.com', 'https://agent.minimax.io'], override: null });
    expect(policy.agentOrigins).toEqual(['https://agent.minimax.io']);
    expect(policy.canCapture('http://agent.minimaxi.com/')).toBe(false);
  });
});

describe('login origin policy: navigation and popups', () => {
  it('lets the sign-in flow through: agent origins, the agent domains and Google accounts', () => {
    expect(official.navigation('https://agent.minimax.io/unified-login')).toBe('allow');
    expect(official.navigation('https://www.minimaxi.com/login')).toBe('allow');
    expect(official.popup('https://accounts.google.com/o/oauth2/v2/auth?client_id=x')).toBe('allow');
    expect(official.popup('https://agent.minimax.io/unified-login')).toBe('allow');
  });

  it('sends other https pages to the system browser', () => {
    expect(official.popup('https://evil.example/phish')).toBe('external');
    expect(official.popup('https://google.com.evil.example/')).toBe('external');
    expect(official.navigation('https://docs.example.com/terms')).toBe('external');
  });

  it('refuses plain http, other schemes and URLs with credentials', () => {
    expect(official.navigation('http://agent.minimaxi.com/')).toBe('block');
    expect(official.popup('http://accounts.google.com/')).toBe('block');
    expect(official.navigation('file:///etc/passwd')).toBe('block');
    expect(official.popup('javascript:alert(1)')).toBe('block');
    expect(official.navigation('blob:https://agent.minimaxi.com/0c2d')).toBe('block');
    expect(official.navigation('https://user:pw@agent.minimaxi.com/')).toBe('block');
    expect(simulator.navigation('http://127.0.0.1:40123/')).toBe('allow');
    expect(simulator.navigation('http://127.0.0.1:9/')).toBe('block');
  });
});
