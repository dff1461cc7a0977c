// The staff event form: what a person types (a date, two times, ticked boxes) to and from the
// event body the API takes, and every problem as a sentence in the reader's language, tied to the
// field it is about. The same zod schema as the API decides what is valid.
import type { ZodIssue } from 'zod';
import { t, type UiKey } from '../../content/i18n/index.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { isApiError, type DistrictClock } from '../core/index.ts';
import { AUDIENCES, eventInput, type EventInput, type EventRecord } from './schema.ts';

export interface EventFormValues {
  center: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  date: string;
  /** Only for an event over several days; the form shows it when it is set. */
  end_date: string;
  start_time: string;
  end_time: string;
  audience: string[];
  place: string;
  capacity: string;
  accessibility: string;
}

/** The fields in the order the form shows them; problems are listed in this order too. */
const FORM_ORDER = ['form', 'center', 'title_zh', 'description_zh', 'title_en', 'description_en', 'date', 'end_date', 'start_time', 'end_time', 'audience', 'place', 'capacity', 'accessibility'] as const;

/** Field name → the problem with it, in the reader's language. */
export type FormErrors = Partial<Record<keyof EventFormValues | 'form', string>>;

export function emptyValues(center: string): EventFormValues {
  return {
    center, title_zh: '', title_en: '', description_zh: '', description_en: '', date: '', end_date: '',
    start_time: '', end_time: '', audience: [], place: '', capacity: '', accessibility: '',
  };
}


/** The form as filled from a saved event, times in the district's zone. */
export function valuesFromEvent(event: EventRecord, clock: DistrictClock): EventFormValues {
  const date = clock.day(event.start);
  const endDate = clock.day(event.end);
  return {
    center: event.center,
    title_zh: event.title.zh, title_en: event.title.en ?? '',
    description_zh: event.description.zh, description_en: event.description.en ?? '',
    date, end_date: endDate === date ? '' : endDate,
    start_time: clock.time(event.start), end_time: clock.time(event.end),
    audience: [...event.audience],
    place: event.place ?? '', capacity: event.capacity ? String(event.capacity) : '', accessibility: event.accessibility ?? '',
  };
}

/** The form as posted; anything missing is empty. */
export function valuesFromForm(form: FormData, fallbackCenter: string): EventFormValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    center: text('center') || fallbackCenter,
    title_zh: text('title_zh'), title_en: text('title_en'),
    description_zh: text('description_zh'), description_en: text('description_en'),
    date: text('date'), end_date: text('end_date'), start_time: text('start_time'), end_time: text('end_time'),
    audience: form.getAll('audience').map(String).filter((a) => (AUDIENCES as readonly string[]).includes(a)),
    place: text('place'), capacity: text('capacity'), accessibility: text('accessibility'),
  };
}

// NFKC turns the full-width digits and punctuation a Chinese keyboard types (２０２６－１２－０５, ９：３０) into plain ones.

