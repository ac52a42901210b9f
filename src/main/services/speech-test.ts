/**
 * relay.testSpeech: a short text through the local `/v1/audio/speech`, as an OpenAI client would
 * send it, so the check covers auth, the pool's API-key accounts and the platform's speech.
 */
import type { SpeechTestResult } from '../../shared/contract';
import { extractError, type TestRequestDeps } from './test-request';

export async function sendSpeechTest(
  deps: TestRequestDeps,
  target: { baseUrl: string; key: string | null; text: string; voice: string; format: 'mp3' | 'wav' },
): Promise<SpeechTestResult> {
  const started = deps.now();
  const done = (fields: Omit<SpeechTestResult, 'latencyMs'>): SpeechTestResult => ({ latencyMs: deps.now() - started, ...fields });
  let response: Response;
  try {
    response = await deps.fetch(`${target.baseUrl}/v1/audio/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(target.key ? { authorization: `Bearer ${target.key}` } : {}) },
      body: JSON.stringify({ model: 'tts-1', input: target.text, voice: target.voice, response_format: target.format }),
    });
  } catch {
    return done({ ok: false, status: 0, audio: null, contentType: null, error: { code: 'internal', message: 'The local proxy could not be reached.' } });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    return done({ ok: false, status: response.status, audio: null, contentType: null, error: extractError(body, response.status) });
  }
  const audio = Buffer.from(await response.arrayBuffer()).toString('base64');
  return done({ ok: true, status: response.status, audio, contentType: response.headers.get('content-type'), error: null });
}
