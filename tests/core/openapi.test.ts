import { describe, expect, it } from 'vitest';
import { createRoute, createRouter, json, jsonBody, onError, z } from '../../api/core/index.ts';

// Request schemas are parsed synchronously (zod's async parse awaits every field); one that
// refines asynchronously must still be validated, the async way.
const route = (body: z.ZodTypeAny) =>
  createRoute({ method: 'post', path: '/x', request: { query: z.strictObject({ n: z.coerce.number().int().optional() }), body: jsonBody(body) }, responses: { 200: json(z.object({ ok: z.boolean() }), 'ok') } });
const post = (app: ReturnType<typeof createRouter>, body: unknown, query = '') =>
  app.onError(onError).request(`/x${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('request validation', () => {
  const app = createRouter().openapi(route(z.strictObject({ age: z.number().int().min(0), name: z.string().max(3).optional() })), (c) => {
    c.req.valid('json');
    return c.json({ ok: true }, 200);
  });

  it('takes what is right and names each wrong field, in the body and the query', async () => {
    expect((await post(app, { age: 3 })).status).toBe(200);
    const wrong = await post(app, { age: -1, name: 'toolong', extra: 1 });
    expect(wrong.status).toBe(400);
    expect(Object.keys((await wrong.json()).error.fields)).toEqual(expect.arrayContaining(['age', 'name']));
    const query = await post(app, { age: 3 }, '?n=1.5');
    expect(query.status).toBe(400);
    expect((await query.json()).error.fields).toHaveProperty('n');
  });

  it('still validates a schema that refines asynchronously', async () => {
    const refined = z.object({ code: z.string() }).refine(async (v) => v.code === 'ok', { message: 'not ok', path: ['code'] });
    const asyncApp = createRouter().openapi(route(refined), (c) => c.json({ ok: c.req.valid('json').code === 'ok' }, 200));
    expect(await (await post(asyncApp, { code: 'ok' })).json()).toEqual({ ok: true });
    const refused = await post(asyncApp, { code: 'no' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toEqual({ code: 'not ok' });
  });
});
