// The runtime store: one SQLite file under DATA_DIR (accounts, sessions, events, the audit log),
// WAL mode, foreign keys, numbered migrations applied at start-up. `synchronous = FULL`: a write
// is on disk before it is acknowledged.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** Each migration runs once, in order, inside a transaction; never edit one that has shipped. */
const MIGRATIONS: string[] = [
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     center TEXT,
     role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE events (
     id TEXT PRIMARY KEY,
     center TEXT NOT NULL,
     title_zh TEXT NOT NULL,
     title_en TEXT,
     description_zh TEXT NOT NULL,
     description_en TEXT,
     start TEXT NOT NULL,
     end TEXT NOT NULL,
     audience TEXT NOT NULL,
     place TEXT,
     capacity INTEGER,
     accessibility TEXT,
     status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
     created_by INTEGER NOT NULL REFERENCES users(id),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX events_start ON events(start);
   CREATE INDEX events_center ON events(center, start);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     user_id INTEGER REFERENCES users(id),
     action TEXT NOT NULL,
     event_id TEXT,
     detail TEXT
   );`,
  // Calendars see a changed or cancelled event as new only when its SEQUENCE grows (RFC 5545).
  `ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;`,
];

export function openDb(dataDir: string, file = 'portal.sqlite'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version));
  let applied = 0;
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (done.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    })();
    applied += 1;
  });
  return applied;
}
