import { z } from 'zod';
import { isoDate, localized, partialDate, slug, verified } from './common.ts';

/** One numbered article (第一条 …). Its number is its stable anchor: `#article-5`. */
const articleSchema = z.strictObject({
  /** The article number, counted across the whole convention from 1. */
  number: z.number().int().positive(),
  /** 总则 (general rules: purpose, legal basis, scope) or 细则 (specific rules). */
  part: z.enum(['general', 'specific']),
  /** The topic heading the article sits under, e.g. "移风易俗 / Customs reform". */
  topic: localized.optional(),
  /** The article's text. */
  text: localized,
});

/** One step of the statutory procedure (2018 national guidance), with its date. */
const procedureStepSchema = z.strictObject({
  step: z.enum(['opinions', 'draft', 'legality-review', 'assembly-vote', 'filed', 'published', 'in-force']),
  /** As precisely as the record says: a year, a month or a day. */
  date: partialDate,
  /** Who did it or how, e.g. "坝黄镇人民政府合法性审查". */
  note: localized.optional(),
  /** For the assembly's vote: who was there and how they voted (a majority of those present adopts). */
  votes: z.strictObject({ present: z.number().int().min(1), for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) }).optional(),
  /** The consultation (征求意见) the opinions were gathered in, on this portal. */
  consultation: z.string().optional(),
});

/** One adopted version of the convention. */
const versionSchema = z.strictObject({
  /** A label such as "2021 修订 / 2021 revision". */
  label: localized,
  /** The statutory steps this version went through. */
  procedure: z.array(procedureStepSchema).min(1),
  /** The articles of this version. */
  articles: z.array(articleSchema).min(1),
});

/** A case of the convention at work. Anonymised: "Mr Yang", never a full name. */
const caseSchema = z.strictObject({
  title: localized,
  text: localized,
});

/**
 * A village convention (村规民约), a resident convention (居民公约) or the district's model
 * text. The file name is the id: `/{lang}/conventions/{id}/`. Versions are listed oldest first;
 * the last one is in force.
 */
export const conventionSchema = z.strictObject({
  kind: z.enum(['model', 'village', 'resident']),
  title: localized,
  summary: localized,
  /** The place it governs (an id in `content/places.yaml`). */
  place: slug,
  /** Demonstration status awarded to the place, shown as a badge. */
  demonstration: z.enum(['none', 'district', 'provincial']).default('none'),
  versions: z.array(versionSchema).min(1),
  /** A version to sing (e.g. a lantern song in seven-character lines), line by line. */
  song: z.strictObject({
      title: localized,
      lines: z.array(localized).min(1),
    })
    .optional(),
  cases: z.array(caseSchema).default([]),
  /** Article numbers for the printable poster (cultural walls, notice boards); at most eight. */
  posterArticles: z.array(z.number().int().positive()).max(8).default([]),
  reviewed: isoDate,
  /** False for texts written from the report and national guidance: shown as "示例文本 / sample text". */
  verified,
});
export type Convention = z.infer<typeof conventionSchema>;
