import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { botMode } from '../config.ts';

/** `GET /api/health`: what is running, for monitors and for the bureau's IT staff. */
export function healthRoutes({ config, content }: AppDeps) {
  return new Hono().get('/', (c) =>
    c.json({
      status: 'ok',
      // The search engine and the event store arrive with their own issues; until then this
      // says plainly that there are none.
      search: { engine: 'none', documents: 0 },
      db: 'none',
      bot: { mode: botMode(config) },
      content: Object.fromEntries(Object.entries(content).map(([name, entries]) => [name, entries.size])),
    }),
  );
}
