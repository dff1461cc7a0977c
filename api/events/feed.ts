// The upcoming events as RSS 2.0, written by `feed`: the channel's language and its own address
// (atom:link rel=self), each item with the event's day, hours and place.
import { Feed } from 'feed';
import type { Content } from '../../content/loader.ts';
import { escapeHtml } from '../../search/index.ts';
import { absolute, FEED_PATH, href, type DistrictClock } from '../core/index.ts';
import { eventLocation } from './calendar.ts';
import type { StoredEvent } from './schema.ts';

export function toFeed(content: Content, events: StoredEvent[], origin: string, clock: DistrictClock): string {
  const { district } = content;
  const feed = new Feed({
    title: district.eventsFeed.title.zh,
    description: district.eventsFeed.description.zh,
    id: absolute(origin, href('zh', 'events/')),
    link: absolute(origin, href('zh', 'events/')),
    language: 'zh-CN',
    copyright: district.name.zh,
    feedLinks: { rss: absolute(origin, FEED_PATH) },
    updated: events.reduce<Date | undefined>((latest, e) => (!latest || new Date(e.updatedAt) > latest ? new Date(e.updatedAt) : latest), undefined),
  });
  for (const e of events) {
    const where = eventLocation(content, e);
    const when = clock.span('zh', e.start, e.end);
    feed.addItem({
      // Readers differ on whether a title is text or HTML: escaped, it is inert in both.
      title: escapeHtml(e.title.zh),
      id: e.id,
      link: absolute(origin, href('zh', `events/${e.id}/`)),
      date: new Date(e.updatedAt),
      // Readers show the description: when and where come first, then the event's own text.
      description: `<p>${escapeHtml(when)}${where ? ` · ${escapeHtml(where)}` : ''}</p>${e.descriptionHtml.zh}`,
      category: where ? [{ name: where }] : [],
    });
  }
  return feed.rss2();
}
