// What centre staff can do — sign in, publish, edit, cancel — with the rules that guard it, in one
// place: the JSON API and the staff pages (forms that work without JavaScript) both call this.
import type { Content } from '../../content/loader.ts';
import { eventDocuments } from '../../search/documents.ts';
import type { SearchEngine } from '../../search/index.ts';
import { RateLimiter } from '../ask/limits.ts';
import { ApiError } from '../errors.ts';
import { Accounts, Sessions, SESSION_HOURS, type User } from './accounts.ts';
import type { Db } from './db.ts';
import { EventStore, type AuditEntry, type EventInput, type EventRecord } from './store.ts';

export const SESSION_COOKIE = 'sid';

/** The session cookie's attributes: never readable by scripts, never sent from another site. */
export function sessionCookie(secure: boolean) {
  return { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 } as const;
}

/**
 * Whether a request that changes data comes from another site (CSRF). `Sec-Fetch-Site`, which
 * pages cannot forge, decides when the browser sends it; otherwise `Origin` must name this host.
 * Clients that send neither are not browsers, so no cookie of a victim rides along.
 */
export function isCrossOrigin(method: string, headers: Headers, host: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return false;
  const site = headers.get('Sec-Fetch-Site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('Origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a privacy setting) or garbage
  }
}

/** 429 for sign-ins: `retryAfter` seconds until the next attempt may be made. */
export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`);
  }
}

export class Staff {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly store: EventStore;
  readonly secureCookies: boolean;
  // Only failures count: ten wrong passwords for one account, or thirty from one address.
  private readonly perAccount = new RateLimiter(10, 15 * 60_000);
  private readonly perAddress = new RateLimiter(30, 15 * 60_000);

  constructor(
    db: Db,
    private readonly content: Content,
    private readonly search: SearchEngine,
    /** `PUBLIC_ORIGIN`: when it is https, cookies get `Secure`. */
    publicOrigin = '',
  ) {
    this.secureCookies = publicOrigin.startsWith('https:');
    this.accounts = new Accounts(db);
    this.sessions = new Sessions(db);
    this.store = new EventStore(db);
  }

  /** A new session token for a right username and password; 401, or 429 after too many failures. */
  signIn(username: string, password: string, address: string): { user: User; token: string } {
    const user = this.accounts.authenticate(username, password);
    if (!user) {
      const wait = Math.max(this.perAccount.take(username.trim().toLowerCase()), this.perAddress.take(address));
      if (wait > 0) {
        throw new TooManyAttempts(wait);
      }
      throw new ApiError(401, 'bad_credentials', 'The username or password is wrong.', { password: 'wrong username or password' });
    }
    return { user, token: this.sessions.create(user.id) };
  }

  signOut(token: string | undefined): void {
    this.sessions.revoke(token);
  }

  user(token: string | undefined): User | undefined {
    return this.sessions.user(token);
  }

  /** The centres a user may publish for: their own, or every centre for an admin. */
  centres(user: User): string[] {
    if (user.role === 'admin') return [...this.content.services.keys()];
    return user.center ? [user.center] : [];
  }

  /** The events a user looks after, cancelled and past ones included, by start. */
  eventsFor(user: User): EventRecord[] {
    return this.store.list({ includeCancelled: true, ...(user.role === 'admin' ? {} : { center: user.center ?? '-' }) });
  }

  /** An event the user may change: 404 when there is none, 403 when it is another centre's. */
  editable(user: User, id: string): EventRecord {
    const event = this.store.get(id);
    if (!event) throw new ApiError(404, 'not_found', `No event ${id}.`);
    if (user.role !== 'admin' && event.center !== user.center) throw new ApiError(403, 'forbidden', 'You can only change your own centre’s events.');
    return event;
  }

  async create(user: User, input: EventInput): Promise<EventRecord> {
    const center = this.allowedCentre(user, input.center ?? user.center ?? undefined);
    checkTimes(input.start, input.end);
    return this.reindex(this.store.create(user, center, input));
  }

  async update(user: User, id: string, patch: Partial<EventInput>): Promise<EventRecord> {
    const current = this.editable(user, id);
    if (patch.center) this.allowedCentre(user, patch.center);
    checkTimes(patch.start ?? current.start, patch.end ?? current.end);
    return this.reindex(this.store.update(user, id, patch));
  }

  /** Cancelled events are kept and shown as cancelled; search drops them. */
  async cancel(user: User, id: string): Promise<EventRecord> {
    this.editable(user, id);
    return this.reindex(this.store.cancel(user, id));
  }

  /** Admins only: every account. */
  accountList(user: User): User[] {
    requireAdmin(user);
    return this.accounts.list();
  }

  /** Admins only: disables an account (not their own) and ends its sessions, in the audit log. */
  disableAccount(user: User, username: string): void {
    requireAdmin(user);
    if (username === user.username) throw new ApiError(400, 'invalid_request', 'You cannot disable your own account.', { username: 'your own account' });
    if (!this.accounts.find(username)) throw new ApiError(404, 'not_found', `No account ${username}.`, { username: 'no such account' });
    this.accounts.disable(username);
    this.store.audit(user, 'disable-account', null, { username });
  }

  /** Admins only: the latest changes, newest first. */
  auditLog(user: User, limit = 50): AuditEntry[] {
    requireAdmin(user);
    return this.store.auditLog(limit);
  }

  private allowedCentre(user: User, center: string | undefined): string {
    if (!center || !this.content.services.has(center)) throw new ApiError(400, 'invalid_request', 'Unknown centre.', { center: 'no such centre' });
    if (user.role !== 'admin' && center !== user.center) throw new ApiError(403, 'forbidden', 'You can only publish for your own centre.', { center: 'not your centre' });
    return center;
  }

  /** Search follows the store; a search failure is logged and does not undo the saved write. */
  private async reindex(event: EventRecord): Promise<EventRecord> {
    const docs = eventDocuments(this.content, [event]);
    try {
      if (event.status === 'cancelled') await this.search.remove(docs.map((d) => d.id));
      else await this.search.index(docs);
    } catch (error) {
      console.error(`search: could not update event ${event.id}: ${(error as Error).message}`);
    }
    return event;
  }
}

function requireAdmin(user: User) {
  if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only district administrators can do this.');
}

function checkTimes(start: string, end: string) {
  if (Date.parse(end) <= Date.parse(start)) throw new ApiError(400, 'invalid_request', 'The event must end after it starts.', { end: 'must be after start' });
}
