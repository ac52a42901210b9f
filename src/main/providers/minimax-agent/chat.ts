/**
 * One reply (§3.3, §3.4, §4.1 of the protocol reference): send the flattened conversation with
 * send_msg, then poll get_chat_detail — first right after the send, then at the adaptive cadence
 * — turning snapshots into canonical events until `chat_status == 2`. The generator's `finally`
 * ends the chat: stops an unfinished run and deletes the chat when cleanup is on.
 */
import type { CreditInfo } from '../../../shared/domain/account';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError, isRelayError } from '../../../shared/errors';
import type { Logger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest } from '../../relay/canonical';
import type { ProviderAccount, ProviderChatOptions } from '../types';
import { MAX_POLL_FAILURES, MIN_POLL_INTERVAL_MS, createPollCadence, pollRetryDelay } from './cadence';
import { endAbandonedChat, type AbandonedChat } from './abandoned-chat';
import { deleteChat, type CleanupDeps } from './cleanup';
import { createReplyTracker } from './deltas';
import { flattenConversation } from './flatten';
import { buildSendBody } from './knobs';
import { sendNegotiated, type NegotiationDeps } from './negotiate';
import { createPollGuard } from './poll-guard';
import { PATHS } from './protocol';
import type { CallIdentity } from './request';
import { chatDetailResponse, type ChatDetail } from './schemas';
import { createRunControl, type RunControl } from './run-control';
import type { ResolvedAttachment } from '../../attachments/types';
import type { UploadedAttachments, UploadedFile } from './upload';

export interface ChatDeps extends CleanupDeps {
  now: () => number;
  logger: Logger;
  negotiation: NegotiationDeps;
  credits: (account: ProviderAccount, signal?: AbortSignal) => Promise<CreditInfo>;
  /** Uploads the request's attachments as the account (upload/), before send_msg. */
  uploadAttachments?: (account: ProviderAccount, identity: CallIdentity, attachments: readonly ResolvedAttachment[], signal: AbortSignal) => Promise<UploadedAttachments>;
  /** Drops the account's cached uploads (a send that reused them failed: the upstream may have forgotten them). */
  forgetUploads?: (account: ProviderAccount) => void;
  /** The durable cleanup queue (retries deletes until the chat is gone); without it a failed delete waits for the next bulk cleanup. */
  enqueue?: (chat: AbandonedChat) => void;
}

/** Longest time an aborted request keeps its account while its chat ends upstream. */
const MAX_HOLD_MS = 60_000;

interface RunState {
  identity?: CallIdentity;
  chatId?: number;
  finished: boolean;
  polls: number;
  textLength: number;
}

export async function* runChat(
  deps: ChatDeps,
  request: CanonicalRequest,
  options: ProviderChatOptions,
): AsyncGenerator<CanonicalEvent, void, undefined> {
  const run = createRunControl(options.signal, options.timeoutMs, deps.now);
  const state: RunState = { finished: false, polls: 0, textLength: 0 };
  try {
    yield* generate(deps, request, options, run, state);
  } catch (error) {
    const final = run.explain(error);
    if (isRelayError(final) && final.code === 'upstream_auth_expired') deps.devices.forget(options.account);
    if (isRelayError(final) && final.code === 'timeout' && state.textLength > 0) {
      // Text already reached the client: end it as truncated, like a length limit, not as an error.
      deps.logger.warn({ chatId: state.chatId, polls: state.polls }, 'reply deadline reached; ending as length');
      yield { type: 'upstream', polls: state.polls };
      yield { type: 'finish', reason: 'length' };
      return;
    }
    throw final;
  } finally {
    run.dispose();
    if (state.identity && state.chatId !== undefined) await endChat(deps, options, state.identity, state.chatId, state.finished);
  }
}

/**
 * A finished chat is deleted at once. An unfinished one is stopped and deleted; when the client is
 * gone, the account's slot stays taken until the chat ended upstream (or the hold ran out and the
 * durable queue took over), so the next request does not hit "one output at a time". A client
 * still waiting for an error is never held up by this.
 */
