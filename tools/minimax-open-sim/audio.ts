/**
 * Real audio bytes for t2a_v2: a sine tone as 16-bit mono PCM or WAV, and tiny but valid MP3
 * (silent MPEG-1 Layer III frames) and FLAC (STREAMINFO + constant-subframe frames) files, so
 * clients and tests can decode the headers of what the relay passes through.
 */
export type SimAudioFormat = 'mp3' | 'wav' | 'pcm' | 'flac';

export function pcmTone(sampleRate: number, durationMs: number, frequency = 440): Buffer {
  const samples = Math.max(1, Math.round((sampleRate * durationMs) / 1000));
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000), i * 2);
  return out;
}

export function wavFile(pcm: Buffer, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 417-byte frames of silence (zeroed side info). */
export function mp3File(durationMs: number): Buffer {
  const frameBytes = Math.floor((144 * 128_000) / 44_100);
  const frames = Math.max(2, Math.ceil(durationMs / 26));
  const frame = Buffer.alloc(frameBytes);
  frame.set([0xff, 0xfb, 0x90, 0xc4], 0);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** One FLAC frame of 256 silent 16-bit mono samples (a CONSTANT subframe), numbered `index`. */
function flacFrame(index: number): Buffer {
  // Frame numbers use FLAC's UTF-8-like coding; the simulator keeps them under 128 (one byte).
  const header = Buffer.from([0xff, 0xf8, 0x60, 0x08, index & 0x7f, 255]);
  const withCrc8 = Buffer.concat([header, Buffer.from([crc8(header)])]);
  const body = Buffer.concat([withCrc8, Buffer.from([0x00, 0x00, 0x00])]);
  const crc = crc16(body);
  return Buffer.concat([body, Buffer.from([crc >> 8, crc & 0xff])]);
}

export function flacFile(sampleRate: number, durationMs: number): Buffer {
  const frames = Math.min(127, Math.max(1, Math.ceil((sampleRate * durationMs) / 1000 / 256)));
  const info = Buffer.alloc(34);
  info.writeUInt16BE(256, 0); // min block size
  info.writeUInt16BE(256, 2); // max block size
  // bytes 4..9: min/max frame size unknown (0). Then 20 bits rate, 3 bits channels-1, 5 bits bps-1, 36 bits samples.
  const totalSamples = frames * 256;
  info.writeUInt32BE(((sampleRate << 12) | (0 << 9) | (15 << 4) | Math.floor(totalSamples / 2 ** 32)) >>> 0, 10);
  info.writeUInt32BE(totalSamples >>> 0, 14);
  const blockHeader = Buffer.from([0x80, 0x00, 0x00, 34]); // last metadata block, STREAMINFO, length 34
  return Buffer.concat([Buffer.from('fLaC', 'ascii'), blockHeader, info, ...Array.from({ length: frames }, (_, i) => flacFrame(i))]);
}

/** Audio of the requested format; length grows with the text (capped), like speech would. */
export function synthesize(format: SimAudioFormat, sampleRate: number, text: string): Buffer {
  const durationMs = Math.min(3000, 200 + text.length * 40);
  if (format === 'pcm') return pcmTone(sampleRate, durationMs);
  if (format === 'wav') return wavFile(pcmTone(sampleRate, durationMs), sampleRate);
  if (format === 'flac') return flacFile(sampleRate, durationMs);
  return mp3File(durationMs);
}
