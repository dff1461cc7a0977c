// The data the directory pages show, prepared for the components in the reader's language.
import { HTML_LANG, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang, Service } from '../../content/schemas/index.ts';
import { absolute, href, readableDate, type DistrictClock } from '../core/index.ts';
import { districtAndTowns, groupByTown, placeName } from '../places/index.ts';
import { openNow } from './directory.ts';

export interface ServiceCard {
  id: string;
  name: string;
  url: string;
  type: Service['type'];
  community?: string;
  open: boolean | null;
  phone: string | null;
  lat?: number;
  lng?: number;
}

/** The centres, filtered by type and town, grouped under their town or street. */
export function serviceGroups(content: Content, lang: Lang, filter: { type?: Service['type']; town?: string }, clock: DistrictClock, at = new Date()) {
  const cards = [...content.services]
    .filter(([, s]) => (!filter.type || s.type === filter.type) && (!filter.town || s.town === filter.town))
    .map(([id, s]) => ({
      town: s.town,
      card: {
        id,
        name: s.name[lang],
        url: href(lang, `services/${id}/`),
        type: s.type,
        community: placeName(content, lang, s.community),
        open: openNow(s.hours, at, clock),
        phone: s.phone,
        lat: s.coordinates?.lat,
        lng: s.coordinates?.lng,
      } satisfies ServiceCard,
    }));
  return groupByTown(cards, (r) => r.town, districtAndTowns(content, lang), t(lang, 'place.unknownTown')).map((g) => ({ ...g, rows: g.rows.map((r) => r.card) }));
}

const SCHEMA_DAYS = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

/** One centre's page: its facts (null where unknown, shown as 待核实), hours in words, JSON-LD. */
export function servicePage(content: Content, id: string, lang: Lang, clock: DistrictClock, origin: string | URL, at = new Date()) {
  const s = content.services.get(id);
  if (!s) return undefined;
  const list = (items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
  // "由本中心于 2026-12-02 确认" beside each fact the centre (or the bureau) confirmed.
  const confirmed = Object.fromEntries(
    Object.entries(s.confirmed ?? {}).flatMap(([field, c]) => (c ? [[field, t(lang, `service.confirmedBy.${c.by}`, { date: readableDate(lang, c.on) })]] : [])),
  ) as Partial<Record<string, string>>;
  const phones = s.phones ?? (s.phone ? [{ number: s.phone, label: 'office' as const }] : []);
  const features = (s.accessibilityFeatures ?? []).map((f) => t(lang, `service.access.${f}`));
  return {
    confirmed,
    phones: phones.map((p) => ({ number: p.number, label: t(lang, `service.phone.${p.label}`) })),
    hoursNote: s.hoursNote?.[lang] ?? null,
    /** Opens the phone's own map app at the centre (a plain link: no map is loaded here). */
    mapLink: s.coordinates && !s.coordinates.approximate ? `geo:${s.coordinates.lat},${s.coordinates.lng}?q=${s.coordinates.lat},${s.coordinates.lng}(${encodeURIComponent(s.name[lang])})` : null,
    id,
    name: s.name[lang],
    type: s.type,
    description: s.description[lang],
    verified: s.verified,
    open: openNow(s.hours, at, clock),
    organization: s.organization?.[lang],
    town: placeName(content, lang, s.town),
    community: placeName(content, lang, s.community),
    address: s.address?.[lang] ?? null,
    phone: s.phone,
    hours: s.hours?.map((h) => `${list(h.days.map((d) => t(lang, `day.${d}`)))} ${h.opens}–${h.closes}`) ?? null,
    audience: list(s.audience.map((a) => t(lang, `audience.${a}`))),
    accessibility: [...features, ...(s.accessibility ? [s.accessibility[lang]] : [])].join(lang === 'zh' ? '；' : '; ') || null,
    languages: s.languages?.[lang] ?? null,
    approximate: s.coordinates?.approximate ?? false,
    offers: s.offers.map((o) => o[lang]),
    reviewed: readableDate(lang, s.reviewed),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': s.type === 'bureau' || s.type === 'civil-affairs-office' ? 'GovernmentOffice' : 'CivicStructure',
      name: s.name[lang],
      description: s.description[lang],
      url: absolute(origin, href(lang, `services/${id}/`)),
      inLanguage: HTML_LANG[lang],
      ...(s.phone && { telephone: s.phone }),
      ...(s.address && { address: s.address[lang] }),
      ...(s.coordinates && { geo: { '@type': 'GeoCoordinates', latitude: s.coordinates.lat, longitude: s.coordinates.lng } }),
      ...(s.hours && {
        openingHoursSpecification: s.hours.map((h) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: h.days.map((d) => `https://schema.org/${SCHEMA_DAYS[d]}`), opens: h.opens, closes: h.closes })),
      }),
      makesOffer: s.offers.map((o) => ({ '@type': 'Offer', itemOffered: { '@type': 'GovernmentService', name: o[lang] } })),
    },
  };
}
