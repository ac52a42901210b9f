/**
 * No single request may stall the relay. Every input that once froze the event loop is sent to the
 * relay as the headless host builds it, while `/health` is probed: a long run of Chinese without
 * punctuation, a megabyte of one letter to count_tokens, a 40,000-character model name, a 20-star
 * alias matched against a 64-character near miss (chat and models/explain), and a 5,000-level
 * tool schema. The relay runs in this process, so `monitorEventLoopDelay` measures its loop: the
 * longest block must stay under 1 s. Each input also gets the answer its dialect owes it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { rawRequest } from '../support/http';

const MAX_BLOCK_MS = 1_000;

let stack: CoreStack;
beforeAll(async () => {
  stack = await startCoreStack({
    accounts: 2,
    sim: { tickMs: 10, charsPerTick: 20_000 },
    // Body logging on: the redaction of request bodies is on the path too.
    settings: { server: { bodyLimitMb: 4 }, logs: { logBodies: true } },
  });
});
afterAll(async () => {
  await stack?.close();
});

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body: string;
  expect: number;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

function cases(adminToken: string): Case[] {
  const chinese = '我们今天讨论新版本的发布计划并决定先修复已知问题再增加新功能'.repeat(1_400).slice(0, 40_000);
  const deepSchema = `${'{"type":"object","properties":{"a":'.repeat(5_000)}{"type":"string"}${'}}'.repeat(5_000)}`;
  const nearMiss = 'a'.repeat(64);
  return [
    { name: '40,000 Chinese characters (chat)', path: '/v1/chat/completions', body: json({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: chinese }] }), expect: 200 },
    { name: '40,000 Chinese characters (count_tokens)', path: '/v1/messages/count_tokens', headers: { 'anthropic-version': '2023-06-01' }, body: json({ model: 'm', messages: [{ role: 'user', content: chinese }] }), expect: 200 },
    { name: '1 MiB of one letter (count_tokens)', path: '/v1/messages/count_tokens', headers: { 'anthropic-version': '2023-06-01' }, body: json({ model: 'm', messages: [{ role: 'user', content: 'a'.repeat(1 << 20) }] }), expect: 200 },
    { name: '1 MiB of one letter (Gemini countTokens)', path: '/v1beta/models/MiniMax-M2.7:countTokens', body: json({ contents: [{ role: 'user', parts: [{ text: 'x'.repeat(1 << 20) }] }] }), expect: 200 },
    { name: '40,000-character model name', path: '/v1/chat/completions', body: json({ model: 'm'.repeat(40_000), messages: [{ role: 'user', content: 'hi' }] }), expect: 400 },
    { name: 'credential-like run in the model name', path: '/v1/chat/completions', body: json({ model: `${'1'.repeat(200)}+eyJ${'a'.repeat(40_000)}`, messages: [{ role: 'user', content: 'hi' }] }), expect: 400 },
    { name: '20-star alias vs a 64-character name (chat)', path: '/v1/chat/completions', body: json({ model: nearMiss, messages: [{ role: 'user', content: 'hi' }] }), expect: 200 },
    { name: '20-star alias vs a 64-character name (explain)', path: '/api/models/explain', headers: { authorization: `Bearer ${adminToken}` }, body: json({ name: nearMiss }), expect: 200 },
    { name: '5,000-level tool schema (OpenAI)', path: '/v1/chat/completions', body: `{"model":"MiniMax-M2.7","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deepSchema}}}]}`, expect: 400 },
    { name: '5,000-level tool schema (Anthropic)', path: '/v1/messages', headers: { 'anthropic-version': '2023-06-01' }, body: `{"model":"m","max_tokens":16,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"f","input_schema":${deepSchema}}]}`, expect: 400 },
    { name: '5,000-level tool schema (Gemini)', path: '/v1beta/models/MiniMax-M2.7:generateContent', body: `{"contents":[{"role":"user","parts":[{"text":"hi"}]}],"tools":[{"functionDeclarations":[{"name":"f","parameters":${deepSchema}}]}]}`, expect: 400 },
  ];
}

describe('event loop under pathological input', () => {
  it(`answers every pathological input while /health keeps answering; no block reaches ${MAX_BLOCK_MS} ms`, async () => {
    await stack.core.services.models.addMapping({ pattern: `${'a*'.repeat(20)}b`, target: 'MiniMax-M2.5', accountId: null });
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let probing = true;
    let probes = 0;
    let slowestProbeMs = 0;
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        const answer = await rawRequest(stack.port, { method: 'GET', path: '/health' });
        expect(answer.status).toBe(200);
        slowestProbeMs = Math.max(slowestProbeMs, performance.now() - started);
        probes += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    histogram.enable();
    const answers: { name: string; status: number; text: string }[] = [];
    try {
      for (const input of cases(stack.adminToken)) {
        const answer = await rawRequest(stack.port, { method: input.method ?? 'POST', path: input.path, headers: { 'content-type': 'application/json', ...input.headers }, body: input.body, timeoutMs: 60_000 });
        answers.push({ name: input.name, status: answer.status, text: answer.text.slice(0, 300) });
      }
    } finally {
      histogram.disable();
      probing = false;
      await probe;
    }
    const maxBlockMs = histogram.max / 1e6;
    console.info(`event loop: longest delay ${maxBlockMs.toFixed(0)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms; /health probes ${probes}, slowest ${slowestProbeMs.toFixed(0)} ms`);
    for (const [i, input] of cases(stack.adminToken).entries()) expect(answers[i]?.status, `${input.name}: ${answers[i]?.text}`).toBe(input.expect);
    expect(probes).toBeGreaterThan(0);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
  });
});
