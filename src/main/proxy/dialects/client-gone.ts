import type { Response } from 'express';

/**
 * An AbortSignal that fires when the client goes away before the answer is complete; the chat
 * runner aborts the upstream on it so polling stops and the account is freed.
 */
export function clientGone(res: Response): { signal: AbortSignal; detach: () => void } {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  return { signal: controller.signal, detach: () => res.off('close', onClose) };
}
