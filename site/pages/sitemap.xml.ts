import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { LANGS } from '../i18n/index.ts';

// Every page, per language (prerendered or rendered on request). The e2e suite runs axe and the
// weight budget over this list and fails if it finds a linked page missing from it.
export const GET: APIRoute = async ({ site }) => {
  const sections = ['', 'policies/', 'conventions/', 'services/', 'events/', 'ask/', 'check/'];
  const policies = await getCollection('policies');
  const conventions = await getCollection('conventions');
  const services = await getCollection('services');
  const paths = [
    ...sections,
    ...policies.map((e: { id: string }) => `policies/${e.id}/`),
    ...conventions.flatMap((e: { id: string }) => [`conventions/${e.id}/`, `conventions/${e.id}/poster/`]),
    ...services.map((e: { id: string }) => `services/${e.id}/`),
  ];
  const urls = LANGS.flatMap((lang) => paths.map((path) => new URL(`/${lang}/${path}`, site).href));
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((u) => `  <url><loc>${u}</loc></url>`).join('\n') +
    '\n</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
