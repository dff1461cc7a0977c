import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/**
 * Whether a request that changes data comes from another site (CSRF). `Sec-Fetch-Site`, which
 * pages cannot forge, decides when the browser sends it; otherwise `Origin` must name this host.
 * Clients that send neither are not browsers, so no cookie of a victim rides along.
 */
export function isCrossOrigin(method: string, headers: Headers, host: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return false;
  const site = headers.get('Sec-Fetch-Site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('Origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a privacy setting) or garbage
  }
}

/** Refuses a state-changing request sent from another site (CSRF). */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (isCrossOrigin(c.req.method, c.req.raw.headers, c.req.header('Host') ?? new URL(c.req.url).host)) {
    throw new ApiError(403, 'cross_origin', 'Requests that change data must come from this website.');
  }
  await next();
};
