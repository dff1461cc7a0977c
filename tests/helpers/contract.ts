// Every answer the API tests receive is checked against the OpenAPI document the API serves: the
// status must be documented for the route, and a JSON body must match the documented schema.
import Ajv2020 from 'ajv/dist/2020.js';
import type { createApp } from '../../api/app.ts';

type App = ReturnType<typeof createApp>;
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const routeOf = (doc: Doc, method: string, pathname: string) => {
  for (const [template, operations] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = operations[method.toLowerCase()];
    if (operation && pattern.test(pathname)) return { template, operation };
  }
  return undefined;
};

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Where an answer does not match the document, in words; undefined when it does. */
export async function contractProblem(doc: Doc, ajv: InstanceType<typeof Ajv2020>, method: string, url: string, res: Response): Promise<string | undefined> {
  const { pathname } = new URL(url, 'http://portal.test');
  const found = routeOf(doc, method, pathname);
  if (!found) return undefined; // an unknown address: the 404 in the error shape, tested on its own
  const { template, operation } = found;
  const status = String(res.status);
  const documented = operation.responses[status];
  if (!documented) return `${method} ${template} answered ${status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`;
  const type = res.headers.get('content-type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\b/.test(type) || !documented.content?.['application/json']) return undefined;
  const validate = ajv.getSchema(`openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', status, 'content', 'application/json', 'schema')}`);
  if (!validate) return `no schema for ${method} ${template} ${status}`;
  const body = await res.clone().json();
  if (validate(body)) return undefined;
  return `${method} ${template} ${status} does not match its documented schema: ${ajv.errorsText(validate.errors)}`;
}

export async function contractValidator(app: App) {
  const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(doc, 'openapi');
  return { doc, ajv };
}

/** The app, with `request` checking every answer against the document (a mismatch throws). */
export function checkContract(app: App) {
  let checker: ReturnType<typeof contractValidator> | undefined;
  const request = async (input: string | Request | URL, init?: RequestInit, env?: unknown): Promise<Response> => {
    const res = await app.request(input as string, init, env as never);
    checker ??= contractValidator(app);
    const { doc, ajv } = await checker;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    const problem = await contractProblem(doc, ajv, method, url, res);
    if (problem) throw new Error(`API contract: ${problem}`);
    return res;
  };
  return { request, fetch: app.fetch };
}
