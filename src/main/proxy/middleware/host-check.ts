/**
 * DNS-rebinding defence: a web page on evil.example can make its own name resolve to 127.0.0.1,
 * but the browser still sends `Host: evil.example`, so only loopback names (and the configured
 * host) are accepted.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import type { Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Splits a Host header into name and port (`[::1]:8000` → `[::1]`, 8000). */
export function parseHostHeader(header: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match?.[1]) return null;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

/** The address a connection reached us on, as a Host name (`::ffff:10.0.0.2` → `10.0.0.2`, IPv6 bracketed). */
function localName(localAddress: string | undefined): string | null {
  if (!localAddress) return null;
  const address = localAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
  return isIP(address) === 6 ? `[${address}]` : address;
}

function isAllowedName(name: string, configuredHost: string, localAddress: string | undefined): boolean {
  if (isLoopbackHost(name)) return true;
  const configured = configuredHost.toLowerCase();
  if (name === configured || name === `[${configured}]`) return true;
  // The IP literal the client actually connected to (a LAN address when bound to 0.0.0.0, or one
  // given on the command line): a rebinding attack needs a DNS name, so an IP literal is safe.
  return name === localName(localAddress);
}

/** Whether the request's Host names this relay: a loopback name, the configured host or the address it reached, on its port. */
export function isHostAllowed(req: Pick<IncomingMessage, 'headers' | 'socket'>, settings: Pick<Settings, 'server'>): boolean {
  const parsed = parseHostHeader(req.headers.host ?? '');
  if (!parsed || (parsed.port ?? 80) !== req.socket.localPort) return false;
  return isAllowedName(parsed.name, settings.server.host, req.socket.localAddress);
}

export function hostCheck(getSettings: () => Settings): RequestHandler {
  return (req, _res, next) => {
    if (!isHostAllowed(req, getSettings())) {
      next(new RelayError('forbidden', 'Host header not allowed: the relay answers only on its own address (DNS-rebinding protection).'));
      return;
    }
    next();
  };
}
