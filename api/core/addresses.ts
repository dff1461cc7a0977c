// Page and feed addresses (ARCHITECTURE.md, "Page addresses"): built here, nowhere else.
import { LANGS, type Lang } from '../../content/schemas/index.ts';

/** The address of a page: `path` starts after the language, e.g. `policies/dibao/`. */
export function href(lang: Lang, path = ''): string {
  return `/${lang}/${path}`;
}

/** The portal's public origin: `PUBLIC_ORIGIN` when set, else the origin the request came to. */
export function originOf(publicOrigin: string | undefined, requestUrl: string): string {
  return publicOrigin ?? new URL(requestUrl).origin;
}

/**
 * The origin prerendered pages are written with when PUBLIC_ORIGIN is unset (astro.config.mjs
 * names it too): the server puts the request's own origin in its place as it sends them, so one
 * build serves under any address.
 */
export const BUILD_ORIGIN = 'https://portal-origin.invalid';

/** An absolute address on the portal, for feeds, calendars, exports and QR codes. */
export function absolute(origin: string | URL, path: string): string {
  return new URL(path, origin).href;
}

/** The calendar to subscribe to: every centre's events, or one centre's. */
export function calendarPath(center?: string): string {
  return center ? `/api/events.ics?center=${encodeURIComponent(center)}` : '/api/events.ics';
}

/** One event as a calendar file to add. */
export function eventCalendarPath(id: string): string {
  return `/api/events.ics?id=${encodeURIComponent(id)}`;
}

export const FEED_PATH = '/api/events.rss';
/** The consultations as RSS 2.0. */
export const CONSULTATIONS_FEED_PATH = '/api/consultations/feed.rss';

/** A phone number as a link a phone can dial. */
export function tel(number: string): string {
  return `tel:${number.replace(/\s/g, '')}`;
}

/** Astro's `getStaticPaths` for a page that exists once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/** Astro's `getStaticPaths` for one page per language and per id. */
export function entryPaths(ids: Iterable<string>) {
  const list = [...ids];
  return LANGS.flatMap((lang) => list.map((id) => ({ params: { lang, id } })));
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/i;

/**
 * The origin a printed page (a poster's QR code) must carry: `PUBLIC_ORIGIN` when set, else the
 * address the page was asked for. A loopback address on a server that listens on a network is
 * refused: no resident's phone can open it, and the poster is printed once.
 */
export function printedOrigin(publicOrigin: string | undefined, requestHost: string | null, listensOn: string): { origin: string } | { missing: 'PUBLIC_ORIGIN' } {
  if (publicOrigin) return { origin: publicOrigin };
  const host = requestHost ?? 'localhost';
  const hostname = host.replace(/:\d+$/, '');
  if (LOOPBACK.test(hostname) && !LOOPBACK.test(listensOn)) return { missing: 'PUBLIC_ORIGIN' };
  return { origin: `http://${host}` };
}
