/**
 * Channel names shared by main and the preload. Method channels come from the contract's
 * `toChannel(domain, method)`; pushed events get their own prefix so an event name can never be
 * mistaken for a callable method channel.
 */
import { BRIDGE_EVENTS, type BridgeEventName } from '../../shared/contract';

export const EVENT_CHANNEL_PREFIX = 'bridge-event:';

export function toEventChannel(event: BridgeEventName): string {
  return `${EVENT_CHANNEL_PREFIX}${event}`;
}

export function isBridgeEvent(value: unknown): value is BridgeEventName {
  return typeof value === 'string' && (BRIDGE_EVENTS as readonly string[]).includes(value);
}
