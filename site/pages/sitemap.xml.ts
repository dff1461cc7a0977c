import type { APIRoute } from 'astro';
import { absolute } from '../../api/core/index.ts';
import { HTML_LANG } from '../../content/i18n/index.ts';
import { LANGS } from '../../content/schemas/index.ts';

// Made on request, so it lists the events and the centres' latest changes. The e2e suite runs
// axe and the weight budget over this list and fails if it finds a linked page missing from it.
export const prerender = false;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ locals }) => {
  const { content, href, origin, services } = locals;
  const sections = ['', 'policies/', 'conventions/', 'consultations/', 'services/', 'events/', 'ask/', 'check/', 'letters/', 'letters/write/', 'letters/status/', 'letters/figures/'];
  const latest = (id: string) => services?.directory.changes(id).at(-1)?.at;
  const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
  const events = (await services?.events.shown({ from: monthAgo, limit: 500 })) ?? [];
  const consultations = (await services?.consultations.list().catch(() => [])) ?? [];
  const letters = (await services?.letters.published().catch(() => [])) ?? [];
  const pages: { path: string; lastmod?: string }[] = [
    ...sections.map((path) => ({ path })),
    ...[...content.policies].map(([id, p]) => ({ path: `policies/${id}/`, lastmod: p.reviewed })),
    ...[...content.conventions].flatMap(([id, c]) => [`conventions/${id}/`, `conventions/${id}/poster/`].map((path) => ({ path, lastmod: c.reviewed }))),
    ...[...content.services].map(([id, s]) => ({ path: `services/${id}/`, lastmod: latest(id) ?? s.reviewed })),
    ...events.map((e) => ({ path: `events/${e.id}/`, lastmod: e.updatedAt })),
    ...consultations.map((c) => ({ path: `consultations/${c.id}/`, lastmod: c.updatedAt })),
    ...letters.map((l) => ({ path: `letters/${l.reference}/`, lastmod: l.publishedAt })),
  ];
  // Each address with its other language and the default (Chinese), absolute, as search engines read them.
  const url = (path: string, lang: (typeof LANGS)[number]) => escape(absolute(origin, href(path, lang)));
  const alternates = (path: string) =>
    [...LANGS.map((lang) => `<xhtml:link rel="alternate" hreflang="${HTML_LANG[lang]}" href="${url(path, lang)}"/>`), `<xhtml:link rel="alternate" hreflang="x-default" href="${url(path, 'zh')}"/>`].join('');
  const entries = LANGS.flatMap((lang) =>
    pages.map(({ path, lastmod }) => `  <url><loc>${url(path, lang)}</loc>${lastmod ? `<lastmod>${escape(lastmod)}</lastmod>` : ''}${alternates(path)}</url>`),
  );
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    entries.join('\n') +
    '\n</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' } });
};
