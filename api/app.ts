import { Hono } from 'hono';
import type { Content } from '../content/loader.ts';
import type { Bot } from './ask/bot.ts';
import type { Db } from './events/db.ts';
import type { Staff } from './events/staff.ts';
import type { SearchEngine } from '../search/index.ts';
import type { Config } from './config.ts';
import { errorBody, errorResponse } from './errors.ts';
import { askRoutes } from './routes/ask.ts';
import { authRoutes } from './routes/auth.ts';
import { eventsRoutes } from './routes/events.ts';
import { eligibilityRoutes } from './routes/eligibility.ts';
import { healthRoutes } from './routes/health.ts';
import { prefsRoutes } from './routes/prefs.ts';
import { searchRoutes } from './routes/search.ts';
import { hsdsRoutes, servicesRoutes } from './routes/services.ts';
import type { ZeroResults } from './search/zero-results.ts';

/** What the API needs from the outside; tests pass their own. */
export interface AppDeps {
  config: Config;
  content: Content;
  search: SearchEngine;
  bot: Bot;
  /** The SQLite event store (accounts, sessions, events, audit). */
  db: Db;
  /** Sign-in and event publishing over that store, shared with the staff pages. */
  staff: Staff;
  /** Where zero-result queries are counted; none in tests that do not ask. */
  zeroResults?: ZeroResults;
}

/**
 * The API as a framework-agnostic Hono app: `app.request()` in tests, handed `/api/*` by the
 * portal server, deployable on its own. One sub-app per resource.
 */
export function createApp(deps: AppDeps) {
  const origin = (url: string) => deps.config.PUBLIC_ORIGIN ?? new URL(url).origin;
  const app = new Hono()
    .basePath('/api')
    .route('/health', healthRoutes(deps))
    .route('/prefs', prefsRoutes())
    .route('/services', servicesRoutes(deps))
    .route('/hsds', hsdsRoutes(deps))
    .route('/eligibility', eligibilityRoutes(deps))
    .route('/ask', askRoutes(deps.bot, deps.config.DATA_DIR))
    .route('/auth', authRoutes(deps.staff))
    .route('/', eventsRoutes(deps.staff, origin))
    .route('/', searchRoutes(deps.search, deps.zeroResults));
  app.notFound((c) => c.json(errorBody('not_found', `No API endpoint at ${c.req.method} ${c.req.path}`), 404));
  app.onError(errorResponse);
  return app;
}
