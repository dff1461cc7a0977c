import { z } from 'zod';

/** The languages every reader-facing text is written in; Simplified Chinese first. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text written for readers in both languages. Neither may be empty: English is complete, not optional. */
export const localized = z.strictObject({
  /** Simplified Chinese, written for a reader of primary-school level. */
  zh: z.string().trim().min(1, 'Chinese text is required'),
  /** English, written for the reader (not machine output). */
  en: z.string().trim().min(1, 'English text is required'),
});
export type Localized = z.infer<typeof localized>;

/**
 * A calendar date as YYYY-MM-DD. YAML parsers disagree on unquoted dates (Astro's turns them
 * into Date objects, ours keeps strings), so both are accepted and normalised to the string.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written as YYYY-MM-DD'),
);

/**
 * A date known to the year, the month or the day: `2021`, `2021-06` or `2021-06-01`. Used where
 * the record gives no exact day (the steps of a convention's adoption); never padded with a guess.
 */
export const partialDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** A slug used as an id in URLs: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens');

/**
 * Whether a fact was confirmed by the bureau or a regulation. `false` makes every page that
 * shows it carry the visible "待核实 / to be confirmed" badge.
 */
export const verified = z.boolean();
