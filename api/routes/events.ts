import { Hono } from 'hono';
import { z } from 'zod';
import type { Content } from '../../content/loader.ts';
import type { SearchEngine } from '../../search/index.ts';
import { eventDocuments } from '../../search/documents.ts';
import type { Sessions } from '../events/accounts.ts';
import { toIcs } from '../events/ics.ts';
import { AUDIENCES, eventInput, eventPatch, type EventRecord, type EventStore } from '../events/store.ts';
import { ApiError, validate } from '../errors.ts';
import { requireUser, sameOrigin } from './auth.ts';

const listQuery = z.strictObject({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  center: z.string().max(80).optional(),
  audience: z.enum(AUDIENCES).optional(),
});
const icsQuery = z.strictObject({ center: z.string().max(80).optional() });

/** Events API: public reads, staff writes (own centre only, admins any), search kept in step. */
export function eventsRoutes(store: EventStore, sessions: Sessions, content: Content, search: SearchEngine, origin: (url: string) => string) {
  const reindex = async (event: EventRecord) => {
    const docs = eventDocuments(content, [event]);
    if (event.status === 'cancelled') await search.remove(docs.map((d) => d.id));
    else await search.index(docs);
  };
  const editable = (userCenter: string | null, role: string, event: EventRecord | undefined, id: string) => {
    if (!event) throw new ApiError(404, 'not_found', `No event ${id}.`);
    if (role !== 'admin' && event.center !== userCenter) throw new ApiError(403, 'forbidden', 'You can only change your own centre’s events.');
    return event;
  };
  const checkTimes = (start: string, end: string) => {
    if (Date.parse(end) <= Date.parse(start)) throw new ApiError(400, 'invalid_request', 'The event must end after it starts.', { end: 'must be after start' });
  };

  return new Hono()
    .get('/events.ics', validate('query', icsQuery), (c) => {
      const { center } = c.req.valid('query');
      const events = store.list({ center, includeCancelled: true });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      return c.body(toIcs(events, origin(c.req.url), '碧江区社区活动 Bijiang community events'));
    })
    .get('/events.rss', (c) => {
      const base = origin(c.req.url);
      const xml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const items = store.list({ from: new Date().toISOString() }).map((e) =>
        `<item><title>${xml(e.title.zh)}</title><link>${xml(new URL(e.url, base).href)}</link><guid isPermaLink="false">${e.id}</guid>` +
          `<pubDate>${new Date(e.updatedAt).toUTCString()}</pubDate><description>${xml(e.descriptionHtml.zh)}</description></item>`,
      );
      c.header('Content-Type', 'application/rss+xml; charset=utf-8');
      return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>碧江区社区活动</title><link>${xml(new URL('/zh/events/', base).href)}</link><description>Bijiang community events</description>${items.join('')}</channel></rss>\n`);
    })
    .get('/events', validate('query', listQuery), (c) => c.json({ events: store.list(c.req.valid('query')) }))
    .get('/events/:id', (c) => {
      const event = store.get(c.req.param('id'));
      if (!event) throw new ApiError(404, 'not_found', `No event ${c.req.param('id')}.`);
      return c.json(event);
    })
    .use('/events/*', sameOrigin)
    .use('/events', sameOrigin)
    .post('/events', validate('json', eventInput), async (c) => {
      const user = requireUser(sessions, c);
      const input = c.req.valid('json');
      const center = input.center ?? user.center;
      if (!center || !content.services.has(center)) throw new ApiError(400, 'invalid_request', 'Unknown centre.', { center: 'no such centre' });
      if (user.role !== 'admin' && center !== user.center) throw new ApiError(403, 'forbidden', 'You can only publish for your own centre.');
      checkTimes(input.start, input.end);
      const event = store.create(user, center, input);
      await reindex(event);
      return c.json(event, 201);
    })
    .patch('/events/:id', validate('json', eventPatch), async (c) => {
      const user = requireUser(sessions, c);
      const id = c.req.param('id');
      const current = editable(user.center, user.role, store.get(id), id);
      const patch = c.req.valid('json');
      if (patch.center && user.role !== 'admin' && patch.center !== user.center) throw new ApiError(403, 'forbidden', 'You can only publish for your own centre.');
      checkTimes(patch.start ?? current.start, patch.end ?? current.end);
      const event = store.update(user, id, patch);
      await reindex(event);
      return c.json(event);
    })
    .delete('/events/:id', async (c) => {
      const user = requireUser(sessions, c);
      const id = c.req.param('id');
      editable(user.center, user.role, store.get(id), id);
      const event = store.cancel(user, id);
      await reindex(event);
      return c.json(event);
    });
}
