// What the consultation API reads and answers (征求意见): a committee's draft revision of its
// convention, article by article, and residents' opinions on each article.
import { slug } from '../../content/schemas/index.ts';
import { dayParam, z } from '../core/index.ts';

const text = (max: number) => z.string().trim().min(1, 'write something').max(max, `at most ${max} characters`);
const localized = (max: number) => z.strictObject({ zh: text(max), en: text(max).optional() });

/** 总则 / 细则, as the committee writes them, or the content files' words. */
const section = z
  .enum(['总则', '细则', 'general', 'specific'])
  .transform((s) => (s === '总则' || s === 'general' ? 'general' : 'specific'))
  .openapi({ description: '总则 (general rules) or 细则 (specific rules)', example: '细则' });

export const draftArticle = z.strictObject({
  number: z.number().int().min(1).max(500),
  section,
  title: localized(60).optional().openapi({ description: 'The topic heading it sits under' }),
  text: localized(2000),
});

export const STANCES = ['support', 'oppose', 'suggest'] as const;
export const SOURCES = ['online', 'meeting', 'visit'] as const;
export const OUTCOMES = ['adopted', 'partly', 'not_adopted'] as const;
export const STATUSES = ['upcoming', 'open', 'closed', 'adopted'] as const;
export type Stance = (typeof STANCES)[number];
export type Source = (typeof SOURCES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ConsultationStatus = (typeof STATUSES)[number];

/** The body of POST /api/consultations: the whole draft; an article in force it does not list is removed. */
export const consultationInput = z
  .strictObject({
    convention: slug.openapi({ example: 'river-village' }),
    title: localized(120),
    summary: localized(2000).openapi({ description: 'In plain words: what changes and why' }),
    opens: dayParam,
    closes: dayParam,
    articles: z
      .array(draftArticle)
      .min(1, 'the draft needs at least one article')
      .max(200)
      .refine((list) => new Set(list.map((a) => a.number)).size === list.length, 'each article number once'),
    premoderated: z.boolean().default(true).openapi({ description: 'Comments wait for the committee’s approval before they show (the default)' }),
  })
  .refine((c) => c.opens <= c.closes, { message: 'must not close before it opens', path: ['closes'] })
  .openapi('ConsultationInput', {
    example: {
      convention: 'river-village',
      title: { zh: '河边村村规民约修订征求意见' },
      summary: { zh: '这次修订把红白喜事的标准写得更清楚。' },
      opens: '2026-12-05',
      closes: '2026-12-20',
      articles: [{ number: 5, section: '细则', text: { zh: '红白喜事从简办理，酒席不超过十桌。' } }],
    },
  });
export type ConsultationInput = z.infer<typeof consultationInput>;
export type DraftArticle = z.infer<typeof draftArticle>;

/** A resident's opinion on one article. No account; no address or number is kept. */
export const commentInput = z
  .strictObject({
    article: z.number().int().min(1).max(500),
    stance: z.enum(STANCES),
    text: text(500),
    name: text(40).optional().openapi({ description: 'How to show who wrote it, if at all' }),
    village: text(40).optional().openapi({ description: 'The village or group (组) they are from, if they want it shown' }),
    /** A honeypot: people leave it empty, form-filling robots do not. */
    website: z.string().max(200).optional().openapi({ description: 'Leave empty' }),
  })
  .openapi('CommentInput', { example: { article: 5, stance: 'suggest', text: '酒席十桌还是多了，建议八桌。', village: '三组' } });
export type CommentInput = z.infer<typeof commentInput>;

/** Opinions a committee member gathered at a villagers' meeting or on a visit. */
export const gatheredInput = z
  .strictObject({
    article: z.number().int().min(1).max(500),
    stance: z.enum(STANCES),
    text: text(500),
    source: z.enum(['meeting', 'visit']),
    on: dayParam.openapi({ description: 'The day of the meeting or visit' }),
    village: text(40).optional(),
  })
  .openapi('GatheredOpinion', { example: { article: 5, stance: 'support', text: '会上大家同意八桌。', source: 'meeting', on: '2026-12-08', village: '三组' } });

export const moderationInput = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: text(300).optional() })
  .refine((m) => m.decision === 'approve' || m.reason, { message: 'say why it is rejected', path: ['reason'] })
  .openapi('Moderation', { example: { decision: 'reject', reason: '含有他人的个人信息' } });

export const responseInput = z.strictObject({ outcome: z.enum(OUTCOMES), reason: text(1000) }).openapi('CommentResponse', { example: { outcome: 'partly', reason: '酒席改为八桌，丧事从简另写一条。' } });

