/**
 * What the services are built from. Each service takes only the slice it uses, so unit tests pass
 * small fakes and the composition root (core.ts) passes the real store, repository, pool and log.
 */
import type { RelayStatus } from '../../shared/contract';
import type { ProviderKind, Region } from '../../shared/domain/account';
import type { Logger } from '../logs/types';
import type { EventBus } from './event-bus';

export interface ServiceContext {
  events: EventBus;
  logger: Logger;
  now(): number;
}

/** The relay listener as the services drive it. */
export interface RelayController {
  status(): RelayStatus;
  start(): Promise<RelayStatus>;
  stop(): Promise<RelayStatus>;
  /** Re-listens on the current settings' host/port (after a settings change). */
  restart(): Promise<RelayStatus>;
}

/** The upstream base URL of a region for a provider (web accounts when none is named). */
export type BaseUrlFor = (region: Region, provider: ProviderKind) => string;
