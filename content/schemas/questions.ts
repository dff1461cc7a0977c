import { z } from 'zod';
import { localized } from './common.ts';

/** The wording of one self-check question: the question, a hint, and the words of its choices. */
export const questionTextSchema = z.strictObject({
  text: localized,
  /** A plain-words hint under the question ("count everyone who lives and eats with you"). */
  hint: localized.optional(),
  /** Choice value → its words. */
  options: z.record(z.string(), localized).optional(),
});
export const questionsSchema = z.record(z.string(), questionTextSchema);
export type QuestionText = z.infer<typeof questionTextSchema>;
