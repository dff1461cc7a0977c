// The directory as Open Referral HSDS 3.0 (https://docs.openreferral.org/): services with their
// organisation, location, phones, schedules, languages, attributes (taxonomy terms) and metadata
// (the centres' own changes, from the audit log). Every id is a stable UUID named within the
// district's namespace; unknown facts stay empty rather than guessed. The tests validate what
// this answers against the official schemas in ../shared/standards/hsds-3.0/, as published and strict.
import { v5 as uuidv5 } from 'uuid';
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Service } from '../../content/schemas/index.ts';
import { absolute, href, type DistrictClock } from '../core/index.ts';
import type { FactField } from './facts.ts';

/** A stable UUID (RFC 9562 version 5) for a thing in the directory, named within the district's namespace. */
export function stableUuid(content: Content, kind: string, id: string): string {
  return uuidv5(`${kind}:${id}`, content.district.uuidNamespace);
}

/** One logged change to a centre's entry, as the HSDS metadata reports it. */
export interface ServiceChange {
  /** Its number in the audit log. */
  entry: number;
  /** When (ISO 8601). */
  at: string;
  action: 'update' | 'revert';
  field: FactField;
  old: unknown;
  new: unknown;
  /** The centre's own staff, or the bureau. Never a person's name: this is published. */
  by: 'centre' | 'bureau';
}

/** Where each of our fields lives in HSDS, for `metadata.field_name`. */
const HSDS_FIELD: Record<FactField, string> = {
  address: 'location.addresses',
  phones: 'service.phones',
  hours: 'service.schedules',
  audience: 'service.attributes',
  offers: 'service.description',
  accessibility: 'location.accessibility',
  languages: 'service.languages',
  location: 'location.latitude,location.longitude',
};

const HSDS_DAYS: Record<string, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/** ISO 639-3 codes where one language is certain; the local dialect and the minority languages spoken here have none we can vouch for. */
const LANGUAGE_CODE: Partial<Record<string, string>> = { mandarin: 'cmn', miao: 'hmn', sign: 'csl' };

/** The vocabularies the attributes draw on. */
const TAXONOMIES = ['service-type', 'audience', 'area'] as const;
type TaxonomyKey = (typeof TAXONOMIES)[number];

/** What a taxonomy term is, before it is given its HSDS ids. */
interface Term {
  taxonomy: TaxonomyKey;
  code: string;
  name: string;
  description: string;
  parent?: string;
}

export interface HsdsQuery {
  /** Only services whose last change is at or after this moment. */
  modifiedAfter?: Date;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** Only these services (the ids a full-text search found). */
  ids?: ReadonlySet<string>;
}

/**
 * The HSDS view of the directory as it reads now (content/services with the confirmed facts laid
 * over it). Built per request: 19 services are cheap, and a change is visible in the next one.
 */
export class Hsds {
  private readonly uuid: (kind: string, key: string) => string;

  constructor(
    private readonly content: Content,
    private readonly origin: string,
    private readonly clock: DistrictClock,
    /** The logged changes to one service, oldest first. */
    private readonly changes: (id: string) => readonly ServiceChange[] = () => [],
  ) {
    this.uuid = (kind, key) => stableUuid(content, kind, key);
  }

  /** The services' ids (ours, not HSDS's) that match a query, in the directory's order. */
  matching(query: HsdsQuery = {}): string[] {
    return [...this.content.services.keys()].filter((id) => {
      if (query.ids && !query.ids.has(id)) return false;
      if (query.modifiedAfter && new Date(this.lastModified(id)) < query.modifiedAfter) return false;
      if (query.organizationId && this.organizationOf(id).id !== query.organizationId) return false;
      const terms = this.termsOf(id).map((term) => this.termIds(term));
      if (query.taxonomyTermId && !terms.some((term) => term.id === query.taxonomyTermId)) return false;
      if (query.taxonomyId && !terms.some((term) => term.taxonomy_id === query.taxonomyId)) return false;
      return true;
    });
  }

  /** Our id for an HSDS service id, if it is one of ours. */
  idOf(uuid: string): string | undefined {
    return [...this.content.services.keys()].find((id) => this.uuid('service', id) === uuid);
  }

  /** When the service, or anything about it, last changed: its latest logged change, else the day the YAML was reviewed. */
  lastModified(id: string): string {
    const latest = this.changes(id).at(-1);
    if (latest) return new Date(latest.at).toISOString();
    const s = this.content.services.get(id)!;
    return new Date(this.clock.moment(s.reviewed, '00:00')).toISOString();
  }

  /** A service as `/services` lists it (the compiled `service_list` schema: no nested phones or locations). */
  listed(id: string) {
    const s = this.content.services.get(id)!;
    const organization = this.organizationOf(id);
    return {
      id: this.uuid('service', id),
      organization_id: organization.id,
      name: s.name.zh,
      alternate_name: s.name.en,
      description: this.description(s),
      url: absolute(this.origin, href('zh', `services/${id}/`)),
      status: 'active',
      assured_date: this.assuredDate(s),
      last_modified: this.lastModified(id),
      organization,
    };
  }

