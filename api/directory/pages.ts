// The data the directory pages show, prepared for the components in the reader's language.
import type { CivicStructure, GovernmentOffice, WithContext } from 'schema-dts';
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang, Service } from '../../content/schemas/index.ts';
import { absolute, BUILD_ORIGIN, href, readableDate, type DistrictClock } from '../core/index.ts';
import { districtAndTowns, groupByTown, placeName } from '../places/index.ts';
import type { StaffRequest } from '../accounts/index.ts';
import { nextOpening, officeFor, openNow } from './directory.ts';
import { factsPatchSchema } from './facts.ts';
import type { DirectoryService } from './service.ts';

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

/** The office where residents apply, with what they need to reach it: numbers to tap, address, whether it is open. */
export interface OfficeCard {
  id: string;
  name: string;
  url: string;
  phones: { number: string; label: string }[];
  address: string | null;
  /** "开放中" / "明天 08:30 开门"; undefined when the hours are unknown. */
  openState?: string;
  /** What the office itself has confirmed (phones, address), in words. */
  confirmed: Partial<Record<string, string>>;
}

/** The office of a town (the bureau when unknown) as the self-check's "where to apply" shows it. */
export function officeCard(content: Content, lang: Lang, clock: DistrictClock, town?: string, at = new Date()): OfficeCard | undefined {
  const office = officeFor(content, lang, town);
  const page = office && servicePage(content, office.id, lang, clock, BUILD_ORIGIN, at);
  if (!office || !page) return undefined;
  const openState = page.open === true ? t(lang, 'service.openNow') : page.opensNext;
  return { ...office, phones: page.phones, address: page.address, openState, confirmed: page.confirmed };
}

/**
 * A centre as schema.org reads it: a township office or the bureau is a GovernmentOffice, every
 * other centre a CivicStructure; both are places, with only the properties places have.
 */
function serviceJsonLd(content: Content, id: string, s: Service, lang: Lang, origin: string | URL): WithContext<GovernmentOffice | CivicStructure> {
  const { district } = content;
  const town = placeName(content, lang, s.town);
  const place: CivicStructure = {
    '@type': 'CivicStructure',
    name: s.name[lang],
    description: s.description[lang],
    url: absolute(origin, href(lang, `services/${id}/`)),
    ...(s.phone && { telephone: s.phone }),
    address: {
      '@type': 'PostalAddress',
      ...(s.address && { streetAddress: s.address[lang] }),
      addressLocality: town ?? district.name[lang],
      addressRegion: district.city[lang],
      addressCountry: district.country,
    },
    ...(s.coordinates && { geo: { '@type': 'GeoCoordinates', latitude: s.coordinates.lat, longitude: s.coordinates.lng } }),
    ...(s.hours && {
      openingHoursSpecification: s.hours.map((h) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: h.days.map((d) => `https://schema.org/${SCHEMA_DAYS[d]}` as const), opens: h.opens, closes: h.closes })),
    }),
    ...((s.accessibilityFeatures ?? []).length > 0 && {
      amenityFeature: s.accessibilityFeatures!.map((f) => ({ '@type': 'LocationFeatureSpecification', name: t(lang, `service.access.${f}`), value: true })),
    }),
  };
  const { '@type': _, ...properties } = place;
  if (s.type === 'bureau' || s.type === 'civil-affairs-office') return { '@context': 'https://schema.org', ...properties, '@type': 'GovernmentOffice' } satisfies WithContext<GovernmentOffice>;
  return { '@context': 'https://schema.org', ...place };
}

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
    /** "周一 08:30 开门" when closed now and the hours are known. */
    opensNext: (() => {
      const next = openNow(s.hours, at, clock) === false ? nextOpening(s.hours, at, clock) : undefined;
      return next && t(lang, 'service.opensAt', { day: t(lang, next.day === 'today' || next.day === 'tomorrow' ? `service.${next.day}` : `day.${next.day}`), time: next.opens });
    })(),
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
    jsonLd: serviceJsonLd(content, id, s, lang, origin),
  };
}

// ——— the staff form for a centre's own facts ———

/** The form's fields, as typed (every value a string, a list for boxes), kept when something is wrong. */
export interface CentreFormValues {
  address_zh: string;
  address_en: string;
  phones: { number: string; label: string }[];
  hours: { days: string[]; opens: string; closes: string }[];
  hours_note: string;
  access: string[];
  access_note: string;
  languages: string[];
  audience: string[];
  lat: string;
  lng: string;
}

const PHONE_ROWS = 2;
const HOUR_ROWS = 3;

