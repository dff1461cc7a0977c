import { z } from 'zod';

export const DISABILITY_KINDS = ['physical', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple'] as const;
export const EMERGENCY_KINDS = ['accident', 'fire', 'illness', 'other'] as const;

const money = (what: string) => z.number({ invalid_type_error: `${what} must be a number of yuan` }).min(0, `${what} cannot be negative`).max(100_000_000);
/** An amount that may be left out or sent as null: either way "not known". */
const amount = (what: string) => money(what).nullish().transform((v) => v ?? undefined);

const memberSchema = z.strictObject({
  age: z.number().int('age must be a whole number').min(0, 'age cannot be negative').max(130, 'age must be 130 or under'),
  /** A disability certificate's kind and grade (1 most severe … 4); null or absent for none; "unknown" when skipped. */
  disability: z
    .union([z.strictObject({ kind: z.enum(DISABILITY_KINDS), grade: z.number().int().min(1).max(4) }), z.literal('unknown')])
    .nullable()
    .optional(),
  /** Seriously ill; null when the question was skipped. */
  seriousIllness: z.boolean().nullable().optional(),
  inSchool: z.boolean().nullable().optional(),
});

/**
 * A household as the self-check sees it (the body of POST /api/eligibility/check). Only
 * `residence` and `members` are required. An amount left out or null (income, savings, a cost) or a
 * supporter left out is "not known"; a yes/no left out is "no", and `null` (or "unknown" for a
 * disability or an emergency) says the question was skipped. Anything not known gives `possible`,
 * never a false "no".
 */
export const householdSchema = z.strictObject({
  residence: z.enum(['urban', 'rural']),
  members: z.array(memberSchema).min(1, 'at least one person').max(20, 'at most 20 people'),
  /** Net household income a month, all members, in yuan. */
  monthlyIncome: amount('monthlyIncome'),
  /** Essential costs a month: self-paid medical, disability, non-compulsory schooling, job-seeking. */
  monthlyRigidExpenses: amount('monthlyRigidExpenses'),
  assets: z
    .strictObject({
      financial: amount('financial'),
      nonEssentialCar: z.boolean().nullable().optional(),
      extraHome: z.boolean().nullable().optional(),
    })
    .optional(),
  supporter: z.enum(['none', 'unable', 'able']).optional(),
  emergency: z.union([z.strictObject({ kind: z.enum(EMERGENCY_KINDS), cost: amount('cost') }), z.literal('unknown')]).nullable().optional(),
  /** Already receiving dibao. */
  onDibao: z.boolean().optional(),
});

export type Household = z.infer<typeof householdSchema>;
export type Member = Household['members'][number];
