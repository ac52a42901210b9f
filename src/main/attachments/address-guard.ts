/**
 * The SSRF guard for remote attachment URLs: the relay fetches what a client names, so a client
 * must not make it read loopback services, the LAN or a cloud metadata endpoint. Only globally
 * routable unicast addresses pass unless the user allows private addresses. Every address a name
 * resolves to is checked, and the check happens inside the socket's own lookup, so a second DNS
 * answer (rebinding) cannot slip a private address in between check and connect.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address is refused, or null when it is public. */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  // `::ffff:10.0.0.1` reaches 10.0.0.1: judge the IPv4 address inside.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address} (${range}), which is not a public address`);
    this.name = 'BlockedAddressError';
  }
}

/** Classifies an address: the blocked range's name, or null. Tests pass their own. */
export type AddressPolicy = (address: string) => string | null;

/** Throws for an IP-literal host in a blocked range (sockets skip the lookup for literals). */
export function assertHostAllowed(hostname: string, allowPrivate: boolean, policy: AddressPolicy = blockedRange): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host) === 0) return;
  const range = policy(host);
  if (range !== null) throw new BlockedAddressError(host, host, range);
}

export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const resolveAllWithDns: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;
export type SocketLookup = (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => void;

/** A `lookup` for http.request that refuses names resolving to any blocked address. */
export function createGuardedLookup(allowPrivate: boolean, resolveAll: ResolveAll = resolveAllWithDns, policy: AddressPolicy = blockedRange): SocketLookup {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const checked = allowPrivate ? [] : addresses.map((entry) => ({ entry, range: policy(entry.address) }));
        const blocked = checked.find((item) => item.range !== null);
        if (blocked) return callback(new BlockedAddressError(hostname, blocked.entry.address, blocked.range ?? 'unknown'), []);
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, []),
    );
  };
}
