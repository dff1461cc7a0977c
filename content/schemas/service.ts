import { z } from 'zod';
import { isoDate, localized, slug, verified } from './common.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written as HH:MM');

/** Opening hours for a set of weekdays (HSDS `schedule`). */
const openingSchema = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1),
  opens: time,
  closes: time,
});

/**
 * A centre or office residents can go to, modelled on Open Referral HSDS 3 (organisation,
 * service, location, schedule). The file name is the id: `/{lang}/services/{id}/`. Unknown facts
 * are `null` and shown as "待核实 / to be confirmed" — never invented.
 */
export const serviceSchema = z.strictObject({
  name: localized,
  type: z.enum([
    'bureau',
    'civil-affairs-office',
    'day-care',
    'children-home',
    'social-work-station',
    'volunteer-association',
    'community-centre',
  ]),
  /** The organisation that runs it, when not the bureau itself (e.g. a social-work partner). */
  organization: localized.optional(),
  /** The town or street it belongs to (an id in `content/places.yaml`); null until confirmed. */
  town: slug.nullable(),
  /** The community or village it sits in, when known (an id in `content/places.yaml`). */
  community: slug.optional(),
  /** One or two sentences on what it is. */
  description: localized,
  /** What it offers, one item each. */
  offers: z.array(localized).default([]),
  /** Who it is for. */
  audience: z.array(z.enum(['elderly', 'children', 'families', 'disabled', 'everyone'])).min(1),
  address: localized.nullable(),
  /** The main number (the first of `phones` when both are given). */
  phone: z.string().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number').nullable(),
  /** Every number, each with what it is for: 值班 (duty) or 办公室 (office). */
  phones: z.array(z.strictObject({ number: z.string().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number'), label: z.enum(['duty', 'office']) })).optional(),
  hours: z.array(openingSchema).nullable(),
  /** Holidays and other exceptions to the weekly hours, in words. */
  hoursNote: localized.optional(),
  /** In words: what a visitor who cannot climb steps, hear or see well should know. */
  accessibility: localized.nullable(),
  /** What the building has (step-free entrance, accessible toilet, …). */
  accessibilityFeatures: z.array(z.enum(['step-free', 'ramp', 'lift', 'accessible-toilet', 'seating', 'hearing-help', 'parking'])).optional(),
  /** Languages staff speak, in words (e.g. "普通话、本地方言 / Mandarin, local dialect"). */
  languages: localized.nullable(),
  /** The same, as a list (普通话, the local dialect, 民族语言). */
  languagesSpoken: z.array(z.enum(['mandarin', 'local-dialect', 'tujia', 'miao', 'dong', 'sign'])).optional(),
  /**
   * Where it is, for "near me" and maps. `approximate: true` when only the community's general
   * location is known; the page says so.
   */
  coordinates: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      approximate: z.boolean(),
    })
    .nullable(),
  reviewed: isoDate,
  verified,
});
export type Service = z.infer<typeof serviceSchema> & {
  /** At run time: the fields the centre (or the bureau) has confirmed in the store, and when. */
  confirmed?: Partial<Record<string, { on: string; by: 'centre' | 'bureau' }>>;
};
