// The committee's pages (and the admin's): open a consultation by pasting or typing the draft,
// review the comments, enter opinions from meetings and visits, answer each, and record the vote.
// Every form posts to its page and works without JavaScript; the rules are the API's.
import { t, type UiKey } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import type { User } from '../accounts/index.ts';
import { href, isApiError, readableDate, z } from '../core/index.ts';
import { adoptionInput, consultationInput, gatheredInput, moderationInput, responseInput, type DraftArticle } from './schema.ts';
import type { Comment, ConsultationService } from './service.ts';

const pick = (text: { zh: string; en?: string } | undefined, lang: Lang) => (text ? (text[lang] ?? text.zh) : '');

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五 → 5, 十二 → 12, 二十 → 20, 一百零三 → 103, and plain digits. */
export function articleNumber(written: string): number | undefined {
  if (/^\d+$/.test(written)) return Number(written);
  let total = 0;
  let digit = 0;
  for (const ch of written) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十') (total += (digit || 1) * 10), (digit = 0);
    else if (ch === '百') (total += (digit || 1) * 100), (digit = 0);
    else return undefined;
  }
  return total + digit || undefined;
}

const SECTION = /^\s*(总则|细则|第[一二三四五六七八九十]+章\s*(总则|细则))\s*$/;
const TOPIC = /^\s*[【[]([^】\]]{1,60})[】\]]\s*$/;
const ARTICLE = /^\s*第\s*([0-9零〇一二两三四五六七八九十百]+)\s*条[\s：:、.．]*(.*)$/;

