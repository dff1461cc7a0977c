// The directory of centres and offices (content/services): filtered, near a point, open now.
import type { Content } from '../../content/loader.ts';
import { serviceSchema, type Lang, type Service } from '../../content/schemas/index.ts';
import { href, type DistrictClock } from '../core/index.ts';

export interface Point {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance between two points, in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Whether the service is open at `at` (district time); `null` when its hours are not known. */
export function openNow(hours: Service['hours'], at: Date, clock: DistrictClock): boolean | null {
  if (!hours) return null;
  const day = clock.weekday(at);
  const time = clock.time(at);
  return hours.some((h) => h.days.includes(day) && h.opens <= time && time < h.closes);
}

/**
 * When a closed service next opens (district time), within the coming week: the day (`today`,
 * `tomorrow`, or a weekday) and the time. Undefined when the hours are not known or never open.
 */
export function nextOpening(hours: Service['hours'], at: Date, clock: DistrictClock): { day: 'today' | 'tomorrow' | ReturnType<DistrictClock['weekday']>; opens: string } | undefined {
  if (!hours) return undefined;
  const now = clock.time(at);
  for (let ahead = 0; ahead < 8; ahead++) {
    const day = clock.weekday(new Date(at.getTime() + ahead * 86400_000));
    const opens = hours.filter((h) => h.days.includes(day) && (ahead > 0 || h.opens > now)).map((h) => h.opens).sort()[0];
    if (opens) return { day: ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : day, opens };
  }
  return undefined;
}

/** The kinds of centre and office, in the schema's order. */
export const SERVICE_TYPES = serviceSchema.shape.type.options;

export interface ServiceSummary {
  id: string;
  name: string;
  type: Service['type'];
  town: string | null;
  address: string | null;
  phone: string | null;
  hours: Service['hours'];
  openNow: boolean | null;
  lat: number | null;
  lng: number | null;
  approximateLocation: boolean;
  distanceKm?: number;
  url: string;
  verified: boolean;
}

export interface ServiceQuery {
  lang: Lang;
  /** `now`: only what is open at this moment (district time, from the structured hours). */
  open?: 'now';
  type?: Service['type'];
  town?: string;
  near?: Point;
  limit: number;
}

/**
 * The directory filtered and, with `near`, sorted by distance (services without coordinates last).
 * Town matches the town or street a service belongs to, or the community it sits in.
 */
export function listServices(content: Content, query: ServiceQuery, clock: DistrictClock, at = new Date()): ServiceSummary[] {
  const rows = [...content.services]
    .filter(([, s]) => !query.type || s.type === query.type)
    .filter(([, s]) => !query.town || s.town === query.town || s.community === query.town)
    .filter(([, s]) => query.open !== 'now' || openNow(s.hours, at, clock) === true)
    .map(([id, s]): ServiceSummary => {
      const summary: ServiceSummary = {
        id,
        name: s.name[query.lang],
        type: s.type,
        town: s.town,
        address: s.address?.[query.lang] ?? null,
        phone: s.phone,
        hours: s.hours,
        openNow: openNow(s.hours, at, clock),
        lat: s.coordinates?.lat ?? null,
        lng: s.coordinates?.lng ?? null,
        approximateLocation: s.coordinates?.approximate ?? true,
        url: href(query.lang, `services/${id}/`),
        verified: s.verified,
      };
      if (query.near && s.coordinates) summary.distanceKm = Math.round(distanceKm(query.near, s.coordinates) * 100) / 100;
      return summary;
    });
  if (query.near) {
    rows.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.id.localeCompare(b.id));
  }
  return rows.slice(0, query.limit);
}

export interface Office {
  id: string;
  name: string;
  url: string;
}

/** The civil affairs office of a town or street, where residents apply; the district bureau when the town is unknown. */
export function officeFor(content: Content, lang: Lang, town?: string): Office | undefined {
  const match = [...content.services].find(([, s]) => s.type === 'civil-affairs-office' && s.town === town) ??
    [...content.services].find(([id]) => id === content.district.bureau);
  return match && { id: match[0], name: match[1].name[lang], url: href(lang, `services/${match[0]}/`) };
}

/** A centre's name in `lang`, or its id when there is no such centre (— for none). */
export function centreName(content: Content, lang: Lang, id: string | null): string {
  return (id && content.services.get(id)?.name[lang]) || id || '—';
}
