// The consultation pages' data, in the reader's language: the list, and one consultation with the
// draft beside the text in force, the comments under each article, and the comment form (which
// works without JavaScript: it posts to the page, which answers with a redirect or the form again).
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { href, isApiError, readableDate } from '../core/index.ts';
import { wordDiff, type Piece } from './compare.ts';
import { commentInput } from './schema.ts';
import type { Comment, Consultation, ConsultationService } from './service.ts';

const pick = (text: { zh: string; en?: string } | null | undefined, lang: Lang) => (text ? (text[lang] ?? text.zh) : null);

/** What a resident typed in the form, kept when something is wrong. */
export interface CommentFormValues {
  article: number;
  stance: string;
  text: string;
  name: string;
  village: string;
}

export type CommentForm =
  | { state: 'sent'; published: boolean }
  | { state: 'invalid'; values: CommentFormValues; errors: Partial<Record<keyof CommentFormValues | 'form', string>>; /** Nothing could be saved (the store's disk), no fault of the reader's. */ unsaved?: true };

/** The anchor of an article, as readers write it: `#第5条` (the page also answers `#article-5`). */
export const articleAnchor = (n: number) => `第${n}条`;

function statusLine(service: ConsultationService, c: Consultation, lang: Lang): string {
  const status = service.status(c);
  const date = readableDate(lang, status === 'upcoming' ? c.opens : c.closes);
  return t(lang, `consultation.status.${status}`, { date });
}

export async function consultationList(service: ConsultationService, content: Content, lang: Lang) {
  return (await service.shown()).map((c) => ({
    id: c.id,
    title: pick(c.title, lang)!,
    url: href(lang, `consultations/${c.id}/`),
    convention: pick(content.conventions.get(c.convention)?.title, lang) ?? c.convention,
    status: service.status(c),
    statusLine: statusLine(service, c, lang),
  }));
}

/** The open consultations on one convention (for its page), soonest closing first. */
export async function openOn(service: ConsultationService, convention: string, lang: Lang) {
  return (await service.shown(convention))
    .filter((c) => service.status(c) === 'open')
    .map((c) => ({ title: pick(c.title, lang)!, url: href(lang, `consultations/${c.id}/`), statusLine: statusLine(service, c, lang) }));
}

function commentCard(c: Comment, lang: Lang) {
  const who = [c.name, c.village].filter(Boolean).join(' · ') || t(lang, 'consultation.someone');
  return {
    id: c.id,
    stance: t(lang, `consultation.stance.${c.stance}`),
    stanceKey: c.stance,
    text: c.text,
    who,
    /** Written on the portal (so any reader may report it), not entered from a meeting by the committee. */
    online: c.source === 'online',
    source: c.source === 'online' ? t(lang, 'consultation.source.online') : t(lang, `consultation.source.${c.source}`, { date: readableDate(lang, c.gatheredOn ?? '') }),
    response: c.response && { outcome: t(lang, `consultation.response.${c.response.outcome}`), reason: c.response.reason },
  };
}

/**
 * Reads the no-JavaScript form: the comment is taken (and the page redirects), or the form comes
 * back with what was typed and what is wrong. Limits and the window apply as in the API.
 */
export async function readCommentForm(service: ConsultationService, id: string, lang: Lang, request: Request, client: string): Promise<CommentForm> {
  const form = await request.formData().catch(() => new FormData());
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const values: CommentFormValues = { article: Number(field('article')) || 0, stance: field('stance'), text: field('text'), name: field('name'), village: field('village') };
  try {
    const wait = await service.clientWait(client);
    if (wait > 0) return { state: 'invalid', values, errors: { form: t(lang, 'consultation.err.busy', { seconds: wait }) } };
    const parsed = commentInput.safeParse({
      article: values.article,
      stance: values.stance || undefined,
      text: values.text,
      ...(values.name && { name: values.name }),
      ...(values.village && { village: values.village }),
      ...(field('website') && { website: field('website') }),
    });
    if (!parsed.success) {
      const errors: Partial<Record<keyof CommentFormValues, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof CommentFormValues;
        errors[key] = key === 'stance' ? t(lang, 'consultation.err.stance') : key === 'text' ? t(lang, 'consultation.err.text') : t(lang, 'consultation.err.short');
      }
      return { state: 'invalid', values, errors };
    }
    const taken = await service.comment(id, parsed.data);
    return { state: 'sent', published: taken.status === 'approved' };
  } catch (error) {
    if (!isApiError(error)) throw error;
    // A store that cannot be written (its disk full or read-only) gives the form back as typed.
    if (error.status === 503) return { state: 'invalid', values, errors: { form: t(lang, 'consultation.err.unsaved') }, unsaved: true };
    return { state: 'invalid', values, errors: { form: error.status === 409 ? t(lang, 'consultation.notNow', { why: error.message }) : error.message } };
  }
}

/** How many opinions an article shows before "see all" (a page stays light with thousands). */
export const SHOWN_COMMENTS = 5;

export async function consultationPage(service: ConsultationService, content: Content, id: string, lang: Lang, commentOn?: number, all?: number) {
  const c = await service.get(id);
  if (!c) return undefined;
  const status = service.status(c);
  const published = await service.published(c.id);
  const convention = content.conventions.get(c.convention);
  const summary = await service.summary(c.id);
  return {
    id: c.id,
    title: pick(c.title, lang)!,
    summary: pick(c.summary, lang)!,
    status,
    statusLine: statusLine(service, c, lang),
    open: status === 'open',
    convention: { title: pick(convention?.title, lang) ?? c.convention, url: href(lang, `conventions/${c.convention}/`) },
    report: summary.total > 0 ? t(lang, 'consultation.report.line', { total: summary.total, online: summary.online, meeting: summary.meeting, adopted: summary.adopted, partly: summary.partly, notAdopted: summary.notAdopted }) : undefined,
    csv: `/api/consultations/${c.id}/comments.csv`,
    commentOn,
    articles: service.compared(c).map((a) => {
      const now = pick(a.text, lang);
      const before = pick(a.inForce, lang);
      // Word by word where both texts are in the reader's language (the English may be missing).
      const pieces: Piece[] | undefined = a.change === 'changed' && now && before ? wordDiff(before, now, a.text?.[lang] && a.inForce?.[lang] ? lang : 'zh') : undefined;
      return {
        number: a.number,
        label: t(lang, 'convention.article', { n: a.number }),
        anchor: articleAnchor(a.number),
        section: t(lang, `convention.${a.section}`),
        title: pick(a.title, lang),
        change: a.change,
        changeLabel: t(lang, `consultation.change.${a.change}`),
        text: now,
        inForce: before,
        pieces,
        ...(() => {
          const on = published.filter((p) => p.article === a.number);
          const whole = all === a.number || commentOn === a.number;
          return { count: on.length, comments: (whole ? on : on.slice(0, SHOWN_COMMENTS)).map((p) => commentCard(p, lang)), allUrl: !whole && on.length > SHOWN_COMMENTS ? `?all=${a.number}#${encodeURIComponent(articleAnchor(a.number))}` : undefined };
        })(),
        commentUrl: `?article=${a.number}#${encodeURIComponent(articleAnchor(a.number))}`,
      };
    }),
  };
}

/** "Report this opinion" from the page: passed to the committee unless the client has sent too much; whether it was. */
export async function reportComment(service: ConsultationService, id: string, comment: string, client: string): Promise<boolean> {
  if ((await service.reportWait(client)) > 0) return false;
  try {
    await service.report(id, comment);
    return true;
  } catch (error) {
    if (isApiError(error)) return false;
    throw error;
  }
}
