import { etag } from 'hono/etag';
import type { Content } from '../../content/loader.ts';
import { serviceSchema, slug, type Lang } from '../../content/schemas/index.ts';
import { requireUser, type AccountService } from '../accounts/index.ts';
import { createRoute, createRouter, errors, href, json, jsonBody, langParam, notModified, sameOrigin, z, type DistrictClock } from '../core/index.ts';
import { listServices, openNow } from './directory.ts';
import { factsPatchSchema } from './facts.ts';
import type { DirectoryService } from './service.ts';

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
      open: z.enum(['now']).optional().openapi({ description: '`now`: only centres open at this moment (district time)', example: 'now' }),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  },
  responses: {
    200: json(z.object({ services: z.array(ServiceSummarySchema) }), 'The centres, in order'),
    ...notModified,
    ...errors(400),
  },
});

const Localized = z.object({ zh: z.string(), en: z.string().optional() });
const ServiceDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: serviceSchema.shape.type,
    address: Localized.nullable(),
    phones: z.array(z.object({ number: z.string(), label: z.enum(['duty', 'office']) })),
    hours: Hours,
    hoursNote: Localized.nullable(),
    openNow: z.boolean().nullable(),
    audience: z.array(z.string()),
    offers: z.array(Localized),
    accessibility: z.object({ features: z.array(z.string()), note: Localized.nullable() }),
    languages: z.array(z.string()),
    location: z.object({ lat: z.number(), lng: z.number(), approximate: z.boolean() }).nullable(),
    confirmed: z.record(z.object({ on: z.string(), by: z.enum(['centre', 'bureau']) })).openapi({ description: 'Each field the centre (or the bureau) has confirmed, and the day' }),
    url: z.string(),
  })
  .openapi('ServiceDetail');

const serviceId = z.object({ id: slug.openapi({ param: { name: 'id', in: 'path' }, example: 'example-day-care-centre' }) });

const patchServiceRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['directory'],
  summary: 'A centre confirms or corrects its own facts',
  description:
    'Any subset of address, phones, hours, audience, offers, accessibility, languages, location. The centre’s own staff, or a district admin (who alone changes the township offices and the bureau). Live at once, in the audit log with the old and new value.',
  middleware: [sameOrigin] as const,
  request: { params: serviceId, body: jsonBody(factsPatchSchema) },
  responses: { 200: json(ServiceDetailSchema, 'The service as it now reads'), ...errors(400, 401, 403, 404, 503) },
});

const revertRoute = createRoute({
  method: 'post',
  path: '/revert',
  tags: ['directory'],
  summary: 'An admin puts a logged change to a centre’s entry back',
  middleware: [sameOrigin] as const,
  request: { body: jsonBody(z.strictObject({ change: z.number().int().min(1).openapi({ description: 'The change’s number in the audit log', example: 12 }) }).openapi({ example: { change: 12 } })) },
  responses: { 200: json(ServiceDetailSchema, 'The service as it now reads'), ...errors(400, 401, 403, 404, 503) },
});

export interface DirectoryDeps {
  content: Content;
  clock: DistrictClock;
  publicOrigin?: string;
}

/** One service's facts as the API answers them, with what is confirmed. */
export function serviceDetail(content: Content, id: string, lang: Lang, clock: DistrictClock) {
  const s = content.services.get(id)!;
  return {
    id,
    name: s.name[lang],
    type: s.type,
    address: s.address,
    phones: s.phones ?? (s.phone ? [{ number: s.phone, label: 'office' as const }] : []),
    hours: s.hours,
    hoursNote: s.hoursNote ?? null,
    openNow: openNow(s.hours, new Date(), clock),
    audience: s.audience,
    offers: s.offers,
    accessibility: { features: s.accessibilityFeatures ?? [], note: s.accessibility },
    languages: s.languagesSpoken ?? [],
    location: s.coordinates,
    confirmed: Object.fromEntries(Object.entries(s.confirmed ?? {}).filter(([, v]) => v)) as Record<string, { on: string; by: 'centre' | 'bureau' }>,
    url: href(lang, `services/${id}/`),
  };
}

/** `GET /api/services`: the directory, filtered, optionally sorted by distance from `near`; staff writes. */
export function servicesRoutes({ content, clock, directory, accounts }: DirectoryDeps & { directory: DirectoryService; accounts: AccountService }) {
  const router = createRouter();
  router.use('/', etag());
  return router
    .openapi(servicesRoute, (c) => c.json({ services: listServices(content, c.req.valid('query'), clock) }, 200))
    .openapi(revertRoute, async (c) => {
      const id = await directory.revert(await requireUser(accounts, c), c.req.valid('json').change);
      return c.json(serviceDetail(content, id, 'zh', clock), 200);
    })
    .openapi(patchServiceRoute, async (c) => {
      const { id } = c.req.valid('param');
      await directory.patch(await requireUser(accounts, c), id, c.req.valid('json'));
      return c.json(serviceDetail(content, id, 'zh', clock), 200);
    });
}
