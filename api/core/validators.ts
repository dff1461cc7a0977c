// HTTP validators for what the portal answers outside Hono's own middleware (prerendered pages,
// on-demand pages): a strong ETag from the body, and whether the client's copy is still fresh
// (If-None-Match, as Express does it, with the `etag` and `fresh` libraries).
import makeEtag from 'etag';
import fresh from 'fresh';

/** The entity tag of a body: the same body, the same tag. */
export function entityTag(body: string | Buffer): string {
  return makeEtag(body);
}

/**
 * Whether a request's `If-None-Match` already names what would be sent: answer 304. A request's
 * `Cache-Control: no-cache` speaks to caches on the way, not to us (fetch adds it to every
 * conditional request): it is not passed on, so the answer is what Hono's ETag middleware gives.
 */
export function stillFresh(request: { get(name: string): string | null | undefined }, etag: string): boolean {
  return fresh({ 'if-none-match': request.get('if-none-match') ?? undefined }, { etag });
}
