import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';

/** `GET /api/health`: what is running, for monitors and for the bureau's IT staff. */
export function healthRoutes({ content, search, bot }: AppDeps) {
  return new Hono().get('/', async (c) =>
    c.json({
      status: 'ok',
      search: await search.stats(),
      // The event store arrives with its own issue; until then this says plainly there is none.
      db: 'none',
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
