// The letters pages' data, in the reader's language: the one-minute form (it posts to its page
// and works without JavaScript), the look-up by reference and code, the published letters, the
// figures, and the township office's queue and letter page.
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { scriptLang } from '../../search/index.ts';
import type { User } from '../accounts/index.ts';
import { href, isApiError, readableDate } from '../core/index.ts';
import { officeFor } from '../directory/index.ts';
import { KINDS, letterInput, replyInput, URGENCIES, type Kind } from './schema.ts';
import type { Letter, LetterService, PublishedLetter } from './service.ts';

/** What a resident typed, kept when something is wrong. */
export interface LetterFormValues {
  kind: string;
  about: string;
  town: string;
  village: string;
  text: string;
  name: string;
  phone: string;
  publish: boolean;
  forWhom: string;
  urgency: string;
}

export type LetterForm =
  | { state: 'sent'; reference: string; code: string; kind: Kind }
  | { state: 'invalid'; status: 400 | 429 | 503; values: LetterFormValues; errors: Partial<Record<keyof LetterFormValues | 'form', string>> };

const EMPTY: LetterFormValues = { kind: '', about: '', town: '', village: '', text: '', name: '', phone: '', publish: false, forWhom: '', urgency: '' };

/** The towns and streets, whose offices answer letters. */
export function townsOf(content: Content, lang: Lang) {
  return [...content.places].filter(([, p]) => p.kind === 'town' || p.kind === 'street').map(([id, p]) => ({ value: id, label: p.name[lang] }));
}

const placeName = (content: Content, lang: Lang, id?: string) => (id ? (content.places.get(id)?.name[lang] ?? id) : content.district.name[lang]);

/** What a letter may be about: a guide, a convention, or (when the link came from its page) a centre. */
function aboutTitle(content: Content, lang: Lang, id: string): string | undefined {
  return content.policies.get(id)?.title[lang] ?? content.conventions.get(id)?.title[lang] ?? content.services.get(id)?.name[lang];
}

/** The reply the bureau promises, with whether it is confirmed. */
export function replyPromise(content: Content, lang: Lang) {
  const { replyWorkingDays, verified } = content.district.letters;
  return { text: t(lang, 'letters.promise', { days: replyWorkingDays }), verified };
}

/** The form's choices, and its values: what was typed, or what the link that led here said (`?kind=help&town=…`). */
export function letterFormData(content: Content, lang: Lang, query: URLSearchParams, typed?: LetterFormValues) {
  const asked = (name: string, allowed: (v: string) => boolean) => {
    const v = query.get(name) ?? '';
    return allowed(v) ? v : '';
  };
  const values: LetterFormValues = typed ?? {
    ...EMPTY,
    kind: asked('kind', (v) => (KINDS as readonly string[]).includes(v)),
    about: asked('about', (v) => Boolean(aboutTitle(content, lang, v))),
    town: asked('town', (v) => content.places.get(v)?.kind === 'town' || content.places.get(v)?.kind === 'street'),
  };
  const guide = content.district.letters.helpGuide;
  return {
    values,
    /** The help fields show for a help request (a link with `?kind=help`, or the form sent back). */
    help: values.kind === 'help',
    kinds: KINDS.map((k) => ({ value: k, label: t(lang, `letters.kind.${k}`), hint: t(lang, `letters.kindHint.${k}`) })),
    abouts: [
      { value: '', label: t(lang, 'letters.about.other') },
      ...(values.about && content.services.has(values.about) ? [{ value: values.about, label: aboutTitle(content, lang, values.about)! }] : []),
      ...[...content.policies].filter(([, p]) => p.kind === 'programme').map(([id, p]) => ({ value: id, label: p.title[lang] })),
      ...[...content.conventions].map(([id, c]) => ({ value: id, label: c.title[lang] })),
    ],
    towns: [{ value: '', label: t(lang, 'letters.town.none') }, ...townsOf(content, lang)],
    urgencies: URGENCIES.map((u) => ({ value: u, label: t(lang, `letters.urgency.${u}`) })),
    helpGuide: guide && content.policies.has(guide) ? { title: content.policies.get(guide)!.title[lang], url: href(lang, `policies/${guide}/`) } : undefined,
    promise: replyPromise(content, lang),
    hotlines: content.district.hotlines,
  };
}

