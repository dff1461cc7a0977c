// The HSDS 3.0 API (../shared/standards/hsds-3.0/openapi.json): `/`, services, organizations,
// service_at_locations, taxonomies and taxonomy_terms, each paged and each by id, with the
// specification's own query parameters, so an aggregator can sync (`modified_after`).
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import type { Content } from '../../content/loader.ts';
import type { SearchEngine } from '../../search/index.ts';
import { absolute, ApiError, createRoute, createRouter, dayParam, errors, json, momentParam, notModified, originOf, z, type DistrictClock } from '../core/index.ts';
import { Hsds, type HsdsQuery } from './hsds.ts';
import type { DirectoryService } from './service.ts';

export const HSDS_VERSION = '3.0';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()
  .openapi({ type: 'boolean' });
const uuid = z.string().uuid('expected an id as the HSDS API gives it (a UUID)');
const paging = {
  page: z.coerce.number().int().min(1).default(1).openapi({ description: 'Page number, from 1' }),
  per_page: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: 'Results in one page, at most 100' }),
  format: z.enum(['json', 'ndjson']).default('json').openapi({ description: '`ndjson`: every result, one JSON object a line, unpaged' }),
};
const search = z.string().trim().min(1).max(200).optional().openapi({ description: 'Full-text search (the portal’s own search, both languages)' });
const filters = {
  search,
  taxonomy_term_id: uuid.optional().openapi({ description: 'Only services with this taxonomy term' }),
  taxonomy_id: uuid.optional().openapi({ description: 'Only services with a term of this taxonomy' }),
  organization_id: uuid.optional().openapi({ description: 'Only services this organisation runs' }),
  modified_after: z
    .union([momentParam, dayParam])
    .optional()
    .openapi({ description: 'Only what changed at or after this moment (ISO 8601; a bare date is midnight UTC)', example: '2026-12-01T00:00:00Z' }),
  full: flag.openapi({ description: 'Fully nested services (phones, schedules, locations, attributes, metadata)' }),
};

const Page = (name: string) =>
  z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(z.record(z.unknown()).openapi({ description: `An HSDS 3.0 ${name} (see the Open Referral schemas)` })),
    })
    .openapi(`Hsds${name[0]!.toUpperCase()}${name.slice(1).replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}Page`);
const Entity = (name: string) => z.object({ id: z.string() }).passthrough().openapi({ description: `An HSDS 3.0 ${name}, fully nested` });
const idParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, description: 'The HSDS id (a UUID)' }) });

/** A page as JSON, or (`format=ndjson`) every item a line. */
const pageAnswer = (schema: z.ZodTypeAny, what: string) => ({
  description: what,
  content: { 'application/json': { schema }, 'application/x-ndjson': { schema: { type: 'string' as const, description: 'One JSON object a line' } } },
});
const one = <P extends string>(path: P, summary: string, what: string) =>
  createRoute({ method: 'get', path, tags: ['hsds'], summary, request: { params: idParam }, responses: { 200: json(Entity(what), `The ${what}`), ...notModified, ...errors(404) } });

const rootRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['hsds'],
  summary: 'This API and its relationship with HSDS',
  responses: { 200: json(z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }).openapi('HsdsMeta'), 'The HSDS version, profile and OpenAPI document'), ...notModified },
});
const servicesRoute = createRoute({
  method: 'get',
  path: '/services',
  tags: ['hsds'],
  summary: 'Services, paged (HSDS `service_list`; `full=true` for fully nested ones)',
  request: { query: z.strictObject({ ...paging, ...filters, minimal: flag.openapi({ description: 'Only each service’s id and last_modified, all in one page' }) }) },
  responses: { 200: pageAnswer(Page('service'), 'One page of services'), ...notModified, ...errors(400, 503) },
});
const serviceRoute = one('/services/{id}', 'One service, fully nested', 'service');
const organizationsRoute = createRoute({
  method: 'get',
  path: '/organizations',
  tags: ['hsds'],
  summary: 'The organisations running the services',
  request: { query: z.strictObject({ ...paging, search, full: flag, full_service: flag.openapi({ description: 'With each organisation’s services, fully nested' }) }) },
  responses: { 200: pageAnswer(Page('organization'), 'One page of organisations'), ...notModified, ...errors(400) },
});
const organizationRoute = createRoute({
  method: 'get',
  path: '/organizations/{id}',
  tags: ['hsds'],
  summary: 'One organisation',
  request: { params: idParam, query: z.strictObject({ full_service: flag }) },
  responses: { 200: json(Entity('organization'), 'The organisation'), ...notModified, ...errors(400, 404) },
});
const atLocationsRoute = createRoute({
  method: 'get',
  path: '/service_at_locations',
  tags: ['hsds'],
  summary: 'Where each service is given, with its location',
  request: {
    query: z.strictObject({
      ...paging,
      ...filters,
      postcode: z.string().max(20).optional().openapi({ description: 'Accepted; ignored (no postcode or service area is known here)' }),
      proximity: z.string().max(20).optional().openapi({ description: 'Accepted; ignored (see postcode)' }),
    }),
  },
  responses: { 200: pageAnswer(Page('service_at_location'), 'One page of service-at-locations'), ...notModified, ...errors(400, 503) },
});
const atLocationRoute = one('/service_at_locations/{id}', 'One service at its location', 'service_at_location');
const taxonomiesRoute = createRoute({
  method: 'get',
  path: '/taxonomies',
  tags: ['hsds'],
  summary: 'The vocabularies the attributes use',
  request: { query: z.strictObject({ ...paging, search }) },
  responses: { 200: pageAnswer(Page('taxonomy'), 'One page of taxonomies'), ...notModified, ...errors(400) },
});
const taxonomyRoute = one('/taxonomies/{id}', 'One taxonomy', 'taxonomy');
const termsRoute = createRoute({
  method: 'get',
  path: '/taxonomy_terms',
  tags: ['hsds'],
  summary: 'The terms: service types, audiences, and the district’s places (villages under their town)',
  request: {
    query: z.strictObject({
      ...paging,
      search,
      taxonomy_id: uuid.optional(),
      parent_id: uuid.optional().openapi({ description: 'Only the terms under this one' }),
      top_only: flag.openapi({ description: 'Only terms with no parent' }),
    }),
  },
  responses: { 200: pageAnswer(Page('taxonomy_term'), 'One page of taxonomy terms'), ...notModified, ...errors(400) },
});
const termRoute = one('/taxonomy_terms/{id}', 'One taxonomy term', 'taxonomy_term');

interface Paging {
  page: number;
  per_page: number;
  format: 'json' | 'ndjson';
}

