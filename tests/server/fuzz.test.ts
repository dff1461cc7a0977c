// Bad input from the contract: requests generated from /api/openapi.json for every operation —
// odd parameter values, each body field missing, of the wrong type, or extra, huge bodies,
// invalid UTF-8, deep JSON, wrong content types and methods, odd query strings — signed in and
// not. No answer is a 5xx, every error is in the one shape, every status is one the document lists.
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, accounts } = await testApp();
const { password } = await accounts.accounts.add('fuzz-admin', null, 'admin');
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fuzz-admin', password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; example?: unknown; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };
const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const resolve = (s: Schema | undefined): Schema => (s?.$ref ? resolve(doc.components.schemas[s.$ref.split('/').at(-1)!]) : (s ?? {}));

/** A plausible value for a schema: its example, its first choice, or one of its type. */
function sample(raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(raw);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) return depth > 4 ? {} : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
  if (type === 'array') return depth > 4 ? [] : [sample(s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return '低保';
}

/** The same value as the wrong type: a string for a number, an object for a string, and so on. */
const wrongTypes = (v: unknown): unknown[] => (typeof v === 'string' ? [123, {}, null] : typeof v === 'number' ? ['12', -1e308, true] : typeof v === 'boolean' ? ['yes', 0] : Array.isArray(v) ? [{}, 'x', [null]] : v && typeof v === 'object' ? [[], 'x', 7] : ['x', 1]);

/** Bodies made from the operation's schema: the sample, each field missing or mistyped, an extra one. */
function bodies(op: Operation): { body: BodyInit; type?: string; label: string }[] {
  const schema = op.requestBody?.content['application/json']?.schema;
  const good = sample(schema);
  const out: { body: BodyInit; type?: string; label: string }[] = [{ body: JSON.stringify(good), type: 'application/json', label: 'sample' }];
  if (good && typeof good === 'object' && !Array.isArray(good)) {
    for (const key of Object.keys(good)) {
      const { [key]: value, ...rest } = good as Record<string, unknown>;
      out.push({ body: JSON.stringify(rest), type: 'application/json', label: `without ${key}` });
      for (const wrong of wrongTypes(value)) out.push({ body: JSON.stringify({ ...rest, [key]: wrong }), type: 'application/json', label: `${key}=${JSON.stringify(wrong)}` });
      if (typeof value === 'string') out.push({ body: JSON.stringify({ ...rest, [key]: '<script>alert(1)</script>\u0000\uD800' + '长'.repeat(5000) }), type: 'application/json', label: `${key} long` });
    }
    out.push({ body: JSON.stringify({ ...good, extra: 'field', __proto__: { admin: true }, constructor: { prototype: {} } }), type: 'application/json', label: 'extra fields' });
  }
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  out.push(
    { body: '', type: 'application/json', label: 'empty' },
    { body: '{', type: 'application/json', label: 'truncated' },
    { body: 'null', type: 'application/json', label: 'null' },
    { body: '[]', type: 'application/json', label: 'array' },
    { body: deep, type: 'application/json', label: 'deep array' },
    { body: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), type: 'application/json', label: 'deep object' },
    { body: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), type: 'application/json', label: 'invalid UTF-8' },
    { body: JSON.stringify({ text: 'x'.repeat(700_000) }), type: 'application/json', label: 'huge' },
    { body: JSON.stringify(good), type: 'text/plain', label: 'text/plain' },
    { body: 'kind=question&text=hi', type: 'application/x-www-form-urlencoded', label: 'form' },
    { body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--', type: 'multipart/form-data; boundary=x', label: 'multipart' },
    { body: JSON.stringify(good), label: 'no content type' },
    { body: JSON.stringify(good), type: 'application/json; charset=latin1', label: 'odd charset' },
  );
  return out;
}

const ODD = ['', ' ', '-1', '0', '1e999', 'NaN', 'null', '%', '%E0%A4%A', '2026-02-31', '1990-01-01', '9999-99-99T99:99', '../../etc/passwd', '<script>alert(1)</script>', '低保'.repeat(300), '\u0000', '27.7,abc', '95,200', '[]', '{"$gt":""}'];
const ODD_QUERIES = ['%', '%%', '=&=&', 'a=1&a=2&a=3', 'lang[]=zh', 'lang=zh&lang=en', `q=${'x'.repeat(10_000)}`, 'q=%ZZ', '__proto__[x]=1', '&&&&'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function checkAnswer(status: number, type: string | null, text: string, listed: string[] | undefined, label: string) {
  expect(status, label).toBeLessThan(500);
  // Every text answer names its charset, so no client guesses how to read it.
  if (type && /^(text\/|application\/(json|xml|rss\+xml|x-ndjson))/i.test(type)) expect(type, `${label}: charset`).toMatch(/charset=utf-8/i);
  if (listed) expect(listed, `${label}: ${status} not in the document`).toContain(String(status));
  if (status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${label}: error shape`).toBe('string');
    expect(typeof body.error?.message, `${label}: error shape`).toBe('string');
  }
}

describe('bad input to every operation of the document', () => {
  it('never answers 5xx; every error is in the one shape with a status the document lists', async () => {
    let calls = 0;
    const send = async (path: string, method: string, init: { body?: BodyInit; type?: string; auth?: string }, listed: string[] | undefined, label: string) => {
      const res = await app.request(path, {
        method: method.toUpperCase(),
        headers: { ...(init.type && { 'content-type': init.type }), ...(init.auth && { cookie: init.auth }) },
        ...(init.body !== undefined && { body: init.body }),
      });
      calls += 1;
      checkAnswer(res.status, res.headers.get('content-type'), await res.text(), listed, `${method} ${path.slice(0, 80)} ${label}`);
    };
    for (const [template, operations] of Object.entries(doc.paths)) {
      const withId = template.replace(/\{[^}]+\}/g, 'x');
      for (const [method, op] of Object.entries(operations)) {
        const listed = Object.keys(op.responses);
        const params = op.parameters ?? [];
        // Odd values, one parameter at a time and all at once.
        for (const value of ODD) {
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(value.slice(0, 60)) || 'x');
          const queries = params.filter((p) => p.in === 'query').map((p) => new URLSearchParams({ [p.name]: value }).toString());
          const all = new URLSearchParams(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, value]))).toString();
          for (const query of [...new Set([...queries, all])]) {
            for (const auth of [undefined, cookie]) await send(`${path}${query ? `?${query}` : ''}`, method, { auth, ...(op.requestBody && { body: JSON.stringify(sample(op.requestBody.content['application/json']?.schema)), type: 'application/json' }) }, listed, `param ${value.slice(0, 20)}`);
          }
        }
        for (const query of ODD_QUERIES) await send(`${withId}?${query}`, method, {}, listed, `query ${query.slice(0, 20)}`);
        // The body, bent every way, signed in and not.
        if (op.requestBody) for (const b of bodies(op)) for (const auth of [undefined, cookie]) await send(withId, method, { ...b, auth }, listed, b.label);
      }
      // Methods the path does not have: 404 in the error shape.
      for (const method of METHODS.filter((m) => !(m in operations))) await send(withId, method, { ...(method !== 'get' && { body: '{}', type: 'application/json' }), auth: cookie }, undefined, 'wrong method');
    }
    console.log(`fuzz: ${calls} requests over ${Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)} operations`);
    expect(calls).toBeGreaterThanOrEqual(3000);
  }, 300_000);
});
