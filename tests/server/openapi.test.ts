import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { contractProblem, contractValidator } from '../helpers/contract.ts';

const { app } = await testApp();
const doc = (await (await app.request('/api/openapi.json')).json()) as OpenAPIV3_1.Document;

// The contract of ARCHITECTURE.md ("API contract") that has landed.
const CONTRACT = [
  'get /api/health',
  'get /api/search',
  'get /api/suggest',
  'get /api/eligibility/parameters',
  'get /api/eligibility/questions',
  'post /api/eligibility/check',
  'post /api/ask',
  'get /api/services',
  'get /api/hsds/services',
  'get /api/events',
  'get /api/events/{id}',
  'get /api/events.ics',
  'post /api/auth/login',
  'post /api/auth/logout',
  'post /api/events',
  'patch /api/events/{id}',
  'delete /api/events/{id}',
];

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('describes every endpoint of the contract, each with a summary and its error answers in the one shape', () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post', 'patch', 'delete'] as const).filter((m) => item?.[m]).map((m) => ({ key: `${m} ${path}`, op: item![m]! })),
    );
    expect(operations.map((o) => o.key)).toEqual(expect.arrayContaining(CONTRACT));
    for (const { key, op } of operations) {
      expect(op.summary, key).toBeTruthy();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) >= 400) expect(JSON.stringify(response), `${key} ${status}`).toContain('#/components/schemas/Error');
      }
    }
  });

  it('gives an example for every request body and every query parameter that needs one', () => {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of ['post', 'patch'] as const) {
        const body = item?.[method]?.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
        if (!body) continue;
        const media = body.content['application/json']!;
        const schema = media.schema as { $ref?: string; example?: unknown };
        const named = schema.$ref ? (doc.components!.schemas![schema.$ref.split('/').pop()!] as { example?: unknown }) : schema;
        expect(named.example ?? media.example, `${method} ${path}`).toBeDefined();
      }
    }
  });

  it('is generated from the schemas that validate: a body the schema refuses is a 400 naming the field', async () => {
    const res = await app.request('/api/eligibility/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ residence: 'moon', members: [] }) });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['members', 'residence']);
    const household = doc.components!.schemas!.Household as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(household.properties.residence!.enum).toEqual(['urban', 'rural']);
    expect(household.required).toEqual(expect.arrayContaining(['residence', 'members']));
  });
});

describe('the contract check on every API test', () => {
  it('catches an answer whose body or status the document does not describe', async () => {
    const { doc: document, ajv } = await contractValidator(app as never);
    const health = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    expect(await contractProblem(document as never, ajv as InstanceType<typeof Ajv2020>, 'GET', '/api/health', health({ status: 'ok' }))).toMatch(/does not match its documented schema/);
    expect(await contractProblem(document as never, ajv as InstanceType<typeof Ajv2020>, 'GET', '/api/health', health({}, 418))).toMatch(/answered 418, which the document does not list/);
    expect(await contractProblem(document as never, ajv as InstanceType<typeof Ajv2020>, 'GET', '/api/health', await app.request('/api/health'))).toBeUndefined();
  });
});
