import { etag } from 'hono/etag';
import type { Content } from '../../content/loader.ts';
import { requireUser, type AccountService } from '../accounts/index.ts';
import { ApiError, createRoute, createRouter, errors, json, jsonBody, momentParam, notModified, originOf, sameOrigin, z, type DistrictClock } from '../core/index.ts';
import { toCalendar } from './calendar.ts';
import { toFeed } from './feed.ts';
import { renderMarkdown } from './render.ts';
import { AUDIENCES, eventInput, eventPatch, EventSchema } from './schema.ts';
import type { EventService } from './service.ts';

const idParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9qa2b' }) });
const text = (type: string) => ({ type: 'string' as const, description: type });

const calendarRoute = createRoute({
  method: 'get',
  path: '/events.ics',
  tags: ['events'],
  summary: 'The events as an iCalendar feed',
  description:
    'The whole calendar to subscribe to, one centre’s (`center`), or one event to add (`id`). From a month back, so a change or a cancellation still reaches subscribers; every change raises the event’s SEQUENCE.',
  request: { query: z.strictObject({ center: z.string().max(80).optional().openapi({ example: 'riverside-day-care-centre' }), id: z.string().max(40).optional() }) },
  responses: { 200: { description: 'An iCalendar file', content: { 'text/calendar': { schema: text('RFC 5545') } } }, ...notModified, ...errors(400, 404, 503) },
});

const feedRoute = createRoute({
  method: 'get',
  path: '/events.rss',
  tags: ['events'],
  summary: 'The upcoming events as RSS 2.0',
  responses: { 200: { description: 'An RSS 2.0 feed', content: { 'application/rss+xml': { schema: text('RSS 2.0') } } }, ...notModified },
});

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'Published events',
  request: {
    query: z.strictObject({
      from: momentParam.optional().openapi({ description: 'Events that end at or after this moment' }),
      to: momentParam.optional().openapi({ description: 'Events that start at or before this moment' }),
      center: z.string().max(80).optional(),
      audience: z.enum(AUDIENCES).optional(),
    }),
  },
  responses: { 200: json(z.object({ events: z.array(EventSchema) }), 'Events by start time'), ...notModified, ...errors(400, 503) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags: ['events'],
  summary: 'One event',
  request: { params: idParam },
  responses: { 200: json(EventSchema, 'The event, cancelled or not'), ...notModified, ...errors(400, 404, 503) },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/events/preview',
  tags: ['events'],
  summary: 'A description as residents will see it',
  description: 'The staff form’s live preview: the same Markdown renderer and allow-list as the published page. Staff only.',
  middleware: [sameOrigin] as const,
  request: { body: jsonBody(z.strictObject({ markdown: z.string().max(5000) }).openapi({ example: { markdown: '一起学**剪窗花**。' } })) },
  responses: { 200: json(z.object({ html: z.string() }), 'The cleaned HTML'), ...errors(400, 401, 403, 503) },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/events',
  tags: ['events'],
  summary: 'Publish an event',
  description: 'Centre staff for their own centre; district administrators for any.',
  middleware: [sameOrigin] as const,
  request: { body: jsonBody(eventInput) },
  responses: { 201: json(EventSchema, 'Published'), ...errors(400, 401, 403, 503) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/events/{id}',
  tags: ['events'],
  summary: 'Change an event',
  middleware: [sameOrigin] as const,
  request: { params: idParam, body: jsonBody(eventPatch) },
  responses: { 200: json(EventSchema, 'The changed event'), ...errors(400, 401, 403, 404, 503) },
});

const cancelRoute = createRoute({
  method: 'delete',
  path: '/events/{id}',
  tags: ['events'],
  summary: 'Cancel an event',
  description: 'The event is kept and shown as cancelled; it leaves the lists and search.',
  middleware: [sameOrigin] as const,
  request: { params: idParam },
  responses: { 200: json(EventSchema, 'The cancelled event'), ...errors(400, 401, 403, 404, 503) },
});

export interface EventsDeps {
  content: Content;
  events: EventService;
  accounts: AccountService;
  clock: DistrictClock;
  publicOrigin?: string;
}

/** Events API: public reads and feeds, staff writes (own centre only, admins any), search kept in step. */
export function eventsRoutes({ content, events, accounts, clock, publicOrigin }: EventsDeps) {
  // Writing a calendar takes ical-generator about 0.4 ms an event, and calendar apps poll: each
  // calendar is kept until an event changes or the day (and so the month-back window) moves on.
  const calendars = new Map<string, string>();
  const router = createRouter();
  // Feeds and lists are polled: an unchanged answer is a 304 with no body. (Paths, not `*`: this
  // router is mounted at the API's root.)
  for (const path of ['/events.ics', '/events.rss', '/events', '/events/:id']) router.use(path, etag());
  return router
    .openapi(calendarRoute, async (c) => {
      const { center, id } = c.req.valid('query');
      const one = id ? await events.get(id) : undefined;
      if (id && !one) throw new ApiError(404, 'not_found', `No event ${id}.`, { id: 'no such event' });
      if (center && !content.services.has(center)) throw new ApiError(404, 'not_found', `No centre ${center}.`, { center: 'no such centre' });
      const origin = originOf(publicOrigin, c.req.url);
      const key = [events.version, clock.day(), origin, center ?? '', id ?? ''].join('|');
      let body = calendars.get(key);
      if (body === undefined) {
        const from = new Date(Date.now() - 30 * 86400_000).toISOString();
        body = toCalendar(content, one ? [one] : await events.list({ center, from, includeCancelled: true }), origin);
        if (calendars.size >= 200) calendars.clear();
        calendars.set(key, body);
      }
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      if (one) c.header('Content-Disposition', `attachment; filename="event-${one.id}.ics"`);
      return c.body(body);
    })
    .openapi(feedRoute, async (c) => {
      c.header('Content-Type', 'application/rss+xml; charset=utf-8');
      return c.body(toFeed(content, await events.list({ from: new Date().toISOString() }), originOf(publicOrigin, c.req.url), clock));
    })
    .openapi(listRoute, async (c) => c.json({ events: await events.list(c.req.valid('query')) }, 200))
    .openapi(previewRoute, async (c) => {
      await requireUser(accounts, c);
      return c.json({ html: renderMarkdown(c.req.valid('json').markdown) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const event = await events.get(id);
      if (!event) throw new ApiError(404, 'not_found', `No event ${id}.`);
      return c.json(event, 200);
    })
    .openapi(createEventRoute, async (c) => c.json(await events.create(await requireUser(accounts, c), c.req.valid('json')), 201))
    .openapi(patchRoute, async (c) => c.json(await events.update(await requireUser(accounts, c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(cancelRoute, async (c) => c.json(await events.cancel(await requireUser(accounts, c), c.req.valid('param').id), 200));
}
