import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Accounts, Sessions } from '../../api/accounts/store.ts';
import { openDb, SESSION_HOURS } from '../../api/core/index.ts';

const db = openDb(mkdtempSync(join(tmpdir(), 'sessions-')));
const accounts = new Accounts(db);
const sessions = new Sessions(db);

describe('staff sessions', () => {
  it('end after their lifetime, on sign-out, on a password reset and when the account is disabled', () => {
    const { user } = accounts.add('ending', 'kazi-day-care-centre', 'editor');
    const signedIn = new Date('2026-12-01T08:00:00Z');
    const token = sessions.create(user.id, signedIn);
    expect(sessions.user(token, new Date(signedIn.getTime() + (SESSION_HOURS - 1) * 3600_000))?.username).toBe('ending');
    expect(sessions.user(token, new Date(signedIn.getTime() + SESSION_HOURS * 3600_000 + 1))).toBeUndefined();

    const now = sessions.create(user.id);
    sessions.revoke(now);
    expect(sessions.user(now)).toBeUndefined();
    const beforeReset = sessions.create(user.id);
    accounts.reset('ending');
    expect(sessions.user(beforeReset)).toBeUndefined();
    const beforeDisable = sessions.create(user.id);
    accounts.disable('ending');
    expect(sessions.user(beforeDisable)).toBeUndefined();
  });

  it('keep only a hash of the token in the database', () => {
    const { user } = accounts.add('hashed', 'kazi-day-care-centre', 'editor');
    const token = sessions.create(user.id);
    const rows = db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(rows.some((r) => r.token_hash.includes(token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
