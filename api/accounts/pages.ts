// The staff pages' controllers: who is signed in, whether a form post came from this site, the
// sign-in form, and the district administrator's accounts page. Forms work without JavaScript.
import { t, type UiKey } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { ApiError, href, isApiError, isCrossOrigin, type DistrictClock } from '../core/index.ts';
import type { AccountService } from './service.ts';
import type { User } from './store.ts';

export interface StaffRequest {
  user: User | undefined;
  /** The form of a POST from this site; undefined for a GET, or when the post came from another site. */
  form: FormData | undefined;
  /** A POST from another site (CSRF), refused. */
  refused: boolean;
}

/** Reads the session and the posted form of a staff page. */
export async function staffRequest(accounts: AccountService, request: Request, sessionToken: string | undefined): Promise<StaffRequest> {
  const user = await accounts.user(sessionToken);
  if (request.method !== 'POST') return { user, form: undefined, refused: false };
  if (isCrossOrigin('POST', request.headers, request.headers.get('Host') ?? new URL(request.url).host)) return { user, form: undefined, refused: true };
  return { user, form: await request.formData().catch(() => new FormData()), refused: false };
}

/** Where staff land: their events list, with what just happened (`created`, `updated`, `cancelled`). */
export function adminHome(lang: Lang, done?: string, event?: string): string {
  const query = new URLSearchParams({ ...(done && { done }), ...(event && { event }) }).toString();
  return href(lang, `admin/${query ? `?${query}` : ''}`);
}

export type SignIn =
  /** Go to the staff home: signed in (`token` to set) or signed out (`token` null). */
  | { redirect: string; token: string | null }
  | { redirect?: undefined; status: number; retryAfter?: number; errors: Record<string, string>; username: string };

/** The sign-in form (and the sign-out button) posted to the staff home. */
export async function signInForm(accounts: AccountService, lang: Lang, req: StaffRequest, sessionToken: string | undefined, address: string): Promise<SignIn> {
  const errors: Record<string, string> = {};
  if (req.refused) return { status: 403, errors: { form: t(lang, 'admin.err.crossOrigin') }, username: '' };
  const form = req.form!;
  if (form.get('action') === 'signout') {
    await accounts.signOut(sessionToken);
    return { redirect: adminHome(lang), token: null };
  }
  const username = String(form.get('username') ?? '').trim().slice(0, 40);
  const password = String(form.get('password') ?? '');
  if (!username) errors.username = t(lang, 'admin.err.required', { field: t(lang, 'admin.username') });
  if (!password) errors.password = t(lang, 'admin.err.required', { field: t(lang, 'admin.password') });
  if (!username || !password) return { status: 400, errors, username };
  try {
    const { token } = await accounts.signIn(username, password.slice(0, 200), address);
    return { redirect: adminHome(lang), token };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const retryAfter = (error as { retryAfter?: number }).retryAfter;
    if (retryAfter) return { status: error.status, retryAfter, errors: { form: t(lang, 'admin.err.tooMany', { minutes: Math.ceil(retryAfter / 60) }) }, username };
    return { status: error.status, errors: { password: t(lang, 'admin.err.credentials') }, username };
  }
}

/** The district administrator's page: every account, disabling one, and the audit log. */
/** A centre's name (the directory imports this feature, so this one reads content directly). */
const centreName = (content: Content, lang: Lang, id: string | null) => (id && content.services.get(id)?.name[lang]) || id || '—';

/** What a log entry is about: an account, or a centre and one of its facts. */
function subjectOf(content: Content, lang: Lang, detail: string | null): string {
  const d = JSON.parse(detail ?? '{}') as { username?: string; service?: string; field?: string; consultation?: string; convention?: string; letter?: string };
  if (d.letter) return d.letter;
  if (d.consultation) return [d.convention && content.conventions.get(d.convention)?.title[lang], d.consultation].filter(Boolean).join(' · ');
  if (d.service) return `${centreName(content, lang, d.service)} · ${d.field ?? ''}`;
  return d.username ?? '';
}