const Localized = z.object({ zh: z.string(), en: z.string().optional() });

export const CommentSchema = z
  .object({
    id: z.string(),
    article: z.number().int(),
    stance: z.enum(STANCES),
    text: z.string(),
    name: z.string().optional(),
    village: z.string().optional(),
    source: z.enum(SOURCES),
    gatheredOn: z.string().optional(),
    response: z.object({ outcome: z.enum(OUTCOMES), reason: z.string() }).optional(),
  })
  .openapi('ConsultationComment');

export const ArticleSchema = z
  .object({
    number: z.number().int(),
    section: z.enum(['general', 'specific']),
    title: Localized.optional(),
    text: Localized.nullable().openapi({ description: 'The draft’s text; null for an article the draft removes' }),
    inForce: Localized.nullable().openapi({ description: 'The text in force; null for an added article' }),
    change: z.enum(['added', 'changed', 'removed', 'unchanged']),
    comments: z.array(CommentSchema),
  })
  .openapi('ConsultationArticle');

export const ConsultationSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    convention: z.string(),
    title: Localized,
    summary: Localized,
    opens: z.string(),
    closes: z.string(),
    status: z.enum(STATUSES),
    articles: z.array(ArticleSchema),
  })
  .openapi('Consultation');

export const ReportSchema = z
  .object({
    total: z.number().int(),
    online: z.number().int(),
    meeting: z.number().int().openapi({ description: 'Gathered at meetings or on visits' }),
    byArticle: z.record(z.object({ total: z.number().int(), support: z.number().int(), oppose: z.number().int(), suggest: z.number().int() })),
    byStance: z.object({ support: z.number().int(), oppose: z.number().int(), suggest: z.number().int() }),
    adopted: z.number().int(),
    partly: z.number().int(),
    notAdopted: z.number().int(),
    responses: z.array(z.object({ comment: z.string(), article: z.number().int(), outcome: z.enum(OUTCOMES), reason: z.string() })),
  })
  .openapi('ConsultationReport');

/**
 * The statutory record once the assembly has voted (2018 national guidance): the township's
 * review of legality, the vote (a majority of those present adopts), filing, publication and the
 * day in force. The draft becomes the convention's current version.
 */
export const adoptionInput = z
  .strictObject({
    review: z.strictObject({ on: dayParam, by: text(120).optional().openapi({ example: '某某镇人民政府' }) }).openapi({ description: 'The township’s review of legality (乡镇合法性审查)' }),
    vote: z
      .strictObject({
        on: dayParam,
        body: z.enum(['assembly', 'representatives']).default('assembly').openapi({ description: '村民会议 (assembly) or 村民代表会议 (representatives)' }),
        present: z.number().int().min(1).max(100000),
        for: z.number().int().min(0).max(100000),
        against: z.number().int().min(0).max(100000),
        abstain: z.number().int().min(0).max(100000),
      })
      .refine((v) => v.for + v.against + v.abstain <= v.present, { message: 'more votes than people present', path: ['present'] })
      .refine((v) => v.for * 2 > v.present, { message: 'not adopted: more than half of those present must vote for it', path: ['for'] }),
    filed: z.strictObject({ on: dayParam, with: text(120).optional() }).openapi({ description: 'Filed with the township (备案)' }),
    published: z.strictObject({ on: dayParam }).openapi({ description: 'Published to the villagers (公布)' }),
    inForce: dayParam.openapi({ description: 'The day the new version takes effect' }),
    label: localized(60).optional().openapi({ description: 'The version’s name; by default “{year}年修订”' }),
  })
  .refine((a) => a.review.on <= a.vote.on, { message: 'the vote comes after the review', path: ['vote', 'on'] })
  .refine((a) => a.vote.on <= a.filed.on, { message: 'filing comes after the vote', path: ['filed', 'on'] })
  .refine((a) => a.vote.on <= a.published.on, { message: 'publication comes after the vote', path: ['published', 'on'] })
  .refine((a) => a.published.on <= a.inForce, { message: 'in force once published', path: ['inForce'] })
  .openapi('Adoption', {
    example: {
      review: { on: '2026-12-24', by: '某某镇人民政府' },
      vote: { on: '2026-12-28', body: 'assembly', present: 312, for: 296, against: 9, abstain: 7 },
      filed: { on: '2027-01-04' },
      published: { on: '2027-01-05' },
      inForce: '2027-01-10',
    },
  });
export type AdoptionInput = z.infer<typeof adoptionInput>;

