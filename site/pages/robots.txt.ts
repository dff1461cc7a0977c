import type { APIRoute } from 'astro';
import { absolute } from '../../api/core/index.ts';
import { LANGS } from '../../content/schemas/index.ts';

// For crawlers: everything public, not the staff pages or the API (its feeds excepted), and where the sitemap is.
export const GET: APIRoute = ({ locals }) => {
  const lines = [
    'User-agent: *',
    ...LANGS.map((lang) => `Disallow: ${locals.href('admin/', lang)}`),
    'Disallow: /api/',
    'Allow: /api/events.rss',
    'Allow: /api/events.ics',
    '',
    `Sitemap: ${absolute(locals.origin, '/sitemap.xml')}`,
    '',
  ];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
