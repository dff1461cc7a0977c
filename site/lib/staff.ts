// The staff pages' shared start: who is signed in, and whether a form post came from this site.
import type { AstroGlobal } from 'astro';
import type { ApiError } from '../../api/errors.ts';
import type { User } from '../../api/events/accounts.ts';
import { renderMarkdown } from '../../api/events/render.ts';
import { isCrossOrigin, SESSION_COOKIE, type Staff } from '../../api/events/staff.ts';
import type { EventRecord } from '../../api/events/store.ts';
import { href, t, type Lang } from '../i18n/index.ts';
import { emptyValues, errorsFromApi, toInput, valuesFromEvent, valuesFromForm, type EventFormValues, type FormErrors } from './event-form.ts';

export interface StaffPage {
  staff: Staff;
  user: User | undefined;
  /** The form of a POST from this site; undefined for a GET. A POST from another site is refused. */
  form: FormData | undefined;
  refused: boolean;
}

/**
 * Reads the session and the posted form for a staff page. Staff pages are never cached, never
 * indexed, and refuse a form posted from another website (CSRF), since Astro's own check is off.
 */
export async function staffPage(Astro: AstroGlobal): Promise<StaffPage | undefined> {
  const staff = Astro.locals.staff;
  Astro.response.headers.set('Cache-Control', 'no-store');
  Astro.response.headers.set('X-Robots-Tag', 'noindex');
  if (!staff) return undefined;
  const user = staff.user(Astro.cookies.get(SESSION_COOKIE)?.value);
  if (Astro.request.method !== 'POST') return { staff, user, form: undefined, refused: false };
  // Astro's own URL ignores an unlisted Host header (it says localhost), so compare with the header.
  if (isCrossOrigin('POST', Astro.request.headers, Astro.request.headers.get('Host') ?? Astro.url.host)) {
    Astro.response.status = 403;
    return { staff, user, form: undefined, refused: true };
  }
  return { staff, user, form: await Astro.request.formData().catch(() => new FormData()), refused: false };
}

/** Where staff land: their events list, with what just happened (`created`, `updated`, `cancelled`). */
export function adminHome(lang: Lang, done?: string, event?: string): string {
  const query = new URLSearchParams({ ...(done && { done }), ...(event && { event }) }).toString();
  return href(lang, `admin/${query ? `?${query}` : ''}`);
}

/** The caller's address, for the sign-in rate limit. */
export function clientAddress(Astro: AstroGlobal): string {
  try {
    return Astro.clientAddress;
  } catch {
    return 'local';
  }
}

export interface EventFormState {
  values: EventFormValues;
  errors: FormErrors;
  preview: { zh: string; en: string };
  /** The event being edited (none when publishing a new one). */
  event?: EventRecord;
  /** Centres an admin may choose from; editors have only their own. */
  centres?: { id: string; name: string }[];
}

/**
 * The create and edit pages: sign-in required; a posted form is checked, previewed or saved
 * (then a 303 to the staff home). When something is wrong the form comes back with everything
 * the person typed and each problem next to its field — nothing typed is ever lost, even when
 * the session ended meanwhile.
 */
export async function eventFormPage(Astro: AstroGlobal, lang: Lang, id?: string): Promise<Response | EventFormState> {
  const page = await staffPage(Astro);
  if (!page) return new Response(t(lang, 'admin.err.unavailable'), { status: 503 });
  const { staff, user, form } = page;
  if (!user && !form) return Astro.redirect(adminHome(lang), 303);

  let event: EventRecord | undefined;
  let errors: FormErrors = {};
  if (id && user) {
    try {
      event = staff.editable(user, id);
    } catch (error) {
      errors = errorsFromApi(lang, error);
      Astro.response.status = (error as ApiError).status;
    }
  }
  const own = user?.center ?? '';
  let values = event ? valuesFromEvent(event) : emptyValues(own);
  if (page.refused) errors.form = t(lang, 'admin.err.crossOrigin');
  if (form && !errors.form) {
    values = valuesFromForm(form, event?.center ?? own);
    const checked = toInput(lang, values, { isNew: !id });
    // "Preview" only renders the description; saving checks everything and needs a session.
    const saving = form.get('action') !== 'preview';
    if (saving) errors = checked.errors;
    if (saving && !user) errors = { form: t(lang, 'admin.err.session'), ...errors };
    else if (saving && checked.input && user) {
      try {
        const saved = id ? await staff.update(user, id, checked.input) : await staff.create(user, checked.input);
        return Astro.redirect(adminHome(lang, id ? 'updated' : 'created', saved.id), 303);
      } catch (error) {
        errors = errorsFromApi(lang, error);
      }
    }
    if (Object.keys(errors).length > 0 && Astro.response.status === 200) Astro.response.status = 400;
  }
  const services = [...(Astro.locals.content?.services.entries() ?? [])];
  const centres = user?.role === 'admin' ? services.map(([centre, s]) => ({ id: centre, name: s.name[lang] })) : undefined;
  const render = (markdown: string) => (markdown ? renderMarkdown(markdown) : '');
  return { values, errors, event, centres, preview: { zh: render(values.description_zh), en: render(values.description_en) } };
}