async function endChat(deps: ChatDeps, options: ProviderChatOptions, identity: CallIdentity, chatId: number, finished: boolean): Promise<void> {
  if (finished) {
    if (options.cleanup) await removeChat(deps, options.account, identity, chatId);
    return;
  }
  const ending = endAbandonedChat(
    { ...deps, enqueue: deps.enqueue ?? (() => undefined) },
    { account: options.account, chatId },
    identity,
    { cleanup: options.cleanup, holdMs: Math.min(options.timeoutMs, MAX_HOLD_MS) },
  ).catch((error: unknown) => deps.logger.warn({ chatId, err: String(error) }, 'ending an abandoned chat failed'));
  if (options.signal.aborted) await ending;
}

async function* generate(
  deps: ChatDeps,
  request: CanonicalRequest,
  options: ProviderChatOptions,
  run: RunControl,
  state: RunState,
): AsyncGenerator<CanonicalEvent, void, undefined> {
  run.check();
  const identity = await run.race(deps.devices.identify(options.account));
  state.identity = identity;
  run.check();
  const uploads = await uploadFor(deps, identity, options, run);
  try {
    state.chatId = await sendWithoutCutting(deps, identity, request, options, run, uploads?.files ?? []);
  } catch (error) {
    if (uploads?.log.some((item) => item.cached)) deps.forgetUploads?.(options.account);
    throw error;
  }
  yield { type: 'upstream', chatId: String(state.chatId), ...(uploads ? { attachments: uploads.log } : {}) };
  const tracker = createReplyTracker();
  const cadence = createPollCadence();
  const guard = createPollGuard();
  let lastStart = Number.NEGATIVE_INFINITY;
  let interval = 0;
  let failures = 0;
  for (;;) {
    await waitUntil(deps, run, lastStart + Math.max(interval, MIN_POLL_INTERVAL_MS));
    lastStart = deps.now();
    state.polls += 1;
    let detail: ChatDetail;
    try {
      detail = await pollOnce(deps, identity, state.chatId, run.signal);
      failures = 0;
      guard.readable();
    } catch (error) {
      if (!run.signal.aborted && isRelayError(error) && error.code === 'upstream_protocol') {
        interval = pollRetryDelay(guard.malformed(error, state.chatId));
      } else {
        failures = countTransientFailure(error, run, failures, state.chatId);
        interval = pollRetryDelay(failures);
      }
      continue;
    }
    const delta = tracker.update(detail);
    // The upstream may think even when the model name did not ask for it; a model without the
    // thinking capability (e.g. `MiniMax-M2.7` rather than `-Think`) shows no reasoning.
    if (delta.reasoning !== '' && options.model.capabilities.thinking) yield { type: 'reasoning', text: delta.reasoning };
    if (delta.text !== '') yield { type: 'text', text: delta.text };
    state.textLength = tracker.textLength;
    if (delta.done && guard.mayFinish(tracker.textLength, deps.now())) {
      state.finished = true;
      yield { type: 'upstream', polls: state.polls };
      yield { type: 'finish', reason: 'stop' };
      return;
    }
    interval = cadence.next(delta.reasoning !== '' || delta.text !== '');
  }
}

/** An attachment never silently becomes `[image]`: without an uploader the request fails. */
async function uploadFor(deps: ChatDeps, identity: CallIdentity, options: ProviderChatOptions, run: RunControl): Promise<UploadedAttachments | null> {
  const attachments = options.attachments ?? [];
  if (attachments.length === 0) return null;
  if (!deps.uploadAttachments) throw new RelayError('upload_failed', 'This provider cannot upload images or files.', { step: 'request_policy' });
  const uploads = await run.race(deps.uploadAttachments(options.account, identity, attachments, run.signal));
  run.check();
  return uploads;
}

