/**
 * `GET /v1/responses/{id}/input_items`: the items a stored response was created from, with ids
 * (the API gives every item one; clients may send items without), paged like OpenAI's lists.
 */
import { randomUUID } from 'node:crypto';
import { RelayError } from '../../../../shared/errors';
import type { CreateResponseRequest } from './schema';

export type InputItem = Record<string, unknown> & { id: string };

const PREFIX: Record<string, string> = { message: 'msg', function_call: 'fc', function_call_output: 'fco', custom_tool_call: 'ctc', custom_tool_call_output: 'ctco' };

export function toInputItems(input: CreateResponseRequest['input']): InputItem[] {
  const items: Record<string, unknown>[] = typeof input === 'string' ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: input }] }] : (input ?? []);
  return items.map((item) => {
    const type = typeof item.type === 'string' ? item.type : 'message';
    const id = typeof item.id === 'string' ? item.id : `${PREFIX[type] ?? 'item'}_${randomUUID().replaceAll('-', '')}`;
    return { ...item, type, id };
  });
}

export interface ItemList {
  object: 'list';
  data: InputItem[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

/** `order` defaults to `desc` (newest first), as OpenAI's does; `after` is an item id. */
export function listInputItems(items: readonly InputItem[], query: Record<string, unknown>): ItemList {
  const order = query.order === undefined ? 'desc' : query.order;
  if (order !== 'asc' && order !== 'desc') throw new RelayError('invalid_request', "'order' must be 'asc' or 'desc'.", { param: 'order' });
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new RelayError('invalid_request', `'limit' must be an integer from 1 to ${MAX_LIMIT}.`, { param: 'limit' });
  const ordered = order === 'asc' ? [...items] : [...items].reverse();
  let start = 0;
  if (typeof query.after === 'string') {
    const at = ordered.findIndex((item) => item.id === query.after);
    if (at < 0) throw new RelayError('invalid_request', `No input item with id '${query.after}'.`, { param: 'after' });
    start = at + 1;
  }
  const data = ordered.slice(start, start + limit);
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < ordered.length };
}
