import type { Request } from 'express';

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}

/** The TCP peer; never X-Forwarded-For, which any local client could forge. */
export function socketPeer(req: Request): string | undefined {
  return req.socket.remoteAddress;
}
