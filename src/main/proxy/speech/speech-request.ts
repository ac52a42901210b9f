/**
 * OpenAI's `POST /v1/audio/speech` body → a SpeechRequest in MiniMax's terms: OpenAI voice names
 * through a table (MiniMax voice ids pass as they are), OpenAI model names to the platform's
 * speech models, the speed clamped to the platform's range. Bad input is a clear 400 here, before
 * any account is used.
 */
import { z } from 'zod';
import { lazy } from '../../../shared/lazy';
import { RelayError } from '../../../shared/errors';
import type { SpeechRequest } from '../../providers/types';

/** The platform's synchronous T2A limit (characters). */
export const MAX_SPEECH_CHARS = 10_000;

/** OpenAI voices → MiniMax system voices of a similar character. */
export const OPENAI_VOICES: Readonly<Record<string, string>> = {
  alloy: 'Friendly_Person',
  ash: 'Casual_Guy',
  ballad: 'Elegant_Man',
  coral: 'Lively_Girl',
  echo: 'Deep_Voice_Man',
  fable: 'Young_Knight',
  onyx: 'Imposing_Manner',
  nova: 'Inspirational_girl',
  sage: 'Wise_Woman',
  shimmer: 'Calm_Woman',
  verse: 'Decent_Boy',
};

/** Voice ids as the platform names them (system, cloned or designed voices). */
const VOICE_ID = /^[A-Za-z][A-Za-z0-9_-]{1,127}$/;

const FORMATS = ['mp3', 'wav', 'pcm', 'flac'] as const;

export const speechBodySchema = lazy(() => z.object({
  model: z.string().trim().min(1, 'model is required'),
  input: z.string(),
  voice: z.union([z.string(), z.object({ id: z.string() })]),
  response_format: z.string().optional(),
  speed: z.number().min(0.25).max(4).optional(),
  stream_format: z.enum(['audio', 'sse']).optional(),
  instructions: z.string().optional(),
}));
export type SpeechBody = z.infer<typeof speechBodySchema>;

function invalid(message: string, param: string): RelayError {
  return new RelayError('invalid_request', message, { param });
}

function toVoiceId(voice: SpeechBody['voice']): string {
  const name = typeof voice === 'string' ? voice.trim() : voice.id.trim();
  const mapped = OPENAI_VOICES[name.toLowerCase()];
  if (mapped) return mapped;
  if (!VOICE_ID.test(name)) {
    throw invalid(`Unknown voice "${name}". Use an OpenAI voice (${Object.keys(OPENAI_VOICES).join(', ')}) or a MiniMax voice id such as Wise_Woman.`, 'voice');
  }
  return name;
}

/** `tts-1-hd` asks for quality, every other OpenAI name for speed; `speech-…` names are the platform's own. */
function toSpeechModel(model: string, defaultModel: string): string {
  if (/^speech-/i.test(model)) return model.toLowerCase();
  if (model === 'tts-1-hd') return defaultModel.replace(/-turbo$/, '-hd');
  if (model === 'tts-1' || model.startsWith('gpt-4o-mini-tts') || model.startsWith('gpt-4o-tts')) return defaultModel;
  throw new RelayError('model_not_found', `Unknown speech model "${model}". Use tts-1, tts-1-hd, gpt-4o-mini-tts or a MiniMax speech model such as speech-2.8-hd.`, { param: 'model' });
}

export function toSpeechRequest(raw: unknown, defaultModel: string): SpeechRequest & { streamFormat: 'audio' | 'sse' | null } {
  const parsed = speechBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`Invalid speech request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`, String(issue?.path[0] ?? 'body'));
  }
  const body = parsed.data;
  if (body.input.trim() === '') throw invalid('The input text is empty: send the text to speak in "input".', 'input');
  if (body.input.length > MAX_SPEECH_CHARS) throw invalid(`The input text is ${body.input.length} characters; the limit is ${MAX_SPEECH_CHARS}. Split it into several requests.`, 'input');
  const format = body.response_format ?? 'mp3';
  if (!(FORMATS as readonly string[]).includes(format)) throw invalid(`The response format "${format}" is not available; use mp3, wav, pcm or flac.`, 'response_format');
  const typed = format as SpeechRequest['format'];
  return {
    model: toSpeechModel(body.model, defaultModel),
    text: body.input,
    voiceId: toVoiceId(body.voice),
    format: typed,
    // OpenAI's pcm is 24 kHz 16-bit mono; clients play it assuming so.
    sampleRate: typed === 'pcm' ? 24_000 : 32_000,
    speed: Math.min(2, Math.max(0.5, body.speed ?? 1)),
    // A WAV header states the length up front: it cannot be streamed as it is made.
    stream: body.stream_format !== undefined && typed !== 'wav',
    streamFormat: body.stream_format ?? null,
  };
}

export const CONTENT_TYPES: Record<SpeechRequest['format'], string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
  flac: 'audio/flac',
};