/** One page as the HSDS API pages, or every item as NDJSON. */
function paged<T>(c: Context, items: T[], { page, per_page, format }: Paging) {
  // Typed as the JSON answer: the OpenAPI document lists both media types.
  if (format === 'ndjson') return c.body(items.map((item) => JSON.stringify(item)).join('\n') + (items.length ? '\n' : ''), 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' }) as never;
  const totalPages = Math.max(1, Math.ceil(items.length / per_page));
  const contents = items.slice((page - 1) * per_page, page * per_page);
  return c.json(
    { total_items: items.length, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents },
    200,
  );
}

/** One entity as JSON. (Typed loosely: an HSDS entity's schema lives in the Open Referral files, not here.) */
const entity = (c: Context, body: object) => c.json(body, 200) as never;

const missing = (what: string, id: string) => new ApiError(404, 'not_found', `No ${what} ${id}.`);

/** Whether a text holds every word of a search, ignoring case (for the small vocabularies). */
const mentions = (search: string | undefined, ...texts: (string | undefined)[]) => !search || search.toLowerCase().split(/\s+/).every((w) => texts.some((text) => text?.toLowerCase().includes(w)));

export interface HsdsDeps {
  content: Content;
  clock: DistrictClock;
  search: SearchEngine;
  directory: DirectoryService;
  publicOrigin?: string;
}

/** `/api/hsds/…`: answers carry an ETag, and a poll that has it gets 304. */
export function hsdsRoutes({ content, clock, search, directory, publicOrigin }: HsdsDeps) {
  const hsdsOf = (c: Context) => new Hsds(content, originOf(publicOrigin, c.req.url), clock, (id) => directory.changes(id));

  /** The query's filters as the HSDS view reads them; a full-text search runs the portal's own. */
  const queryOf = async (q: { search?: string; taxonomy_term_id?: string; taxonomy_id?: string; organization_id?: string; modified_after?: string }): Promise<HsdsQuery> => {
    const found = q.search ? await search.search(q.search, { type: 'service', limit: 100 }) : undefined;
    return {
      ids: found && new Set(found.hits.map((hit) => hit.id.split(':')[2]!)),
      modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
      taxonomyTermId: q.taxonomy_term_id,
      taxonomyId: q.taxonomy_id,
      organizationId: q.organization_id,
    };
  };

  const router = createRouter();
  router.use('*', etag());
  return router
    .openapi(rootRoute, (c) => {
      const origin = originOf(publicOrigin, c.req.url);
      return c.json({ version: HSDS_VERSION, profile: 'https://docs.openreferral.org/en/v3.0/', openapi_url: absolute(origin, '/api/openapi.json') }, 200);
    })
    .openapi(servicesRoute, async (c) => {
      const q = c.req.valid('query');
      const hsds = hsdsOf(c);
      const ids = hsds.matching(await queryOf(q));
      if (q.minimal) return paged(c, ids.map((id) => ({ id: hsds.listed(id).id, last_modified: hsds.lastModified(id) })), { ...q, page: 1, per_page: Math.max(1, ids.length) });
      return paged(c, ids.map((id) => (q.full ? hsds.full(id) : hsds.listed(id))), q);
    })
    .openapi(serviceRoute, (c) => {
      const { id } = c.req.valid('param');
      const hsds = hsdsOf(c);
      const ours = hsds.idOf(id) ?? (content.services.has(id) ? id : undefined);
      if (!ours) throw missing('service', id);
      return entity(c, hsds.full(ours));
    })
    .openapi(organizationsRoute, (c) => {
      const q = c.req.valid('query');
      const hsds = hsdsOf(c);
      const organizations = hsds.organizations().filter((o) => mentions(q.search, o.name, o.alternate_name, o.description));
      return paged(c, organizations.map((o) => (q.full_service ? { ...o, services: hsds.matching({ organizationId: o.id }).map((id) => hsds.full(id)) } : o)), q);
    })
    .openapi(organizationRoute, (c) => {
      const { id } = c.req.valid('param');
      const hsds = hsdsOf(c);
      const organization = hsds.organizations().find((o) => o.id === id);
      if (!organization) throw missing('organisation', id);
      if (!c.req.valid('query').full_service) return entity(c, organization);
      return entity(c, { ...organization, services: hsds.matching({ organizationId: id }).map((s) => hsds.full(s)) });
    })
    .openapi(atLocationsRoute, async (c) => {
      const q = c.req.valid('query');
      const hsds = hsdsOf(c);
      return paged(c, hsds.matching(await queryOf(q)).map((id) => hsds.serviceAtLocation(id)), q);
    })
    .openapi(atLocationRoute, (c) => {
      const { id } = c.req.valid('param');
      const hsds = hsdsOf(c);
      const found = hsds.matching().find((s) => hsds.serviceAtLocation(s).id === id);
      if (!found) throw missing('service at a location', id);
      return entity(c, hsds.serviceAtLocation(found));
    })
    .openapi(taxonomiesRoute, (c) => {
      const q = c.req.valid('query');
      return paged(c, hsdsOf(c).taxonomies().filter((x) => mentions(q.search, x.name, x.description)), q);
    })
    .openapi(taxonomyRoute, (c) => {
      const { id } = c.req.valid('param');
      const taxonomy = hsdsOf(c).taxonomies().find((x) => x.id === id);
      if (!taxonomy) throw missing('taxonomy', id);
      return entity(c, taxonomy);
    })
    .openapi(termsRoute, (c) => {
      const q = c.req.valid('query');
      const terms = hsdsOf(c)
        .taxonomyTerms()
        .filter((term) => mentions(q.search, term.name, term.code, term.description))
        .filter((term) => !q.taxonomy_id || term.taxonomy_id === q.taxonomy_id)
        .filter((term) => !q.parent_id || term.parent_id === q.parent_id)
        .filter((term) => !q.top_only || !term.parent_id);
      return paged(c, terms, q);
    })
    .openapi(termRoute, (c) => {
      const { id } = c.req.valid('param');
      const term = hsdsOf(c).taxonomyTerms().find((x) => x.id === id);
      if (!term) throw missing('taxonomy term', id);
      return entity(c, term);
    });
}
