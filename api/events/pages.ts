// The data the event pages show — the public list and event page, and the staff forms — prepared
// for the components in the reader's language and the district's time zone.
import { HTML_LANG, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import type { Event as SchemaEvent, WithContext } from 'schema-dts';
import { adminHome, type StaffRequest, type User } from '../accounts/index.ts';
import { absolute, href, isApiError, type DistrictClock } from '../core/index.ts';
import { centreName } from '../directory/index.ts';
import { emptyValues, errorsFromApi, toInput, valuesFromEvent, valuesFromForm, type EventFormValues, type FormErrors } from './form.ts';
import { plainText, renderMarkdown } from './render.ts';
import { AUDIENCES, type Audience, type EventRecord } from './schema.ts';
import type { EventService } from './service.ts';

export interface EventCard {
  id: string;
  url: string;
  title: string;
  /** Set when the title is shown in Chinese on an English page. */
  titleLang?: string;
  when: string;
  centre: string;
  cancelled: boolean;
}

/** Events as cards, under a heading per day (`byDay`, the events list) or in one list (a centre's page). */
export function eventDays(content: Content, events: EventRecord[], lang: Lang, clock: DistrictClock, byDay: boolean): { day: string; cards: EventCard[] }[] {
  const days: { day: string; cards: EventCard[] }[] = [];
  // Events come sorted by start, so one pass groups them by day.
  for (const e of events) {
    const day = byDay ? clock.longDay(lang, e.start) : '';
    const oneDay = clock.longDay(lang, e.start) === clock.longDay(lang, e.end);
    const card: EventCard = {
      id: e.id,
      url: href(lang, `events/${e.id}/`),
      title: e.title[lang] ?? e.title.zh,
      ...(!e.title[lang] && { titleLang: HTML_LANG.zh }),
      when: byDay && oneDay ? clock.hours(e.start, e.end) : clock.span(lang, e.start, e.end),
      centre: content.services.get(e.center)?.name[lang] ?? e.center,
      cancelled: e.status === 'cancelled',
    };
    if (days.at(-1)?.day === day) days.at(-1)!.cards.push(card);
    else days.push({ day, cards: [card] });
  }
  return days;
}

/** Residents place a centre by its town or, in the relocation communities, by the community. */
const placesOf = (content: Content, center: string) => {
  const s = content.services.get(center);
  return [s?.town, s?.community].filter(Boolean) as string[];
};

/** The events list: upcoming events, filtered by place, centre and audience, and the filters' choices. */
export async function eventsListPage(content: Content, events: EventService | undefined, lang: Lang, filter: { center?: string; audience?: Audience; town?: string }, clock: DistrictClock) {
  const found = events ? await events.shown({ from: new Date().toISOString(), center: filter.center || undefined, audience: filter.audience }) : [];
  const shown = (found ?? []).filter((e) => !filter.town || placesOf(content, e.center).includes(filter.town));
  const hosts = [...content.services].filter(([, s]) => s.type !== 'bureau' && s.type !== 'civil-affairs-office');
  const hostPlaces = [...content.places].filter(([id, p]) => p.kind !== 'district' && hosts.some(([host]) => placesOf(content, host).includes(id)));
  return {
    /** The store did not answer: say so rather than "no events". */
    unavailable: found === undefined,
    days: eventDays(content, shown, lang, clock, true),
    places: hostPlaces.map(([id, p]) => ({ value: id, label: p.name[lang] })),
    centres: hosts.map(([id, s]) => ({ value: id, label: s.name[lang] })),
    audiences: AUDIENCES.map((a) => ({ value: a, label: t(lang, `audience.${a}`) })),
  };
}

/** One event's page: its facts in the reader's language (falling back to Chinese), and JSON-LD. */
export async function eventPage(content: Content, events: EventService | undefined, id: string, lang: Lang, clock: DistrictClock, origin: string | URL) {
  const event = await events?.get(id);
  if (!event) return undefined;
  const centre = content.services.get(event.center);
  const centreTitle = centre?.name[lang] ?? event.center;
  const where = centre?.town ?? centre?.community;
  const town = where ? content.places.get(where)?.name[lang] : undefined;
  const address = event.place ?? centre?.address?.[lang];
  // No place given and the centre's address not confirmed: at least the centre and its town.
  const place = address ?? (centre ? [centreName(content, lang, event.center), town].filter(Boolean).join(' · ') : undefined);
  const title = event.title[lang] ?? event.title.zh;
  const { district } = content;
  const description = plainText(event.descriptionHtml[lang] ?? event.descriptionHtml.zh);
  // Every event has an address: the place given, else the centre's; at least its town and district.
  const jsonLd: WithContext<SchemaEvent> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: title,
    description,
    url: absolute(origin, href(lang, `events/${event.id}/`)),
    startDate: event.start,
    endDate: event.end,
    eventStatus: event.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: HTML_LANG[lang],
    isAccessibleForFree: true,
    location: {
      '@type': 'Place',
      name: centreTitle,
      address: {
        '@type': 'PostalAddress',
        ...(address && { streetAddress: address }),
        addressLocality: town ?? district.name[lang],
        addressRegion: district.city[lang],
        addressCountry: district.country,
      },
    },
    organizer: { '@type': 'Organization', name: centreTitle, ...(centre && { url: absolute(origin, href(lang, `services/${event.center}/`)) }) },
    ...(event.capacity && { maximumAttendeeCapacity: event.capacity }),
  };
  return {
    description,
    id: event.id,
    center: event.center,
    title,
    titleLang: event.title[lang] ? undefined : HTML_LANG.zh,
    cancelled: event.status === 'cancelled',
    when: clock.span(lang, event.start, event.end),
    place,
    placeConfirmed: address !== undefined,
    centre: centre ? { name: centreTitle, url: href(lang, `services/${event.center}/`) } : undefined,
    audience: event.audience.map((a) => t(lang, `audience.${a}`)).join(lang === 'zh' ? '、' : ', '),
    capacity: event.capacity,
    accessibility: event.accessibility,
    // Where staff wrote no English, the English page shows the Chinese text, marked as Chinese.
    fallback: lang !== 'zh' && !event.description[lang],
    descriptionHtml: event.descriptionHtml[lang] ?? event.descriptionHtml.zh,
    jsonLd,
  };
}

