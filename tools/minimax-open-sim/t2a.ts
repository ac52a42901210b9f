/** `/v1/t2a_v2`: nested voice/audio settings in, hex audio out (one JSON, or SSE chunks + a final event). */
import { synthesize, type SimAudioFormat } from './audio';
import { refusal, type Refusal } from './keys';

/** System voices the simulator knows (a subset of the platform's list). */
export const SYSTEM_VOICES = [
  'male-qn-qingse', 'female-shaonv', 'English_Graceful_Lady', 'Wise_Woman', 'Friendly_Person', 'Inspirational_girl',
  'Deep_Voice_Man', 'Calm_Woman', 'Casual_Guy', 'Lively_Girl', 'Patient_Man', 'Young_Knight', 'Determined_Man',
  'Lovely_Girl', 'Decent_Boy', 'Imposing_Manner', 'Elegant_Man', 'Abbess', 'Sweet_Girl_2', 'Exuberant_Girl',
];

const FORMATS: readonly SimAudioFormat[] = ['mp3', 'wav', 'pcm', 'flac'];
const MAX_TEXT = 10_000;

export interface T2aBody {
  model?: string;
  text?: string;
  stream?: boolean;
  voice_setting?: { voice_id?: string; speed?: number };
  audio_setting?: { sample_rate?: number; format?: string };
}

export interface T2aPlan {
  audio: Buffer;
  format: SimAudioFormat;
  sampleRate: number;
  characters: number;
}

export function planSpeech(body: T2aBody, voices: ReadonlySet<string>): T2aPlan | Refusal {
  const text = body.text ?? '';
  if (!body.model?.startsWith('speech-')) return refusal(2013, 'invalid params, model');
  if (text.trim() === '' || text.length > MAX_TEXT) return refusal(2013, 'invalid params, text');
  const voice = body.voice_setting?.voice_id ?? '';
  if (!voices.has(voice)) return refusal(2054, 'voice id not exist');
  const speed = body.voice_setting?.speed ?? 1;
  if (speed < 0.5 || speed > 2) return refusal(2013, 'invalid params, speed');
  const format = (body.audio_setting?.format ?? 'mp3') as SimAudioFormat;
  if (!FORMATS.includes(format)) return refusal(2013, 'invalid params, format');
  const sampleRate = body.audio_setting?.sample_rate ?? 32_000;
  return { audio: synthesize(format, sampleRate, text), format, sampleRate, characters: text.length };
}

function extraInfo(plan: T2aPlan): Record<string, unknown> {
  return {
    audio_length: Math.round(plan.audio.length / 32),
    audio_sample_rate: plan.sampleRate,
    audio_size: plan.audio.length,
    bitrate: 128_000,
    word_count: plan.characters,
    usage_characters: plan.characters,
    audio_format: plan.format,
    audio_channel: 1,
  };
}

export function speechBody(plan: T2aPlan): unknown {
  return { data: { audio: plan.audio.toString('hex'), status: 2 }, extra_info: extraInfo(plan), trace_id: 'sim-trace', base_resp: { status_code: 0, status_msg: 'success' } };
}

/** Stream events: the audio in three chunks (status 1), then the whole audio again (status 2). */
export function speechEvents(plan: T2aPlan): unknown[] {
  const third = Math.ceil(plan.audio.length / 3);
  const events: unknown[] = [];
  for (let at = 0; at < plan.audio.length; at += third) {
    events.push({ data: { audio: plan.audio.subarray(at, at + third).toString('hex'), status: 1 }, trace_id: 'sim-trace', base_resp: { status_code: 0, status_msg: '' } });
  }
  events.push({ ...(speechBody(plan) as object) });
  return events;
}
