import { describe, expect, it } from 'vitest';
import type { ProviderAccount } from '../providers/types';
import { createChromiumTransport } from './chromium-transport';

const STORED_ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

function fakeSessions() {
  const prepared: { id: string; baseUrl: string; cookies?: string }[] = [];
  const sent: { input: string; init: (RequestInit & { credentials?: string }) | undefined }[] = [];
  const target = {
    fetch: async (input: string, init?: RequestInit) => {
      sent.push({ input, init });
      return new Response('ok');
    },
  };
  return { prepared, sent, sessions: { prepare: async (account: { id: string; baseUrl: string; cookies?: string }) => (prepared.push(account), target as never) } };
}

const account = (id: string, cookies?: string): ProviderAccount => ({
  id,
  label: 'a',
  region: 'cn',
  baseUrl: 'https://agent.minimaxi.com',
  credential: { kind: 'minimax-agent', token: 't', realUserId: '1', ...(cookies ? { cookies } : {}) },
});

describe('chromium transport', () => {
  it('sends through the account session with its cookie jar, never a hand-made Cookie header', async () => {
    const fake = fakeSessions();
    const transport = createChromiumTransport(fake.sessions);
    expect(transport.kind).toBe('chromium');
    const fetch = transport.fetchFor(account(STORED_ID, 'sid=1'));
    await fetch('https://agent.minimaxi.com/v1/api/user/info', { headers: { cookie: 'sid=stale', token: 't' } });
    await fetch('https://agent.minimaxi.com/matrix/api/v1/chat/send_msg', { method: 'POST', body: '{}' });
    expect(fake.prepared).toEqual([
      { id: STORED_ID, baseUrl: 'https://agent.minimaxi.com', cookies: 'sid=1' },
      { id: STORED_ID, baseUrl: 'https://agent.minimaxi.com', cookies: 'sid=1' },
    ]);
    const headers = new Headers(fake.sent[0]?.init?.headers);
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('token')).toBe('t');
    expect(fake.sent.map((s) => s.init?.credentials)).toEqual(['include', 'include']);
    expect(fake.sent[1]?.init).toMatchObject({ method: 'POST', body: '{}' });
  });

  it('prepares one throw-away session for all calls of a one-off check', async () => {
    const fake = fakeSessions();
    const fetch = createChromiumTransport(fake.sessions).fetchFor(account('import-1'));
    await fetch('https://agent.minimaxi.com/a');
    await fetch('https://agent.minimaxi.com/b');
    expect(fake.prepared).toHaveLength(1);
    expect(fake.prepared[0]).toEqual({ id: 'import-1', baseUrl: 'https://agent.minimaxi.com' });
  });
});
