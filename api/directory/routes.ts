import type { Content } from '../../content/loader.ts';
import { serviceSchema, slug } from '../../content/schemas/index.ts';
import { createRoute, createRouter, errors, json, langParam, originOf, z, type DistrictClock } from '../core/index.ts';
import { listServices } from './directory.ts';
import { toHsdsService } from './hsds.ts';

const near = z
  .string()
  .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'expected "lat,lng", e.g. 27.72,109.19')
  .transform((value) => {
    const [lat, lng] = value.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'latitude or longitude out of range')
  .openapi({ type: 'string', description: 'Sort by distance from this point, "lat,lng"', example: '27.72,109.19' });

const Hours = z.array(z.object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])), opens: z.string(), closes: z.string() })).nullable();

const ServiceSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: serviceSchema.shape.type,
    town: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    hours: Hours,
    openNow: z.boolean().nullable().openapi({ description: 'null when the hours are not known' }),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    approximateLocation: z.boolean(),
    distanceKm: z.number().optional(),
    url: z.string(),
    verified: z.boolean().openapi({ description: 'false: the facts are not yet confirmed by the bureau (shown as 待核实)' }),
  })
  .openapi('ServiceSummary');

const servicesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['directory'],
  summary: 'The directory of centres and offices',
  description: 'Filtered by type and town; with `near`, sorted by distance (centres without a known location last).',
  request: {
    query: z.strictObject({
      lang: langParam.default('zh'),
      type: serviceSchema.shape.type.optional(),
      town: slug.optional().openapi({ description: 'A town, street or community id', example: 'east-town' }),
      near: near.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  },
  responses: {
    200: json(z.object({ services: z.array(ServiceSummarySchema) }), 'The centres, in order'),
    ...errors(400),
  },
});

const HsdsPage = z
  .object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(z.record(z.unknown()).openapi({ description: 'An HSDS 3 service (see the Open Referral schemas)' })),
  })
  .openapi('HsdsServicePage');

const hsdsRoute = createRoute({
  method: 'get',
  path: '/services',
  tags: ['directory'],
  summary: 'The directory as Open Referral HSDS 3',
  description: 'Paged as the HSDS API pages: `page` from 1, `per_page` up to 100.',
  request: {
    query: z.strictObject({
      page: z.coerce.number().int().min(1).default(1),
      per_page: z.coerce.number().int().min(1).max(100).default(50),
    }),
  },
  responses: { 200: json(HsdsPage, 'One page of services'), ...errors(400) },
});

export interface DirectoryDeps {
  content: Content;
  clock: DistrictClock;
  publicOrigin?: string;
}

/** `GET /api/services`: the directory, filtered, optionally sorted by distance from `near`. */
export function servicesRoutes({ content, clock }: DirectoryDeps) {
  return createRouter().openapi(servicesRoute, (c) => c.json({ services: listServices(content, c.req.valid('query'), clock) }, 200));
}

/** `GET /api/hsds/services`. */
export function hsdsRoutes({ content, clock, publicOrigin }: DirectoryDeps) {
  return createRouter().openapi(hsdsRoute, (c) => {
    const { page, per_page } = c.req.valid('query');
    const origin = originOf(publicOrigin, c.req.url);
    const all = [...content.services];
    const totalPages = Math.max(1, Math.ceil(all.length / per_page));
    const contents = all.slice((page - 1) * per_page, page * per_page).map(([id, s]) => toHsdsService(content, id, s, origin, clock));
    return c.json(
      { total_items: all.length, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents },
      200,
    );
  });
}
