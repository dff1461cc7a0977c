// The directory as Open Referral HSDS 3 (https://docs.openreferral.org/): one service per
// entry, with its organisation, location, phones and weekly schedules. Unknown facts stay empty
// rather than guessed.
import { v5 as uuidv5 } from 'uuid';
import type { Content } from '../../content/loader.ts';
import type { Service } from '../../content/schemas/index.ts';
import { absolute, href, type DistrictClock } from '../core/index.ts';

/** A stable UUID (RFC 9562 version 5) for a thing in the directory, named within the district's namespace. */
export function stableUuid(content: Content, kind: string, id: string): string {
  return uuidv5(`${kind}:${id}`, content.district.uuidNamespace);
}

const HSDS_DAYS: Record<string, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/** One directory entry as an HSDS service; schedule times are in the district's UTC offset today. */
export function toHsdsService(content: Content, id: string, s: Service, origin: string, clock: DistrictClock) {
  const { district } = content;
  const [hours = 0, minutes = 0] = clock.offset(clock.day()).split(':').map(Number);
  const offset = hours + Math.sign(hours) * (minutes / 60);
  const bureau = content.services.get(district.bureau);
  const uuid = (kind: string, key: string) => stableUuid(content, kind, key);
  const organizationName = s.organization?.zh ?? bureau?.name.zh ?? '';
  const place = (placeId: string | null | undefined) => (placeId ? content.places.get(placeId)?.name.zh : undefined);
  return {
    id: uuid('service', id),
    name: s.name.zh,
    alternate_name: s.name.en,
    description: s.description.zh,
    url: absolute(origin, href('zh', `services/${id}/`)),
    status: 'active',
    languages: s.languages ? [{ name: s.languages.zh, note: s.languages.en }] : [],
    organization: { id: uuid('organization', organizationName), name: organizationName },
    phones: s.phone ? [{ id: uuid('phone', id), number: s.phone }] : [],
    schedules: (s.hours ?? []).map((h, i) => ({
      id: uuid('schedule', `${id}-${i}`),
      freq: 'WEEKLY',
      byday: h.days.map((d) => HSDS_DAYS[d]).join(','),
      opens_at: h.opens,
      closes_at: h.closes,
      timezone: offset,
    })),
    service_at_locations: [
      {
        id: uuid('service-at-location', id),
        location: {
          id: uuid('location', id),
          location_type: 'physical',
          name: s.name.zh,
          latitude: s.coordinates?.lat,
          longitude: s.coordinates?.lng,
          description: s.coordinates?.approximate ? 'approximate location (community centre of area)' : undefined,
          addresses: s.address
            ? [{ address_1: s.address.zh, city: district.city.zh, region: district.province.zh, state_province: district.province.zh, country: district.country, address_type: 'physical', postal_code: '' }]
            : [],
          accessibility: s.accessibility ? [{ id: uuid('accessibility', id), description: s.accessibility.zh }] : [],
        },
      },
    ],
    attributes: [
      { taxonomy_term: { code: s.type, name: s.type, vocabulary: `${district.place}-service-type` } },
      ...[place(s.town), place(s.community)].filter(Boolean).map((name) => ({ taxonomy_term: { code: name, name, vocabulary: `${district.place}-place` } })),
    ],
    metadata: [{ last_action_date: s.reviewed, last_action_type: 'reviewed', field_name: 'verified', replacement_value: String(s.verified) }],
  };
}
