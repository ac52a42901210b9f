import { pendingRequestLogEntry, type RequestLogEntry } from '../../../../shared/domain/request-log';

let counter = 0;

/** A pending entry as the proxy would begin it, already routed to an account. */
export function makeEntry(overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  counter += 1;
  return {
    ...pendingRequestLogEntry({ id: `req-${counter}`, time: 0, dialect: 'openai', endpoint: '/v1/chat/completions', stream: true, clientModel: 'gpt-4o' }),
    resolvedModel: 'MiniMax-M2.7',
    accountId: 'acc-1',
    accountLabel: 'Work',
    ...overrides,
  };
}
