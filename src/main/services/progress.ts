import type { ProgressEvent, ProgressStep } from '../../shared/contract';
import type { EventBus } from './event-bus';

/** Emits `progress` events of one long task under one task id. */
export function createProgress(events: EventBus, kind: ProgressEvent['kind'], total: number) {
  const taskId = crypto.randomUUID();
  return {
    taskId,
    /** `total` may be given when it is learned late (cleanup lists the chats first). */
    report(done: number, message: string, knownTotal: number = total, step?: { step: ProgressStep; params?: ProgressEvent['params'] }): void {
      events.emit('progress', { taskId, kind, done, total: knownTotal, message, ...step });
    },
  };
}
