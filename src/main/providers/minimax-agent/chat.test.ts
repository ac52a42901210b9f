import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../../relay/canonical';
import type { ProviderChatOptions } from '../types';
import { MAX_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS } from './cadence';
import { ACCOUNT, TOKEN, baseError, createFakeUpstream, detail, json } from './__test__/fake-upstream';
import { createMinimaxAgentProvider } from './index';
import { createMemoryChatLedger } from './ledger';
import { computeXSignature, computeYy } from './signing';

const REQUEST: CanonicalRequest = {
  id: 'r1',
  dialect: 'openai',
  model: 'MiniMax-M2.7',
  messages: [
    { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
    { role: 'user', content: [{ type: 'text', text: '你好' }] },
  ],
  stream: true,
};

function setup() {
  const upstream = createFakeUpstream();
  const ledger = createMemoryChatLedger();
  const provider = createMinimaxAgentProvider({
    fetch: upstream.fetch,
    now: upstream.now,
    sleep: upstream.sleep,
    settings: () => ({ signatureVariant: 'secret' }),
    chatLedger: ledger,
  });
  return { upstream, ledger, provider };
}

function options(overrides: Partial<ProviderChatOptions> = {}): ProviderChatOptions {
  return {
    account: ACCOUNT,
    model: { id: 'MiniMax-M2.7', capabilities: { thinking: false, webSearch: false } },
    signal: new AbortController().signal,
    cleanup: true,
    timeoutMs: 60_000,
    ...overrides,
  };
}

async function collect(iterable: AsyncIterable<CanonicalEvent>): Promise<CanonicalEvent[]> {
  const events: CanonicalEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

async function failure(iterable: AsyncIterable<CanonicalEvent>): Promise<RelayError> {
  try {
    await collect(iterable);
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('expected the reply to fail');
}

const SEND = '/matrix/api/v1/chat/send_msg';
const POLL = '/matrix/api/v1/chat/get_chat_detail';
const DELETE = '/matrix/api/v1/chat/delete_chat';

describe('chat', () => {
  it('streams reasoning deltas before the text for a model with the thinking capability', async () => {
    const { upstream, provider } = setup();
    upstream.polls([
      () => detail(1, '', 'Hmm'),
      () => detail(1, 'Hel', 'Hmm.'),
      () => detail(2, 'Hello', 'Hmm.'),
    ]);
    const thinking = options({ model: { id: 'MiniMax-M2.7-Think', capabilities: { thinking: true, webSearch: false } } });
    const events = await collect(provider.chat(REQUEST, thinking));
    expect(events.filter((e) => e.type === 'reasoning' || e.type === 'text')).toEqual([
      { type: 'reasoning', text: 'Hmm' },
      { type: 'reasoning', text: '.' },
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
    ]);
  });

  it('sends the flattened conversation, signed, and streams the text until chat_status 2', async () => {
    const { upstream, provider, ledger } = setup();
    upstream.polls([
      () => detail(1, ''),
      () => detail(1, '', 'Hmm'),
      () => detail(1, 'Hel', 'Hmm.'),
      () => detail(1, 'Hello', 'Hmm.'),
      () => detail(2, 'Hello!', 'Hmm.'),
    ]);
    const events = await collect(provider.chat(REQUEST, options()));
    // MiniMax-M2.7 without -Think: the upstream's thinking is not shown.
    expect(events).toEqual([
      { type: 'upstream', chatId: '7' },
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
      { type: 'text', text: '!' },
      { type: 'upstream', polls: 5 },
      { type: 'finish', reason: 'stop' },
    ]);

    const send = upstream.callsTo(SEND)[0]!;
    const body = JSON.parse(send.body!);
    expect(body).toMatchObject({ msg_type: 1, text: 'system:Be brief.\nuser:你好\nassistant:', chat_type: 1 });
    expect(body.model_option).toEqual({ display_name: 'MiniMax-M2.7', model_type: 502 });
    expect(send.query.get('device_id')).toBe('555');
    expect(send.query.get('user_id')).toBe('42');
    expect(send.headers.Referer).toBe('http://upstream.test/');
    expect(send.headers.Origin).toBe('http://upstream.test');
    const unix = send.query.get('unix')!;
    expect(send.headers['x-timestamp']).toBe(String(Math.floor(Number(unix) / 1000)));
    const rawQuery = new URL(`http://x${send.path}?${send.query}`).search.slice(1);
    expect(send.headers.yy).toBe(computeYy({ fullUri: `${SEND}?${rawQuery}`, body: send.body!, unix }));
    const signed = { variant: 'secret' as const, timestamp: send.headers['x-timestamp']!, token: TOKEN, body: send.body! };
    expect(send.headers['x-signature']).toBe(computeXSignature(signed));
    expect(upstream.callsTo(DELETE)).toHaveLength(1);
    expect(ledger.list(ACCOUNT.id)).toEqual([]);
  });

  it('polls right after the send, fast while text flows, slower while idle, within 200 ms – 1.5 s', async () => {
    const { upstream, provider } = setup();
    const script: (() => Response)[] = [];
    let text = '';
    const grow = (n: number) => {
      for (let i = 0; i < n; i += 1) {
        text += 'x';
        const snapshot = text;
        script.push(() => detail(1, snapshot));
      }
    };
    grow(5);
    const idle = text;
    for (let i = 0; i < 12; i += 1) script.push(() => detail(1, idle));
    grow(5);
    const final = text;
    script.push(() => detail(2, final));
    upstream.polls(script);
    await collect(provider.chat(REQUEST, options({ cleanup: false })));

    const sendAt = upstream.callsTo(SEND)[0]!.at;
    const pollTimes = upstream.callsTo(POLL).map((call) => call.at);
    expect(pollTimes[0]).toBe(sendAt);
    const gaps = pollTimes.slice(1).map((t, i) => t - pollTimes[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS);
      expect(gap).toBeLessThanOrEqual(MAX_POLL_INTERVAL_MS);
    }
    expect(gaps.slice(1, 5)).toEqual([200, 200, 200, 200]);
    expect(Math.max(...gaps)).toBe(MAX_POLL_INTERVAL_MS);
    expect(gaps.slice(-5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('retries transient poll errors (5xx, non-JSON, business code, network) and completes', async () => {
    const { upstream, provider } = setup();
    upstream.polls([
      () => json({ error: 'x' }, 503),
      () => new Response('<html>oops</html>'),
      () => baseError(-1, 'server busy'),
      () => {
        throw new TypeError('fetch failed');
      },
      () => detail(2, 'done'),
    ]);
    const events = await collect(provider.chat(REQUEST, options()));
    expect(events.filter((e) => e.type === 'text')).toEqual([{ type: 'text', text: 'done' }]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('gives up with upstream_unavailable after too many failed polls in a row', async () => {
    const { upstream, provider, ledger } = setup();
    upstream.on(DELETE, () => baseError(1400010180, 'chat is running'));
    upstream.polls([() => json({}, 500)]);
    const error = await failure(provider.chat(REQUEST, options()));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.detail).toMatchObject({ chatId: 7, lastCode: 'upstream_unavailable' });
    expect(ledger.list(ACCOUNT.id)).toEqual([7]);
  });

  it('fails at once with upstream_auth_expired on HTTP 401 or base_resp 2', async () => {
    for (const answer of [() => json({}, 401), () => baseError(2, 'Not authenticated')]) {
      const { upstream, provider } = setup();
      upstream.polls([answer]);
      expect((await failure(provider.chat(REQUEST, options()))).code).toBe('upstream_auth_expired');
      expect(upstream.callsTo(POLL)).toHaveLength(1);
    }
  });

  it('skips malformed polls, and names the wrong field after 5 in a row', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => json({ base_resp: { status_code: 0 }, chat: { chat_status: 'done' }, messages: [] })]);
    const error = await failure(provider.chat(REQUEST, options()));
    expect(error.code).toBe('upstream_protocol');
    expect(error.detail?.field).toBe('chat.chat_status');
    expect(error.message).toContain('5 polls in a row');
    expect(upstream.callsTo(POLL)).toHaveLength(5);
  });

  it('rides out 4 malformed polls in a row and completes', async () => {
    const { upstream, provider } = setup();
    const odd = () => json({ base_resp: { status_code: 0 }, messages: [] });
    upstream.polls([odd, odd, () => detail(1, 'he'), odd, odd, odd, odd, () => detail(2, 'hello')]);
    const events = await collect(provider.chat(REQUEST, options()));
    expect(events.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.text : '')).join('')).toBe('hello');
  });

  it('waits a short grace for content when chat_status 2 arrives before any text', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(2, ''), () => detail(2, ''), () => detail(2, 'late text')]);
    const events = await collect(provider.chat(REQUEST, options()));
    expect(events.find((e) => e.type === 'text')).toEqual({ type: 'text', text: 'late text' });
  });

  it('ends empty once the grace has passed without content', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(2, '')]);
    const events = await collect(provider.chat(REQUEST, options()));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(events.some((e) => e.type === 'text')).toBe(false);
    expect(upstream.callsTo(POLL).length).toBeGreaterThan(1);
  });

  it('ends with finish length when the deadline passes after some text', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(1, 'partial')]);
    const events = await collect(provider.chat(REQUEST, options({ timeoutMs: 5_000 })));
    expect(events.filter((e) => e.type === 'text')).toEqual([{ type: 'text', text: 'partial' }]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('throws timeout when the deadline passes before any text', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(1, '', 'thinking…')]);
    const error = await failure(provider.chat(REQUEST, options({ timeoutMs: 5_000 })));
    expect(error.code).toBe('timeout');
  });

  it('stops polling on abort, and deletes the chat without holding the caller', async () => {
    const { upstream, provider } = setup();
    const controller = new AbortController();
    upstream.polls([() => detail(1, 'a'), () => detail(1, 'ab')]);
    const generator = provider.chat(REQUEST, options({ signal: controller.signal }));
    const seen: CanonicalEvent[] = [];
    const error = await (async () => {
      try {
        for await (const event of generator) {
          seen.push(event);
          if (event.type === 'text') controller.abort();
        }
      } catch (caught) {
        return caught as RelayError;
      }
      return null;
    })();
    expect(error?.code).toBe('aborted');
    expect(upstream.callsTo(POLL)).toHaveLength(1);
    await expect.poll(() => upstream.callsTo(DELETE).length).toBe(1);
  });

  it('stops polling and deletes the chat when the consumer stops reading', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(1, 'a'), () => detail(1, 'ab')]);
    for await (const event of provider.chat(REQUEST, options())) {
      if (event.type === 'text') break;
    }
    expect(upstream.callsTo(POLL)).toHaveLength(1);
    await expect.poll(() => upstream.callsTo(DELETE).length).toBe(1);
  });

  it('ends at once on abort during the send, then deletes the chat the send created', async () => {
    const { upstream, ledger } = setup();
    let answerSend: (response: Response) => void = () => {};
    let sendStarted = false;
    const fetchSend = new Promise<Response>((resolve) => {
      answerSend = resolve;
    });
    const original = upstream.fetch;
    const controller = new AbortController();
    const provider = createMinimaxAgentProvider({
      fetch: (input, init) => {
        if (!String(input).includes(SEND)) return original(input, init);
        sendStarted = true;
        return fetchSend;
      },
      now: upstream.now,
      sleep: upstream.sleep,
      settings: () => ({ signatureVariant: 'secret' }),
      chatLedger: ledger,
    });
    const reply = failure(provider.chat(REQUEST, options({ signal: controller.signal })));
    await expect.poll(() => sendStarted).toBe(true);
    controller.abort();
    expect((await reply).code).toBe('aborted');
    answerSend(json({ chat_id: 99, msg_id: 1, base_resp: { status_code: 0 } }));
    await expect.poll(() => upstream.callsTo(DELETE).map((call) => JSON.parse(call.body!).chat_id)).toEqual([99]);
    expect(upstream.callsTo(POLL)).toHaveLength(0);
    await expect.poll(() => ledger.list(ACCOUNT.id)).toEqual([]);
  });

  it('maps send failures: busy, credits (with reset time), Cloudflare block, unavailable', async () => {
    const cases: [() => Response, string][] = [
      [() => baseError(1400010171, 'a reply is already running'), 'upstream_busy'],
      [() => new Response('<!DOCTYPE html><title>Just a moment...</title>', { status: 403 }), 'upstream_blocked'],
      [() => json({}, 500), 'upstream_unavailable'],
      [() => new Response('not json'), 'upstream_unavailable'],
    ];
    for (const [answer, code] of cases) {
      const { upstream, provider } = setup();
      upstream.on(SEND, answer);
      expect((await failure(provider.chat(REQUEST, options()))).code).toBe(code);
      expect(upstream.callsTo(POLL)).toHaveLength(0);
    }
    const { upstream, provider } = setup();
    upstream.on(SEND, () => baseError(1400010161, 'not enough credits'));
    upstream.on('/matrix/api/v1/commerce/get_membership_info', () =>
      json({ base_resp: { status_code: 0 }, total_remains_credit: 0, credits: { '4': [{ expires_at: 1_767_312_000_000 }] } }),
    );
    const error = await failure(provider.chat(REQUEST, options()));
    expect(error.code).toBe('upstream_credits_exhausted');
    expect(error.detail?.resetAt).toBe(1_767_312_000_000);
  });

  it('sends the Pro chat type for thinking or search models (unverified knobs)', async () => {
    const { upstream, provider } = setup();
    upstream.polls([() => detail(2, 'ok')]);
    await collect(
      provider.chat(REQUEST, options({ model: { id: 'MiniMax-M2.5-Think-Search', capabilities: { thinking: true, webSearch: true } } })),
    );
    const body = JSON.parse(upstream.callsTo(SEND)[0]!.body!);
    expect(body.chat_type).toBe(0);
    expect(body.model_option).toEqual({ display_name: 'MiniMax-M2.5', model_type: 501 });
  });

  it('falls back to the JWT device id when registration fails', async () => {
    const { upstream, provider } = setup();
    upstream.on('/v1/api/user/device/register', () => json({}, 500));
    upstream.polls([() => detail(2, 'ok')]);
    await collect(provider.chat(REQUEST, options()));
    expect(upstream.callsTo(SEND)[0]!.query.get('device_id')).toBe('777');
  });
});