/** A change to a centre's fact in words: from what to what (values as the API writes them). */
function changeSummary(lang: Lang, detail: string | null): string {
  const d = JSON.parse(detail ?? '{}') as { old?: unknown; new?: unknown };
  const show = (v: unknown) => (v === null || v === undefined ? t(lang, 'badge.tbc') : JSON.stringify(v).slice(0, 120));
  return `${show(d.old)} → ${show(d.new)}`;
}

export async function accountsPage(accounts: AccountService, content: Content, lang: Lang, req: StaffRequest & { user: User }, clock: DistrictClock) {
  const { user, form } = req;
  const errors: Record<string, string> = req.refused ? { form: t(lang, 'admin.err.crossOrigin') } : {};
  let status = req.refused ? 403 : 200;
  let done = '';
  if (user.role !== 'admin') {
    return { status: 403, errors: { form: t(lang, 'admin.err.forbidden') }, done, accounts: [], log: [], scopes: [], created: undefined };
  }
  let created: { username: string; password: string } | undefined;
  if (form?.get('action') === 'create') {
    const username = String(form.get('new-username') ?? '').trim().toLowerCase().slice(0, 40);
    const scope = String(form.get('scope') ?? '');
    const [kind, id = ''] = scope.split(':');
    try {
      if (kind === 'center' && !content.services.has(id)) throw new ApiError(400, 'invalid_request', t(lang, 'admin.accounts.err.scope'), { scope: 'unknown' });
      if (kind === 'convention' && !content.conventions.has(id)) throw new ApiError(400, 'invalid_request', t(lang, 'admin.accounts.err.scope'), { scope: 'unknown' });
      if (kind !== 'center' && kind !== 'convention' && kind !== 'admin') throw new ApiError(400, 'invalid_request', t(lang, 'admin.accounts.err.scope'), { scope: 'unknown' });
      const made = await accounts.createAccount(user, username, kind === 'admin' ? { admin: true } : kind === 'center' ? { center: id } : { convention: id });
      created = { username: made.user.username, password: made.password };
      done = t(lang, 'admin.accounts.created', { user: made.user.username });
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.fields?.username) errors['new-username'] = t(lang, error.status === 409 ? 'admin.accounts.err.taken' : 'admin.accounts.err.username');
      else if (error.fields?.scope) errors.scope = t(lang, 'admin.accounts.err.scope');
      else errors.form = error.message;
      status = error.status;
    }
  } else if (form) {
    const username = String(form.get('username') ?? '').slice(0, 40);
    try {
      await accounts.disableAccount(user, username);
      done = t(lang, 'admin.accounts.done', { user: username });
    } catch (error) {
      if (!isApiError(error)) throw error;
      errors.form = error.message;
      status = error.status;
    }
  }
  const list = await accounts.accountList(user);
  const log = await accounts.auditLog(user);
  return {
    status,
    errors,
    done,
    /** A new account's password, shown on this answer only. */
    created,
    scopes: [
      ...[...content.services].map(([id, s]) => ({ value: `center:${id}`, label: s.name[lang], group: 'center' as const })),
      ...[...content.conventions].map(([id, c]) => ({ value: `convention:${id}`, label: c.title[lang], group: 'convention' as const })),
      { value: 'admin', label: t(lang, 'admin.districtAdmin'), group: 'admin' as const },
    ],
    accounts: list.map((a) => ({
      username: a.username,
      you: a.username === user.username,
      centre: a.role === 'admin' ? '—' : a.convention ? (content.conventions.get(a.convention)?.title[lang] ?? a.convention) : centreName(content, lang, a.center),
      role: a.convention ? t(lang, 'admin.role.committee') : t(lang, `admin.role.${a.role}`),
      disabled: a.disabled,
    })),
    log: log.map((entry) => ({
      id: entry.id,
      /** A change to a centre's entry, which an admin can put back. */
      change: entry.action === 'service-update' ? changeSummary(lang, entry.detail) : undefined,
      at: entry.at,
      when: clock.dateTime(lang, entry.at),
      who: entry.username ?? '—',
      what: t(lang, `admin.audit.${entry.action}` as UiKey),
      eventId: entry.eventId,
      subject: entry.eventId ?? subjectOf(content, lang, entry.detail),
    })),
  };
}
