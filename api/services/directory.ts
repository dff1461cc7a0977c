import { createHash } from 'node:crypto';
import type { Content } from '../../content/loader.ts';
import type { Lang, Service } from '../../content/schemas/index.ts';

export interface Point {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** Great-circle distance between two points, in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The weekday and HH:MM of `at` in the district's time zone, wherever the server runs. */
export function districtClock(at: Date): { day: (typeof WEEKDAYS)[number]; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: DISTRICT_TIME_ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number], time: `${get('hour')}:${get('minute')}` };
}

/** Whether the service is open at `at` (district time); `null` when its hours are not known. */
export function openNow(hours: Service['hours'], at: Date): boolean | null {
  if (!hours) return null;
  const { day, time } = districtClock(at);
  return hours.some((h) => h.days.includes(day) && h.opens <= time && time < h.closes);
}

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
  type?: Service['type'];
  town?: string;
  near?: Point;
  limit: number;
}

/**
 * The directory filtered and, with `near`, sorted by distance (services without coordinates last).
 * Town matches the town or street a service belongs to, or the community it sits in.
 */
export function listServices(content: Content, query: ServiceQuery, at = new Date()): ServiceSummary[] {
  const rows = [...content.services]
    .filter(([, s]) => !query.type || s.type === query.type)
    .filter(([, s]) => !query.town || s.town === query.town || s.community === query.town)
    .map(([id, s]): ServiceSummary => {
      const summary: ServiceSummary = {
        id,
        name: s.name[query.lang],
        type: s.type,
        town: s.town,
        address: s.address?.[query.lang] ?? null,
        phone: s.phone,
        hours: s.hours,
        openNow: openNow(s.hours, at),
        lat: s.coordinates?.lat ?? null,
        lng: s.coordinates?.lng ?? null,
        approximateLocation: s.coordinates?.approximate ?? true,
        url: `/${query.lang}/services/${id}/`,
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

/** A stable UUID for a content id, as HSDS wants UUIDs (name-based, SHA-1, RFC 4122 version 5 layout). */
export function stableUuid(kind: string, id: string): string {
  const hex = createHash('sha1').update(`bijiang-portal:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const HSDS_DAYS: Record<string, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/**
 * One directory entry as an Open Referral HSDS 3 service, with its organisation, location,
 * phones and weekly schedules. Unknown facts stay empty rather than guessed.
 */
export function toHsdsService(content: Content, id: string, s: Service, origin: string) {
  const bureau = content.services.get('bijiang-civil-affairs-bureau');
  const organizationName = s.organization?.zh ?? bureau?.name.zh ?? '';
  const place = (placeId: string | null | undefined) => (placeId ? content.places.get(placeId)?.name.zh : undefined);
  return {
    id: stableUuid('service', id),
    name: s.name.zh,
    alternate_name: s.name.en,
    description: s.description.zh,
    url: new URL(`/zh/services/${id}/`, origin).href,
    status: 'active',
    languages: s.languages ? [{ name: s.languages.zh, note: s.languages.en }] : [],
    organization: { id: stableUuid('organization', organizationName), name: organizationName },
    phones: s.phone ? [{ id: stableUuid('phone', id), number: s.phone }] : [],
    schedules: (s.hours ?? []).map((h, i) => ({
      id: stableUuid('schedule', `${id}-${i}`),
      freq: 'WEEKLY',
      byday: h.days.map((d) => HSDS_DAYS[d]).join(','),
      opens_at: h.opens,
      closes_at: h.closes,
      timezone: 8,
    })),
    service_at_locations: [
      {
        id: stableUuid('service-at-location', id),
        location: {
          id: stableUuid('location', id),
          location_type: 'physical',
          name: s.name.zh,
          latitude: s.coordinates?.lat,
          longitude: s.coordinates?.lng,
          description: s.coordinates?.approximate ? 'approximate location (community centre of area)' : undefined,
          addresses: s.address
            ? [{ address_1: s.address.zh, city: '铜仁市', region: '贵州省', state_province: '贵州省', country: 'CN', address_type: 'physical', postal_code: '' }]
            : [],
          accessibility: s.accessibility ? [{ id: stableUuid('accessibility', id), description: s.accessibility.zh }] : [],
        },
      },
    ],
    attributes: [
      { taxonomy_term: { code: s.type, name: s.type, vocabulary: 'bijiang-service-type' } },
      ...[place(s.town), place(s.community)].filter(Boolean).map((name) => ({ taxonomy_term: { code: name, name, vocabulary: 'bijiang-place' } })),
    ],
    metadata: [{ last_action_date: s.reviewed, last_action_type: 'reviewed', field_name: 'verified', replacement_value: String(s.verified) }],
  };
}
