// The pieces every feature's routes are written with: a router that validates with the one hook,
// the error shape as a documented schema, and the parameters many endpoints share.
import { createRoute as describedRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LANGS } from '../../content/schemas/index.ts';
import { readBody, unreadRequest } from './body.ts';
import { validationHook } from './errors.ts';

export { z } from '@hono/zod-openapi';

/**
 * A route as @hono/zod-openapi describes and validates it, with its request schemas parsed
 * synchronously. The library always calls zod's async parse, which (zod 3) awaits each field of
 * each object in turn: a household's check paid twice for its validation what the synchronous
 * parse costs. No request schema here refines asynchronously; one that did would throw in the
 * synchronous parse, and is then parsed the async way, so it still works.
 */
export const createRoute: typeof describedRoute = (route) => {
  const { query, params, headers, cookies, body } = route.request ?? {};
  for (const schema of [query, params, headers, cookies, ...Object.values(body?.content ?? {}).map((media) => media?.schema)]) {
    if (schema instanceof z.ZodType) parsedSynchronously(schema);
  }
  return describedRoute(route);
};

const synchronous = new WeakSet<z.ZodTypeAny>();
function parsedSynchronously(schema: z.ZodTypeAny) {
  if (synchronous.has(schema)) return;
  synchronous.add(schema);
  const asyncParse = schema.safeParseAsync.bind(schema);
  schema.safeParseAsync = async (data, params) => {
    try {
      return schema.safeParse(data, params);
    } catch {
      return asyncParse(data, params);
    }
  };
}

/** A feature's router: its routes go into the OpenAPI document; every validation failure is a 400 in the error shape. */
export function createRouter<E extends Env = Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'Invalid query: limit' }),
      fields: z.record(z.string()).optional().openapi({ example: { limit: 'Number must be greater than or equal to 1' } }),
    }),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A field is missing or wrong: `fields` names each one',
  401: 'Not signed in',
  403: 'Not allowed (another centre, another site, not an administrator)',
  404: 'No such thing',
  409: 'Not now: outside the window it is open for, or decided already',
  413: 'The body is over the size limit',
  429: 'Too many requests: wait the seconds in `Retry-After`',
  503: 'Not available right now',
};

/** Documented error answers, all in the one error shape. */
export function errors(...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status]!, content: { 'application/json': { schema: ErrorSchema } } }])) as Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  >;
}

/** The answer to a poll whose `If-None-Match` still holds the current ETag: no body. */
export const notModified = { 304: { description: 'Not modified: the ETag sent in `If-None-Match` is still current (no body)' } } as const;

/** A JSON answer with its schema. */
export function json<S extends z.ZodTypeAny>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body, required. */
export function jsonBody<S extends z.ZodTypeAny>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const langParam = z.enum(LANGS).openapi({ description: 'The language of the answer: zh (Simplified Chinese) or en', example: 'zh' });

/** Whether YYYY-MM-DD names a day that exists (Date would read 2026-02-31 as 3 March). */
const realDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};

/** A calendar day, YYYY-MM-DD, that exists (2026-02-31 does not). */
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written as YYYY-MM-DD')
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || realDay(v), 'no such day')
  .openapi({ example: '2026-12-01' });

const MOMENT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A moment with its UTC offset, as ISO 8601 (2026-12-05T09:30:00+08:00), that exists. */
export const momentParam = z
  .string()
  .regex(MOMENT, 'expected a date and time with its offset, e.g. 2026-12-05T09:30:00+01:00')
  .refine((v) => !MOMENT.test(v) || (realDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))), 'no such date and time')
  .openapi({ example: '2026-12-05T09:30:00+01:00' });

/** What residents send (a letter, a comment, a question, a household): a few kilobytes at most. */
export const RESIDENT_BODY_BYTES = 32 * 1024;
/** What staff send: a whole convention with its articles, an event, a centre's facts. */
export const STAFF_BODY_BYTES = 512 * 1024;
/** The routes residents write to, under /api. */
export const RESIDENT_WRITES = ['/letters', '/consultations/:id/comments', '/ask', '/ask/feedback', '/eligibility/check', '/auth/login'];

/**
 * Refuses a body over `bytes` with 413 in the error shape, counting as it arrives. Under Node the
 * body is read straight from the socket's stream into the request's body cache, so the handler's
 * `c.req.json()` never builds a web Request and its stream (most of a small POST's cost).
 */
export function limitBody(bytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) => c.json({ error: { code: 'payload_too_large', message: `The body is over ${bytes / 1024} KB.`, fields: { body: `at most ${bytes / 1024} KB` } } }, 413);
  const streamed = bodyLimit({ maxSize: bytes, onError: tooLarge });
  return async (c, next) => {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD') return next();
    // Hono keeps each body it has read as a promise under its reader's name.
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
    const cached = cache.arrayBuffer as Promise<ArrayBuffer> | undefined;
    if (cached) return (await cached).byteLength > bytes ? tooLarge(c) : next();
    if (!unreadRequest(incoming)) return streamed(c, next);
    const body = await readBody(incoming, bytes);
    if (body === 'too_large') return tooLarge(c);
    // The sender went away mid-body: nothing was received to act on.
    if (body === 'cut_off') return c.json({ error: { code: 'bad_request', message: 'The body was cut off before its end.', fields: { body: 'cut off' } } }, 400);
    // Copied into an ArrayBuffer of its own: a small Buffer shares Node's pooled memory.
    cache.arrayBuffer = Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
    cache.text = Promise.resolve(UTF8.decode(body));
    return next();
  };
}
const UTF8 = new TextDecoder();

type Document = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
/** Every operation that takes a body may answer 413: the document says so. */
export function withBodyLimits(doc: Document): Document {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>)) {
      if (op && typeof op === 'object' && op.requestBody && op.responses && !op.responses['413']) {
        op.responses['413'] = { description: ERROR_DESCRIPTIONS[413], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      }
    }
  }
  return doc;
}
