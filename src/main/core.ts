/**
 * The composition root shared by every host: store → repository → pool → models → request log →
 * providers → proxy app → listener. Hosts differ only in the options they pass.
 */
import type { RelayCore, RelayCoreOptions } from './core/types';
import { RelayError } from '../shared/errors';

export type { CoreSecretBox, RelayControl, RelayCore, RelayCoreEvents, RelayCoreOptions } from './core/types';

export async function createRelayCore(options: RelayCoreOptions): Promise<RelayCore> {
  void options;
  throw new RelayError('internal', 'The relay core is not assembled yet.');
}
