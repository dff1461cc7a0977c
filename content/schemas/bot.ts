import { z } from 'zod';
import { localized } from './common.ts';

const phrases = z.strictObject({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
/**
 * Words that mean the route only together: each entry is two or more lists, and a message that
 * has a word from every list takes the route ("forget" + "instructions", "hide" + "savings").
 */
const together = z.array(z.array(z.array(z.string().min(1)).min(1)).min(2)).default([]);

/**
 * The Q&A bot's routing rules and fixed replies. Routes are checked before any retrieval; each
 * lists phrases in both languages. Replies are what the bot says on each route.
 */
export const botSchema = z.strictObject({
  routes: z.strictObject({
    /** Danger now: answered with 110 / 120 / 119 and the mental-health line, nothing else. */
    crisis: z.strictObject({ phrases, together }),
    /** Prompt injection, requests for the system prompt or keys, anything harmful. */
    refused: z.strictObject({ phrases, together }),
    /** The resident's own case: sent to the self-check and the township office. */
    personal: z.strictObject({ phrases, together }),
    /** Subjects the portal does not cover: answered as not found, with the 12345 hotline. */
    offTopic: z.strictObject({ phrases, together }),
    /** A bare greeting. */
    greeting: z.strictObject({ phrases, together }),
  }),
  /**
   * What the portal is about: terms (each widened by its synonym group) that put a question in
   * scope. A question in scope is answered when the best passage holds a smaller share of its
   * words, since residents' filler words ("啥", "没得") are not in any page.
   */
  scope: z.array(z.string().min(1)).default([]),
  /** The guide (an explainer's id) that answers refusals, stopped payments and unfairness, and nothing else. */
  recourse: z.string().min(1).optional(),
  replies: z.strictObject({
    greeting: localized,
    personal: localized,
    /** Before the general rule quoted for a resident's own case. */
    personalIntro: localized,
    /** After the rule quoted for a resident's own case: what to do next. */
    personalNext: localized,
    /** Before the quoted rights when a decision went against a resident or something looks unfair. */
    recourseIntro: localized,
    crisis: localized,
    refused: localized,
    notFound: localized,
    extractiveIntro: localized,
    /** The visible label on any answer written by a language model (2025 labelling rules). */
    aiLabel: localized,
    /** The label on extractive answers: quotations from the portal. */
    quoteLabel: localized,
  }),
});
export type BotRules = z.infer<typeof botSchema>;
