// The events as iCalendar (RFC 5545), written by ical-generator: times in UTC, a SEQUENCE that
// grows with every change (so a calendar replaces its copy of a changed or cancelled event), the
// feed's own time as DTSTAMP, the centre as ORGANIZER and the place as LOCATION.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Content } from '../../content/loader.ts';
import { absolute, href } from '../core/index.ts';
import { plainText } from './render.ts';
import type { StoredEvent } from './schema.ts';

// Angle brackets become their full-width forms, so no calendar that renders HTML in a
// description ever meets a tag written by a user.
const noTags = (s: string) => s.replace(/</g, '＜').replace(/>/g, '＞');

/** Where an event takes place: the place staff gave, or else its centre's address or name. */
export function eventLocation(content: Content, e: StoredEvent): string | undefined {
  const centre = content.services.get(e.center);
  return e.place ?? centre?.address?.zh ?? centre?.name.zh;
}

export function toCalendar(content: Content, events: StoredEvent[], origin: string, now = new Date()): string {
  const { district } = content;
  const calendar = ical({
    name: `${district.eventsFeed.title.zh} ${district.eventsFeed.title.en}`,
    description: district.eventsFeed.description.zh,
    prodId: { company: district.name.en, product: 'Civil Affairs Portal', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of events) {
    const centre = content.services.get(e.center);
    calendar.createEvent({
      id: `${e.id}@${district.calendarId}`,
      sequence: e.sequence,
      stamp: now,
      lastModified: new Date(e.updatedAt),
      start: new Date(e.start),
      end: new Date(e.end),
      summary: noTags(e.title.zh),
      description: noTags(plainText(e.descriptionHtml.zh)),
      location: eventLocation(content, e) ?? null,
      url: absolute(origin, href('zh', `events/${e.id}/`)),
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // ORGANIZER is a URI (RFC 5545 CAL-ADDRESS): the centre's page. ical-generator writes only
      // mailto: organizers, and the centres publish no e-mail address, so the line is given whole.
      x: [[`ORGANIZER;CN="${(centre?.name.zh ?? e.center).replace(/"/g, '')}"`, absolute(origin, href('zh', `services/${e.center}/`))]],
    });
  }
  return calendar.toString();
}
