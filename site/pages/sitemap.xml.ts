import type { APIRoute } from 'astro';
import { LANGS } from '../../content/schemas/index.ts';

// Every page, per language (prerendered or rendered on request). The e2e suite runs axe and the
// weight budget over this list and fails if it finds a linked page missing from it.
export const GET: APIRoute = async ({ site, locals }) => {
  const { content, href } = locals;
  const sections = ['', 'policies/', 'conventions/', 'services/', 'events/', 'ask/', 'check/'];
  const paths = [
    ...sections,
    ...[...content.policies.keys()].map((id) => `policies/${id}/`),
    ...[...content.conventions.keys()].flatMap((id) => [`conventions/${id}/`, `conventions/${id}/poster/`]),
    ...[...content.services.keys()].map((id) => `services/${id}/`),
  ];
  const urls = LANGS.flatMap((lang) => paths.map((path) => new URL(href(path, lang), site).href));
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((u) => `  <url><loc>${u}</loc></url>`).join('\n') +
    '\n</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
