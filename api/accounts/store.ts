// Staff accounts, their sessions and the audit log of what they did, in the runtime store.
// No default accounts: each is created with a generated password, shown once.
import { createHash, randomBytes } from 'node:crypto';
import { SESSION_HOURS, type Db, type Queries } from '../core/index.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';

export type Role = 'editor' | 'admin';

export interface User {
  id: number;
  username: string;
  center: string | null;
  /** A village or community committee's account: the convention it looks after (consultations). */
  convention: string | null;
  role: Role;
  disabled: boolean;
}

const toUser = (row: Record<string, unknown>): User => ({
  id: Number(row.id),
  username: row.username as string,
  center: (row.center as string | null) ?? null,
  convention: (row.convention as string | null) ?? null,
  role: row.role as Role,
  disabled: Boolean(Number(row.disabled)),
});

/** Staff accounts in the runtime store, on either engine. */
export class Accounts {
  constructor(private readonly db: Db) {}

  /** A new account: an admin (the whole district), or an editor for a centre or for a convention (its committee). */
  async add(username: string, center: string | null, role: Role, convention: string | null = null): Promise<{ user: User; password: string }> {
    if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw new Error('a username is 3 to 40 lower-case letters, digits, dots, dashes or underscores');
    if (role === 'editor' && !center && !convention) throw new Error('an editor needs --center <service id> or --convention <convention id>');
    if (center && convention) throw new Error('an account looks after a centre or a convention, not both');
    if (await this.find(username)) throw new Error(`an account "${username}" exists already`);
    const password = generatePassword();
    await this.db.run('INSERT INTO users (username, password_hash, center, convention, role, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      username,
      hashPassword(password),
      center,
      convention,
      role,
      new Date().toISOString(),
    ]);
    return { user: (await this.find(username))!, password };
  }

  /** A new password; the account's sessions end (in one transaction). */
  async reset(username: string): Promise<string> {
    const password = generatePassword();
    await this.db.transaction(async (q) => {
      const changed = await q.run('UPDATE users SET password_hash = ? WHERE username = ?', [hashPassword(password), username]);
      if (changed === 0) throw new Error(`no account "${username}"`);
      await q.run('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)', [username]);
    });
    return password;
  }

  async disable(username: string, q: Queries = this.db): Promise<void> {
    const changed = await q.run('UPDATE users SET disabled = 1 WHERE username = ?', [username]);
    if (changed === 0) throw new Error(`no account "${username}"`);
    await q.run('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)', [username]);
  }

  async list(): Promise<User[]> {
    return (await this.db.all('SELECT * FROM users ORDER BY username')).map(toUser);
  }

  async find(username: string): Promise<User | undefined> {
    const row = await this.db.one('SELECT * FROM users WHERE username = ?', [username]);
    return row && toUser(row);
  }

  /** The user for a username and password, or undefined (also for a disabled account). */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const row = await this.db.one('SELECT * FROM users WHERE username = ?', [username]);
    // Hash anyway when the account is unknown, so timing does not reveal which usernames exist.
    const ok = verifyPassword(password, (row?.password_hash as string) ?? hashPassword('x'));
    return row && ok && !Number(row.disabled) ? toUser(row) : undefined;
  }
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions: the cookie holds a random token; the database holds only its hash. Any
 * process on the same database serves any session.
 */
export class Sessions {
  constructor(private readonly db: Db) {}

  async create(userId: number, now = new Date()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await this.db.run('DELETE FROM sessions WHERE expires_at < ?', [now.toISOString()]);
    await this.db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash(token), userId, now.toISOString(), expires.toISOString()]);
    return token;
  }

  async user(token: string | undefined, now = new Date()): Promise<User | undefined> {
    if (!token) return undefined;
    const row = await this.db.one(
      'SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE token_hash = ? AND expires_at > ? AND users.disabled = 0',
      [tokenHash(token), now.toISOString()],
    );
    return row && toUser(row);
  }

  async revoke(token: string | undefined): Promise<void> {
    if (token) await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash(token)]);
  }
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  eventId: string | null;
  /** The request body as JSON (for account actions, the account). */
  detail: string | null;
  username: string | null;
}

/** Who did what to which event or account, and when. A write joins the caller's transaction when given one. */
export class Audit {
  constructor(private readonly db: Db) {}

  async record(user: User, action: string, eventId: string | null, detail: unknown, q: Queries = this.db): Promise<void> {
    await q.run('INSERT INTO audit (at, user_id, action, event_id, detail) VALUES (?, ?, ?, ?, ?)', [new Date().toISOString(), user.id, action, eventId, JSON.stringify(detail)]);
  }

  /** One entry by its number. */
  async entry(id: number, q: Queries = this.db): Promise<AuditEntry | undefined> {
    const row = await q.one<AuditEntry>('SELECT audit.id, audit.at, audit.action, audit.event_id AS "eventId", audit.detail, users.username FROM audit LEFT JOIN users ON users.id = audit.user_id WHERE audit.id = ?', [id]);
    return row && { ...row, id: Number(row.id) };
  }

  /** The latest entries, newest first. */
  async latest(limit = 100): Promise<AuditEntry[]> {
    return this.db.all<AuditEntry>(
      'SELECT audit.id, audit.at, audit.action, audit.event_id AS "eventId", audit.detail, users.username FROM audit LEFT JOIN users ON users.id = audit.user_id ORDER BY audit.id DESC LIMIT ?',
      [limit],
    ).then((rows) => rows.map((r) => ({ ...r, id: Number(r.id) })));
  }
}
