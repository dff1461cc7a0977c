// Every page, prerendered or rendered on request, gets the same locals: its language and strings,
// the district's content and clock, and (at request time) the portal's services.
import { defineMiddleware } from 'astro:middleware';
import { translator } from '../content/i18n/index.ts';
import { contentOf } from '../content/loader.ts';
import { LANGS, type Lang } from '../content/schemas/index.ts';
import { DistrictClock, href } from '../api/core/index.ts';

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
  const response = await next();
  if (context.url.pathname.startsWith(`/${lang}/admin/`)) {
    // Staff pages are never cached and never indexed.
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex');
  }
  return response;
});
