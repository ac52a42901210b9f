/**
 * Every upstream fault of the simulator against the relay as the headless host builds it, for the
 * OpenAI dialect, streaming and not: what the client receives, each account's state afterwards,
 * and that nothing leaks (pool back to idle, no poll after the request ended, the relay's upstream
 * chats deleted). Each case has its own simulator and relay, so cases run concurrently.
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { parseJson, sseData } from '../support/http';
import { expectChatsDeleted, expectNoPollsAfter, expectPoolIdle } from '../support/leak-checks';
import { FAULT_ROWS, type FaultRow, type Outcome } from './fault-rows';

const PROMPT = 'fault matrix prompt';

interface Answer {
  status: number;
  text: string;
  endAt: number;
}

async function ask(stack: CoreStack, stream: boolean): Promise<Answer> {
  const res = await fetch(`${stack.baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', stream, messages: [{ role: 'user', content: PROMPT }] }),
  });
  const text = await res.text();
  return { status: res.status, text, endAt: Date.now() };
}

interface OpenAIError {
  error?: { message?: unknown; type?: unknown; code?: unknown };
}

function expectOpenAIError(expect: ExpectStatic, body: unknown, code: string): void {
  const error = (body as OpenAIError | undefined)?.error;
  expect(error, JSON.stringify(body)).toBeDefined();
  expect(error?.code).toBe(code);
  expect(typeof error?.message).toBe('string');
  expect(typeof error?.type).toBe('string');
}

function checkJson(expect: ExpectStatic, answer: Answer, outcome: Outcome): void {
  const body = parseJson(answer.text) as { choices?: { message?: { content?: string }; finish_reason?: string }[] } | undefined;
  if (outcome.kind === 'frame') throw new Error('a JSON answer has no frames');
  if (outcome.kind === 'http') {
    expect(answer.status, answer.text).toBe(outcome.status);
    expectOpenAIError(expect, body, outcome.code);
    return;
  }
  expect(answer.status, answer.text).toBe(200);
  expect(body?.choices?.[0]?.message?.content?.length ?? 0).toBeGreaterThan(0);
  expect(body?.choices?.[0]?.finish_reason).toBe(outcome.finish ?? 'stop');
}

function checkStream(expect: ExpectStatic, answer: Answer, outcome: Outcome): void {
  if (outcome.kind === 'http') {
    expect(answer.status, answer.text).toBe(outcome.status);
    expectOpenAIError(expect, parseJson(answer.text), outcome.code);
    return;
  }
  expect(answer.status, answer.text).toBe(200);
  const data = sseData(answer.text);
  expect(data.at(-1), 'the stream ends with [DONE]').toBe('[DONE]');
  const frames = data.filter((d) => d !== '[DONE]').map((d) => parseJson(d) as OpenAIError & { choices?: { delta?: { content?: string }; finish_reason?: string | null }[] });
  const errors = frames.filter((f) => f.error !== undefined);
  if (outcome.kind === 'frame') {
    expect(errors).toHaveLength(1);
    expectOpenAIError(expect, errors[0], outcome.code);
    expect(frames.at(-1), 'the error is the last frame').toBe(errors[0]);
    return;
  }
  expect(errors, answer.text.slice(-500)).toHaveLength(0);
  const content = frames.map((f) => f.choices?.[0]?.delta?.content ?? '').join('');
  expect(content.length).toBeGreaterThan(0);
  const finish = frames.map((f) => f.choices?.[0]?.finish_reason).find((reason) => reason);
  expect(finish).toBe(outcome.finish ?? 'stop');
}

async function runCase(expect: ExpectStatic, row: FaultRow, stream: boolean): Promise<void> {
  const stack = await startCoreStack({ accounts: 2, ...(row.settings ? { settings: row.settings } : {}) });
  try {
    await row.arrange(stack);
    const [answer] = await Promise.all([ask(stack, stream), row.during?.(stack)]);
    const outcome = stream ? row.stream : row.json;
    if (stream) checkStream(expect, answer, outcome);
    else checkJson(expect, answer, outcome);

    await expectPoolIdle(stack.core);
    const byId = new Map((await stack.accounts()).map((account) => [account.id, account]));
    expect(stack.accountIds.map((id) => byId.get(id)?.status)).toEqual(row.after);
    expect(stack.accountIds.map((id) => byId.get(id)?.busy)).toEqual([0, 0]);
    if (row.upstreamGone) return;

    // A poll already in flight when the answer ended may land a moment later; none may START after.
    await expectNoPollsAfter(stack.sim, answer.endAt + 150);
    const ours = () => stack.sim.admin.chats().filter((chat) => chat.text.includes(PROMPT));
    await expectChatsDeleted({ ...stack.sim, admin: { ...stack.sim.admin, chats: ours } });
    // Chats the relay did not create (the user's own, on the web page) are never deleted.
    expect(stack.sim.admin.chats().filter((chat) => !chat.text.includes(PROMPT)).every((chat) => !chat.deleted)).toBe(true);
  } finally {
    await stack.close();
  }
}

describe.concurrent('fault matrix, OpenAI dialect', () => {
  for (const row of FAULT_ROWS) {
    it(`${row.name} [json]`, ({ expect }) => runCase(expect, row, false));
    it(`${row.name} [stream]`, ({ expect }) => runCase(expect, row, true));
  }
});
