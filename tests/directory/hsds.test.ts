// The HSDS 3.0 API checked against the official Open Referral schemas (../shared/standards/hsds-3.0/),
// as published and strict: every service, organisation, location, taxonomy and term; the API's
// required endpoints; a sync with modified_after; the centres' changes in `metadata`; ETag and 304.
import { describe, expect, it } from 'vitest';
import { errorsOf, hsdsValidators, MODES } from '../helpers/hsds.ts';
import { testApp } from '../helpers/app.ts';

const { app, accounts, content } = await testApp();
const CENTRE = 'kazi-day-care-centre';
const editor = await accounts.accounts.add('kazi-hsds', CENTRE, 'editor');
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kazi-hsds', password: editor.password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const patch = (body: unknown) => app.request(`/api/services/${CENTRE}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
const get = async (path: string) => {
  const res = await app.request(`/api/hsds${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
};
type Thing = { id: string; [key: string]: unknown };

// A centre's change first, so metadata and the nested facts are tested with what centres enter.
const before = new Date();
await new Promise((resolve) => setTimeout(resolve, 5));
expect(
  (
    await patch({
      phones: [{ number: '0856-5211234', label: 'duty' }],
      hours: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:30' }], note: { zh: '法定节假日休息' } },
      accessibility: { features: ['step-free', 'accessible-toilet'] },
      languages: ['mandarin', 'local-dialect'],
      location: { lat: 27.7, lng: 109.2 },
      address: { zh: '碧江区卡子社区 1 号' },
    })
  ).status,
).toBe(200);

describe.each(MODES)('HSDS 3.0, validated %s', (mode) => {
  const schema = hsdsValidators(mode);
  const valid = (file: string, things: Thing[]) => {
    const validate = schema(file);
    const failures = things.flatMap((thing: Thing): string[] => (validate(thing as unknown) ? [] : [`${thing.id}: ${errorsOf(validate).slice(0, 3).join('; ')}`]));
    expect(failures, file).toEqual([]);
    return things.length;
  };

  it('every service is valid, fully nested (one by one and in the full list) and as listed', async () => {
    const full = (await get('/services?full=true&per_page=100')).contents as Thing[];
    expect(valid('compiled/service_with_definitions.json', full)).toBe(content.services.size);
    const each = await Promise.all(full.map((s) => get(`/services/${s.id}`)));
    expect(valid('compiled/service_with_definitions.json', each)).toBe(19);
    const listed = await get('/services?per_page=100');
    expect(valid('compiled/service_list.json', listed.contents)).toBe(19);
    // The envelope is the API's Page (its items are checked above, against their own schema).
    const page = schema('page');
    const { contents: _items, ...envelope } = listed;
    expect(page(envelope), errorsOf(page).join('; ')).toBe(true);
  });

  it('organisations, service-at-locations, taxonomies and terms are valid', async () => {
    expect(valid('organization.json', (await get('/organizations')).contents)).toBeGreaterThanOrEqual(2);
    expect(valid('service_at_location.json', (await get('/service_at_locations?per_page=100')).contents)).toBe(19);
    expect(valid('taxonomy.json', (await get('/taxonomies')).contents)).toBe(3);
    expect(valid('taxonomy_term.json', (await get('/taxonomy_terms?per_page=100')).contents)).toBeGreaterThan(20);
  });
});

describe('the HSDS API', () => {
  it('answers / with its version, profile and OpenAPI document, which describes the HSDS routes', async () => {
    const meta = await get('/');
    expect(meta).toMatchObject({ version: '3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: expect.stringMatching(/\/api\/openapi\.json$/) });
    const doc = await (await app.request(new URL(meta.openapi_url).pathname)).json();
    for (const path of ['/api/hsds/services', '/api/hsds/services/{id}', '/api/hsds/organizations', '/api/hsds/service_at_locations', '/api/hsds/taxonomies', '/api/hsds/taxonomy_terms']) expect(doc.paths[path], path).toBeDefined();
  });

  it('gives stable ids: the same on every call, linked across entities', async () => {
    const one = (await get('/services?full=true&per_page=100')).contents as Thing[];
    const two = (await get('/services?full=true&per_page=100')).contents as Thing[];
    expect(two.map((s) => s.id)).toEqual(one.map((s) => s.id));
    expect(new Set(one.map((s) => s.id)).size).toBe(19);
    const organizations = new Set(((await get('/organizations')).contents as Thing[]).map((o) => o.id));
    expect(one.every((s) => organizations.has(s.organization_id as string))).toBe(true);
    const terms = new Set(((await get('/taxonomy_terms?per_page=100')).contents as Thing[]).map((t) => t.id));
    expect(one.every((s) => (s.attributes as { taxonomy_term_id: string }[]).every((a) => terms.has(a.taxonomy_term_id)))).toBe(true);
  });

  it('shows what the centre entered, and records the change in metadata without naming the person', async () => {
    const id = ((await get('/services?full=true&per_page=100')).contents as Thing[]).find((s) => (s.url as string).includes(`/services/${CENTRE}/`))!.id;
    const s = await get(`/services/${id}`);
    expect(s.phones[0]).toMatchObject({ number: '0856-5211234', type: 'voice' });
    expect(s.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:30+08:00', closes_at: '17:30+08:00', timezone: 8, notes: '法定节假日休息' });
    expect(s.service_at_locations[0].location).toMatchObject({ latitude: 27.7, longitude: 109.2, addresses: [{ address_1: '碧江区卡子社区 1 号', country: 'CN' }] });
    expect(s.service_at_locations[0].location.accessibility).toHaveLength(2);
    expect(s.languages.map((l: { name: string }) => l.name)).toEqual(['普通话', '本地方言']);
    const change = s.metadata.find((m: { field_name: string }) => m.field_name === 'service.phones');
    expect(change).toMatchObject({ last_action_type: 'update', resource_id: id, resource_type: 'service', replacement_value: expect.stringContaining('0856-5211234') });
    expect(change.updated_by).not.toContain('kazi-hsds');
    expect(new Date(s.last_modified).getTime()).toBeGreaterThan(before.getTime());
  });

  it('syncs: modified_after returns only what changed since', async () => {
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await get(`/services?modified_after=${encodeURIComponent(since.toISOString())}`)).total_items).toBe(0);
    expect((await patch({ languages: ['mandarin'] })).status).toBe(200);
    const changed = await get(`/services?modified_after=${encodeURIComponent(since.toISOString())}`);
    expect(changed.contents.map((s: Thing) => s.url)).toEqual([expect.stringContaining(`/services/${CENTRE}/`)]);
    expect((await get(`/service_at_locations?modified_after=${encodeURIComponent(since.toISOString())}`)).total_items).toBe(1);
    expect((await get('/services?modified_after=2000-01-01')).total_items).toBe(19);
    expect((await app.request('/api/hsds/services?modified_after=yesterday')).status).toBe(400);
  });

  it('filters by taxonomy term, taxonomy, organisation and full-text search', async () => {
    const terms = (await get('/taxonomy_terms?per_page=100')).contents as Thing[];
    const dayCare = terms.find((t) => t.code === 'day-care')!;
    const found = (await get(`/services?taxonomy_term_id=${dayCare.id}&per_page=100`)).contents as Thing[];
    const dayCares = [...content.services.values()].filter((s) => s.type === 'day-care').length;
    expect(found).toHaveLength(dayCares);
    expect((await get(`/services?taxonomy_id=${dayCare.taxonomy_id}`)).total_items).toBe(19);
    const villages = (await get(`/taxonomy_terms?parent_id=${terms.find((t) => t.code === 'bahuang')?.id ?? dayCare.id}`)).contents as Thing[];
    expect(villages.every((v) => v.parent_id)).toBe(true);
    expect(((await get('/taxonomy_terms?top_only=true&per_page=100')).contents as Thing[]).every((t) => !t.parent_id)).toBe(true);
    const bureau = ((await get('/organizations')).contents as Thing[])[0]!;
    expect((await get(`/services?organization_id=${bureau.id}`)).total_items).toBeGreaterThan(10);
    const hits = (await get(`/services?search=${encodeURIComponent('日间照料')}`)).contents as Thing[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(19);
    expect((await get(`/services?search=${encodeURIComponent('冰箱维修')}`)).total_items).toBe(0);
    expect((await app.request('/api/hsds/services?taxonomy_term_id=not-a-uuid')).status).toBe(400);
  });

  it('streams NDJSON, answers 404 for an unknown id and 400 for an unknown parameter', async () => {
    const ndjson = await app.request('/api/hsds/services?format=ndjson');
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson; charset=utf-8/);
    expect((await ndjson.text()).trim().split('\n').map((line) => JSON.parse(line).id)).toHaveLength(19);
    const missing = await app.request('/api/hsds/services/00000000-0000-5000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    expect((await app.request('/api/hsds/taxonomies/nope')).status).toBe(404);
    const unknown = await app.request('/api/hsds/services?colour=red');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toHaveProperty('colour');
  });

  it('answers 304 to a poll that has the ETag, and a new ETag after a change', async () => {
    const first = await app.request('/api/hsds/services?full=true');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await app.request('/api/hsds/services?full=true', { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await patch({ languages: ['mandarin', 'miao'] })).status).toBe(200);
    const after = await app.request('/api/hsds/services?full=true', { headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
  });
});
