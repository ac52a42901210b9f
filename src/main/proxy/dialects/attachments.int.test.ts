/**
 * Images and files end to end, with each dialect's official SDK as the client: the relay checks
 * them, uploads them as the web app does (request_policy → signed storage PUT → policy_callback)
 * and references the file ids in send_msg; the simulator verifies every step.
 */
import { createHash } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataUrl, JPEG_BYTES, PDF_BYTES, PNG_BYTES } from '../../attachments/__test__/test-files';
import { startFileServer, type TestFileServer } from '../../attachments/__test__/test-server';
import { startRealStack, type RealStack } from '../__test__/real-stack';
import { anthropicDialect } from './anthropic';
import { geminiDialect } from './gemini';
import { openaiDialect } from './openai';

const SEND = '/matrix/api/v1/chat/send_msg';
const POLICY = '/v1/api/files/request_policy';
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let stack: RealStack;
let files: TestFileServer;

beforeAll(async () => {
  files = await startFileServer({ '/photo.jpg': { type: 'image/jpeg', body: JPEG_BYTES }, '/paper.pdf': { type: 'application/pdf', body: PDF_BYTES } });
  // The remote files are served on loopback, so this stack allows private addresses.
  stack = await startRealStack({ dialects: [openaiDialect, anthropicDialect, geminiDialect], sim: { tickMs: 10 }, settings: { attachments: { allowPrivateAddresses: true } } });
});
afterAll(async () => {
  await stack.close();
  await files.close();
});
// The simulator is not reset between tests: its uploads must stay known as long as the relay's
// upload cache remembers them. Each test counts from a mark instead.
let mark = { sends: 0, policies: 0, uploads: 0 };
beforeEach(() => {
  stack.store.updateSettings({ attachments: { allowPrivateAddresses: true, maxFileMb: 20 } });
  mark = { sends: stack.sim.admin.requests({ path: SEND }).length, policies: stack.sim.admin.requests({ path: POLICY }).length, uploads: stack.sim.admin.uploads().length };
});
const newSends = (): number => stack.sim.admin.requests({ path: SEND }).length - mark.sends;
const newPolicies = (): number => stack.sim.admin.requests({ path: POLICY }).length - mark.policies;
const newUploads = (): number => stack.sim.admin.uploads().length - mark.uploads;
/** Bytes no other test sends, so the upload cache cannot already know them. */
const fresh = (bytes: Buffer, tag: string): Buffer => Buffer.concat([bytes, Buffer.from(tag)]);

interface SentAttachment { file_type: number; file_id: number; file_name: string }

/** What the upstream received: the send_msg text and attachments, and the uploads behind them. */
function upstream(): { text: string; attachments: SentAttachment[]; uploads: { sha256: string; fileId: number; originFileName: string }[] } {
  const send = stack.sim.admin.requests({ path: SEND }).at(-1);
  const body = send?.body as { attachments: SentAttachment[] } | undefined;
  return { text: send?.text ?? '', attachments: body?.attachments ?? [], uploads: stack.sim.admin.uploads() };
}

function expectUploaded(expected: { bytes: Buffer; fileType: number }[]): void {
  const { attachments, uploads } = upstream();
  expect(attachments.map((a) => a.file_type)).toEqual(expected.map((e) => e.fileType));
  const byId = new Map(uploads.map((u) => [u.fileId, u]));
  expect(attachments.map((a) => byId.get(a.file_id)?.sha256)).toEqual(expected.map((e) => sha(e.bytes)));
}

async function lastLogAttachments(): Promise<unknown> {
  const [entry] = stack.requestLog.query({ limit: 1 });
  return entry?.attachments;
}

