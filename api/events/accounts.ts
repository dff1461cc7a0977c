// Staff accounts: scrypt password hashes, generated passwords shown once, no default accounts.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from './db.ts';

export type Role = 'editor' | 'admin';

export interface User {
  id: number;
  username: string;
  center: string | null;
  role: Role;
  disabled: boolean;
}

const N = 16384;
const KEYLEN = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEYLEN, { N, r: 8, p: 1 });
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: 8, p: 1 });
  return timingSafeEqual(expected, actual);
}

/** A password a person can type from a printout: 16 letters and digits, without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
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

export const SESSION_HOURS = 12;
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