/** The text in force as the committee edits it: 总则 / 细则, topics in 【】, one 第N条 per article. */
export function draftText(content: Content, convention: string): string {
  const current = content.conventions.get(convention)?.versions.at(-1);
  if (!current) return '';
  const lines: string[] = [];
  let part = '';
  let topic = '';
  for (const a of current.articles) {
    if (a.part !== part) lines.push((part = a.part) === 'general' ? '总则' : '细则');
    if (a.topic && a.topic.zh !== topic) lines.push(`【${(topic = a.topic.zh)}】`);
    lines.push(`第${a.number}条 ${a.text.zh}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a pasted draft back into articles; what is wrong names its line. */
export function parseDraft(text: string, lang: Lang): { articles: DraftArticle[] } | { error: string } {
  const articles: DraftArticle[] = [];
  let section: DraftArticle['section'] = 'general';
  let topic: string | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const s = SECTION.exec(line);
    if (s) {
      section = line.includes('总则') ? 'general' : 'specific';
      topic = undefined;
      continue;
    }
    const tp = TOPIC.exec(line);
    if (tp) {
      topic = tp[1]!.trim();
      continue;
    }
    const a = ARTICLE.exec(line);
    if (a) {
      const number = articleNumber(a[1]!);
      if (!number || number > 500) return { error: t(lang, 'consultation.admin.err.number', { line: i + 1 }) };
      if (articles.some((x) => x.number === number)) return { error: t(lang, 'consultation.admin.err.twice', { n: number, line: i + 1 }) };
      articles.push({ number, section, ...(topic && { title: { zh: topic } }), text: { zh: a[2]!.trim() } });
      continue;
    }
    const last = articles.at(-1);
    if (!last) return { error: t(lang, 'consultation.admin.err.before', { line: i + 1 }) };
    // A line that is not a heading goes on with the article above (a long article pasted over lines).
    last.text.zh = `${last.text.zh}${line}`;
  }
  if (articles.length === 0) return { error: t(lang, 'consultation.admin.err.none') };
  const empty = articles.find((a) => !a.text.zh);
  if (empty) return { error: t(lang, 'consultation.admin.err.empty', { n: empty.number }) };
  return { articles };
}

/** The conventions a user may open a consultation on: their committee's, or every one for an admin. */
export function conventionsFor(content: Content, user: User, lang: Lang) {
  return [...content.conventions].filter(([id]) => user.role === 'admin' || user.convention === id).map(([id, c]) => ({ id, title: c.title[lang] }));
}

export type FormResult = { redirect: string } | { status: number; errors: Record<string, string>; values: Record<string, string> };

const values = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).slice(0, 20000)]));

/** The schemas' own rules (written for the API), as the committee reads them. */
const RULES: Record<string, UiKey> = {
  'not adopted: more than half of those present must vote for it': 'consultation.admin.err.majority',
  'more votes than people present': 'consultation.admin.err.votes',
  'the vote comes after the review': 'consultation.admin.err.order',
  'filing comes after the vote': 'consultation.admin.err.order',
  'publication comes after the vote': 'consultation.admin.err.order',
  'in force once published': 'consultation.admin.err.order',
  'must not close before it opens': 'consultation.admin.err.closes',
  'expected a date written as YYYY-MM-DD': 'consultation.admin.err.date',
  'no such day': 'consultation.admin.err.date',
  'write something': 'consultation.admin.err.required',
};

/** One problem in the reader's language. */
function problem(lang: Lang, issue: z.ZodIssue): string {
  const rule = RULES[issue.message];
  if (rule) return t(lang, rule);
  if (issue.code === 'invalid_type' && issue.expected === 'number') return t(lang, 'consultation.admin.err.whole');
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.type === 'number') return t(lang, 'consultation.admin.err.whole');
  if (issue.code === 'too_big' && issue.type === 'string') return t(lang, 'consultation.admin.err.long', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return t(lang, 'consultation.admin.err.required');
  if (issue.code === 'invalid_enum_value' || issue.code === 'invalid_type') return t(lang, 'consultation.admin.err.choose');
  return t(lang, 'consultation.admin.err.field', { why: issue.message });
}

/** Field errors in the reader's language from a zod failure, keyed by the form's field names. */
function fieldErrors(lang: Lang, issues: z.ZodIssue[], rename: (path: string) => string = (p) => p): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[rename(issue.path.join('.'))] ??= problem(lang, issue);
  return errors;
}

/** The form that opens a consultation: the draft is pasted or typed as 第N条 lines. */
export async function openConsultationForm(service: ConsultationService, user: User, form: FormData, lang: Lang): Promise<FormResult> {
  const v = values(form);
  const draft = parseDraft(v.draft ?? '', lang);
  if ('error' in draft) return { status: 400, errors: { draft: draft.error }, values: v };
  const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const parsed = consultationInput.safeParse({
    convention: v.convention,
    title: { zh: v.titleZh ?? '', ...(optional(v.titleEn) && { en: optional(v.titleEn) }) },
    summary: { zh: v.summaryZh ?? '', ...(optional(v.summaryEn) && { en: optional(v.summaryEn) }) },
    opens: v.opens,
    closes: v.closes,
    articles: draft.articles,
    premoderated: v.premoderated !== 'no',
  });
  const rename = (p: string) => ({ 'title.zh': 'titleZh', 'title.en': 'titleEn', 'summary.zh': 'summaryZh', 'summary.en': 'summaryEn' })[p] ?? (p.startsWith('articles') ? 'draft' : p);
  if (!parsed.success) return { status: 400, errors: fieldErrors(lang, parsed.error.issues, rename), values: v };
  try {
    const created = await service.create(user, parsed.data);
    return { redirect: href(lang, `admin/consultations/${created.id}/?done=opened`) };
  } catch (error) {
    if (!isApiError(error)) throw error;
    return { status: error.status, errors: error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [rename(k), m])) : { form: error.message }, values: v };
  }
}

/** One action on the manage page: approve, reject, respond, an opinion from a meeting, the vote. */
export async function manageAction(service: ConsultationService, user: User, id: string, form: FormData, lang: Lang): Promise<FormResult> {
  const v = values(form);
  const back = (done: string, anchor = '') => ({ redirect: href(lang, `admin/consultations/${id}/?done=${done}${anchor}`) });
  const num = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : s?.trim() ? NaN : undefined);
  const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const fail = (errors: Record<string, string>, status = 400): FormResult => ({ status, errors, values: v });
  try {
    switch (v.action) {
      case 'approve':
      case 'reject': {
        const parsed = moderationInput.safeParse({ decision: v.action, ...(optional(v.reason) && { reason: optional(v.reason) }) });
        if (!parsed.success) return fail({ [`reason-${v.comment}`]: t(lang, 'consultation.admin.err.reason') });
        await service.moderate(user, id, v.comment ?? '', parsed.data.decision, parsed.data.reason);
        return back(v.action === 'approve' ? 'approved' : 'rejected', '#queue');
      }
      case 'respond': {
        const parsed = responseInput.safeParse({ outcome: v.outcome, reason: v.reason ?? '' });
        if (!parsed.success) return fail(fieldErrors(lang, parsed.error.issues, (p) => `${p}-${v.comment}`));
        await service.respond(user, id, v.comment ?? '', parsed.data.outcome, parsed.data.reason);
        return back('responded', `#c-${v.comment}`);
      }
      case 'gathered': {
        const parsed = gatheredInput.safeParse({ article: num(v.article), stance: v.stance, text: v.text ?? '', source: v.source, on: v.on, ...(optional(v.village) && { village: optional(v.village) }) });
        if (!parsed.success) return fail(fieldErrors(lang, parsed.error.issues, (p) => `g-${p}`));
        await service.gathered(user, id, parsed.data);
        return back('gathered', '#gathered');
      }
      case 'adopt': {
        const parsed = adoptionInput.safeParse({
          review: { on: v.reviewOn, ...(optional(v.reviewBy) && { by: optional(v.reviewBy) }) },
          vote: { on: v.voteOn, body: v.voteBody || 'assembly', present: num(v.present), for: num(v.for), against: num(v.against), abstain: num(v.abstain) },
          filed: { on: v.filedOn },
          published: { on: v.publishedOn },
          inForce: v.inForce,
        });
        const rename = (p: string) => ({ 'review.on': 'reviewOn', 'review.by': 'reviewBy', 'vote.on': 'voteOn', 'vote.present': 'present', 'vote.for': 'for', 'vote.against': 'against', 'vote.abstain': 'abstain', 'filed.on': 'filedOn', 'published.on': 'publishedOn' })[p] ?? p;
        if (!parsed.success) return fail(fieldErrors(lang, parsed.error.issues, rename));
        const adopted = await service.adopt(user, id, parsed.data);
        return { redirect: href(lang, `conventions/${adopted.convention}/`) };
      }
      default:
        return fail({ form: t(lang, 'consultation.admin.err.action') });
    }
  } catch (error) {
    if (!isApiError(error)) throw error;
    return fail(error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k === 'review.on' ? 'reviewOn' : k, m])) : { form: error.message }, error.status);
  }
}