async function waitUntil(deps: ChatDeps, run: RunControl, at: number): Promise<void> {
  run.check();
  const wait = Math.min(at, run.deadlineAt) - deps.now();
  if (wait > 0) await deps.sleep(wait, run.signal);
  run.check();
}

/** Poll errors are retried with back-off (all known clients ignore them) unless fatal or too many. */
function countTransientFailure(error: unknown, run: RunControl, failures: number, chatId: number): number {
  if (run.signal.aborted || !isRelayError(error)) throw error;
  if (error.code === 'upstream_auth_expired' || error.code === 'upstream_protocol') throw error;
  const count = failures + 1;
  if (count >= MAX_POLL_FAILURES) {
    throw new RelayError('upstream_unavailable', `MiniMax failed ${count} polls in a row.`, {
      ...error.detail,
      chatId,
      failures: count,
      lastCode: error.code,
      ...reasonDetail('agent_poll_failures', { count }),
    });
  }
  return count;
}

/**
 * A send cut mid-flight may still have created a chat upstream, whose id we would never learn:
 * it would keep running (blocking the account's one reply) and escape cleanup. So an abort or the
 * deadline ends the run at once, but the send itself completes (within its 15 s request timeout)
 * and the chat it created is deleted in the background.
 */
async function sendWithoutCutting(
  deps: ChatDeps,
  identity: CallIdentity,
  request: CanonicalRequest,
  options: ProviderChatOptions,
  run: RunControl,
  attachments: readonly UploadedFile[],
): Promise<number> {
  const sending = sendMessage(deps, identity, request, options, attachments);
  try {
    return await run.race(sending);
  } catch (error) {
    if (run.signal.aborted) {
      sending.then(
        (chatId) => endChat(deps, options, identity, chatId, false),
        () => undefined,
      );
    }
    throw error;
  }
}

async function sendMessage(
  deps: ChatDeps,
  identity: CallIdentity,
  request: CanonicalRequest,
  options: ProviderChatOptions,
  attachments: readonly UploadedFile[],
): Promise<number> {
  const text = flattenConversation(request.messages);
  const { id: modelId, capabilities } = options.model;
  try {
    const sent = await sendNegotiated(
      deps.negotiation,
      identity,
      (profile) => buildSendBody(profile, { text, modelId, capabilities, attachments }),
      options.onProfiles,
    );
    deps.ledger.add(options.account.id, sent.chatId);
    return sent.chatId;
  } catch (error) {
    if (isRelayError(error) && error.code === 'upstream_credits_exhausted') throw await withResetTime(deps, options, error);
    throw error;
  }
}

/** The pool parks an exhausted account until its reset; ask the upstream when that is (best effort). */
async function withResetTime(deps: ChatDeps, options: ProviderChatOptions, error: RelayError): Promise<RelayError> {
  try {
    const credits = await deps.credits(options.account, AbortSignal.any([options.signal, AbortSignal.timeout(5_000)]));
    if (credits.resetAt === null) return error;
    return new RelayError(error.code, error.message, { ...error.detail, resetAt: credits.resetAt }, { cause: error });
  } catch {
    return error;
  }
}

function pollOnce(deps: ChatDeps, identity: CallIdentity, chatId: number, signal: AbortSignal): Promise<ChatDetail> {
  return deps.http.call(identity, {
    method: 'POST',
    path: PATHS.chatDetail,
    body: { chat_id: chatId },
    envelope: 'baseResp',
    schema: chatDetailResponse,
    signal,
  });
}

async function removeChat(deps: ChatDeps, account: ProviderAccount, identity: CallIdentity, chatId: number): Promise<void> {
  try {
    await deleteChat(deps, account, identity, chatId);
  } catch (error) {
    // The chat stays in the ledger; the queue retries it (and the next start, if this run ends first).
    deps.logger.warn({ chatId, code: isRelayError(error) ? error.code : 'internal' }, 'could not delete the upstream chat; queued for a retry');
    deps.enqueue?.({ account, chatId });
  }
}
