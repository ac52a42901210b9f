/**
 * `POST /v1/audio/speech` (OpenAI dialect), served by accounts whose provider speaks (the Open
 * Platform's t2a_v2). Audio is sent as it arrives: raw bytes by default (chunked), or OpenAI's
 * `speech.audio.delta` events with `stream_format: "sse"`. Each call is one request-log entry.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { ProviderKind } from '../../../shared/domain/account';
import { pendingRequestLogEntry } from '../../../shared/domain/request-log';
import type { Settings } from '../../../shared/domain/settings';
import { toErrorInfo, type RelayError } from '../../../shared/errors';
import type { AccountPool } from '../../accounts/types';
import type { Logger, RequestLog } from '../../logs/types';
import { toRelayError, outcomeFor } from '../../relay/chat-runner/errors';
import { clientGone } from '../dialects/client-gone';
import { statusForError } from '../errors';
import type { ProviderLookup } from '../types';
import { startSpeech, type StartedSpeech } from '../../relay/speech-failover';
import { markChatLogged } from '../refusal-log';
import { CONTENT_TYPES, toSpeechRequest } from './speech-request';

export const SPEECH_PATH = '/v1/audio/speech';

export interface SpeechRouteDeps {
  getSettings(): Settings;
  pool: AccountPool;
  providers: ProviderLookup;
  requestLog: RequestLog;
  logger: Logger;
  now(): number;
  /** Providers whose accounts can speak (the registered modules with the speech capability). */
  speechProviders: readonly ProviderKind[];
}

async function writeAudio(res: Response, started: StartedSpeech, format: keyof typeof CONTENT_TYPES, sse: boolean): Promise<number> {
  let bytes = 0;
  const write = (chunk: Uint8Array): void => {
    bytes += chunk.length;
    if (sse) res.write(`data: ${JSON.stringify({ type: 'speech.audio.delta', audio: Buffer.from(chunk).toString('base64') })}\n\n`);
    else res.write(chunk);
  };
  res.status(200).setHeader('content-type', sse ? 'text/event-stream' : CONTENT_TYPES[format]);
  if (started.first) write(started.first);
  for await (const chunk of started.rest) {
    if (res.destroyed) break;
    write(chunk);
  }
  if (sse) res.write(`data: ${JSON.stringify({ type: 'speech.audio.done', usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 } })}\n\n`);
  res.end();
  return bytes;
}

async function handleSpeech(req: Request, res: Response, deps: SpeechRouteDeps): Promise<void> {
  const id = randomUUID();
  const startedAt = deps.now();
  const request = toSpeechRequest(req.body, deps.getSettings().openPlatform.speechModel);
  deps.requestLog.begin({ ...pendingRequestLogEntry({ id, time: startedAt, dialect: 'openai', endpoint: SPEECH_PATH, stream: request.stream, clientModel: String((req.body as { model?: unknown }).model ?? '') }), resolvedModel: request.model });
  // This entry records the outcome; the refusal log must not add a second one.
  markChatLogged(res);
  const gone = clientGone(res);
  let started: StartedSpeech | null = null;
  let failure: RelayError | null = null;
  try {
    const onLease = ({ account }: StartedSpeech['lease']): void => {
      deps.requestLog.update(id, { accountId: account.id, accountLabel: account.label, provider: account.provider });
    };
    started = await startSpeech(request, { signal: gone.signal, speechProviders: deps.speechProviders, onLease }, deps);
    deps.requestLog.update(id, { status: 'streaming' });
    await writeAudio(res, started, request.format, request.streamFormat === 'sse');
  } catch (error) {
    failure = toRelayError(error, gone.signal, deps.logger);
    throw failure;
  } finally {
    gone.detach();
    if (started && failure) res.destroy();
    started?.lease.release(failure ? outcomeFor(failure) : { ok: true });
    deps.requestLog.end(id, {
      status: failure ? (failure.code === 'aborted' ? 'aborted' : 'error') : 'success',
      httpStatus: failure && !started ? statusForError(failure.code) : 200,
      latencyMs: deps.now() - startedAt,
      errorCode: failure?.code ?? null,
      errorMessage: failure ? toErrorInfo(failure).message : null,
    });
  }
}

export function createSpeechRouter(deps: SpeechRouteDeps): Router {
  const router = Router();
  router.post(SPEECH_PATH, (req, res) => handleSpeech(req, res, deps));
  return router;
}