  /** A service fully nested, as `/services/{id}` answers it (the compiled `service` schema). */
  full(id: string) {
    const s = this.content.services.get(id)!;
    const serviceId = this.uuid('service', id);
    const offset = this.clock.offset(this.clock.day());
    const [hours = 0, minutes = 0] = offset.split(':').map(Number);
    const note = s.hoursNote?.zh;
    return {
      ...this.listed(id),
      phones: this.phonesOf(s).map((p, i) => ({
        id: this.uuid('phone', `${id}:${i}`),
        service_id: serviceId,
        number: p.number,
        type: 'voice',
        description: `${t('zh', `service.phone.${p.label}`)} / ${t('en', `service.phone.${p.label}`)}`,
      })),
      schedules: (s.hours ?? []).map((h, i) => ({
        id: this.uuid('schedule', `${id}:${i}`),
        service_id: serviceId,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: h.days.map((d) => HSDS_DAYS[d]).join(','),
        opens_at: `${h.opens}${offset}`,
        closes_at: `${h.closes}${offset}`,
        timezone: hours + Math.sign(hours) * (minutes / 60),
        ...(note && { notes: note }),
      })),
      languages: this.languagesOf(id, s, serviceId),
      service_at_locations: [this.serviceAtLocation(id)],
      attributes: this.termsOf(id).map((term) => this.attribute(id, term)),
      metadata: this.metadata(id),
    };
  }

  /** The one place a service is given at, with its location nested. */
  serviceAtLocation(id: string) {
    const s = this.content.services.get(id)!;
    const locationId = this.uuid('location', id);
    const features = s.accessibilityFeatures ?? [];
    return {
      id: this.uuid('service-at-location', id),
      service_id: this.uuid('service', id),
      location_id: locationId,
      location: {
        id: locationId,
        location_type: 'physical',
        name: s.name.zh,
        alternate_name: s.name.en,
        ...(s.coordinates && { latitude: s.coordinates.lat, longitude: s.coordinates.lng }),
        ...(s.coordinates?.approximate && { description: '位置为所在社区的大致位置 / approximate: the location of its community' }),
        addresses: s.address
          ? [
              {
                id: this.uuid('address', id),
                location_id: locationId,
                address_1: s.address.zh,
                city: this.content.district.city.zh,
                region: this.content.district.name.zh,
                state_province: this.content.district.province.zh,
                // Unknown here: empty rather than guessed (HSDS requires the field).
                postal_code: '',
                country: this.content.district.country,
                address_type: 'physical',
              },
            ]
          : [],
        accessibility: [
          ...features.map((f) => ({ id: this.uuid('accessibility', `${id}:${f}`), location_id: locationId, description: `${t('zh', `service.access.${f}`)} / ${t('en', `service.access.${f}`)}` })),
          ...(s.accessibility ? [{ id: this.uuid('accessibility', `${id}:note`), location_id: locationId, description: s.accessibility.zh, details: s.accessibility.en }] : []),
        ],
      },
    };
  }

  /** Every organisation running a service here: the bureau, and the partners named in content/services. */
  organizations() {
    const seen = new Map<string, ReturnType<Hsds['organizationOf']>>();
    for (const id of this.content.services.keys()) {
      const organization = this.organizationOf(id);
      if (!seen.has(organization.id)) seen.set(organization.id, organization);
    }
    return [...seen.values()];
  }

  taxonomies() {
    const district = this.content.district.name;
    const about: Record<TaxonomyKey, [string, string]> = {
      'service-type': [`${district.zh}服务类型`, `本门户目录中的中心和办公室的种类 / The kinds of centre and office in the ${district.en} portal's directory`],
      audience: [`${district.zh}服务对象`, `服务面向的人群 / Who a service is for`],
      area: [`${district.zh}行政区划`, `${district.zh}的镇、街道、村和社区 / The towns, streets, villages and communities of ${district.en}`],
    };
    return TAXONOMIES.map((key) => ({ id: this.uuid('taxonomy', key), name: about[key][0], description: about[key][1], version: '1' }));
  }

  /** Every term of our taxonomies: service types, audiences, and the district's places (villages under their town). */
  taxonomyTerms() {
    const types = new Set([...this.content.services.values()].map((s) => s.type));
    const audiences = new Set([...this.content.services.values()].flatMap((s) => s.audience));
    const terms: Term[] = [
      ...[...types].map((type) => this.typeTerm(type)),
      ...[...audiences].map((a) => this.audienceTerm(a)),
      ...[...this.content.places.keys()].map((place) => this.placeTerm(place)),
    ];
    return terms.map((term) => this.termIds(term));
  }

  private description(s: Service): string {
    const offers = s.offers.map((o) => o.zh).join('；');
    return offers ? `${s.description.zh}\n服务内容：${offers}` : s.description.zh;
  }

  /** The latest day a fact of the service was confirmed, else the day its YAML was reviewed. */
  private assuredDate(s: Service): string {
    const days = Object.values(s.confirmed ?? {}).flatMap((c) => (c ? [c.on] : []));
    return [s.reviewed, ...days].sort().at(-1)!;
  }

