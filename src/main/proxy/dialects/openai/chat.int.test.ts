import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { flattenConversation } from '../../../providers/minimax-agent';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';
import { toCanonical } from './to-canonical';

const SEND = '/matrix/api/v1/chat/send_msg';
let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

function client(s: RealStack, apiKey = 'unused'): OpenAI {
  return new OpenAI({ baseURL: s.baseURL, apiKey, maxRetries: 0 });
}

describe('OpenAI dialect against the simulator', () => {
  it('gives the same text streamed and not streamed, and sends exactly the flattened conversation', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Name a colour.' },
    ];
    const reply = 'Blue, like a clear sky over the sea at noon.';
    stack.sim.admin.scriptReply({ text: reply });
    const whole = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages });
    expect(whole.choices[0]?.message.content).toBe(reply);
    expect(whole.choices[0]?.finish_reason).toBe('stop');
    expect(whole.usage?.completion_tokens).toBeGreaterThan(0);

    stack.sim.admin.scriptReply({ text: reply, tickMs: 100, charsPerTick: 6 });
    const stream = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages, stream: true, stream_options: { include_usage: true } });
    let streamed = '';
    let deltas = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) {
        streamed += content;
        deltas += 1;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(streamed).toBe(reply);
    expect(deltas).toBeGreaterThan(1);
    expect(usage?.prompt_tokens).toBeGreaterThan(0);

    const expected = flattenConversation(toCanonical({ model: 'MiniMax-M2.7', messages }, 'x').messages);
    const sent = stack.sim.admin.requests({ path: SEND }).map((r) => r.text);
    expect(sent).toEqual([expected, expected]);
  });

  it('carries a multi-turn conversation', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: 'Four.' },
      { role: 'user', content: 'And doubled?' },
    ];
    stack.sim.admin.scriptReply({ text: 'Eight.' });
    const answer = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages });
    expect(answer.choices[0]?.message.content).toBe('Eight.');
    const text = stack.sim.admin.requests({ path: SEND })[0]?.text ?? '';
    expect(text).toContain('user:What is 2+2?');
    expect(text).toContain('assistant:Four.');
    expect(text).toContain('user:And doubled?');
  });

  it('streams reasoning_content for a -Think model and returns it whole when not streaming', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: 'Paris.', thinking: 'The capital of France is Paris.' });
    const stream = await openai.chat.completions.create({ model: 'MiniMax-M2.7-Think', messages: [{ role: 'user', content: 'Capital of France?' }], stream: true });
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined;
      reasoning += delta?.reasoning_content ?? '';
      content += delta?.content ?? '';
    }
    expect(reasoning).toBe('The capital of France is Paris.');
    expect(content).toBe('Paris.');

    stack.sim.admin.scriptReply({ text: 'Paris.', thinking: 'Easy one.' });
    const whole = await openai.chat.completions.create({ model: 'MiniMax-M2.7-Think', messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect((whole.choices[0]?.message as { reasoning_content?: string }).reasoning_content).toBe('Easy one.');
  });

  it('honours max_tokens (finish_reason length) and stop sequences', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: 'one two three four five six seven eight nine ten eleven twelve' });
    const short = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'count' }], max_tokens: 3 });
    expect(short.choices[0]?.finish_reason).toBe('length');
    expect(short.choices[0]?.message.content).toBe('one two three');

    stack.sim.admin.scriptReply({ text: 'alpha beta END gamma' });
    const stopped = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'go' }], stop: ['END'], stream: true });
    let text = '';
    let finish: string | null | undefined;
    for await (const chunk of stopped) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('alpha beta ');
    expect(finish).toBe('stop');
  });
});
