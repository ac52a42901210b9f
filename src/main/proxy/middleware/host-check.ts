/**
 * DNS-rebinding defence: a web page on evil.example can make its own name resolve to 127.0.0.1,
 * but the browser still sends `Host: evil.example`, so only loopback names (and the configured
 * host) are accepted.
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import type { Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

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

function isAllowedName(name: string, configuredHost: string): boolean {
  if (isLoopbackHost(name)) return true;
  const configured = configuredHost.toLowerCase();
  if (WILDCARD_HOSTS.has(configured)) {
    // Bound to every interface: clients reach us by an IP literal, which a rebinding attack
    // cannot produce (it needs a DNS name). Names other than loopback stay refused.
    return isIP(name.replace(/^\[|\]$/g, '')) !== 0;
  }
  return name === configured || name === `[${configured}]`;
}

export function hostCheck(getSettings: () => Settings): RequestHandler {
  return (req, _res, next) => {
    const parsed = parseHostHeader(req.headers.host ?? '');
    const localPort = req.socket.localPort;
    const portOk = parsed !== null && (parsed.port ?? 80) === localPort;
    if (!parsed || !portOk || !isAllowedName(parsed.name, getSettings().server.host)) {
      next(new RelayError('forbidden', 'Host header not allowed: the relay answers only on its own address (DNS-rebinding protection).'));
      return;
    }
    next();
  };
}
