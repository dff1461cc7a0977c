// The store's schema, as numbered migrations: the same version number does the same thing on
// both engines, each in its own SQL. Each runs once, in order, inside a transaction; never edit
// one that has shipped — add the next. Times are ISO 8601 text on both engines (compared through
// `Db.moment`), flags are 0/1 integers, so rows read the same from either.

export const MIGRATIONS: { sqlite: string; postgres: string }[] = [
  {
    sqlite: `CREATE TABLE users (
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
    postgres: `CREATE TABLE users (
       id SERIAL PRIMARY KEY,
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
       "end" TEXT NOT NULL,
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
       id SERIAL PRIMARY KEY,
       at TEXT NOT NULL,
       user_id INTEGER REFERENCES users(id),
       action TEXT NOT NULL,
       event_id TEXT,
       detail TEXT
     );`,
  },
  // Calendars see a changed or cancelled event as new only when its SEQUENCE grows (RFC 5545).
  {
    sqlite: `ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;`,
    postgres: `ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;`,
  },
  // Counts per day by key (never who): answers found helpful or not, searches that found nothing.
  // Rate-limit counters (rate-limiter-flexible's own layout), shared by every process.
  {
    sqlite: `CREATE TABLE counters (
       name TEXT NOT NULL,
       day TEXT NOT NULL,
       key TEXT NOT NULL,
       count INTEGER NOT NULL,
       PRIMARY KEY (name, day, key)
     );
     CREATE INDEX sessions_expires ON sessions(expires_at);`,
    postgres: `CREATE TABLE counters (
       name TEXT NOT NULL,
       day TEXT NOT NULL,
       key TEXT NOT NULL,
       count INTEGER NOT NULL,
       PRIMARY KEY (name, day, key)
     );
     CREATE INDEX sessions_expires ON sessions(expires_at);
     CREATE TABLE rate_limits (
       key VARCHAR(255) PRIMARY KEY,
       points INTEGER NOT NULL DEFAULT 0,
       expire BIGINT
     );`,
  },
  // The facts a centre confirms about itself, laid over content/services field by field (the value as JSON).
  {
    sqlite: `CREATE TABLE service_facts (
       service_id TEXT NOT NULL,
       field TEXT NOT NULL,
       value TEXT NOT NULL,
       confirmed_on TEXT NOT NULL,
       confirmed_by TEXT NOT NULL CHECK (confirmed_by IN ('centre', 'bureau')),
       user_id INTEGER REFERENCES users(id),
       updated_at TEXT NOT NULL,
       PRIMARY KEY (service_id, field)
     );`,
    postgres: `CREATE TABLE service_facts (
       service_id TEXT NOT NULL,
       field TEXT NOT NULL,
       value TEXT NOT NULL,
       confirmed_on TEXT NOT NULL,
       confirmed_by TEXT NOT NULL CHECK (confirmed_by IN ('centre', 'bureau')),
       user_id INTEGER REFERENCES users(id),
       updated_at TEXT NOT NULL,
       PRIMARY KEY (service_id, field)
     );`,
  },
  // Consultations on draft conventions (征求意见): the draft, its window, the comments with their
  // moderation and response; a committee account's convention.
  {
    sqlite: `CREATE TABLE consultations (
       id TEXT PRIMARY KEY,
       convention TEXT NOT NULL,
       title TEXT NOT NULL,
       summary TEXT NOT NULL,
       opens TEXT NOT NULL,
       closes TEXT NOT NULL,
       articles TEXT NOT NULL,
       premoderated INTEGER NOT NULL DEFAULT 1,
       adoption TEXT,
       created_by INTEGER REFERENCES users(id),
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );
     CREATE INDEX consultations_convention ON consultations(convention);
     CREATE TABLE consultation_comments (
       id TEXT PRIMARY KEY,
       consultation_id TEXT NOT NULL REFERENCES consultations(id),
       article INTEGER NOT NULL,
       stance TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'suggest')),
       text TEXT NOT NULL,
       name TEXT,
       village TEXT,
       source TEXT NOT NULL CHECK (source IN ('online', 'meeting', 'visit')),
       gathered_on TEXT,
       status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
       reason TEXT,
       reports INTEGER NOT NULL DEFAULT 0,
       outcome TEXT CHECK (outcome IN ('adopted', 'partly', 'not_adopted')),
       outcome_reason TEXT,
       created_at TEXT NOT NULL,
       moderated_at TEXT,
       responded_at TEXT
     );
     CREATE INDEX consultation_comments_by ON consultation_comments(consultation_id, status, created_at);
     ALTER TABLE users ADD COLUMN convention TEXT;`,
    postgres: `CREATE TABLE consultations (
       id TEXT PRIMARY KEY,
       convention TEXT NOT NULL,
       title TEXT NOT NULL,
       summary TEXT NOT NULL,
       opens TEXT NOT NULL,
       closes TEXT NOT NULL,
       articles TEXT NOT NULL,
       premoderated INTEGER NOT NULL DEFAULT 1,
       adoption TEXT,
       created_by INTEGER REFERENCES users(id),
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );
     CREATE INDEX consultations_convention ON consultations(convention);
     CREATE TABLE consultation_comments (
       id TEXT PRIMARY KEY,
       consultation_id TEXT NOT NULL REFERENCES consultations(id),
       article INTEGER NOT NULL,
       stance TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'suggest')),
       text TEXT NOT NULL,
       name TEXT,
       village TEXT,
       source TEXT NOT NULL CHECK (source IN ('online', 'meeting', 'visit')),
       gathered_on TEXT,
       status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
       reason TEXT,
       reports INTEGER NOT NULL DEFAULT 0,
       outcome TEXT CHECK (outcome IN ('adopted', 'partly', 'not_adopted')),
       outcome_reason TEXT,
       created_at TEXT NOT NULL,
       moderated_at TEXT,
       responded_at TEXT
     );
     CREATE INDEX consultation_comments_by ON consultation_comments(consultation_id, status, created_at);
     ALTER TABLE users ADD COLUMN convention TEXT;`,
  },
  // Letters to the bureau (留言): the resident's contact details sealed (AES-256-GCM), each view of
  // them logged; the reply, and for a publishable letter its published, anonymised text.
  {
    sqlite: `CREATE TABLE letters (
       reference TEXT PRIMARY KEY,
       code_hash TEXT NOT NULL,
       kind TEXT NOT NULL CHECK (kind IN ('question', 'suggestion', 'complaint', 'help')),
       about TEXT,
       town TEXT,
       village TEXT,
       text TEXT NOT NULL,
       contact TEXT,
       publish INTEGER NOT NULL DEFAULT 0,
       urgent INTEGER NOT NULL DEFAULT 0,
       help TEXT,
       status TEXT NOT NULL CHECK (status IN ('received', 'answered')),
       received_at TEXT NOT NULL,
       reply TEXT,
       replied_at TEXT,
       public_text TEXT,
       public_reply TEXT,
       published_at TEXT,
       contact_deleted_at TEXT
     );
     CREATE INDEX letters_queue ON letters(town, status, urgent, received_at);
     CREATE TABLE contact_views (
       id INTEGER PRIMARY KEY,
       letter TEXT NOT NULL REFERENCES letters(reference),
       user_id INTEGER REFERENCES users(id),
       at TEXT NOT NULL
     );`,
    postgres: `CREATE TABLE letters (
       reference TEXT PRIMARY KEY,
       code_hash TEXT NOT NULL,
       kind TEXT NOT NULL CHECK (kind IN ('question', 'suggestion', 'complaint', 'help')),
       about TEXT,
       town TEXT,
       village TEXT,
       text TEXT NOT NULL,
       contact TEXT,
       publish INTEGER NOT NULL DEFAULT 0,
       urgent INTEGER NOT NULL DEFAULT 0,
       help TEXT,
       status TEXT NOT NULL CHECK (status IN ('received', 'answered')),
       received_at TEXT NOT NULL,
       reply TEXT,
       replied_at TEXT,
       public_text TEXT,
       public_reply TEXT,
       published_at TEXT,
       contact_deleted_at TEXT
     );
     CREATE INDEX letters_queue ON letters(town, status, urgent, received_at);
     CREATE TABLE contact_views (
       id BIGSERIAL PRIMARY KEY,
       letter TEXT NOT NULL REFERENCES letters(reference),
       user_id INTEGER REFERENCES users(id),
       at TEXT NOT NULL
     );`,
  },
];
