import { describe, expect, it } from 'vitest';
import { baseURL } from '../helpers/site.ts';

const get = (path: string, init?: RequestInit) => fetch(`${baseURL()}${path}`, { redirect: 'manual', ...init });

describe('the portal as a newcomer starts it', () => {
  it('serves the Chinese and English home pages with the right lang attribute', async () => {
    for (const [path, lang] of [['/zh/', 'zh-CN'], ['/en/', 'en']] as const) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toMatch(new RegExp(`<html lang="${lang}"`));
    }
  });

  it('answers /api/health with JSON', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', bot: { mode: 'extractive' } });
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await get('/api/nothing/here', { method: 'POST' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('answers unknown pages with a real bilingual 404 page', async () => {
    for (const path of ['/zh/no-such-page/', '/en/policies/no-such-policy/', '/nothing', '/fr/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toContain('找不到这个页面');
      expect(html).toContain('find that page');
      expect(html).toContain('href="/zh/"');
    }
  });

  it('sends / to the reader’s language by Accept-Language', async () => {
    expect((await get('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).headers.get('location')).toBe('/en/');
    expect((await get('/', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } })).headers.get('location')).toBe('/zh/');
    expect((await get('/')).headers.get('location')).toBe('/zh/');
  });

  it('adds the missing trailing slash, keeping the query', async () => {
    const res = await get('/zh/policies?elder=on');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/zh/policies/?elder=on');
  });

  it('compresses pages and caches hashed assets for a year', async () => {
    const res = await get('/zh/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const css = (await (await get('/zh/')).text()).match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    if (css) expect((await get(css)).headers.get('cache-control')).toContain('immutable');
  });

  it('compresses pages rendered on request too, and sends them with the security headers', async () => {
    for (const path of ['/zh/services/', '/en/search/?q=dibao', '/zh/check/?start=1']) {
      const res = await get(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await res.text(), path).toContain('</html>');
    }
  });

  it('renders the search page per request and escapes what the reader typed', async () => {
    const res = await get(`/zh/search/?q=${encodeURIComponent('<script>alert(1)</script>低保')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;低保');
    // Inside a quoted attribute `<` is inert; anywhere else it must be escaped.
    expect(html.split('<script>alert(1)</script>').length - 1).toBe(1);
    expect(html).toContain('value="<script>alert(1)</script>低保"');
  });

  it('applies elder mode on the server from the cookie or ?elder=, before any script runs', async () => {
    expect(await (await get('/en/', { headers: { cookie: 'elder=on' } })).text()).toContain('data-elder="on"');
    const asked = await get('/en/?elder=on');
    expect(asked.headers.get('set-cookie')).toMatch(/^elder=on/);
    expect(await asked.text()).toContain('data-elder="on"');
    expect(await (await get('/zh/search/', { headers: { cookie: 'elder=on' } })).text()).toContain('data-elder="on"');
    expect(await (await get('/en/')).text()).toContain('data-elder="off"');
  });
});
