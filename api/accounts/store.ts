// Staff accounts, their sessions and the audit log of what they did, in the runtime store.
// No default accounts: each is created with a generated password, shown once.
import { createHash, randomBytes } from 'node:crypto';
import { SESSION_HOURS, type Db } from '../core/index.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';

export type Role = 'editor' | 'admin';

export interface User {
  id: number;
  username: string;
  center: string | null;
  role: Role;
  disabled: boolean;
}

const toUser = (row: Record<string, unknown>): User => ({
  id: row.id as number,
  username: row.username as string,
  center: (row.center as string | null) ?? null,
  role: row.role as Role,
  disabled: Boolean(row.disabled),
});

export class Accounts {
  constructor(private readonly db: Db) {}

  add(username: string, center: string | null, role: Role): { user: User; password: string } {
    if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw new Error('a username is 3 to 40 lower-case letters, digits, dots, dashes or underscores');
    if (role === 'editor' && !center) throw new Error('an editor needs --center <service id>');
    const password = generatePassword();
    this.db
      .prepare('INSERT INTO users (username, password_hash, center, role, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(username, hashPassword(password), center, role, new Date().toISOString());
    return { user: this.find(username)!, password };
  }

  reset(username: string): string {
    const password = generatePassword();
    const result = this.db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hashPassword(password), username);
    if (result.changes === 0) throw new Error(`no account "${username}"`);
    this.db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)').run(username);
    return password;
  }

  disable(username: string): void {
    const result = this.db.prepare('UPDATE users SET disabled = 1 WHERE username = ?').run(username);
    if (result.changes === 0) throw new Error(`no account "${username}"`);
    this.db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)').run(username);
  }

  list(): User[] {
    return this.db.prepare('SELECT * FROM users ORDER BY username').all().map((r) => toUser(r as Record<string, unknown>));
  }

  find(username: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Record<string, unknown> | undefined;
    return row && toUser(row);
  }

  /** The user for a username and password, or undefined (also for a disabled account). */
  authenticate(username: string, password: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Record<string, unknown> | undefined;
    // Hash anyway when the account is unknown, so timing does not reveal which usernames exist.
    const ok = verifyPassword(password, (row?.password_hash as string) ?? hashPassword('x'));
    return row && ok && !row.disabled ? toUser(row) : undefined;
  }
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: the cookie holds a random token; the database holds only its hash. */
export class Sessions {
  constructor(private readonly db: Db) {}

  create(userId: number, now = new Date()): string {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now.toISOString());
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash(token), userId, now.toISOString(), expires.toISOString());
    return token;
  }

  user(token: string | undefined, now = new Date()): User | undefined {
    if (!token) return undefined;
    const row = this.db
      .prepare('SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE token_hash = ? AND expires_at > ? AND users.disabled = 0')
      .get(tokenHash(token), now.toISOString()) as Record<string, unknown> | undefined;
    return row && toUser(row);
  }

  revoke(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}

export interface AuditEntry {
  at: string;
  action: string;
  eventId: string | null;
  /** The request body as JSON (for account actions, the account). */
  detail: string | null;
  username: string | null;
}

/** Who did what to which event or account, and when. Writes join the caller's transaction. */
export class Audit {
  constructor(private readonly db: Db) {}

  record(user: User, action: string, eventId: string | null, detail: unknown): void {
    this.db.prepare('INSERT INTO audit (at, user_id, action, event_id, detail) VALUES (?, ?, ?, ?, ?)').run(new Date().toISOString(), user.id, action, eventId, JSON.stringify(detail));
  }

  /** The latest entries, newest first. */
  latest(limit = 100): AuditEntry[] {
    return this.db
      .prepare('SELECT audit.at, audit.action, audit.event_id AS eventId, audit.detail, users.username FROM audit LEFT JOIN users ON users.id = audit.user_id ORDER BY audit.id DESC LIMIT ?')
      .all(limit) as AuditEntry[];
  }
}
