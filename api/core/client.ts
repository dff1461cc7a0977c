import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';
import proxyaddr from 'proxy-addr';
import { ApiError } from './errors.ts';

/** Which addresses are trusted reverse proxies (`TRUST_PROXY`); none by default. */
export type Trust = (address: string, hop: number) => boolean;

export function trustProxies(list: string[]): Trust {
  return list.length > 0 ? proxyaddr.compile(list) : () => false;
}

/**
 * The client's address, for rate limits (never logged or stored): the socket's peer, or — only
 * when that peer is a trusted proxy — the nearest untrusted address in `X-Forwarded-For`.
 * 'local' when there is no socket (a test calling the app directly).
 */
export function clientAddress(c: Context, trust: Trust): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return peer ? forwardedFor(peer, c.req.header('X-Forwarded-For'), trust) : 'local';
}

/** The same rule for a Node request, as the portal hands pages their client's address. */
export function nodeClientAddress(req: IncomingMessage, trust: Trust): string {
  const peer = req.socket?.remoteAddress;
  const header = req.headers['x-forwarded-for'];
  return peer ? forwardedFor(peer, Array.isArray(header) ? header.join(',') : header, trust) : 'local';
}

function forwardedFor(peer: string, header: string | undefined, trust: Trust): string {
  const req = { headers: header ? { 'x-forwarded-for': header } : {}, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } };
  return proxyaddr(req as unknown as IncomingMessage, trust);
}

/**
 * A middleware that counts each request against its client's budget (`take` answers the seconds
 * to wait, or 0) before anything is read, and answers 429 with Retry-After past it.
 */
export function perClient(trust: Trust, take: (client: string) => Promise<number>, what: string) {
  return createMiddleware(async (c, next) => {
    const wait = await take(clientAddress(c, trust));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate_limited', `Too many ${what} from this address. Please wait ${wait} seconds.`);
    }
    await next();
  });
}
