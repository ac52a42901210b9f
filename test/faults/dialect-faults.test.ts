/**
 * The fault rows whose answer differs by dialect (failover, a failed reply before and after the
 * stream began), for the Anthropic, Gemini and Responses dialects: their own status, error envelope and
 * in-stream error event, and the same leak checks as the OpenAI matrix. The Responses API answers
 * in OpenAI's envelope, but a stream that fails ends with `response.failed`, then an `error` event
 * of its own shape (`{type:"error",code,message}`), which the SDKs throw on.
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { parseJson, sseData } from '../support/http';
import { expectNoPollsAfter, expectPoolIdle } from '../support/leak-checks';
import { checkErrorShape, type Surface } from '../fuzz/shapes';
import { FAULT_ROWS, type FaultRow } from './fault-rows';

const PROMPT = 'dialect fault prompt';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The error frames of an Anthropic or Gemini stream carry the dialect's error body. */
const bodyErrors = (surface: Surface) => ({
  isError: (frame: unknown) => isObject(frame) && frame.error !== undefined,
  checkError: (frame: unknown) => checkErrorShape(surface, frame),
});

/** A failed Responses stream: `response.failed` with the response's `error`, then the `error` event. */
function checkResponsesError(frame: unknown, frames: readonly unknown[]): string | null {
  if (!isObject(frame) || typeof frame.code !== 'string' || typeof frame.message !== 'string' || !Number.isInteger(frame.sequence_number)) return 'not {type:"error",code,message,sequence_number}';
  const failed = frames.at(-2);
  if (!isObject(failed) || failed.type !== 'response.failed') return 'no response.failed before the error event';
  const response = failed.response as { status?: unknown; error?: { code?: unknown } } | undefined;
  return response?.status === 'failed' && response.error?.code === frame.code ? null : 'response.failed does not carry the error';
}

interface DialectSpec {
  surface: Surface;
  path(stream: boolean): string;
  body(stream: boolean): unknown;
  text(json: unknown): string;
  streamText(frame: unknown): string;
  isError(frame: unknown): boolean;
  checkError(frame: unknown, frames: readonly unknown[]): string | null;
}

const DIALECTS: Record<'anthropic' | 'gemini' | 'responses', DialectSpec> = {
  anthropic: {
    ...bodyErrors('anthropic'),
    surface: 'anthropic',
    path: () => '/v1/messages',
    body: (stream: boolean) => ({ model: 'claude-x', max_tokens: 256, stream, messages: [{ role: 'user', content: PROMPT }] }),
    text: (json: unknown) => ((json as { content?: { text?: string }[] }).content ?? []).map((c) => c.text ?? '').join(''),
    streamText: (frame: unknown) => (frame as { delta?: { text?: string } }).delta?.text ?? '',
  },
  gemini: {
    ...bodyErrors('gemini'),
    surface: 'gemini',
    path: (stream: boolean) => `/v1beta/models/MiniMax-M2.7:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    body: () => ({ contents: [{ role: 'user', parts: [{ text: PROMPT }] }] }),
    text: (json: unknown) => ((json as { candidates?: { content?: { parts?: { text?: string }[] } }[] }).candidates?.[0]?.content?.parts ?? []).map((p) => p.text ?? '').join(''),
    streamText: (frame: unknown) => DIALECTS.gemini.text(frame),
  },
  responses: {
    surface: 'openai',
    path: () => '/v1/responses',
    body: (stream: boolean) => ({ model: 'MiniMax-M2.7', stream, input: PROMPT }),
    text: (json: unknown) => (json as { output_text?: string }).output_text ?? '',
    streamText: (frame: unknown) => (isObject(frame) && frame.type === 'response.output_text.delta' && typeof frame.delta === 'string' ? frame.delta : ''),
    isError: (frame: unknown) => isObject(frame) && frame.type === 'error',
    checkError: checkResponsesError,
  },
};

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
      expect(checkErrorShape(spec.surface, parseJson(text)), text).toBeNull();
    } else if (!stream) {
      expect(res.status, text).toBe(200);
      expect(spec.text(parseJson(text)).length).toBeGreaterThan(0);
    } else {
      expect(res.status, text).toBe(200);
      const frames = sseData(text).map((data) => parseJson(data));
      const errors = frames.filter((frame) => spec.isError(frame));
      if (outcome.kind === 'frame') {
        expect(errors, text.slice(-400)).toHaveLength(1);
        expect(spec.checkError(errors[0], frames), JSON.stringify(frames.slice(-2))).toBeNull();
        if (dialect !== 'gemini') expect(text).toMatch(/event: error\r?\ndata: /);
        if (dialect === 'responses') expect(frames.at(-1)).toBe(errors[0]);
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

describe.concurrent('faults on the Anthropic, Gemini and Responses dialects', () => {
  for (const dialect of Object.keys(DIALECTS) as DialectName[]) {
    for (const row of ROWS) {
      it(`${dialect}: ${row.name} [json]`, ({ expect }) => runCase(expect, row, dialect, false));
      it(`${dialect}: ${row.name} [stream]`, ({ expect }) => runCase(expect, row, dialect, true));
    }
  }
});
