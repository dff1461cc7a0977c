// For search engines, link previews and polling clients: robots.txt, the sitemap (absolute
// addresses, hreflang alternates, lastmod, events), canonical and hreflang links, Open Graph,
// JSON-LD of types and properties schema.org has, ETag and 304, and a charset on every text answer.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { baseURL } from '../helpers/site.ts';

const get = (path: string, init?: RequestInit) => fetch(`${baseURL()}${path}`, { redirect: 'manual', ...init });
const absolute = (path: string) => `${baseURL()}${path}`;
type Ld = Record<string, unknown> & { '@type': string };

let eventId: string;
let sitemap: string;
beforeAll(async () => {
  const db = await openDb({ DATA_DIR: inject('dataDir') });
  const { user, password } = await new Accounts(db).add(`web-${Date.now()}`, 'aitun-day-care-centre', 'editor');
  await db.close();
  const login = await fetch(`${baseURL()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', Origin: baseURL() }, body: JSON.stringify({ username: user.username, password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const start = new Date(Date.now() + 3 * 86400_000);
  const created = await fetch(`${baseURL()}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, Origin: baseURL() },
    body: JSON.stringify({ title: { zh: '艾屯社区健康讲座' }, description: { zh: '讲讲冬天怎样防跌倒。' }, start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString(), audience: ['elderly'] }),
  });
  expect(created.status).toBe(201);
  eventId = (await created.json()).id;
  sitemap = await (await get('/sitemap.xml')).text();
});

const jsonLdOf = (html: string): Ld[] => [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Ld);
const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1];

describe('robots.txt and the sitemap', () => {
  it('robots.txt names the absolute sitemap and keeps crawlers off the staff pages and the API', async () => {
    const res = await get('/robots.txt');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${absolute('/sitemap.xml')}`);
    expect(text).toMatch(/^Disallow: \/zh\/admin\/$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });

  it('lists every page by its absolute address, with both languages and x-default, and lastmod', () => {
    const urls = [...sitemap.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(60);
    for (const url of urls) {
      const loc = attr(url, /<loc>([^<]+)<\/loc>/)!;
      expect(loc.startsWith(`${baseURL()}/`), loc).toBe(true);
      const alternates = [...url.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
      expect(alternates.map(([lang]) => lang)).toEqual(['zh-CN', 'en', 'x-default']);
      expect(alternates.every(([, href]) => href!.startsWith(`${baseURL()}/`))).toBe(true);
      expect(alternates.map(([, href]) => href)).toContain(loc);
    }
    const lastmod = (path: string) => attr(urls.find((u) => u.includes(`<loc>${absolute(path)}</loc>`)) ?? '', /<lastmod>([^<]+)<\/lastmod>/);
    expect(lastmod('/zh/policies/dibao/')).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(lastmod('/en/services/kazi-day-care-centre/')).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('lists the events, each with when it last changed', () => {
    expect(sitemap).toMatch(new RegExp(`<loc>${absolute(`/zh/events/${eventId}/`).replace(/[.?]/g, '\\$&')}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}T`));
  });
});

describe('every page in the sitemap, for search engines and link previews', () => {
  it('has a canonical link to itself, absolute hreflang alternates with x-default, and Open Graph title and description', async () => {
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const loc of locs) {
      const html = await (await fetch(loc)).text();
      expect(attr(html, /<link rel="canonical" href="([^"]+)"/), loc).toBe(loc);
      const langs = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
      expect(langs.map((m) => m[1]), loc).toEqual(['zh-CN', 'en', 'x-default']);
      expect(langs.every((m) => m[2]!.startsWith(`${baseURL()}/`)), loc).toBe(true);
      expect(attr(html, /<meta property="og:title" content="([^"]+)"/), loc).toBeTruthy();
      expect(attr(html, /<meta property="og:description" content="([^"]+)"/), loc).toBeTruthy();
      expect(attr(html, /<meta property="og:url" content="([^"]+)"/), loc).toBe(loc);
      for (const ld of jsonLdOf(html)) expect(ld['@context'], loc).toBe('https://schema.org');
    }
  }, 120_000);

  it('describes a programme guide as a GovernmentService with its provider and area', async () => {
    const [ld] = jsonLdOf(await (await get('/zh/policies/dibao/')).text());
    expect(ld).toMatchObject({ '@type': 'GovernmentService', provider: { '@type': 'GovernmentOrganization', name: expect.any(String) }, areaServed: { '@type': 'AdministrativeArea' } });
    expect((ld!.availableChannel as unknown[]).length).toBeGreaterThan(0);
  });

  it('describes centres as places, with no property their types lack', async () => {
    for (const [path, type] of [['/zh/services/kazi-day-care-centre/', 'CivicStructure'], ['/en/services/bahuang-civil-affairs-office/', 'GovernmentOffice']] as const) {
      const [ld] = jsonLdOf(await (await get(path)).text());
      expect(ld!['@type'], path).toBe(type);
      expect(ld, path).not.toHaveProperty('inLanguage');
      expect(ld, path).not.toHaveProperty('makesOffer');
      expect(ld!.address, path).toMatchObject({ '@type': 'PostalAddress', addressCountry: 'CN' });
    }
  });

  it('gives every event an address, a description, its status and how to attend; its page names the feed', async () => {
    const html = await (await get(`/zh/events/${eventId}/`)).text();
    const [ld] = jsonLdOf(html);
    expect(ld).toMatchObject({
      '@type': 'Event',
      description: expect.stringContaining('防跌倒'),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: expect.any(String), addressCountry: 'CN' } },
    });
    expect(attr(html, /<meta property="og:type" content="([^"]+)"/)).toBe('article');
    for (const page of [html, await (await get('/en/events/')).text()]) {
      expect(attr(page, /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="([^"]+)"/)).toBe(absolute('/api/events.rss'));
    }
  });
});

describe('HTTP validators and charsets', () => {
  const polled = ['/zh/policies/dibao/', '/zh/services/', '/en/events/', '/sitemap.xml', '/robots.txt', '/api/events.rss', '/api/events.ics', '/api/events', '/api/hsds/services', '/api/services', `/api/search?q=${encodeURIComponent('低保')}`, '/api/suggest?q=di'];

  it.each(polled)('%s: an ETag, and 304 with no body when the copy is current', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^(W\/)?"[^"]+"$/);
    const again = await get(path, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // The same tag (compression marks it weak on the 200, which has a body to compress).
    expect(again.headers.get('etag')?.replace(/^W\//, '')).toBe(tag!.replace(/^W\//, ''));
  });

  it('gives elder mode its own ETag (the page differs), and a changed page a new one', async () => {
    const plain = (await get('/zh/policies/dibao/')).headers.get('etag')!;
    const elder = await get('/zh/policies/dibao/', { headers: { cookie: 'elder=on', 'If-None-Match': plain } });
    expect(elder.status).toBe(200);
    expect(elder.headers.get('etag')).not.toBe(plain);
  });

  it('names a charset on every text answer, and caches hashed assets for a year', async () => {
    const home = await (await get('/zh/')).text();
    const assets = [...home.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const path of [...assets, '/zh/', '/zh/services/', '/sitemap.xml', '/robots.txt', '/api/health', '/api/events.rss', '/api/events.ics', '/api/hsds/', '/api/hsds/services?format=ndjson', '/api/openapi.json', '/zh/no-such-page/']) {
      const res = await get(path);
      expect(res.headers.get('content-type'), path).toMatch(/;\s*charset=utf-8/i);
    }
    for (const path of assets) expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
  });
});