describe('images and files reach the upstream as uploads', () => {
  it('OpenAI: a PNG data URL, a remote JPEG and a PDF file part', async () => {
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'local', maxRetries: 0 });
    stack.sim.admin.scriptReply({ text: 'A cat, a dog and a paper.' });
    const reply = await openai.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What are these?' },
            { type: 'image_url', image_url: { url: dataUrl('image/png', PNG_BYTES) } },
            { type: 'image_url', image_url: { url: `${files.url}/photo.jpg` } },
            { type: 'file', file: { file_data: dataUrl('application/pdf', PDF_BYTES), filename: 'paper.pdf' } },
          ],
        },
      ],
    });
    expect(reply.choices[0]?.message.content).toBe('A cat, a dog and a paper.');
    expectUploaded([{ bytes: PNG_BYTES, fileType: 2 }, { bytes: JPEG_BYTES, fileType: 2 }, { bytes: PDF_BYTES, fileType: 6 }]);
    expect(upstream().text).toBe('user:What are these?\n[image 1, attached]\n[image 2, attached]\n[file 3: paper.pdf, attached]\nassistant:');
    expect(upstream().uploads.map((u) => u.originFileName).sort()).toEqual(['image-1.png', 'paper.pdf', 'photo.jpg']);
    expect(await lastLogAttachments()).toEqual([
      { name: 'image-1.png', mimeType: 'image/png', size: PNG_BYTES.length, source: 'data-url', uploadedAt: expect.any(Number), uploadMs: expect.any(Number), cached: false },
      { name: 'photo.jpg', mimeType: 'image/jpeg', size: JPEG_BYTES.length, source: 'url', uploadedAt: expect.any(Number), uploadMs: expect.any(Number), cached: false },
      { name: 'paper.pdf', mimeType: 'application/pdf', size: PDF_BYTES.length, source: 'data-url', uploadedAt: expect.any(Number), uploadMs: expect.any(Number), cached: false },
    ]);
  });

  it('Anthropic: base64 image, base64 PDF document and an image by URL, streamed', async () => {
    const anthropic = new Anthropic({ baseURL: stack.server.url, apiKey: 'local', maxRetries: 0 });
    stack.sim.admin.scriptReply({ text: 'Seen.' });
    const stream = anthropic.messages.stream({
      model: 'MiniMax-M2.7',
      max_tokens: 100,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BYTES.toString('base64') } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF_BYTES.toString('base64') }, title: 'paper.pdf' },
            { type: 'image', source: { type: 'url', url: `${files.url}/photo.jpg` } },
            { type: 'text', text: 'Describe.' },
          ],
        },
      ],
    });
    expect((await stream.finalMessage()).content).toEqual([{ type: 'text', text: 'Seen.' }]);
    expectUploaded([{ bytes: PNG_BYTES, fileType: 2 }, { bytes: PDF_BYTES, fileType: 6 }, { bytes: JPEG_BYTES, fileType: 2 }]);
  });

  it('Gemini: inlineData and a remote fileData through the SDK, snake_case inline_data over plain HTTP', async () => {
    const ai = new GoogleGenAI({ apiKey: 'local', httpOptions: { baseUrl: stack.server.url } });
    stack.sim.admin.scriptReply({ text: 'Two pictures.' });
    const reply = await ai.models.generateContent({
      model: 'MiniMax-M2.7',
      contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: PNG_BYTES.toString('base64') } }, { fileData: { mimeType: 'application/pdf', fileUri: `${files.url}/paper.pdf` } }, { text: 'Compare.' }] }],
    });
    expect(reply.text).toBe('Two pictures.');
    expectUploaded([{ bytes: PNG_BYTES, fileType: 2 }, { bytes: PDF_BYTES, fileType: 6 }]);

    stack.sim.admin.scriptReply({ text: 'A photo.' });
    const raw = await fetch(`${stack.server.url}/v1beta/models/MiniMax-M2.7:generateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ inline_data: { mime_type: 'image/jpeg', data: JPEG_BYTES.toString('base64') } }] }] }),
    });
    expect(raw.status).toBe(200);
    expect(upstream().attachments).toHaveLength(1);
    expect(upstream().uploads.map((u) => u.sha256)).toContain(sha(JPEG_BYTES));
  });

  it('uploads a screenshot once per account while the conversation keeps resending it, and sends only the latest turn\'s', async () => {
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'local', maxRetries: 0 });
    const shot = { type: 'image_url' as const, image_url: { url: dataUrl('image/png', fresh(PNG_BYTES, 'cache-test')) } };
    stack.sim.admin.scriptReply({ text: 'A cat.' });
    await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: [shot, { type: 'text', text: 'What is it?' }] }] });
    stack.sim.admin.scriptReply({ text: 'Still a cat.' });
    await openai.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: [
        { role: 'user', content: [shot, { type: 'text', text: 'What is it?' }] },
        { role: 'assistant', content: 'A cat.' },
        { role: 'user', content: [shot, { type: 'text', text: 'Sure?' }] },
      ],
    });
    expect(newPolicies()).toBe(1);
    expect(newUploads()).toBe(1);
    expect(upstream().attachments).toHaveLength(1);
    expect(upstream().text).toContain('user:[image from an earlier message, not attached again]\nWhat is it?');
    expect(upstream().text).toContain('user:[image 1, attached]\nSure?');
    expect(await lastLogAttachments()).toEqual([expect.objectContaining({ cached: true, uploadMs: 0 })]);
  });
});

describe('refusals name the part in the client\'s error format', () => {
  const openai = (): OpenAI => new OpenAI({ baseURL: stack.baseURL, apiKey: 'local', maxRetries: 0 });

  async function openaiError(content: OpenAI.Chat.ChatCompletionContentPart[]): Promise<{ status: number; code: unknown; param: unknown; message: string }> {
    const error = await openai()
      .chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content }] })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const api = error as InstanceType<typeof OpenAI.APIError>;
    return { status: api.status ?? 0, code: api.code, param: api.param, message: api.message };
  }

  it('oversize, wrong type and private address are 400s before any upload', async () => {
    stack.store.updateSettings({ attachments: { maxFileMb: 0.1 } });
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(200 * 1024)]);
    expect(await openaiError([{ type: 'text', text: 'x' }, { type: 'image_url', image_url: { url: dataUrl('image/png', big) } }])).toMatchObject({
      status: 400,
      code: 'invalid_request',
      param: 'messages[0].content[1]',
      message: expect.stringContaining('limit per attachment'),
    });
    expect(await openaiError([{ type: 'image_url', image_url: { url: dataUrl('image/png', Buffer.from('<html></html>')) } }])).toMatchObject({
      status: 400,
      param: 'messages[0].content[0]',
      message: expect.stringContaining('not a supported image'),
    });
    stack.store.updateSettings({ attachments: { allowPrivateAddresses: false } });
    expect(await openaiError([{ type: 'image_url', image_url: { url: `${files.url}/photo.jpg` } }])).toMatchObject({
      status: 400,
      param: 'messages[0].content[0]',
      message: expect.stringContaining('127.0.0.1 (loopback)'),
    });
    expect(newPolicies()).toBe(0);
    expect(newSends()).toBe(0);
  });

  it('Anthropic and Gemini answer the refusal in their own envelopes', async () => {
    const anthropic = new Anthropic({ baseURL: stack.server.url, apiKey: 'local', maxRetries: 0 });
    const error = await anthropic.messages
      .create({ model: 'MiniMax-M2.7', max_tokens: 10, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'aGVsbG8=' } }] }] })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String((error as Error).message)).toContain('messages.0.content.0');
    const raw = await fetch(`${stack.server.url}/v1beta/models/MiniMax-M2.7:generateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }, { inlineData: { mimeType: 'image/png', data: 'aGVsbG8=' } }] }] }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: 400, message: expect.stringContaining('contents[0].parts[1]') } });
  });

  it('a broken upload is upload_failed naming the step, never a silent [image]', async () => {
    stack.sim.admin.injectFault({ endpoint: 'oss_put', kind: 'http500' });
    expect(await openaiError([{ type: 'image_url', image_url: { url: dataUrl('image/png', fresh(PNG_BYTES, 'broken-put')) } }])).toMatchObject({
      status: 502,
      code: 'upload_failed',
      message: expect.stringContaining('storage_put: HTTP 500, InternalError'),
    });
    const [entry] = stack.requestLog.query({ limit: 1 });
    expect(entry?.errorCode).toBe('upload_failed');
    expect(newSends()).toBe(0);

    stack.sim.admin.injectFault({ endpoint: 'policy_callback', kind: 'http503' });
    expect(await openaiError([{ type: 'image_url', image_url: { url: dataUrl('image/png', fresh(PNG_BYTES, 'broken-callback')) } }])).toMatchObject({
      status: 502,
      code: 'upload_failed',
      message: expect.stringContaining('policy_callback'),
    });
  });
});