function fieldOf(path: readonly PropertyKey[]): keyof LetterFormValues | 'form' {
  const [first, second] = path.map(String);
  if (first === 'contact') return second === 'phone' ? 'phone' : 'name';
  if (first === 'help') return second === 'urgency' ? 'urgency' : 'forWhom';
  return (['kind', 'about', 'town', 'village', 'text', 'publish'] as const).find((k) => k === first) ?? 'form';
}

/**
 * Reads the no-JavaScript form: the letter is taken (and its reference and code shown once), or
 * the form comes back with what was typed and what is wrong. The API's limits apply.
 */
export async function readLetterForm(service: LetterService, lang: Lang, request: Request, client: string): Promise<LetterForm> {
  const form = await request.formData().catch(() => new FormData());
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const values: LetterFormValues = {
    kind: field('kind'),
    about: field('about'),
    town: field('town'),
    village: field('village'),
    text: field('text'),
    name: field('name'),
    phone: field('phone'),
    publish: field('publish') === 'yes',
    forWhom: field('forWhom'),
    urgency: field('urgency'),
  };
  try {
    const wait = await service.writeWait(client);
    if (wait > 0) return { state: 'invalid', status: 429, values, errors: { form: t(lang, 'letters.err.busy', { seconds: wait }) } };
    const parsed = letterInput.safeParse({
      kind: values.kind || undefined,
      ...(values.about && { about: values.about }),
      ...(values.town && { town: values.town }),
      ...(values.village && { village: values.village }),
      text: values.text,
      ...((values.name || values.phone) && { contact: { ...(values.name && { name: values.name }), ...(values.phone && { phone: values.phone }) } }),
      publish: values.publish,
      ...(values.kind === 'help' && (values.forWhom || values.urgency) && { help: { forWhom: values.forWhom || undefined, urgency: values.urgency || undefined } }),
      ...(field('website') && { website: field('website') }),
    });
    if (!parsed.success) {
      const errors: Partial<Record<keyof LetterFormValues | 'form', string>> = {};
      for (const issue of parsed.error.issues) {
        const key = fieldOf(issue.path);
        const long = issue.code === 'too_big';
        errors[key] ??= key === 'text' ? t(lang, long ? 'letters.err.textLong' : 'letters.err.text') : key === 'form' ? t(lang, 'letters.err.form') : t(lang, `letters.err.${key}`);
      }
      return { state: 'invalid', status: 400, values, errors };
    }
    const taken = await service.submit(parsed.data);
    return { state: 'sent', reference: taken.reference, code: taken.code, kind: parsed.data.kind };
  } catch (error) {
    if (!isApiError(error)) throw error;
    // A store that cannot be written (its disk full or read-only) gives the form back as typed.
    if (error.status === 503) return { state: 'invalid', status: 503, values, errors: { form: t(lang, 'letters.err.unsaved') } };
    return { state: 'invalid', status: 400, values, errors: error.fields?.town ? { town: t(lang, 'letters.err.town') } : { form: error.message } };
  }
}

/** A letter as its writer sees it on looking it up. */
export function statusView(content: Content, lang: Lang, l: Letter) {
  return {
    reference: l.reference,
    kind: t(lang, `letters.kind.${l.kind}`),
    status: t(lang, `letters.status.${l.status}`),
    answered: l.status === 'answered',
    received: readableDate(lang, l.receivedAt.slice(0, 10)),
    reply: l.reply,
    replied: l.repliedAt && readableDate(lang, l.repliedAt.slice(0, 10)),
    office: officeFor(content, lang, l.town),
  };
}

export type LookUp =
  | { state: 'found'; letter: ReturnType<typeof statusView> }
  | { state: 'invalid'; status: number; values: { reference: string; code: string }; errors: Partial<Record<'reference' | 'code' | 'form', string>> };

