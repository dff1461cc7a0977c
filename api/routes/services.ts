import { Hono } from 'hono';
import { z } from 'zod';
import { LANGS, serviceSchema, slug } from '../../content/schemas/index.ts';
import type { AppDeps } from '../app.ts';
import { validate } from '../errors.ts';
import { listServices, toHsdsService } from '../services/directory.ts';

const near = z
  .string()
  .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'expected "lat,lng", e.g. 27.72,109.19')
  .transform((value) => {
    const [lat, lng] = value.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'latitude or longitude out of range');

const servicesQuery = z.strictObject({
  lang: z.enum(LANGS).default('zh'),
  type: serviceSchema.shape.type.optional(),
  town: slug.optional(),
  near: near.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const hsdsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(50),
});

/** `GET /api/services`: the directory, filtered, optionally sorted by distance from `near`. */
export function servicesRoutes({ content }: AppDeps) {
  return new Hono().get('/', validate('query', servicesQuery), (c) => {
    return c.json({ services: listServices(content, c.req.valid('query')) });
  });
}

/** `GET /api/hsds/services`: the directory as Open Referral HSDS 3, paged as the HSDS API does. */
export function hsdsRoutes({ content, config }: AppDeps) {
  return new Hono().get('/services', validate('query', hsdsQuery), (c) => {
    const { page, per_page } = c.req.valid('query');
    const origin = config.PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
    const all = [...content.services];
    const totalPages = Math.max(1, Math.ceil(all.length / per_page));
    const contents = all.slice((page - 1) * per_page, page * per_page).map(([id, s]) => toHsdsService(content, id, s, origin));
    return c.json({
      total_items: all.length,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page >= totalPages,
      empty: contents.length === 0,
      contents,
    });
  });
}
