import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';

/** `GET /api/health`: what is running, for monitors and for the bureau's IT staff. */
export function healthRoutes({ content, search, bot, db }: AppDeps) {
  return new Hono().get('/', async (c) =>
    c.json({
      status: 'ok',
      search: await search.stats(),
      db: db.prepare('SELECT 1 AS ok').get() ? 'ok' : 'error',
      bot: { mode: bot.mode },
      content: {
        policies: content.policies.size,
        conventions: content.conventions.size,
        services: content.services.size,
        programmes: content.programmes.size,
      },
    }),
  );
}
