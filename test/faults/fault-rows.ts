/**
 * The fault matrix: one row per upstream fault. Account 0 ("A") has the most credits, so the pool
 * tries it first; account 1 ("B") is the failover target. Each row says what the client must get
 * (for a plain JSON answer and for a stream) and the state of both accounts afterwards.
 */
import type { AccountStatus } from '../../src/shared/domain/account';
import type { SettingsPatch } from '../../src/shared/domain/settings';
import { callSim } from '../../tools/minimax-sim/test-client';
import type { CoreStack } from '../support/core-stack';
import { waitUntil } from '../support/leak-checks';

export type Outcome =
  /** 200 with the whole reply. */
  | { kind: 'ok'; finish?: 'stop' | 'length' }
  /** An HTTP error in the OpenAI envelope, before any byte of a reply. */
  | { kind: 'http'; status: number; code: string }
  /** 200, some or no text, then an OpenAI error frame and `[DONE]` (the stream had begun). */
  | { kind: 'frame'; code: string };

export interface FaultRow {
  name: string;
  settings?: SettingsPatch;
  /** Before the request. */
  arrange(stack: CoreStack): void | Promise<void>;
  /** While the request runs (kill the upstream mid-stream…). */
  during?(stack: CoreStack): Promise<void>;
  json: Outcome;
  stream: Outcome;
  /** Relay account status afterwards, by index (A = 0, B = 1). */
  after: [AccountStatus, AccountStatus];
  /** The simulator is gone: upstream-side checks are skipped. */
  upstreamGone?: boolean;
}

const A = (stack: CoreStack) => stack.simAccounts[0]!.realUserId;
const B = (stack: CoreStack) => stack.simAccounts[1]!.realUserId;
const OK: Outcome = { kind: 'ok' };
const SHORT_DEADLINE: SettingsPatch = { upstream: { replyTimeoutMs: 5_000 } };

/** A reply long enough to still be streaming when `during` acts (~3 s). */
function longReply(stack: CoreStack): void {
  stack.sim.admin.scriptReply({ text: 'slow words '.repeat(150), tickMs: 100, charsPerTick: 60 }, A(stack));
}

/** Resolves once the relay has polled A's chat and seen some text. */
async function textFlowing(stack: CoreStack): Promise<void> {
  await waitUntil(() => stack.sim.admin.chats(A(stack)).some((chat) => chat.polls >= 2 && (chat.growth.at(-1)?.textLength ?? 0) > 0), 10_000, 'text flowing on A');
}

export const FAULT_ROWS: FaultRow[] = [
  {
    name: 'send_msg HTTP 500 → fails over to B',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http500', realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'send_msg HTTP 503 on every account → 502',
    arrange: (s) => {
      s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http503', realUserId: A(s) });
      s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http503', realUserId: B(s) });
    },
    json: { kind: 'http', status: 502, code: 'upstream_unavailable' },
    stream: { kind: 'http', status: 502, code: 'upstream_unavailable' },
    after: ['cooling', 'cooling'],
  },
  {
    name: 'send_msg non-JSON body → fails over',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'nonJson', realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'send_msg 403 HTML challenge page → fails over',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'html403', realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'send_msg connection dropped → fails over',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'drop', realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'send_msg slower than the reply deadline → fails over',
    settings: SHORT_DEADLINE,
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'slow', delayMs: 6_500, realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'poll errors for 3 polls → same account recovers',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'http500', count: 3, realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['active', 'active'],
  },
  {
    name: 'non-JSON poll answers for 2 polls → same account recovers',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'nonJson', count: 2, realUserId: A(s) }),
    json: OK,
    stream: OK,
    after: ['active', 'active'],
  },
  {
    name: 'every poll fails → gives up with upstream_unavailable',
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'http500', count: 1_000, realUserId: A(s) }),
    json: { kind: 'http', status: 502, code: 'upstream_unavailable' },
    stream: { kind: 'frame', code: 'upstream_unavailable' },
    after: ['cooling', 'active'],
  },
  {
    name: 'token expired mid-day → A expired, fails over',
    arrange: (s) => s.sim.admin.expireToken(A(s)),
    json: OK,
    stream: OK,
    after: ['expired', 'active'],
  },
  {
    name: 'credits exhausted → A parked until reset, fails over',
    arrange: (s) => s.sim.admin.setCredits(A(s), 0),
    json: OK,
    stream: OK,
    after: ['exhausted', 'active'],
  },
  {
    name: 'one-reply limit (a reply already runs on A elsewhere) → fails over',
    async arrange(s) {
      const account = s.simAccounts[0]!;
      s.sim.admin.scriptReply({ text: 'held elsewhere', neverFinish: true }, account.realUserId);
      const sent = await callSim(s.sim.url, account, '/matrix/api/v1/chat/send_msg', {
        body: { msg_type: 1, text: 'from the web page', chat_type: 1, attachments: [], selected_mcp_tools: [] },
      });
      if (sent.status !== 200 || s.sim.admin.running(account.realUserId) !== 1) throw new Error(`could not occupy A: ${sent.text}`);
    },
    json: OK,
    stream: OK,
    after: ['cooling', 'active'],
  },
  {
    name: 'upstream connection dropped mid-stream (every later poll) → error after the text so far',
    arrange: longReply,
    async during(s) {
      await textFlowing(s);
      s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'drop', count: 1_000, realUserId: A(s) });
    },
    json: { kind: 'http', status: 502, code: 'upstream_unavailable' },
    stream: { kind: 'frame', code: 'upstream_unavailable' },
    after: ['cooling', 'active'],
  },
  {
    name: 'upstream process killed mid-stream (simulator closed)',
    arrange: longReply,
    async during(s) {
      await textFlowing(s);
      await s.sim.close();
    },
    json: { kind: 'http', status: 502, code: 'upstream_unavailable' },
    stream: { kind: 'frame', code: 'upstream_unavailable' },
    after: ['cooling', 'active'],
    upstreamGone: true,
  },
  {
    name: 'slow polls past the deadline, no text yet → timeout',
    settings: SHORT_DEADLINE,
    arrange: (s) => s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'slow', delayMs: 7_000, count: 1_000, realUserId: A(s) }),
    json: { kind: 'http', status: 504, code: 'timeout' },
    stream: { kind: 'frame', code: 'timeout' },
    after: ['cooling', 'active'],
  },
  {
    name: 'slow polls past the deadline after text → ends as length',
    settings: SHORT_DEADLINE,
    arrange: longReply,
    async during(s) {
      await textFlowing(s);
      s.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'slow', delayMs: 7_000, count: 1_000, realUserId: A(s) });
    },
    json: { kind: 'ok', finish: 'length' },
    stream: { kind: 'ok', finish: 'length' },
    after: ['active', 'active'],
  },
];