/** The look-up form (posted, so the code stays out of addresses and logs); a wrong code or reference say the same. */
export async function lookUpForm(service: LetterService, content: Content, lang: Lang, request: Request, client: string): Promise<LookUp> {
  const form = await request.formData().catch(() => new FormData());
  const values = { reference: String(form.get('reference') ?? '').trim().toUpperCase().slice(0, 40), code: String(form.get('code') ?? '').trim().toUpperCase().slice(0, 20) };
  const errors: Partial<Record<'reference' | 'code' | 'form', string>> = {};
  if (!values.reference) errors.reference = t(lang, 'letters.err.reference');
  if (!values.code) errors.code = t(lang, 'letters.err.code');
  if (errors.reference || errors.code) return { state: 'invalid', status: 400, values, errors };
  const wait = await service.lookUpWait(client);
  if (wait > 0) return { state: 'invalid', status: 429, values, errors: { form: t(lang, 'letters.err.busy', { seconds: wait }) } };
  try {
    return { state: 'found', letter: statusView(content, lang, await service.lookUp(values.reference, values.code)) };
  } catch (error) {
    if (!isApiError(error) || error.status !== 404) throw error;
    return { state: 'invalid', status: 404, values, errors: { form: t(lang, 'letters.notFound') } };
  }
}

function publishedCard(content: Content, lang: Lang, l: PublishedLetter) {
  return {
    reference: l.reference,
    kind: t(lang, `letters.kind.${l.kind}`),
    town: placeName(content, lang, l.town),
    received: readableDate(lang, l.receivedAt.slice(0, 10)),
    published: readableDate(lang, l.publishedAt.slice(0, 10)),
    text: l.text,
    reply: l.reply,
    /** The language each was written in (a letter is never translated). */
    textLang: scriptLang(l.text) === 'zh' ? 'zh-Hans' : 'en',
    replyLang: scriptLang(l.reply) === 'zh' ? 'zh-Hans' : 'en',
    url: href(lang, `letters/${l.reference}/`),
  };
}

/** How many published letters a page of the list shows. */
export const LETTERS_PER_PAGE = 20;

/** The published letters, newest first; `q` keeps those whose letter or reply holds it. */
export async function publishedPage(service: LetterService, content: Content, lang: Lang, q = '', page = 1) {
  const wanted = q.trim().toLowerCase().slice(0, 100);
  const all = (await service.published()).filter((l) => !wanted || `${l.text}\n${l.reply}`.toLowerCase().includes(wanted));
  const pages = Math.max(1, Math.ceil(all.length / LETTERS_PER_PAGE));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { q: wanted, total: all.length, page: at, pages, letters: all.slice((at - 1) * LETTERS_PER_PAGE, at * LETTERS_PER_PAGE).map((l) => publishedCard(content, lang, l)), promise: replyPromise(content, lang) };
}

/** One published letter (its own page, which search links to). */
export async function publishedLetter(service: LetterService, content: Content, lang: Lang, reference: string) {
  const l = await service.publishedOne(reference);
  return l && publishedCard(content, lang, l);
}

/** The figures page: totals, the median wait beside the promise, and counts per kind, town and month. */
export async function figuresPage(service: LetterService, content: Content, lang: Lang) {
  const s = await service.stats();
  const rows = (counts: Record<string, { received: number; answered: number }>, label: (k: string) => string) => Object.entries(counts).map(([k, v]) => ({ label: label(k), ...v }));
  return {
    received: s.received,
    answered: s.answered,
    median: s.medianDaysToReply === null ? undefined : t(lang, 'letters.figures.days', { n: s.medianDaysToReply }),
    promise: replyPromise(content, lang),
    byKind: rows(s.byKind, (k) => t(lang, `letters.kind.${k as Kind}`)),
    byTown: rows(s.byTown, (k) => (k === 'district' ? t(lang, 'letters.town.none') : placeName(content, lang, k))),
    byMonth: rows(s.byMonth, (k) => readableDate(lang, k)).reverse(),
  };
}

const daysSince = (iso: string) => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));

function staffCard(content: Content, lang: Lang, l: Letter) {
  return {
    reference: l.reference,
    kind: t(lang, `letters.kind.${l.kind}`),
    urgent: l.urgent,
    urgency: l.help && t(lang, `letters.urgency.${l.help.urgency as (typeof URGENCIES)[number]}`),
    where: [placeName(content, lang, l.town), l.village].filter(Boolean).join(' · '),
    received: readableDate(lang, l.receivedAt.slice(0, 10)),
    waiting: t(lang, 'letters.staff.waiting', { n: daysSince(l.receivedAt) }),
    excerpt: l.text.length > 80 ? `${l.text.slice(0, 80)}…` : l.text,
    url: href(lang, `admin/letters/${l.reference}/`),
    published: Boolean(l.published),
  };
}

