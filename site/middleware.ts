// Every page, prerendered or rendered on request, gets the same locals: its language and strings,
// the district's content and clock, and (at request time) the portal's services.
import { defineMiddleware } from 'astro:middleware';
import { translator } from '../content/i18n/index.ts';
import { contentOf } from '../content/loader.ts';
import { LANGS, type Lang } from '../content/schemas/index.ts';
import { BUILD_ORIGIN, DistrictClock, entityTag, href, pagePolicy, stillFresh } from '../api/core/index.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const { locals } = context;
  // The server hands on-demand pages its own content; prerendering reads the content folder once.
  const content = locals.services?.content ?? contentOf(process.env.CONTENT_DIR);
  const segment = context.url.pathname.split('/')[1];
  const lang: Lang = (LANGS as readonly string[]).includes(segment ?? '') ? (segment as Lang) : 'zh';
  const { hotlines } = content.district;
  locals.content = content;
  locals.lang = lang;
  locals.t = translator(lang, { hotline: hotlines.government, police: hotlines.police, ambulance: hotlines.ambulance, fire: hotlines.fire });
  locals.href = (path = '', to = lang) => href(to, path);
  locals.clock = locals.services?.clock ?? new DistrictClock(content.district.timeZone);
  locals.elder ??= false;
  // Absolute links (canonical, hreflang, JSON-LD, Open Graph): the public origin when configured;
  // a prerendered page is written with the build's, which the server replaces as it sends it.
  // (On request the server hands it over; `astro dev` has only its own address.)
  locals.origin = context.isPrerendered ? (context.site?.origin ?? BUILD_ORIGIN) : (locals.origin ?? context.url.origin);
  const response = await next();
  // Astro sends its pages as bare `text/html`: the charset too, so no browser guesses.
  const type = response.headers.get('content-type');
  if (type && /^(text\/|application\/(xml|json))/.test(type) && !/charset=/i.test(type)) response.headers.set('Content-Type', `${type}; charset=utf-8`);
  // Prerendered pages get their policy from the server as it sends them.
  if (context.isPrerendered) return response;
  const staff = context.url.pathname.startsWith(`/${lang}/admin/`);
  if (staff) {
    // Staff pages are never cached and never indexed.
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex');
  }
  return finished(context.request, response, staff);
});

/**
 * An on-demand page with what only its text can give, read once: an HTML page its
 * Content-Security-Policy (the hashes of the inline scripts it carries); a page or the sitemap
 * its ETag, and 304 with no body when the reader's copy is still that page (not for staff
 * pages, which are never cached). These pages render in milliseconds and weigh a few kilobytes.
 */
async function finished(request: Request, response: Response, staff: boolean): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  const html = type.startsWith('text/html');
  const tagged = !staff && request.method === 'GET' && response.status === 200 && /^(text\/html|application\/xml)/.test(type);
  if (response.body === null || (!html && !tagged)) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  if (html) headers.set('Content-Security-Policy', pagePolicy(body));
  if (!tagged) return new Response(body, { status: response.status, statusText: response.statusText, headers });
  const tag = entityTag(body);
  headers.set('ETag', tag);
  if (!stillFresh(request.headers, tag)) return new Response(body, { status: 200, headers });
  headers.delete('Content-Type');
  headers.delete('Content-Length');
  return new Response(null, { status: 304, headers });
}