describe('failover', () => {
  it('fails over to another account when one account\'s upload breaks, and that account uploads its own copy', async () => {
    const two = await startRealStack({ accounts: 2, sim: { tickMs: 10 } });
    try {
      const [first, second] = two.simAccounts;
      two.sim.admin.injectFault({ endpoint: 'oss_put', kind: 'http500', count: 5, realUserId: first?.realUserId });
      two.sim.admin.scriptReply({ text: 'ok' });
      const openai = new OpenAI({ baseURL: two.baseURL, apiKey: 'local', maxRetries: 0 });
      const reply = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', PNG_BYTES) } }] }] });
      expect(reply.choices[0]?.message.content).toBe('ok');
      const [entry] = two.requestLog.query({ limit: 1 });
      expect(entry?.attempts.map((a) => a.errorCode)).toEqual(['upload_failed', null]);
      expect(two.sim.admin.uploads().map((u) => u.realUserId)).toEqual([second?.realUserId]);
    } finally {
      await two.close();
    }
  });

  it('forgets cached uploads after a send that used them fails, so the next request uploads again', async () => {
    const other = await startRealStack({ sim: { tickMs: 10 }, settings: { pool: { cooldownMs: 0 } } });
    try {
      const openai = new OpenAI({ baseURL: other.baseURL, apiKey: 'local', maxRetries: 0 });
      const ask = () => openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', PNG_BYTES) } }] }] });
      other.sim.admin.scriptReply({ text: 'one' });
      await ask();
      // The upstream forgets every file (as it might after some time); the relay still has the id cached.
      other.sim.admin.reset();
      await expect(ask()).rejects.toMatchObject({ status: 502 });
      other.sim.admin.scriptReply({ text: 'two' });
      expect((await ask()).choices[0]?.message.content).toBe('two');
      expect(other.sim.admin.uploads()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

});
