import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, content } = await testApp();
const check = (body: unknown, query = '') =>
  app.request(`/api/eligibility/check${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/eligibility/check', () => {
  it('answers every programme with a verdict, reasons in words, next steps and the guide', async () => {
    const res = await check({ residence: 'rural', members: [{ age: 72 }], monthlyIncome: 0, assets: { financial: 0 }, supporter: 'none' }, '?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), parametersVersion: expect.any(String) });
    expect(body.programs).toHaveLength(content.programmes.size);
    const tekun = body.programs.find((p: { id: string }) => p.id === 'tekun');
    expect(tekun).toMatchObject({ result: 'likely', url: '/en/policies/tekun/', name: expect.stringContaining('extreme poverty') });
    expect(tekun.reasons.every((r: { met: boolean; text: string }) => r.met === true && r.text.startsWith('Yes: '))).toBe(true);
    expect(tekun.nextSteps.length).toBeGreaterThan(0);
  });

  it('gives a reason in both languages for every criterion', async () => {
    for (const lang of ['zh', 'en']) {
      const body = await (await check({ residence: 'urban', members: [{ age: 40 }] }, `?lang=${lang}`)).json();
      for (const p of body.programs) for (const r of p.reasons) expect(r.text.length, `${lang} ${p.id} ${r.id}`).toBeGreaterThan(8);
    }
  });

  it('reads the parameters in force on asOf', async () => {
    const body = await (await check({ residence: 'rural', members: [{ age: 40 }], monthlyIncome: 0, assets: { financial: 0 } }, '?asOf=2025-06-01')).json();
    expect(body.asOf).toBe('2025-06-01');
    expect(body.programs.find((p: { id: string }) => p.id === 'dibao').estimate.amount).toBe(475);
  });

  it.each([
    ['a day before the first figures', '1990-01-01', /no figures in force on 1990-01-01/],
    ['a day that does not exist', '2026-02-31', /no such day/],
    ['a date in another format', '01/12/2026', /YYYY-MM-DD/],
  ])('answers 400 naming asOf for %s, on the check and on the parameters', async (_name, asOf, reason) => {
    for (const res of [await check({ residence: 'rural', members: [{ age: 80 }] }, `?asOf=${asOf}`), await app.request(`/api/eligibility/parameters?asOf=${asOf}`)]) {
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(Object.keys(error.fields)).toEqual(['asOf']);
      expect(error.fields.asOf).toMatch(reason);
    }
  });

  it('answers 400 naming the field for a body that is not JSON or not an object', async () => {
    for (const [type, body] of [['application/json', '[]'], ['application/json', '"rural"'], ['text/plain', 'residence=rural']] as const) {
      const res = await app.request('/api/eligibility/check', { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, `${type} ${body}`).toBe(400);
      expect((await res.json()).error.fields, `${type} ${body}`).toBeDefined();
    }
  });

  it.each([
    ['no members', { residence: 'rural', members: [] }, 'members'],
    ['more than 20 members', { residence: 'rural', members: Array.from({ length: 21 }, () => ({ age: 30 })) }, 'members'],
    ['age over 130', { residence: 'rural', members: [{ age: 131 }] }, 'members.0.age'],
    ['negative income', { residence: 'rural', members: [{ age: 30 }], monthlyIncome: -1 }, 'monthlyIncome'],
    ['unknown disability kind', { residence: 'rural', members: [{ age: 30, disability: { kind: 'alien', grade: 1 } }] }, 'members.0.disability.kind'],
    ['unknown residence', { residence: 'moon', members: [{ age: 30 }] }, 'residence'],
    ['unknown field', { residence: 'rural', members: [{ age: 30 }], idCard: '522201198803120021' }, 'idCard'],
    ['malformed JSON', '{"residence":', 'body'],
  ])('answers 400 naming the field for %s', async (_name, body, field) => {
    const res = await check(body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields)).toContain(field);
    expect(JSON.stringify(error)).not.toContain('522201198803120021');
  });
});

describe('GET /api/eligibility/parameters and /questions', () => {
  it('publishes the dated parameters in force, each with its source and status', async () => {
    const { parameters } = await (await app.request('/api/eligibility/parameters?lang=en')).json();
    const rural = parameters.find((p: { id: string }) => p.id === 'dibao-standard-rural');
    expect(rural).toMatchObject({ value: 475, from: '2025-01-01', verified: false, unit: 'yuan-per-person-month', source: expect.any(String) });
    expect(parameters.find((p: { id: string }) => p.id === 'marginal-ratio')).toMatchObject({ value: 1.5, verified: true });
  });

  it('lists the questions the journey asks, in the reader’s language', async () => {
    const { questions } = await (await app.request('/api/eligibility/questions?lang=en')).json();
    expect(questions[0]).toMatchObject({ id: 'residence', kind: 'choice', text: expect.stringContaining('urban or rural') });
    expect(questions.find((q: { id: string }) => q.id === 'members').hint).toMatch(/lives and eats with you/);
    expect((await app.request('/api/eligibility/questions?lang=fr')).status).toBe(400);
  });
});
