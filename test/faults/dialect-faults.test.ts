/**
 * The fault rows whose answer differs by dialect (failover, a failed reply before and after the
 * stream began), for the Anthropic and Gemini dialects: their own status, error envelope and
 * in-stream error event, and the same leak checks as the OpenAI matrix.
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { parseJson, sseData } from '../support/http';
import { expectNoPollsAfter, expectPoolIdle } from '../support/leak-checks';
import { checkErrorShape } from '../fuzz/shapes';
import { FAULT_ROWS, type FaultRow } from './fault-rows';

const PROMPT = 'dialect fault prompt';

const DIALECTS = {
  anthropic: {
    path: () => '/v1/messages',
    body: (stream: boolean) => ({ model: 'claude-x', max_tokens: 256, stream, messages: [{ role: 'user', content: PROMPT }] }),
    text: (json: unknown) => ((json as { content?: { text?: string }[] }).content ?? []).map((c) => c.text ?? '').join(''),
    streamText: (frame: unknown) => (frame as { delta?: { text?: string } }).delta?.text ?? '',
  },
  gemini: {
    path: (stream: boolean) => `/v1beta/models/MiniMax-M2.7:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    body: () => ({ contents: [{ role: 'user', parts: [{ text: PROMPT }] }] }),
    text: (json: unknown) => ((json as { candidates?: { content?: { parts?: { text?: string }[] } }[] }).candidates?.[0]?.content?.parts ?? []).map((p) => p.text ?? '').join(''),
    streamText: (frame: unknown) => DIALECTS.gemini.text(frame),
  },
} as const;

type DialectName = keyof typeof DIALECTS;

const ROWS = FAULT_ROWS.filter((row) => /HTTP 500 → fails over|HTTP 503 on every account|token expired|every poll fails|dropped mid-stream/.test(row.name));

async function runCase(expect: ExpectStatic, row: FaultRow, dialect: DialectName, stream: boolean): Promise<void> {
  const stack: CoreStack = await startCoreStack({ accounts: 2, ...(row.settings ? { settings: row.settings } : {}) });
  const spec = DIALECTS[dialect];
  try {
    await row.arrange(stack);
    const request = fetch(`${stack.baseUrl}${spec.path(stream)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec.body(stream)) });
    const [res] = await Promise.all([request, row.during?.(stack)]);
    const text = await res.text();
    const endAt = Date.now();
    const outcome = stream ? row.stream : row.json;
    if (outcome.kind === 'http') {
      expect(res.status, text).toBe(outcome.status);
      expect(checkErrorShape(dialect, parseJson(text)), text).toBeNull();
    } else if (!stream) {
      expect(res.status, text).toBe(200);
      expect(spec.text(parseJson(text)).length).toBeGreaterThan(0);
    } else {
      expect(res.status, text).toBe(200);
      const frames = sseData(text).map((data) => parseJson(data));
      const errors = frames.filter((frame) => (frame as { error?: unknown } | undefined)?.error !== undefined);
      if (outcome.kind === 'frame') {
        expect(errors, text.slice(-400)).toHaveLength(1);
        expect(checkErrorShape(dialect, errors[0]), JSON.stringify(errors[0])).toBeNull();
        if (dialect === 'anthropic') expect(text).toMatch(/event: error\r?\ndata: /);
      } else {
        expect(errors, text.slice(-400)).toHaveLength(0);
        expect(frames.map((frame) => spec.streamText(frame)).join('').length).toBeGreaterThan(0);
      }
    }
    await expectPoolIdle(stack.core);
    const byId = new Map((await stack.accounts()).map((account) => [account.id, account.status]));
    expect(stack.accountIds.map((id) => byId.get(id))).toEqual(row.after);
    await expectNoPollsAfter(stack.sim, endAt + 150);
  } finally {
    await stack.close();
  }
}

describe.concurrent('faults on the Anthropic and Gemini dialects', () => {
  for (const dialect of Object.keys(DIALECTS) as DialectName[]) {
    for (const row of ROWS) {
      it(`${dialect}: ${row.name} [json]`, ({ expect }) => runCase(expect, row, dialect, false));
      it(`${dialect}: ${row.name} [stream]`, ({ expect }) => runCase(expect, row, dialect, true));
    }
  }
});
