import type { Content } from '../content/loader.ts';
import type { SearchEngine } from '../search/index.ts';
import { authRoutes, type AccountService } from './accounts/index.ts';
import { askRoutes, botMode, type Bot } from './ask/index.ts';
import { consultationsRoutes, type ConsultationService } from './consultations/index.ts';
import { conventionsRoutes } from './conventions/index.ts';
import { createRouter, limitBody, notFound, onError, RESIDENT_BODY_BYTES, RESIDENT_WRITES, STAFF_BODY_BYTES, withBodyLimits, type Config, type DailyCounter, type Db, type DistrictClock, type Trust } from './core/index.ts';
import { hsdsRoutes, servicesRoutes, type DirectoryService } from './directory/index.ts';
import { eligibilityRoutes } from './eligibility/index.ts';
import { eventsRoutes, type EventService } from './events/index.ts';
import { healthRoutes } from './health/index.ts';
import { lettersRoutes, type LetterService } from './letters/index.ts';
import { prefsRoutes } from './prefs/index.ts';
import { searchRoutes } from './search/index.ts';

/** The portal's services, built once by the composition root (`api/server/services.ts`). */
export interface Services {
  config: Config;
  content: Content;
  /** The district's clock (its time zone from content/district.yaml). */
  clock: DistrictClock;
  search: SearchEngine;
  bot: Bot;
  /** The runtime store: accounts, sessions, events, the audit log. */
  db: Db;
  accounts: AccountService;
  events: EventService;
  /** The directory's confirmed facts, laid over content/services. */
  directory: DirectoryService;
  /** Consultations on draft conventions. */
  consultations: ConsultationService;
  /** Letters to the bureau, their replies and the residents' sealed contact details. */
  letters: LetterService;
  /** Searches that found nothing, counted per day by their text. */
  zeroResults: DailyCounter;
  /** Which reverse proxies' X-Forwarded-For is believed. */
  trust: Trust;
  close(): Promise<void>;
}

/** What the API needs: the services (tests may set a question limit of their own). */
export type AppDeps = Omit<Services, 'close'> & { askPerMinute?: number };

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The API as a framework-agnostic Hono app: `app.request()` in tests, handed `/api/*` by the
 * portal server, deployable on its own. One router per feature; the OpenAPI document is
 * generated from their route definitions, the same zod schemas that validate.
 */
export function createApp(deps: AppDeps) {
  const { config, content, clock, trust } = deps;
  const publicOrigin = config.PUBLIC_ORIGIN;
  const app = createRouter().basePath('/api');
  // Every JSON answer names its charset (Hono's do not), so no client guesses: made with it, not
  // remade (the Node server writes a light answer's headers as they were made). The few other text
  // answers (feeds, calendars, CSV, plain text) set their own.
  app.use(async (c, next) => {
    const json = c.json;
    c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => json(object as never, arg as never, { 'Content-Type': JSON_TYPE, ...headers })) as typeof c.json;
    await next();
  });
  // Every body has a ceiling, read as it arrives (a missing or false Content-Length does not get
  // past it): what residents send is small, what staff send (a whole convention) larger.
  for (const path of RESIDENT_WRITES) app.use(path, limitBody(RESIDENT_BODY_BYTES));
  app.use('*', limitBody(STAFF_BODY_BYTES));
  app
    .route('/health', healthRoutes({ content, search: deps.search, db: deps.db, botMode: botMode(config) }))
    .route('/prefs', prefsRoutes())
    .route('/services', servicesRoutes({ content, clock, publicOrigin, directory: deps.directory, accounts: deps.accounts }))
    .route('/hsds/', hsdsRoutes({ content, clock, search: deps.search, directory: deps.directory, publicOrigin }))
    .route('/eligibility', eligibilityRoutes({ content, clock }))
    .route('/ask', askRoutes({ bot: deps.bot, db: deps.db, clock, trust, perMinute: deps.askPerMinute }))
    .route('/auth', authRoutes(deps.accounts, trust))
    .route('/conventions', conventionsRoutes({ content }))
    .route('/consultations', consultationsRoutes({ consultations: deps.consultations, accounts: deps.accounts, content, publicOrigin, trust }))
    .route('/', lettersRoutes({ letters: deps.letters, accounts: deps.accounts, trust }))
    .route('/', eventsRoutes({ content, events: deps.events, accounts: deps.accounts, clock, publicOrigin }))
    .route('/', searchRoutes({ search: deps.search, content, zeroResults: deps.zeroResults, clock }));
  app.get('/openapi.json', (c) =>
    c.json(
      withBodyLimits(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: `${content.district.name.en} civil affairs portal API`,
            version: '1',
            description: `Guides, conventions, the directory, the eligibility self-check, events, search and the Q&A bot. Every error answers \`{"error": {"code", "message", "fields"?}}\` with a 4xx status; \`fields\` names each bad field. A body may be at most ${RESIDENT_BODY_BYTES / 1024} KB on what residents send (${RESIDENT_WRITES.map((p) => `/api${p}`).join(', ')}) and ${STAFF_BODY_BYTES / 1024} KB elsewhere; over that the answer is 413.`,
          },
          servers: [{ url: config.PUBLIC_ORIGIN ?? new URL(c.req.url).origin }],
        }),
      ),
    ),
  );
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