/** The township office's queue (urgent first, then the oldest) and what it answered lately; undefined for an account with no town. */
export async function staffLettersPage(service: LetterService, content: Content, user: User, lang: Lang) {
  const scope = service.scopeOf(user);
  if (!scope) return undefined;
  return {
    scope: scope === '*' ? content.district.name[lang] : placeName(content, lang, scope),
    queue: (await service.queue(user)).map((l) => staffCard(content, lang, l)),
    answered: (await service.answered(user)).map((l) => staffCard(content, lang, l)),
  };
}

/** One letter as its office sees it; undefined when it is not theirs or does not exist. */
export async function staffLetterPage(service: LetterService, content: Content, user: User, reference: string, lang: Lang) {
  const l = await service.get(user, reference).catch((error) => {
    if (isApiError(error) && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  });
  if (!l) return undefined;
  const guide = content.district.letters.helpGuide;
  return {
    ...staffCard(content, lang, l),
    text: l.text,
    town: l.town,
    about: l.about && { title: aboutTitle(content, lang, l.about) ?? l.about, url: href(lang, content.conventions.has(l.about) ? `conventions/${l.about}/` : content.services.has(l.about) ? `services/${l.about}/` : `policies/${l.about}/`) },
    forWhom: l.help && t(lang, `letters.forWhom.${l.help.forWhom}`),
    helpGuide: l.kind === 'help' && guide && content.policies.has(guide) ? { title: content.policies.get(guide)!.title[lang], url: href(lang, `policies/${guide}/`) } : undefined,
    publishable: l.publish,
    hasContact: l.hasContact,
    answered: l.status === 'answered',
    reply: l.reply,
    replied: l.repliedAt && readableDate(lang, l.repliedAt.slice(0, 10)),
    publishedText: l.published,
    publicUrl: l.published && href(lang, `letters/${l.reference}/`),
    towns: townsOf(content, lang).filter((x) => x.value !== l.town),
  };
}

export type StaffLetterResult =
  | { redirect: string }
  | { status: number; errors: Record<string, string>; values: { text: string; town: string; publish: boolean }; preview?: { text: string; reply: string }; contact?: { name?: string; phone?: string } };

/** A form posted on a letter's page: show the contact (logged), preview the anonymised text, reply, or forward. */
export async function staffLetterAction(service: LetterService, user: User, reference: string, form: FormData, lang: Lang): Promise<StaffLetterResult> {
  const values = { text: String(form.get('text') ?? '').trim(), town: String(form.get('town') ?? ''), publish: form.get('publish') === 'yes' };
  const action = String(form.get('action') ?? '');
  const here = href(lang, `admin/letters/${reference}/`);
  try {
    if (action === 'contact') return { status: 200, errors: {}, values, contact: (await service.contact(user, reference)) ?? {} };
    if (action === 'forward') {
      if (!values.town) return { status: 400, errors: { town: t(lang, 'letters.err.forward') }, values };
      await service.forward(user, reference, values.town);
      return { redirect: `${href(lang, 'admin/letters/')}?done=forwarded` };
    }
    if (action === 'preview' || action === 'reply') {
      const parsed = replyInput.safeParse({ text: values.text, publish: values.publish });
      if (!parsed.success) return { status: 400, errors: { text: t(lang, parsed.error.issues[0]?.code === 'too_big' ? 'letters.err.replyLong' : 'letters.err.reply') }, values };
      if (action === 'preview') return { status: 200, errors: {}, values, preview: await service.preview(user, reference, values.text) };
      await service.reply(user, reference, parsed.data.text, parsed.data.publish);
      return { redirect: `${here}?done=${parsed.data.publish ? 'published' : 'replied'}` };
    }
    return { status: 400, errors: { form: t(lang, 'letters.err.form') }, values };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const message = error.status === 409 ? t(lang, 'letters.err.notPublishable') : error.fields?.town ? t(lang, 'letters.err.forward') : error.status === 403 ? t(lang, 'letters.err.forbidden') : error.status === 404 ? t(lang, 'letters.err.missing') : error.message;
    return { status: error.status, errors: error.fields?.town ? { town: message } : { form: message }, values };
  }
}
