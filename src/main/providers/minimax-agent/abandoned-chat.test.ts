import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import { silentLogger } from '../../logs/types';
import type { ProviderAccount } from '../types';
import { endAbandonedChat, tryRemoveChat, type AbandonDeps } from './abandoned-chat';
import { createMemoryChatLedger } from './ledger';
import { PATHS } from './protocol';
import type { CallIdentity } from './request';

const account = { id: 'a1', label: 'a', region: 'intl', baseUrl: 'http://sim', credential: { kind: 'minimax-agent', token: 't', realUserId: '1' } } as ProviderAccount;
const identity = {} as CallIdentity;
const running = () => new RelayError('upstream_protocol', 'refused', { upstreamMessage: 'chat is running' });

function deps(answers: Record<string, (() => unknown)[]>) {
  let now = 0;
  const calls: string[] = [];
  const ledger = createMemoryChatLedger();
  ledger.add('a1', 7);
  const enqueued: number[] = [];
  const d: AbandonDeps = {
    http: {
      call: async (_identity: CallIdentity, request: { path: string }) => {
        calls.push(request.path);
        const next = answers[request.path]?.shift();
        const value = next?.();
        if (value instanceof Error) throw value;
        return {};
      },
    } as unknown as AbandonDeps['http'],
    devices: { identify: async () => identity, forget: () => undefined } as unknown as AbandonDeps['devices'],
    ledger,
    sleep: async (ms) => void (now += ms),
    logger: silentLogger,
    now: () => now,
    enqueue: (chat) => void enqueued.push(chat.chatId),
  };
  return { d, calls, ledger, enqueued };
}

describe('endAbandonedChat', () => {
  it('stops the run (a 404 is tolerated) and deletes once the chat has ended', async () => {
    const { d, calls, ledger, enqueued } = deps({
      [PATHS.stopRun]: [() => new RelayError('upstream_unavailable', 'HTTP 404')],
      [PATHS.deleteChat]: [running, running, () => ({})],
    });
    await endAbandonedChat(d, { account, chatId: 7 }, identity, { cleanup: true, holdMs: 60_000 });
    expect(calls).toEqual([PATHS.stopRun, PATHS.deleteChat, PATHS.deleteChat, PATHS.deleteChat]);
    expect(ledger.list('a1')).toEqual([]);
    expect(enqueued).toEqual([]);
  });

  it('hands a chat that keeps running past the hold to the durable queue, and only stops it when cleanup is off', async () => {
    const { d, enqueued, ledger } = deps({ [PATHS.deleteChat]: Array(20).fill(running) });
    await endAbandonedChat(d, { account, chatId: 7 }, identity, { cleanup: true, holdMs: 3_000 });
    expect(enqueued).toEqual([7]);
    expect(ledger.list('a1')).toEqual([7]);
    const off = deps({});
    await endAbandonedChat(off.d, { account, chatId: 7 }, identity, { cleanup: false, holdMs: 3_000 });
    expect(off.calls).toEqual([PATHS.stopRun]);
  });
});

describe('tryRemoveChat', () => {
  it('answers gone, retry (stopping again) or drop for an expired credential', async () => {
    expect(await tryRemoveChat(deps({}).d, { account, chatId: 7 })).toBe('gone');
    const again = deps({ [PATHS.deleteChat]: [running] });
    expect(await tryRemoveChat(again.d, { account, chatId: 7 })).toBe('retry');
    expect(again.calls).toEqual([PATHS.deleteChat, PATHS.stopRun]);
    const expired = deps({ [PATHS.deleteChat]: [() => new RelayError('upstream_auth_expired', 'expired')] });
    expect(await tryRemoveChat(expired.d, { account, chatId: 7 })).toBe('drop');
  });
});
