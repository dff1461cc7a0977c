import { z } from 'zod';
import { isoDate, localized, slug, verified } from './common.ts';

/** One numbered step of the application journey. */
const stepSchema = z.strictObject({
  /** A short name for the step, e.g. "Apply". */
  title: localized,
  /** What happens in this step and who does it. */
  text: localized,
});

/** A question residents often ask, with a plain answer. */
const faqSchema = z.strictObject({
  q: localized,
  a: localized,
});

/** A law, regulation or notice the guide rests on. */
const legalBasisSchema = z.strictObject({
  /** The document's title, e.g. 《社会救助暂行办法》. */
  title: localized,
  /** The article(s) cited, if any, e.g. "第十二条 / Art. 12". */
  article: localized.optional(),
});

/**
 * A policy guide in the shape of a Chinese service guide (办事指南): one per programme, plus
 * explainers (how income is counted, the application journey). The file name is the id and
 * the page address: `/{lang}/policies/{id}/`.
 */
export const policySchema = z.strictObject({
  /** `programme` for a guide to one programme of `content/rules`, `explainer` for background. */
  kind: z.enum(['programme', 'explainer']),
  /** The programme this guide explains (an id in `content/rules/programmes`); programme guides only. */
  programme: slug.optional(),
  /** The page title. */
  title: localized,
  /** One or two sentences: what this is and who it is for. Shown in lists and search results. */
  summary: localized,
  /** One short line: who it is for, under the title in lists ("满80岁的老人"). */
  forWhom: localized,
  /** Where it comes in lists: what residents need most first (1, 2, …). */
  rank: z.number().int().positive(),
  /** Who can apply, one condition per item. */
  whoCanApply: z.array(localized).default([]),
  /** What you get, in words; amounts are never written here but come from `parameters`. */
  whatYouGet: z.array(localized).default([]),
  /** Ids of parameters in `content/rules/parameters.yaml` shown with their dates and status. */
  parameters: z.array(slug).default([]),
  /** Materials to bring, one per item. */
  materials: z.array(localized).default([]),
  /** The process, in order. */
  steps: z.array(stepSchema).default([]),
  /** Time limits residents can hold the office to. */
  timeLimits: z.array(localized).default([]),
  /** Ids of services (township offices) where one applies, from `content/services`. */
  whereToApply: z.array(slug).default([]),
  /** The legal basis. */
  legalBasis: z.array(legalBasisSchema).default([]),
  /** Common questions. */
  faq: z.array(faqSchema).default([]),
  /** The date an editor last checked the guide against the rules in force. */
  reviewed: isoDate,
  /** False until the bureau has confirmed the text; shows the "to be confirmed" badge. */
  verified,
});
export type Policy = z.infer<typeof policySchema>;
