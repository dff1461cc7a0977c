// What the letters API reads and answers (留言 / 咨询投诉 / 求助): a resident's letter, with contact
// details only when they want a personal reply; the staff's reply and forwarding.
import { slug } from '../../content/schemas/index.ts';
import { z } from '../core/index.ts';

export const KINDS = ['question', 'suggestion', 'complaint', 'help'] as const;
export type Kind = (typeof KINDS)[number];
export const URGENCIES = ['no-food-or-heat', 'illness', 'alone', 'other'] as const;

const text = (max: number) => z.string().trim().min(1, 'write something').max(max, `at most ${max} characters`);

export const letterInput = z
  .strictObject({
    kind: z.enum(KINDS).openapi({ description: 'question, suggestion, complaint, or help for a family in difficulty (求助)' }),
    about: slug.optional().openapi({ description: 'A policy, service or convention id, if it is about one' }),
    town: slug.optional().openapi({ description: 'The town or street (an id in content/places.yaml); needed for help' }),
    village: text(40).optional(),
    text: text(2000),
    contact: z
      .strictObject({
        name: text(40).optional(),
        phone: z.string().trim().regex(/^(\+?86[- ]?)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile number (11 digits, starting with 1) or a landline with its area code').optional(),
      })
      .optional()
      .openapi({ description: 'Only for a personal reply; sealed at rest, seen only by the staff of the letter’s town' }),
    publish: z.boolean().default(false).openapi({ description: 'Whether the letter and its reply may be published, names and numbers removed (never for complaints or help)' }),
    help: z
      .strictObject({ forWhom: z.enum(['self', 'other']), urgency: z.enum(URGENCIES) })
      .optional()
      .openapi({ description: 'For a help request: about oneself or someone else, and how urgent' }),
    /** A honeypot: people leave it empty. */
    website: z.string().max(200).optional(),
  })
  .refine((l) => !(l.publish && (l.kind === 'complaint' || l.kind === 'help')), { message: 'complaints and help requests are never published', path: ['publish'] })
  .refine((l) => l.kind !== 'help' || l.town, { message: 'say which town or street, so the right office gets it', path: ['town'] })
  .refine((l) => l.kind !== 'help' || l.help, { message: 'say who needs help and how urgent it is', path: ['help'] })
  .openapi('LetterInput', { example: { kind: 'question', about: 'dibao', town: 'river-town', text: '请问低保多久复核一次？', publish: true } });
export type LetterInput = z.infer<typeof letterInput>;

export const replyInput = z.strictObject({ text: text(4000), publish: z.boolean().optional().openapi({ description: 'Publish the letter and the reply (if the resident allowed it), anonymised' }) }).openapi('LetterReply', { example: { text: '低保每年复核一次。', publish: true } });
export const forwardInput = z.strictObject({ town: slug }).openapi('LetterForward', { example: { town: 'hill-town' } });
