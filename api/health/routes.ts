import type { Content } from '../../content/loader.ts';
import type { SearchEngine } from '../../search/index.ts';
import { createRoute, createRouter, json, z, type Db } from '../core/index.ts';

const HealthSchema = z
  .object({
    /** `degraded` while the store or the search engine does not answer, or the store is read-only: pages still serve; writes (store) or search (engine) answer 503. */
    status: z.enum(['ok', 'degraded']),
    search: z.object({ engine: z.string(), documents: z.number().int(), answers: z.boolean() }),
    db: z.enum(['ok', 'error']),
    store: z.object({ engine: z.enum(['sqlite', 'postgres']), answers: z.boolean(), writable: z.boolean().openapi({ description: 'false: opened for reading only (its disk read-only); writes answer 503' }) }),
    bot: z.object({ mode: z.enum(['extractive', 'generative']) }),
    content: z.object({ policies: z.number().int(), conventions: z.number().int(), services: z.number().int(), programmes: z.number().int() }),
  })
  .openapi('Health', { example: { status: 'ok', search: { engine: 'embedded', documents: 178, answers: true }, db: 'ok', store: { engine: 'sqlite', answers: true, writable: true }, bot: { mode: 'extractive' }, content: { policies: 10, conventions: 4, services: 19, programmes: 8 } } });

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['operations'],
  summary: 'What is running',
  description: 'For monitors and the bureau’s IT staff: the search engine, its size and whether it answers, the store’s engine and whether it answers, the bot’s mode.',
  responses: { 200: json(HealthSchema, 'The portal is up') },
});

export interface HealthDeps {
  content: Content;
  search: SearchEngine;
  db: Db;
  botMode: 'extractive' | 'generative';
}

/** `GET /api/health`. */
export function healthRoutes({ content, search, db, botMode }: HealthDeps) {
  return createRouter().openapi(route, async (c) => {
    const answers = await db.ping().then(
      () => true,
      () => false,
    );
    const found = await search.stats().then(
      (stats) => ({ ...stats, answers: true }),
      () => ({ engine: search.name, documents: 0, answers: false }),
    );
    return c.json(
      {
        status: answers && found.answers && !db.readOnly ? ('ok' as const) : ('degraded' as const),
        search: found,
        db: answers ? ('ok' as const) : ('error' as const),
        store: { engine: db.engine, answers, writable: !db.readOnly },
        bot: { mode: botMode },
        content: { policies: content.policies.size, conventions: content.conventions.size, services: content.services.size, programmes: content.programmes.size },
      },
      200,
    );
  });
}
