/**
 * A request captured from the real Claude Code 2.1.197 (`claude -p "hi"` with the README's env
 * block; test/fixtures/clients/claude-code-2.1.197-readme-env.json): 25 tools, system blocks
 * with cache_control, a mid-conversation `role: "system"` turn, adaptive thinking,
 * `context_management` and `output_config`. Replayed with its own URL and headers through the
 * relay to the simulator, under the README's model and under Claude Code's default model.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MODEL_HEADER } from '../../serve-chat';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';
import { waitUntil } from '../../__test__/serve';
import { anthropicDialect } from './index';

interface Capture {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown> & { messages: { role: string }[] };
}

const capture = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/clients/claude-code-2.1.197-readme-env.json', import.meta.url), 'utf8')) as Capture;

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

function sseEvents(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.includes('event: '))
    .map((frame) => ({
      event: /^event: (.*)$/m.exec(frame)?.[1] ?? '',
      data: JSON.parse(frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')) as Record<string, unknown>,
    }));
}

async function replay(model: string): Promise<{ res: Response; events: ReturnType<typeof sseEvents> }> {
  const res = await fetch(`${stack!.server.url}${capture.url}`, {
    method: 'POST',
    headers: { ...capture.headers, 'x-api-key': 'sk-relay-key' },
    body: JSON.stringify({ ...capture.body, model }),
  });
  return { res, events: sseEvents(await res.text()) };
}

describe('Claude Code 2.x, captured', () => {
  it('is the shape issue 11 is about: mid-conversation system turn, adaptive thinking', () => {
    expect(capture.body.messages.map((m) => m.role)).toEqual(['user', 'system']);
    expect(capture.body.thinking).toEqual({ type: 'adaptive' });
    expect(capture.headers['anthropic-beta']).toContain('mid-conversation-system-2026-04-07');
  });

  it.each([
    ['the README model', 'MiniMax-M2.7', 'MiniMax-M2.7'],
    ["Claude Code's default model", 'claude-opus-4-8', 'MiniMax-M2.7'],
  ])('streams an answer under %s', async (_name, model, resolved) => {
    stack = await startRealStack({ dialects: [anthropicDialect] });
    stack.sim.admin.scriptReply({ text: 'Hello! How can I help?', thinking: 'The user greets me.' });
    const { res, events } = await replay(model);
    expect(res.status).toBe(200);
    expect(res.headers.get(MODEL_HEADER)).toMatch(new RegExp(`^${resolved}`));
    const start = events.find((e) => e.event === 'message_start')?.data.message as { model: string };
    expect(start.model).toBe(model);
    const text = events
      .filter((e) => e.event === 'content_block_delta' && (e.data.delta as { type: string }).type === 'text_delta')
      .map((e) => (e.data.delta as { text: string }).text)
      .join('');
    expect(text).toBe('Hello! How can I help?');
    expect(events.at(-1)?.event).toBe('message_stop');
    // The mid-conversation system turn reached the upstream at its place, after the user's turn.
    const id = res.headers.get('x-request-id') ?? '';
    await waitUntil(() => stack!.requestLog.get(id)?.status === 'success');
    const sent = stack.sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' }).at(-1);
    const upstreamText = String((sent?.body as { text?: string } | undefined)?.text);
    expect(upstreamText.indexOf('\nsystem:Available agent types')).toBeGreaterThan(upstreamText.indexOf('\nuser:'));
    expect(stack.requestLog.get(id)).toMatchObject({ clientModel: model, dialect: 'anthropic' });
  });
});