/** The staff home's list: the user's events, coming up soonest first, then past and cancelled ones most recent first. */
export async function staffEvents(content: Content, events: EventService, user: User, lang: Lang, clock: DistrictClock) {
  const all = await events.eventsFor(user);
  const now = Date.now();
  const isUpcoming = (e: EventRecord) => e.status === 'scheduled' && Date.parse(e.end) >= now;
  const card = (e: EventRecord) => ({
    id: e.id,
    title: e.title[lang] ?? e.title.zh,
    titleLang: e.title[lang] ? undefined : HTML_LANG.zh,
    when: clock.span(lang, e.start, e.end),
    centre: user.role === 'admin' ? centreName(content, lang, e.center) : undefined,
    cancelled: e.status === 'cancelled',
  });
  return {
    count: all.length,
    upcoming: all.filter(isUpcoming).map(card),
    past: all.filter((e) => !isUpcoming(e)).reverse().map(card),
  };
}

export interface EventFormState {
  values: EventFormValues;
  errors: FormErrors;
  preview: { zh: string; en: string };
  /** The HTTP status the page answers with. */
  status: number;
  /** The event being edited (none when publishing a new one). */
  event?: EventRecord;
  /** Centres an admin may choose from; editors have only their own. */
  centres?: { id: string; name: string }[];
  /** Whether the centre's address is confirmed: an empty place then shows it. */
  centreAddressKnown: boolean;
}

/**
 * The create and edit pages: a posted form is checked, previewed or saved (then a 303 to the
 * staff home). When something is wrong the form comes back with everything the person typed and
 * each problem next to its field — nothing typed is ever lost, even when the session ended meanwhile.
 */
export async function eventFormPage(content: Content, events: EventService, lang: Lang, req: StaffRequest, clock: DistrictClock, id?: string): Promise<{ redirect: string } | EventFormState> {
  const { user, form } = req;
  if (!user && !form) return { redirect: adminHome(lang) };
  let status = 200;
  let event: EventRecord | undefined;
  let errors: FormErrors = {};
  if (id && user) {
    try {
      event = await events.editable(user, id);
    } catch (error) {
      errors = errorsFromApi(lang, error);
      status = isApiError(error) ? error.status : 400;
    }
  }
  const own = user?.center ?? '';
  let values = event ? valuesFromEvent(event, clock) : emptyValues(own);
  if (req.refused) {
    errors.form = t(lang, 'admin.err.crossOrigin');
    status = 403;
  }
  if (form && !errors.form) {
    values = valuesFromForm(form, event?.center ?? own);
    const checked = toInput(lang, values, clock, { isNew: !id });
    // "Preview" only renders the description; saving checks everything and needs a session.
    const saving = form.get('action') !== 'preview';
    if (saving) errors = checked.errors;
    if (saving && !user) errors = { form: t(lang, 'admin.err.session'), ...errors };
    else if (saving && checked.input && user) {
      try {
        const saved = id ? await events.update(user, id, checked.input) : await events.create(user, checked.input);
        return { redirect: adminHome(lang, id ? 'updated' : 'created', saved.id) };
      } catch (error) {
        errors = errorsFromApi(lang, error);
      }
    }
    if (Object.keys(errors).length > 0 && status === 200) status = 400;
  }
  const centres = user?.role === 'admin' ? [...content.services].map(([centre, s]) => ({ id: centre, name: s.name[lang] })) : undefined;
  const render = (markdown: string) => (markdown ? renderMarkdown(markdown) : '');
  const centreAddressKnown = Boolean(content.services.get(values.center)?.address);
  return { values, errors, event, centres, status, centreAddressKnown, preview: { zh: render(values.description_zh), en: render(values.description_en) } };
}

/** Cancelling asks once more: the page stays, marked cancelled, and leaves the list and search. */
export async function cancelPage(events: EventService, lang: Lang, req: StaffRequest & { user: User }, id: string, clock: DistrictClock) {
  let errors: FormErrors = req.refused ? { form: t(lang, 'admin.err.crossOrigin') } : {};
  let status = req.refused ? 403 : 200;
  try {
    const event = await events.editable(req.user, id);
    if (req.form && event.status === 'scheduled') {
      await events.cancel(req.user, id);
      return { redirect: adminHome(lang, 'cancelled', id) };
    }
    return { status, errors, title: t(lang, 'admin.cancel.title', { title: event.title[lang] ?? event.title.zh }), when: clock.span(lang, event.start, event.end), cancelled: event.status === 'cancelled' };
  } catch (error) {
    errors = errorsFromApi(lang, error);
    status = isApiError(error) ? error.status : 400;
    return { status, errors, title: t(lang, 'admin.cancel'), when: undefined, cancelled: false };
  }
}