/** 2026-12-05, 2026/12/5, 2026.12.5 or 2026年12月5日 → 2026-12-05; undefined when it is not a real day. */
export function parseDate(value: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** 9:30, 09:30, 9：30 or 9.30 → 09:30; undefined when it is not a time of day. */
export function parseTime(value: string): string | undefined {
  const m = /^(\d{1,2})\s*[:.点]\s*(\d{2})\s*分?$/.exec(value.normalize('NFKC').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

const FIELD_OF: Record<string, keyof EventFormValues> = {
  'title.zh': 'title_zh', 'title.en': 'title_en', 'description.zh': 'description_zh', 'description.en': 'description_en',
  start: 'start_time', end: 'end_time', audience: 'audience', place: 'place', capacity: 'capacity', accessibility: 'accessibility', center: 'center',
};

/** The field's label, as the messages quote it. */
export const label = (lang: Lang, field: keyof EventFormValues) => t(lang, `admin.f.${field}` as UiKey);

function message(lang: Lang, field: keyof EventFormValues, issue: ZodIssue): string {
  if (field === 'audience') return t(lang, 'admin.err.audience');
  if (field === 'capacity') return t(lang, 'admin.err.capacity');
  if (field === 'center') return t(lang, 'admin.err.center');
  if (issue.code === 'too_small') return t(lang, 'admin.err.required', { field: label(lang, field) });
  if (issue.code === 'too_big') return t(lang, 'admin.err.tooLong', { field: label(lang, field), max: Number(issue.maximum) });
  return t(lang, 'admin.err.invalid', { field: label(lang, field) });
}

/**
 * The event body for the form's values, or the problems with them. Optional fields left empty are
 * sent as explicitly absent, so saving a form clears what the editor emptied.
 */
export function toInput(lang: Lang, values: EventFormValues, clock: DistrictClock, { isNew = false, now = Date.now() } = {}): { input?: EventInput; errors: FormErrors } {
  const errors: FormErrors = {};
  const date = parseDate(values.date);
  const endDate = values.end_date ? parseDate(values.end_date) : date;
  const start = parseTime(values.start_time);
  const end = parseTime(values.end_time);
  if (!values.date) errors.date = t(lang, 'admin.err.required', { field: label(lang, 'date') });
  else if (!date) errors.date = t(lang, 'admin.err.date');
  if (values.end_date && !endDate) errors.end_date = t(lang, 'admin.err.date');
  if (!values.start_time) errors.start_time = t(lang, 'admin.err.required', { field: label(lang, 'start_time') });
  else if (!start) errors.start_time = t(lang, 'admin.err.time');
  if (!values.end_time) errors.end_time = t(lang, 'admin.err.required', { field: label(lang, 'end_time') });
  else if (!end) errors.end_time = t(lang, 'admin.err.time');
  const startIso = date && start ? clock.moment(date, start) : undefined;
  const endIso = endDate && end ? clock.moment(endDate, end) : undefined;
  // Two times on one day can be compared before the date is right.
  const backwards = startIso && endIso ? Date.parse(endIso) <= Date.parse(startIso) : !values.end_date && start && end && end <= start;
  if (backwards) errors.end_time = t(lang, 'admin.err.endBeforeStart');
  // A new event that is already over is almost always a mistyped year or month.
  else if (isNew && endIso && Date.parse(endIso) < now) errors.date = t(lang, 'admin.err.past');

  const optional = (v: string) => v || undefined;
  const capacity = values.capacity ? Number(values.capacity.normalize('NFKC')) : undefined;
  const body = {
    center: values.center || undefined,
    title: { zh: values.title_zh, en: optional(values.title_en) },
    description: { zh: values.description_zh, en: optional(values.description_en) },
    // Placeholders while the times are wrong, so the schema still names the other fields' problems.
    start: startIso ?? '2000-01-01T00:00:00Z',
    end: endIso ?? '2000-01-01T01:00:00Z',
    audience: values.audience,
    place: optional(values.place),
    capacity,
    accessibility: optional(values.accessibility),
  };
  const parsed = eventInput.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[issue.path.join('.')];
      if (field) errors[field] ??= message(lang, field, issue);
      else errors.form ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors: inFormOrder(errors) };
  return { input: { place: undefined, capacity: undefined, accessibility: undefined, ...parsed.data }, errors };
}

function inFormOrder(errors: FormErrors): FormErrors {
  return Object.fromEntries(FORM_ORDER.filter((name) => errors[name]).map((name) => [name, errors[name]]));
}

/** A refusal from the staff service (wrong centre, no such event, end before start) as form errors. */
export function errorsFromApi(lang: Lang, error: unknown): FormErrors {
  if (!isApiError(error)) throw error;
  if (error.status === 403) return { form: t(lang, 'admin.err.forbidden') };
  if (error.status === 404) return { form: t(lang, 'admin.err.notFound') };
  const errors: FormErrors = {};
  for (const name of Object.keys(error.fields ?? {})) {
    const field = FIELD_OF[name];
    if (field === 'end_time') errors.end_time = t(lang, 'admin.err.endBeforeStart');
    else if (field === 'center') errors.center = t(lang, 'admin.err.center');
    else if (field) errors[field] = t(lang, 'admin.err.invalid', { field: label(lang, field) });
  }
  return Object.keys(errors).length ? errors : { form: error.message };
}
