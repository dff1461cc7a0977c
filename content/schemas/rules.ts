import { z } from 'zod';
import { isoDate, localized, slug } from './common.ts';

/** One dated value of a parameter, in force from `from` until the next value's `from`. */
const parameterValueSchema = z.strictObject({
  from: isoDate,
  value: z.number(),
  /** Where the value comes from: a regulation, a notice, or "placeholder". */
  source: z.string().min(1),
  /** False for placeholders the bureau must confirm; the site shows "待核实 / to be confirmed". */
  verified: z.boolean(),
  /** True when the value is a national floor ("at least"), not the local amount. */
  floor: z.boolean().default(false),
});

/**
 * A parameter of the eligibility rules as a dated series (OpenFisca style): a new year's
 * standard is one added line, and the value for any date is the latest `from` on or before it.
 */
export const parameterSchema = z.strictObject({
  label: localized,
  /** `times-monthly-standard`: a multiple of the monthly dibao standard (the asset limit). */
  unit: z.enum(['yuan-per-person-month', 'yuan-per-month', 'yuan', 'ratio', 'months', 'times-monthly-standard']),
  /** The legal reference for the parameter as a whole. */
  legalBasis: localized.optional(),
  values: z.array(parameterValueSchema).min(1),
});
export type Parameter = z.infer<typeof parameterSchema>;

/** One criterion of a programme; its text is what the self-check says when it is met or not. */
const criterionSchema = z.strictObject({
  id: slug,
  /** The criterion in plain words. */
  text: localized,
});

/**
 * A social-assistance programme as data: the checks it makes and the parameters it reads. The
 * predicates themselves live in the rules engine; wording lives here.
 */
export const programmeSchema = z.strictObject({
  name: localized,
  /** The policy guide that explains it (an id in `content/policies`). */
  guide: slug,
  criteria: z.array(criterionSchema).min(1),
  /** Ids of parameters this programme reads. */
  parameters: z.array(slug).default([]),
  /**
   * Programmes a person gets this one instead of (extreme-poverty support includes basic living
   * costs, so not dibao as well): when both may fit, the result says so, with `text`, and lists
   * this one first.
   */
  insteadOf: z.strictObject({ programmes: z.array(slug).min(1), text: localized }).optional(),
});
export type Programme = z.infer<typeof programmeSchema>;