  private phonesOf(s: Service) {
    return s.phones ?? (s.phone ? [{ number: s.phone, label: 'office' as const }] : []);
  }

  private languagesOf(id: string, s: Service, serviceId: string) {
    if (s.languagesSpoken?.length) {
      return s.languagesSpoken.map((key) => ({
        id: this.uuid('language', `${id}:${key}`),
        service_id: serviceId,
        name: t('zh', `service.spoken.${key}`),
        ...(LANGUAGE_CODE[key] && { code: LANGUAGE_CODE[key] }),
        note: t('en', `service.spoken.${key}`),
      }));
    }
    return s.languages ? [{ id: this.uuid('language', `${id}:text`), service_id: serviceId, name: s.languages.zh, note: s.languages.en }] : [];
  }

  private organizationOf(id: string) {
    const { district } = this.content;
    const s = this.content.services.get(id)!;
    const bureau = this.content.services.get(district.bureau);
    if (!s.organization || !bureau) {
      const b = bureau ?? s;
      return {
        id: this.uuid('organization', b.name.zh),
        name: b.name.zh,
        alternate_name: b.name.en,
        description: b.description.zh,
        website: absolute(this.origin, href('zh', `services/${district.bureau}/`)),
      };
    }
    const runs = [...this.content.services.values()].filter((other) => other.organization?.zh === s.organization!.zh).map((other) => `“${other.name.zh}”`);
    return {
      id: this.uuid('organization', s.organization.zh),
      name: s.organization.zh,
      alternate_name: s.organization.en,
      description: `运营${runs.join('、')}的机构。/ The organisation that runs ${runs.length === 1 ? 'this centre' : 'these centres'} for ${district.name.en}.`,
    };
  }

  /** A service's terms: its type, each audience, and its town and community. */
  private termsOf(id: string): Term[] {
    const s = this.content.services.get(id)!;
    return [this.typeTerm(s.type), ...s.audience.map((a) => this.audienceTerm(a)), ...[s.town, s.community].flatMap((p) => (p && this.content.places.has(p) ? [this.placeTerm(p)] : []))];
  }

  private typeTerm(type: Service['type']): Term {
    const name = t('zh', `service.type.${type}`);
    return { taxonomy: 'service-type', code: type, name, description: `${name} / ${t('en', `service.type.${type}`)}` };
  }

  private audienceTerm(audience: Service['audience'][number]): Term {
    const name = t('zh', `audience.${audience}`);
    return { taxonomy: 'audience', code: audience, name, description: `${name} / ${t('en', `audience.${audience}`)}` };
  }

  private placeTerm(place: string): Term {
    const p = this.content.places.get(place)!;
    const kind = t('en', `place.kind.${p.kind}`);
    return { taxonomy: 'area', code: place, name: p.name.zh, description: `${p.name.zh} / ${p.name.en} (${kind})`, parent: p.parent };
  }

  private termIds(term: Term) {
    return {
      id: this.uuid('taxonomy-term', `${term.taxonomy}:${term.code}`),
      code: term.code,
      name: term.name,
      description: term.description,
      taxonomy_id: this.uuid('taxonomy', term.taxonomy),
      language: 'zh',
      ...(term.parent && { parent_id: this.uuid('taxonomy-term', `${term.taxonomy}:${term.parent}`) }),
    };
  }

  private attribute(id: string, term: Term) {
    const taxonomyTerm = this.termIds(term);
    return {
      id: this.uuid('attribute', `${id}:${term.taxonomy}:${term.code}`),
      link_id: this.uuid('service', id),
      link_type: term.taxonomy === 'area' ? 'area' : term.taxonomy === 'audience' ? 'audience' : 'service_type',
      link_entity: 'service',
      taxonomy_term_id: taxonomyTerm.id,
      taxonomy_term: taxonomyTerm,
    };
  }

  /** The YAML's review, then each change the centre or the bureau made, oldest first. */
  private metadata(id: string) {
    const s = this.content.services.get(id)!;
    const resource = { resource_id: this.uuid('service', id), resource_type: 'service' };
    const bureau = this.content.services.get(this.content.district.bureau)?.name.zh ?? this.content.district.name.zh;
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
    return [
      { id: this.uuid('metadata', `${id}:reviewed`), ...resource, last_action_date: s.reviewed, last_action_type: 'reviewed', field_name: 'verified', previous_value: '', replacement_value: String(s.verified), updated_by: bureau },
      ...this.changes(id).map((c) => ({
        id: this.uuid('metadata', `${id}:audit:${c.entry}`),
        ...resource,
        last_action_date: this.clock.day(c.at),
        last_action_type: c.action,
        field_name: HSDS_FIELD[c.field],
        previous_value: text(c.old),
        replacement_value: text(c.new),
        updated_by: c.by === 'centre' ? `${s.name.zh}工作人员 / the centre's staff` : bureau,
      })),
    ];
  }
}
