import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, zeroResults } = await testApp();

describe('GET /api/health', () => {
  it('answers the contract shape', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', search: { engine: expect.any(String), documents: expect.any(Number), answers: true }, bot: { mode: 'extractive' } });
    expect(body).toHaveProperty('db');
    expect(body.search).toEqual({ engine: 'embedded', documents: expect.any(Number), answers: true });
    expect(body.search.documents).toBeGreaterThan(100);
    expect(body.content.policies).toBeGreaterThan(0);
  });
});

describe('unknown API paths', () => {
  it('answers 404 in the error shape for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await app.request('/api/no-such-thing', { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/no-such-thing') } });
    }
  });
});

describe('GET /api/prefs (elder mode without JavaScript)', () => {
  it('turns elder mode on with a cookie and goes back to the page', async () => {
    const res = await app.request('/api/prefs?elder=on&back=/zh/policies/dibao/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/zh/policies/dibao/');
    expect(res.headers.get('set-cookie')).toMatch(/^elder=on;.*Path=\/.*SameSite=Lax/);
  });

  it('toggles from the current cookie', async () => {
    const on = await app.request('/api/prefs?elder=toggle&back=/en/');
    expect(on.headers.get('set-cookie')).toMatch(/^elder=on/);
    const off = await app.request('/api/prefs?elder=toggle&back=/en/', { headers: { cookie: 'elder=on' } });
    expect(off.headers.get('set-cookie')).toMatch(/^elder=off/);
  });

  it('refuses to send the reader to another site, naming the field', async () => {
    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await app.request(`/api/prefs?elder=on&back=${encodeURIComponent(back)}`);
      expect(res.status, back).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_request');
      expect(Object.keys(body.error.fields)).toEqual(['back']);
    }
  });

  it('answers 400 naming the field for a missing or unknown setting', async () => {
    const missing = await app.request('/api/prefs');
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields).toHaveProperty('elder');
    const wrong = await app.request('/api/prefs?elder=maybe');
    expect((await wrong.json()).error.fields.elder).toMatch(/Expected 'on' \| 'off' \| 'toggle'/);
  });
});

describe('GET /api/services', () => {
  it('sorts centres by distance from near=lat,lng, with distanceKm', async () => {
    const res = await app.request('/api/services?near=27.72,109.19&type=day-care');
    expect(res.status).toBe(200);
    const { services } = await res.json();
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s: { type: string }) => s.type === 'day-care')).toBe(true);
    const distances = services.map((s: { distanceKm: number }) => s.distanceKm);
    expect(distances.every((d: unknown) => typeof d === 'number')).toBe(true);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    expect(services[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), url: expect.stringMatching(/^\/zh\/services\//), verified: false });
  });

  it('answers 400 naming each bad parameter', async () => {
    const res = await app.request('/api/services?near=north&type=spa&limit=0&colour=red');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['colour', 'limit', 'near', 'type']);
    expect((await app.request('/api/services?near=95,109')).status).toBe(400);
  });
});

describe('GET /api/hsds/services', () => {
  it('pages the directory as HSDS 3', async () => {
    const first = await (await app.request('/api/hsds/services?per_page=5')).json();
    expect(first).toMatchObject({ page_number: 1, size: 5, first_page: true, empty: false });
    expect(first.total_items).toBeGreaterThanOrEqual(12);
    const last = await (await app.request(`/api/hsds/services?per_page=5&page=${first.total_pages}`)).json();
    expect(last.last_page).toBe(true);
    expect((await app.request('/api/hsds/services?page=0')).status).toBe(400);
  });
});

describe('GET /api/search', () => {
  it('answers the contract shape, with the guide first for a colloquial question', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('低保怎么申请')}&lang=zh`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ query: '低保怎么申请', engine: 'embedded', total: expect.any(Number), tookMs: expect.any(Number) });
    expect(body.hits[0]).toMatchObject({ type: 'policy', url: '/zh/policies/dibao/', lang: 'zh', title: expect.any(String) });
    expect(body.hits[0].snippet).toContain('<mark>');
    expect(body.facets.type.policy).toBeGreaterThan(0);
  });

  it('pages, filters by type and town, and guesses the language from the query', async () => {
    const all = await (await app.request('/api/search?q=elderly&limit=2')).json();
    expect(all.hits.every((h: { lang: string }) => h.lang === 'en')).toBe(true);
    const next = await (await app.request('/api/search?q=elderly&limit=2&offset=2')).json();
    expect(next.hits[0].id).not.toBe(all.hits[0].id);
    const services = await (await app.request(`/api/search?q=${encodeURIComponent('老人')}&type=service`)).json();
    expect(services.hits.every((h: { type: string }) => h.type === 'service')).toBe(true);
    const town = await (await app.request(`/api/search?q=${encodeURIComponent('办酒')}&town=bahuang`)).json();
    expect(town.hits.every((h: { town?: string }) => h.town === 'bahuang')).toBe(true);
  });

  it('answers 400 naming the field for an empty or over-long query, an unknown type or a negative limit', async () => {
    for (const [query, field] of [
      ['q=', 'q'],
      [`q=${'长'.repeat(2001)}`, 'q'],
      ['q=dibao&type=weather', 'type'],
      ['q=dibao&limit=-1', 'limit'],
      ['q=dibao&offset=-5', 'offset'],
      ['', 'q'],
    ] as const) {
      const res = await app.request(`/api/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys((await res.json()).error.fields), query).toContain(field);
    }
  });

  it('counts a query that finds nothing, by its text only, without ID-card or phone numbers', async () => {
    const q = '522201198803120021 13812345678 足球';
    const res = await (await app.request(`/api/search?q=${encodeURIComponent(q)}`)).json();
    expect(res.total).toBe(0);
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const counts = await zeroResults.read(day);
    expect(counts).toEqual({ '[id] [phone] 足球': 1 });
  });
});

describe('GET /api/suggest', () => {
  it('suggests titles for a prefix, and answers 400 without one', async () => {
    const res = await app.request(`/api/suggest?q=${encodeURIComponent('高龄')}`);
    expect((await res.json()).suggestions[0]).toMatchObject({ url: '/zh/policies/elderly-allowance/', type: 'policy' });
    expect((await app.request('/api/suggest?q=')).status).toBe(400);
  });
});

describe('search engine choice', () => {
  it('falls back to the embedded engine, saying so, when the configured Meilisearch does not answer', async () => {
    const { createEngine } = await import('../../search/index.ts');
    const lines: string[] = [];
    const engine = await createEngine({ meiliHost: 'http://127.0.0.1:9', synonyms: [] }, (l) => lines.push(l));
    expect(engine.name).toBe('embedded');
    expect(lines.join('\n')).toMatch(/WARNING no Meilisearch answers at http:\/\/127\.0\.0\.1:9/);
  });
});
