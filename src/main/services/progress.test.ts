import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/contract';
import { createEventBus } from './event-bus';
import { createProgress } from './progress';

describe('createProgress', () => {
  it('emits the step code and params beside the English message, under one task id', () => {
    const events = createEventBus();
    const seen: ProgressEvent[] = [];
    const stop = events.on('progress', (event) => seen.push(event));
    const progress = createProgress(events, 'cleanup', 0);
    progress.report(3, 'Deleted 3 of 9 chats', 9, { step: 'cleanup_deleted', params: { done: 3, total: 9 } });
    progress.report(0, 'plain');
    stop();
    expect(seen[0]).toEqual({ taskId: progress.taskId, kind: 'cleanup', done: 3, total: 9, message: 'Deleted 3 of 9 chats', step: 'cleanup_deleted', params: { done: 3, total: 9 } });
    expect(seen[1]).toEqual({ taskId: progress.taskId, kind: 'cleanup', done: 0, total: 0, message: 'plain' });
  });
});
