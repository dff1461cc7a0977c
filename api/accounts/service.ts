// What staff accounts can do — sign in and out, and for district administrators, see and disable
// accounts and read the audit log — with the rules that guard it, in one place: the JSON API and
// the staff pages (forms that work without JavaScript) both call this.
import { ApiError, Limiter, type Db } from '../core/index.ts';
import { Accounts, Audit, Sessions, type AuditEntry, type User } from './store.ts';

/** 429 for sign-ins: `retryAfter` seconds until the next attempt may be made. */
export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`);
  }
}

export class AccountService {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly audit: Audit;
  /** Session cookies get `Secure` when the public origin is https. */
  readonly secureCookies: boolean;
  // Only failures count: ten wrong passwords for one account, or thirty from one address.
  // Counted in the store on PostgreSQL, so ten failures spread over several processes are ten.
  private readonly perAccount: Limiter;
  private readonly perAddress: Limiter;

  constructor(private readonly db: Db, publicOrigin = '') {
    this.secureCookies = publicOrigin.startsWith('https:');
    this.perAccount = new Limiter(10, 15 * 60, { db, name: 'signin-account' });
    this.perAddress = new Limiter(30, 15 * 60, { db, name: 'signin-address' });
    this.accounts = new Accounts(db);
    this.sessions = new Sessions(db);
    this.audit = new Audit(db);
  }

  /**
   * A new session token for a right username and password; 401 when wrong, 429 once an account
   * or an address has used up its failures (checked before the password, so guessing stops).
   */
  async signIn(username: string, password: string, address: string): Promise<{ user: User; token: string }> {
    const account = username.trim().toLowerCase();
    const blocked = Math.max(await this.perAccount.wait(account), await this.perAddress.wait(address));
    if (blocked > 0) throw new TooManyAttempts(blocked);
    const user = await this.accounts.authenticate(username, password);
    if (!user) {
      await Promise.all([this.perAccount.take(account), this.perAddress.take(address)]);
      throw new ApiError(401, 'bad_credentials', 'The username or password is wrong.', { password: 'wrong username or password' });
    }
    return { user, token: await this.sessions.create(user.id) };
  }

  async signOut(token: string | undefined): Promise<void> {
    await this.sessions.revoke(token);
  }

  /** The signed-in user for a session token, if the session is live and the account enabled. */
  async user(token: string | undefined): Promise<User | undefined> {
    return this.sessions.user(token);
  }

  /** Admins only: every account. */
  async accountList(user: User): Promise<User[]> {
    requireAdmin(user);
    return this.accounts.list();
  }

  /**
   * Admins only: a new account for a centre, a convention's committee, or the whole district, with
   * a generated password shown once (there are no default passwords); in the audit log.
   */
  async createAccount(user: User, username: string, scope: { center?: string; convention?: string; admin?: boolean }): Promise<{ user: User; password: string }> {
    requireAdmin(user);
    if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) throw new ApiError(400, 'invalid_request', 'A username is 3 to 40 small letters, digits, dots, dashes or underscores.', { username: '3–40 of a–z, 0–9, . _ -' });
    if (await this.accounts.find(username)) throw new ApiError(409, 'conflict', `The username ${username} is taken.`, { username: 'taken' });
    const created = await this.accounts.add(username, scope.admin ? null : (scope.center ?? null), scope.admin ? 'admin' : 'editor', scope.admin ? null : (scope.convention ?? null));
    await this.audit.record(user, 'create-account', null, { username, center: created.user.center, convention: created.user.convention, role: created.user.role });
    return created;
  }

  /** Admins only: disables an account (not their own) and ends its sessions, in the audit log. */
  async disableAccount(user: User, username: string): Promise<void> {
    requireAdmin(user);
    if (username === user.username) throw new ApiError(400, 'invalid_request', 'You cannot disable your own account.', { username: 'your own account' });
    if (!(await this.accounts.find(username))) throw new ApiError(404, 'not_found', `No account ${username}.`, { username: 'no such account' });
    await this.db.transaction(async (q) => {
      await this.accounts.disable(username, q);
      await this.audit.record(user, 'disable-account', null, { username }, q);
    });
  }

  /** Admins only: the latest changes, newest first. */
  async auditLog(user: User, limit = 50): Promise<AuditEntry[]> {
    requireAdmin(user);
    return this.audit.latest(limit);
  }
}

function requireAdmin(user: User) {
  if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only district administrators can do this.');
}
