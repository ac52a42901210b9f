/**
 * Images and files through the Responses API with the official `openai` SDK: `input_image` (data
 * URL, and a URL served on loopback with the private-address setting on) and `input_file` reach the
 * upstream as uploads the simulator verified; a refused part is OpenAI's 400 naming it.
 */
import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataUrl, JPEG_BYTES, PDF_BYTES, PNG_BYTES } from '../../../attachments/__test__/test-files';
import { startFileServer, type TestFileServer } from '../../../attachments/__test__/test-server';
import { startRealStack, type RealStack } from '../../__test__/real-stack';
import { responsesDialect } from '.';

const SEND = '/matrix/api/v1/chat/send_msg';
const POLICY = '/v1/api/files/request_policy';
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
/** Bytes no other test sends, so the account's upload cache cannot already know them. */
const fresh = (bytes: Buffer, tag: string): Buffer => Buffer.concat([bytes, Buffer.from(tag)]);

let stack: RealStack;
let files: TestFileServer;
let openai: OpenAI;

beforeAll(async () => {
  files = await startFileServer({ '/photo.jpg': { type: 'image/jpeg', body: JPEG_BYTES }, '/paper.pdf': { type: 'application/pdf', body: PDF_BYTES } });
  stack = await startRealStack({ dialects: [responsesDialect], sim: { tickMs: 10 } });
  openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'local', maxRetries: 0 });
});
afterAll(async () => {
  await stack?.close();
  await files?.close();
});
// The simulator keeps its uploads between tests (the relay's upload cache remembers them).
beforeEach(() => stack.store.updateSettings({ attachments: { allowPrivateAddresses: true, maxFileMb: 20 } }));

interface SentAttachment { file_type: number; file_id: number; file_name: string }

/** The last send_msg's text, and the bytes behind each attachment it named, in order. */
function lastSend(): { text: string; fileTypes: number[]; hashes: (string | undefined)[] } {
  const send = stack.sim.admin.requests({ path: SEND }).at(-1);
  const attachments = (send?.body as { attachments?: SentAttachment[] } | undefined)?.attachments ?? [];
  const byId = new Map(stack.sim.admin.uploads().map((u) => [u.fileId, u.sha256]));
  return { text: send?.text ?? '', fileTypes: attachments.map((a) => a.file_type), hashes: attachments.map((a) => byId.get(a.file_id)) };
}

describe('Responses API images and files reach the upstream as uploads', () => {
  it('input_image as a data URL and a loopback URL, input_file as file_data: three uploads', async () => {
    stack.sim.admin.scriptReply({ text: 'Two pictures and a paper.' });
    const png = fresh(PNG_BYTES, 'responses-png');
    const response = await openai.responses.create({
      model: 'MiniMax-M2.7',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'What are these?' },
            { type: 'input_image', image_url: dataUrl('image/png', png), detail: 'auto' },
            { type: 'input_image', image_url: `${files.url}/photo.jpg`, detail: 'auto' },
            { type: 'input_file', filename: 'paper.pdf', file_data: dataUrl('application/pdf', PDF_BYTES) },
          ],
        },
      ],
    });
    expect(response.output_text).toBe('Two pictures and a paper.');
    const sent = lastSend();
    expect(sent.fileTypes).toEqual([2, 2, 6]);
    expect(sent.hashes).toEqual([sha(png), sha(JPEG_BYTES), sha(PDF_BYTES)]);
    expect(sent.text).toContain('[image 1, attached]\n[image 2, attached]\n[file 3: paper.pdf, attached]');
    const [entry] = stack.requestLog.query({ limit: 1 });
    expect(entry?.attachments?.map((a) => [a.name, a.source])).toEqual([['image-1.png', 'data-url'], ['photo.jpg', 'url'], ['paper.pdf', 'data-url']]);
  });

  it('streamed: input_file by file_url is fetched and uploaded', async () => {
    stack.sim.admin.scriptReply({ text: 'A paper.' });
    const stream = openai.responses.stream({
      model: 'MiniMax-M2.7',
      input: [{ role: 'user', content: [{ type: 'input_file', file_url: `${files.url}/paper.pdf` }, { type: 'input_text', text: 'Summarize.' }] }],
    });
    expect((await stream.finalResponse()).output_text).toBe('A paper.');
    const sent = lastSend();
    expect(sent.fileTypes).toEqual([6]);
    expect(sent.hashes).toEqual([sha(PDF_BYTES)]);
  });
});

describe('Responses API refusals name the part', () => {
  async function refusal(content: OpenAI.Responses.ResponseInputContent[], stream = false): Promise<{ status: number | undefined; code: unknown; param: unknown; message: string }> {
    const request = { model: 'MiniMax-M2.7', input: [{ role: 'user' as const, content }] };
    const error = await (stream ? openai.responses.stream(request).finalResponse() : openai.responses.create(request)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const api = error as InstanceType<typeof OpenAI.APIError>;
    return { status: api.status, code: api.code, param: api.param, message: api.message };
  }

  it('an oversize image, bytes that are no image and a private address are 400s before any upload', async () => {
    const policies = stack.sim.admin.requests({ path: POLICY }).length;
    const sends = stack.sim.admin.requests({ path: SEND }).length;
    stack.store.updateSettings({ attachments: { maxFileMb: 0.1 } });
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(200 * 1024)]);
    expect(await refusal([{ type: 'input_text', text: 'x' }, { type: 'input_image', image_url: dataUrl('image/png', big), detail: 'auto' }])).toMatchObject({
      status: 400,
      code: 'invalid_request',
      param: 'input[0].content[1]',
      message: expect.stringContaining('limit per attachment'),
    });
    expect(await refusal([{ type: 'input_image', image_url: dataUrl('image/png', Buffer.from('<html></html>')), detail: 'auto' }], true)).toMatchObject({
      status: 400,
      param: 'input[0].content[0]',
      message: expect.stringContaining('not a supported image'),
    });
    stack.store.updateSettings({ attachments: { allowPrivateAddresses: false } });
    expect(await refusal([{ type: 'input_image', image_url: `${files.url}/photo.jpg`, detail: 'auto' }])).toMatchObject({
      status: 400,
      param: 'input[0].content[0]',
      message: expect.stringContaining('127.0.0.1 (loopback)'),
    });
    expect(stack.sim.admin.requests({ path: POLICY }).length).toBe(policies);
    expect(stack.sim.admin.requests({ path: SEND }).length).toBe(sends);
  });
});
