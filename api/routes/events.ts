import { Hono } from 'hono';
import { z } from 'zod';
import { toIcs } from '../events/ics.ts';
import { renderMarkdown } from '../events/render.ts';
import type { Staff } from '../events/staff.ts';
import { AUDIENCES, eventInput, eventPatch } from '../events/store.ts';
import { ApiError, validate } from '../errors.ts';
import { requireUser, sameOrigin } from './auth.ts';

const listQuery = z.strictObject({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  center: z.string().max(80).optional(),
  audience: z.enum(AUDIENCES).optional(),
});
const icsQuery = z.strictObject({ center: z.string().max(80).optional(), id: z.string().max(40).optional() });

const preview = z.strictObject({ markdown: z.string().max(5000) });

/** Events API: public reads, staff writes (own centre only, admins any), search kept in step. */
export function eventsRoutes(staff: Staff, origin: (url: string) => string) {
  const store = staff.store;
  return new Hono()
    // The whole calendar to subscribe to, one centre's (`?center=`), or one event to add (`?id=`).
    .get('/events.ics', validate('query', icsQuery), (c) => {
      const { center, id } = c.req.valid('query');
      const one = id ? store.get(id) : undefined;
      if (id && !one) throw new ApiError(404, 'not_found', `No event ${id}.`, { id: 'no such event' });
      // From a month back: recent changes (a cancellation) still reach subscribers; old ones drop off.
      const from = new Date(Date.now() - 30 * 86400_000).toISOString();
      const events = one ? [one] : store.list({ center, from, includeCancelled: true });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      if (one) c.header('Content-Disposition', `attachment; filename="event-${one.id}.ics"`);
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
    // The staff form's live preview: the same renderer and allow-list as the published page.
    .post('/events/preview', validate('json', preview), (c) => {
      requireUser(staff, c);
      return c.json({ html: renderMarkdown(c.req.valid('json').markdown) });
    })
    .post('/events', validate('json', eventInput), async (c) => c.json(await staff.create(requireUser(staff, c), c.req.valid('json')), 201))
    .patch('/events/:id', validate('json', eventPatch), async (c) => c.json(await staff.update(requireUser(staff, c), c.req.param('id'), c.req.valid('json'))))
    .delete('/events/:id', async (c) => c.json(await staff.cancel(requireUser(staff, c), c.req.param('id'))));
}
