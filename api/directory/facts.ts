// The facts a centre keeps true about itself (address, phones, hours, who it serves, what it
// offers, accessibility, languages, location), as the staff enter them. Content YAML is the
// starting point a district ships with; what a centre confirms lives in the store and is laid
// over the YAML, field by field, with who confirmed it and when.
import { z } from '@hono/zod-openapi';
import type { Service } from '../../content/schemas/index.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written as HH:MM, such as 08:30');
const text = (max: number) => z.string().trim().min(1, 'write something, or leave the field out').max(max, `at most ${max} characters`);
const localized = (max: number) => z.strictObject({ zh: text(max), en: text(max).optional() });

export const PHONE_LABELS = ['duty', 'office'] as const;
export const ACCESS_FEATURES = ['step-free', 'ramp', 'lift', 'accessible-toilet', 'seating', 'hearing-help', 'parking'] as const;
export const SPOKEN = ['mandarin', 'local-dialect', 'tujia', 'miao', 'dong', 'sign'] as const;

/** Every field a centre may set, each optional: a PATCH sends any subset. */
export const factsPatchSchema = z
  .strictObject({
    address: localized(120).nullable(),
    phones: z
      .array(z.strictObject({ number: z.string().trim().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number: digits, spaces, + and -'), label: z.enum(PHONE_LABELS) }))
      .max(4, 'at most 4 numbers'),
    hours: z
      .strictObject({
        weekly: z
          .array(z.strictObject({ days: z.array(z.enum(DAYS)).min(1, 'pick at least one day'), opens: time, closes: time }).refine((h) => h.opens < h.closes, { message: 'must close after it opens', path: ['closes'] }))
          .max(7),
        /** Holidays and other exceptions, in words. */
        note: localized(200).optional(),
      })
      .nullable(),
    audience: z.array(z.enum(['elderly', 'children', 'families', 'disabled', 'everyone'])).min(1, 'pick at least one'),
    offers: z.array(localized(120)).max(20, 'at most 20 items'),
    accessibility: z.strictObject({ features: z.array(z.enum(ACCESS_FEATURES)).max(ACCESS_FEATURES.length), note: localized(200).optional() }),
    languages: z.array(z.enum(SPOKEN)).min(1, 'pick at least one'),
    location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' })
  .openapi('ServiceFactsPatch', {
    example: { phones: [{ number: '0856-1234567', label: 'office' }], hours: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:30' }] } },
  });

export type FactsPatch = z.infer<typeof factsPatchSchema>;
export type FactField = keyof FactsPatch;
export const FACT_FIELDS = Object.keys(factsPatchSchema._def.schema.shape) as FactField[];

/** A fact as stored: its value, and who confirmed it when. */
export interface Confirmed {
  value: unknown;
  /** The day (district time) it was confirmed. */
  on: string;
  /** `centre` when the centre's own staff entered it, `bureau` when an admin did. */
  by: 'centre' | 'bureau';
}

/** The words for what a centre speaks, from the interface strings. */
export type SpokenWords = (lang: 'zh' | 'en', key: (typeof SPOKEN)[number]) => string;

/** The YAML's value of a field, in the patch's shape (what a revert to "never confirmed" restores). */
export function baseValue(s: Service, field: FactField): unknown {
  switch (field) {
    case 'address':
      return s.address;
    case 'phones':
      return s.phones ?? (s.phone ? [{ number: s.phone, label: 'office' }] : []);
    case 'hours':
      return s.hours ? { weekly: s.hours, ...(s.hoursNote && { note: s.hoursNote }) } : null;
    case 'audience':
      return s.audience;
    case 'offers':
      return s.offers;
    case 'accessibility':
      return { features: s.accessibilityFeatures ?? [], ...(s.accessibility && { note: s.accessibility }) };
    case 'languages':
      return s.languagesSpoken ?? [];
    case 'location':
      return s.coordinates && !s.coordinates.approximate ? { lat: s.coordinates.lat, lng: s.coordinates.lng } : null;
  }
}

const both = (v: { zh: string; en?: string }) => ({ zh: v.zh, en: v.en ?? v.zh });

/** The service with the confirmed facts laid over its YAML, and which fields they are. */
export function withFacts(base: Service, facts: Map<FactField, Confirmed>, spoken: SpokenWords): Service {
  const s: Service = { ...base, confirmed: {} };
  for (const [field, fact] of facts) {
    s.confirmed![field] = { on: fact.on, by: fact.by };
    const v = fact.value as never;
    switch (field) {
      case 'address': {
        const a = v as FactsPatch['address'];
        s.address = a ? both(a) : null;
        break;
      }
      case 'phones': {
        const phones = v as NonNullable<FactsPatch['phones']>;
        s.phones = phones;
        s.phone = phones[0]?.number ?? null;
        break;
      }
      case 'hours': {
        const h = v as FactsPatch['hours'];
        s.hours = h ? h.weekly : null;
        s.hoursNote = h?.note ? both(h.note) : undefined;
        break;
      }
      case 'audience':
        s.audience = v;
        break;
      case 'offers':
        s.offers = (v as NonNullable<FactsPatch['offers']>).map(both);
        break;
      case 'accessibility': {
        const a = v as NonNullable<FactsPatch['accessibility']>;
        s.accessibilityFeatures = a.features;
        s.accessibility = a.note ? both(a.note) : null;
        break;
      }
      case 'languages': {
        const list = v as NonNullable<FactsPatch['languages']>;
        s.languagesSpoken = list;
        s.languages = { zh: list.map((k) => spoken('zh', k)).join('、'), en: list.map((k) => spoken('en', k)).join(', ') };
        break;
      }
      case 'location': {
        const l = v as FactsPatch['location'];
        s.coordinates = l ? { ...l, approximate: false } : base.coordinates;
        break;
      }
    }
  }
  return s;
}