function staffComment(c: Comment, lang: Lang) {
  return {
    id: c.id,
    article: c.article,
    articleLabel: t(lang, 'convention.article', { n: c.article }),
    stance: t(lang, `consultation.stance.${c.stance}`),
    text: c.text,
    who: [c.name, c.village].filter(Boolean).join(' · ') || t(lang, 'consultation.someone'),
    source: c.source === 'online' ? t(lang, 'consultation.source.online') : t(lang, `consultation.source.${c.source}`, { date: readableDate(lang, c.gatheredOn ?? '') }),
    reports: c.reports,
    response: c.response && { outcome: c.response.outcome, label: t(lang, `consultation.response.${c.response.outcome}`), reason: c.response.reason },
  };
}

/** The committee's list: each consultation it may manage, with what waits for it. */
export async function staffConsultations(service: ConsultationService, content: Content, user: User, lang: Lang) {
  const list = (await service.list()).filter((c) => service.mayManage(user, c.convention));
  return Promise.all(
    list.map(async (c) => {
      const queue = await service.queue(user, c.id);
      return {
        id: c.id,
        title: pick(c.title, lang),
        convention: content.conventions.get(c.convention)?.title[lang] ?? c.convention,
        status: service.status(c),
        statusLabel: t(lang, `consultation.status.${service.status(c)}`, { date: readableDate(lang, service.status(c) === 'upcoming' ? c.opens : c.closes) }),
        pending: queue.pending.length,
        reported: queue.reported.length,
        url: href(lang, `admin/consultations/${c.id}/`),
      };
    }),
  );
}

/** One consultation as its committee manages it. */
export async function managePage(service: ConsultationService, content: Content, user: User, id: string, lang: Lang) {
  const c = await service.get(id);
  if (!c || !service.mayManage(user, c.convention)) return undefined;
  const status = service.status(c);
  const queue = await service.queue(user, id);
  const published = await service.published(id);
  const compared = service.compared(c);
  return {
    id,
    title: pick(c.title, lang),
    convention: { id: c.convention, title: content.conventions.get(c.convention)?.title[lang] ?? c.convention, url: href(lang, `conventions/${c.convention}/`) },
    status,
    statusLabel: t(lang, `consultation.status.${status}`, { date: readableDate(lang, status === 'upcoming' ? c.opens : c.closes) }),
    publicUrl: href(lang, `consultations/${id}/`),
    closes: c.closes,
    pending: queue.pending.map((x) => staffComment(x, lang)),
    reported: queue.reported.map((x) => staffComment(x, lang)),
    published: published.map((x) => staffComment(x, lang)),
    articles: compared.map((a) => ({ number: a.number, label: `${t(lang, 'convention.article', { n: a.number })} · ${t(lang, `consultation.change.${a.change}`)}` })),
    mayAdopt: status === 'closed',
  };
}