function valuesOf(s: Service): CentreFormValues {
  const phones = s.phones ?? (s.phone ? [{ number: s.phone, label: 'office' as const }] : []);
  const hours = s.hours ?? [];
  const exact = s.coordinates && !s.coordinates.approximate ? s.coordinates : undefined;
  return {
    address_zh: s.address?.zh ?? '',
    address_en: s.address?.en && s.address.en !== s.address.zh ? s.address.en : '',
    phones: Array.from({ length: PHONE_ROWS }, (_, i) => ({ number: phones[i]?.number ?? '', label: phones[i]?.label ?? (i === 0 ? 'duty' : 'office') })),
    hours: Array.from({ length: HOUR_ROWS }, (_, i) => ({ days: hours[i]?.days ?? [], opens: hours[i]?.opens ?? '', closes: hours[i]?.closes ?? '' })),
    hours_note: s.hoursNote?.zh ?? '',
    access: s.accessibilityFeatures ?? [],
    access_note: s.accessibility?.zh ?? '',
    languages: s.languagesSpoken ?? [],
    audience: s.audience,
    lat: exact ? String(exact.lat) : '',
    lng: exact ? String(exact.lng) : '',
  };
}

function valuesFromForm(form: FormData): CentreFormValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    address_zh: text('address_zh'),
    address_en: text('address_en'),
    phones: Array.from({ length: PHONE_ROWS }, (_, i) => ({ number: text(`phone_${i}_number`), label: text(`phone_${i}_label`) || 'office' })),
    hours: Array.from({ length: HOUR_ROWS }, (_, i) => ({ days: form.getAll(`hours_${i}_days`).map(String), opens: text(`hours_${i}_opens`), closes: text(`hours_${i}_closes`) })),
    hours_note: text('hours_note'),
    access: form.getAll('access').map(String),
    access_note: text('access_note'),
    languages: form.getAll('languages').map(String),
    audience: form.getAll('audience').map(String),
    lat: text('lat'),
    lng: text('lng'),
  };
}

/** The patch the form asks for: every field as the form has it (the store keeps only what changed). */
function patchOf(v: CentreFormValues): Record<string, unknown> {
  const weekly = v.hours.filter((h) => h.days.length > 0 || h.opens || h.closes);
  return {
    address: v.address_zh ? { zh: v.address_zh, ...(v.address_en && { en: v.address_en }) } : null,
    phones: v.phones.filter((p) => p.number),
    hours: weekly.length > 0 ? { weekly, ...(v.hours_note && { note: { zh: v.hours_note } }) } : null,
    accessibility: { features: v.access, ...(v.access_note && { note: { zh: v.access_note } }) },
    languages: v.languages,
    audience: v.audience,
    location: v.lat || v.lng ? { lat: Number(v.lat), lng: Number(v.lng) } : null,
  };
}

/** The form field an API field name points at (`phones.0.number` → `phone_0_number`). */
function formField(path: string): string {
  const [field, i, part] = path.split('.');
  if (field === 'phones' && i !== undefined) return `phone_${i}_number`;
  if (field === 'hours' && i === 'weekly') return `hours_${part ?? 0}_opens`;
  if (field === 'hours') return 'hours_note';
  if (field === 'address') return 'address_zh';
  if (field === 'location') return 'lat';
  if (field === 'accessibility') return 'access_note';
  return field ?? 'form';
}

export interface CentreFormState {
  status: number;
  id: string;
  name: string;
  values: CentreFormValues;
  errors: Record<string, string>;
  saved: boolean;
}

/**
 * The page where a centre's staff (or the bureau's admin) confirm the centre's facts. Only what
 * differs from what is shown now is saved, so confirming the phone does not mark the hours
 * confirmed. Everything typed comes back when something is wrong.
 */
export async function centreFormPage(
  content: Content,
  directory: DirectoryService,
  lang: Lang,
  req: StaffRequest,
  id: string,
): Promise<{ redirect: string } | CentreFormState> {
  const { user, form } = req;
  if (!user) return { redirect: href(lang, 'admin/') };
  const service = content.services.get(id);
  if (!service) return { status: 404, id, name: id, values: valuesOf({ audience: [] } as unknown as Service), errors: { form: t(lang, 'admin.err.notFoundCentre') }, saved: false };
  const base = { id, name: service.name[lang] };
  if (!directory.mayEdit(user, id)) return { ...base, status: 403, values: valuesOf(service), errors: { form: t(lang, 'admin.err.forbiddenCentre') }, saved: false };
  if (req.refused) return { ...base, status: 403, values: valuesOf(service), errors: { form: t(lang, 'admin.err.crossOrigin') }, saved: false };
  if (!form) return { ...base, status: 200, values: valuesOf(service), errors: {}, saved: false };
  const values = valuesFromForm(form);
  const now = patchOf(valuesOf(service));
  const wanted = patchOf(values);
  const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(now[k])));
  if (Object.keys(changed).length === 0) return { redirect: `${href(lang, `services/${id}/`)}` };
  const checked = factsPatchSchema.safeParse(changed);
  if (!checked.success) {
    const errors: Record<string, string> = {};
    for (const issue of checked.error.issues) errors[formField(issue.path.join('.'))] ??= t(lang, 'admin.err.centreField');
    return { ...base, status: 400, values, errors, saved: false };
  }
  await directory.patch(user, id, checked.data);
  return { redirect: `${href(lang, `services/${id}/`)}?saved=1` };
}
