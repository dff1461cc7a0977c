// No input makes the server answer 5xx, and every answer is one the document lists: each
// operation of the OpenAPI document is called with odd parameters and bodies, signed in and not.
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, accounts } = await testApp();
const { password } = await accounts.accounts.add('fuzz-admin', null, 'admin');
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fuzz-admin', password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const doc = (await (await app.request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
};

const ODD = ['', ' ', '-1', '0', '1e999', 'NaN', 'null', '%', '%E0%A4%A', '2026-02-31', '1990-01-01', '9999-99-99T99:99', '../../etc/passwd', '<script>alert(1)</script>', '低保'.repeat(300), '\u0000', '27.7,abc', '95,200'];
const BODIES = [undefined, '', '{', '[]', 'null', '"x"', '{}', '{"question":{}}', JSON.stringify({ a: 'b'.repeat(100_000) }), JSON.stringify(Array.from({ length: 50 }, () => ({}))), '{"members":[{"age":"80岁"}],"residence":"rural"}'];

describe('odd input to every endpoint', () => {
  it('never answers 5xx, nor a status the document does not list', async () => {
    let calls = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const value of ODD) {
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(value.slice(0, 60)) || 'x');
          const query = new URLSearchParams(Object.fromEntries(queryNames.map((name) => [name, value]))).toString();
          for (const body of op.requestBody ? BODIES : [undefined]) {
            for (const auth of [undefined, cookie]) {
              const res = await app.request(`${path}${query ? `?${query}` : ''}`, {
                method: method.toUpperCase(),
                headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(auth && { cookie: auth }) },
                ...(body !== undefined && { body }),
              });
              calls += 1;
              expect(res.status, `${method} ${path}?${query} ${String(body).slice(0, 40)}`).toBeLessThan(500);
            }
          }
        }
      }
    }
    console.log(`fuzz: ${calls} calls`);
    expect(calls).toBeGreaterThan(1000);
  }, 120_000);
});
