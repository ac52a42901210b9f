/**
 * Text to speech through `/v1/t2a_v2`. Voice and audio settings are nested as the platform
 * expects; audio comes back hex-encoded in JSON (one object, or one event per chunk when
 * streaming, the last event repeating the whole audio — skipped once chunks were sent).
 */
import { RelayError } from '../../../shared/errors';
import type { ProviderAccount, SpeechReply, SpeechRequest } from '../types';
import { businessError, type OpenHttp } from './http';
import { SPEECH_PATH, t2aChunkSchema } from './protocol';
import { readEventStream } from './sse-lines';

/** Status of the final event in a stream (it carries the complete audio again). */
const FINAL_STATUS = 2;

function toT2aBody(request: SpeechRequest): Record<string, unknown> {
  return {
    model: request.model,
    text: request.text,
    stream: request.stream,
    output_format: 'hex',
    voice_setting: { voice_id: request.voiceId, speed: request.speed, vol: 1, pitch: 0 },
    audio_setting: { sample_rate: request.sampleRate, bitrate: 128_000, format: request.format, channel: 1 },
  };
}

function decodeHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) {
    throw new RelayError('upstream_protocol', 'The MiniMax Open Platform sent audio that is not hex.', { endpoint: SPEECH_PATH, field: 'data.audio' });
  }
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function checked(payload: unknown): ReturnType<typeof t2aChunkSchema.parse> {
  const failure = businessError(payload, SPEECH_PATH);
  if (failure) throw failure;
  const parsed = t2aChunkSchema.safeParse(payload);
  if (!parsed.success) throw new RelayError('upstream_protocol', 'The MiniMax Open Platform answered speech in an unexpected shape.', { endpoint: SPEECH_PATH });
  return parsed.data;
}

async function* streamedAudio(response: Response): AsyncGenerator<Uint8Array, void, undefined> {
  if (!response.body) return;
  let sent = false;
  for await (const payload of readEventStream(response.body, SPEECH_PATH)) {
    const event = checked(payload);
    const hex = event.data?.audio;
    if (!hex) continue;
    if (event.data?.status === FINAL_STATUS && sent) continue;
    sent = true;
    yield decodeHex(hex);
  }
}

export async function runOpenSpeech(http: OpenHttp, request: SpeechRequest, options: { account: ProviderAccount; signal: AbortSignal }): Promise<SpeechReply> {
  const response = await http.send(options.account, SPEECH_PATH, { method: 'POST', body: toT2aBody(request), signal: options.signal });
  const type = response.headers.get('content-type') ?? '';
  if (request.stream && type.includes('text/event-stream')) return { audio: streamedAudio(response) };
  const body = checked(await response.json());
  const hex = body.data?.audio;
  if (!hex) throw new RelayError('upstream_protocol', 'The MiniMax Open Platform answered speech without audio.', { endpoint: SPEECH_PATH, field: 'data.audio' });
  const bytes = decodeHex(hex);
  async function* once(): AsyncGenerator<Uint8Array, void, undefined> {
    yield bytes;
  }
  const characters = body.extra_info?.usage_characters ?? undefined;
  return { audio: once(), ...(characters != null ? { characters } : {}) };
}
