// The runtime store's connection, on one of two engines behind one interface:
// - SQLite (default): one file under DATA_DIR, WAL mode, `synchronous = FULL` (a write is on disk
//   before it is acknowledged), foreign keys; one process holds it.
// - PostgreSQL (`DATABASE_URL=postgres://…`): a pool shared by any number of portal processes;
//   changes reach the other processes through LISTEN/NOTIFY.
// SQL is written once with `?` placeholders; the few differences between the engines (comparing
// moments, locking a row) are the helpers below. Numbered migrations, one list per engine, run at
// start-up inside a transaction (on PostgreSQL under an advisory lock, so processes starting
// together do not race).
import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { cannotWrite, refusedWrite } from './errors.ts';
import { MIGRATIONS } from './migrations.ts';

export { isUnavailable } from './unavailable.ts';

export type Engine = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;
export type Params = readonly unknown[];

/** A write the disk refused leaves the store as a 503 (`refusedWrite`); other errors as they are. */
const refused = (error: unknown): never => {
  throw refusedWrite(error);
};

/** Statements, run on the connection or inside a transaction. */
export interface Queries {
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  one<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params?: Params): Promise<number>;
  /** Runs a script of several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
  /**
   * Tells every process on this database (this one too) that `topic` changed, once the
   * transaction commits (at once outside one).
   */
  notify(topic: string, payload: string): Promise<void>;
}

export interface Db extends Queries {
  readonly engine: Engine;
  /** Where the data lives, for messages: the file, or the server and database (no password). */
  readonly where: string;
  /** Opened for reading only, its disk being read-only: every write is refused with a 503. */
  readonly readOnly: boolean;
  /** SQL for a column or parameter holding an ISO 8601 moment, comparable across offsets. */
  moment(expr: string): string;
  /** Appended to a SELECT inside a transaction to lock the rows read until it ends. */
  readonly forUpdate: string;
  transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T>;
  /**
   * Calls `fn` with each payload notified on `topic`, from any process. `resync` runs when
   * notifications may have been missed (the connection to PostgreSQL was lost and is back).
   */
  listen(topic: string, fn: (payload: string) => void, resync?: () => void): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /** The native client, for libraries with their own adapters (rate-limiter-flexible). */
  readonly native: Sqlite.Database | pg.Pool;
  close(): Promise<void>;
}

/** Opens the store the configuration names, migrated to the current version. */
export async function openDb(settings: { DATA_DIR: string; DATABASE_URL?: string }, { file = 'portal.sqlite', migrated = true } = {}): Promise<Db> {
  const db = settings.DATABASE_URL ? await PostgresDb.connect(settings.DATABASE_URL) : new SqliteDb(settings.DATA_DIR, file);
  try {
    if (migrated) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Applies the migrations not yet applied, in order; the number applied. */
export async function migrate(db: Db): Promise<number> {
  if (db.readOnly) {
    // Nothing can be applied: a store already current is served as it is.
    const { version } = (await db.one<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations')) ?? { version: null };
    if (Number(version) < MIGRATIONS.length) throw Object.assign(new Error(`${db.where} needs migrating, and its disk is read-only`), { code: 'SQLITE_READONLY' });
    return 0;
  }
  return db.transaction(async (q) => {
    if (db.engine === 'postgres') await q.run('SELECT pg_advisory_xact_lock(7245001)');
    await q.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((await q.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    let applied = 0;
    for (const [index, migration] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await q.exec(migration[db.engine]);
      await q.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, new Date().toISOString()]);
      applied += 1;
    }
    return applied;
  });
}

// ——— SQLite ———

class SqliteDb implements Db {
  readonly engine = 'sqlite' as const;
  readonly forUpdate = '';
  readonly where: string;
  readonly native: Sqlite.Database;
  private readonly listeners = new Map<string, ((payload: string) => void)[]>();
  /** Statements run one at a time: a transaction spans awaits, and nothing may run inside it but its own. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly readOnly: boolean;

  constructor(dataDir: string, file: string) {
    this.where = resolve(join(dataDir, file));
    let native: Sqlite.Database;
    try {
      mkdirSync(dataDir, { recursive: true });
      native = new Sqlite(this.where);
      native.pragma('journal_mode = WAL');
      native.pragma('synchronous = FULL');
      this.readOnly = false;
    } catch (error) {
      // A disk mounted read-only: an existing store opens for reading (it was left in rollback
      // mode at its last close, as WAL needs a writable `-shm`), and the portal serves what it has.
      if (!cannotWrite(error) && (error as { code?: string }).code !== 'EROFS') throw error;
      try {
        native = new Sqlite(this.where, { readonly: true, fileMustExist: true });
        native.prepare('SELECT 1 FROM schema_migrations LIMIT 1').get();
      } catch {
        throw error;
      }
      this.readOnly = true;
    }
    this.native = native;
    this.native.pragma('foreign_keys = ON');
    this.native.pragma('busy_timeout = 5000');
  }

  moment(expr: string) {
    return `julianday(${expr})`;
  }

  /** Each statement prepared once (the SQL here is a few hundred constants). */
  private readonly statements = new Map<string, Sqlite.Statement>();
  private statement(sql: string): Sqlite.Statement {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      // A bound, in case some SQL is ever built per call.
      if (this.statements.size >= 1000) this.statements.clear();
      this.statements.set(sql, (prepared = this.native.prepare(sql)));
    }
    return prepared;
  }

  private direct(pending?: [string, string][]): Queries {
    const db = this.native;
    return {
      all: async <T>(sql: string, params: Params = []) => this.statement(sql).all(...params) as T[],
      one: async <T>(sql: string, params: Params = []) => this.statement(sql).get(...params) as T | undefined,
      run: async (sql: string, params: Params = []) => this.statement(sql).run(...params).changes,
      exec: async (sql: string) => void db.exec(sql),
      notify: async (topic: string, payload: string) => {
        if (pending) pending.push([topic, payload]);
        else this.deliver(topic, payload);
      },
    };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn, fn).catch(refused);
    this.queue = result.catch(() => undefined);
    return result;
  }

  all<T = Row>(sql: string, params?: Params) {
    return this.exclusive(() => this.direct().all<T>(sql, params));
  }
  one<T = Row>(sql: string, params?: Params) {
    return this.exclusive(() => this.direct().one<T>(sql, params));
  }
  run(sql: string, params?: Params) {
    return this.exclusive(() => this.direct().run(sql, params));
  }
  exec(sql: string) {
    return this.exclusive(() => this.direct().exec(sql));
  }
  notify(topic: string, payload: string) {
    return this.direct().notify(topic, payload);
  }

  transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const pending: [string, string][] = [];
      this.native.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct(pending));
        this.native.exec('COMMIT');
        for (const [topic, payload] of pending) this.deliver(topic, payload);
        return result;
      } catch (error) {
        if (this.native.inTransaction) this.native.exec('ROLLBACK');
        throw error;
      }
    });
  }

  private deliver(topic: string, payload: string) {
    for (const fn of this.listeners.get(topic) ?? []) fn(payload);
  }

  async listen(topic: string, fn: (payload: string) => void) {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), fn]);
  }

  async ping() {
    this.native.prepare('SELECT 1').get();
  }

  async close() {
    await this.queue;
    // Left in rollback mode, the file can be opened again on a disk made read-only meanwhile
    // (WAL is set again at the next start). Another connection still open keeps WAL: no matter.
    if (!this.readOnly) {
      try {
        this.native.pragma('journal_mode = DELETE');
      } catch {
        // Busy or refused: the file stays in WAL mode.
      }
    }
    this.native.close();
  }
}

// ——— PostgreSQL ———

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the SQL here never has a `?` in a string). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** 64-bit integers (COUNT, SUM) as numbers: the counts here stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

const channel = (topic: string) => `portal_${topic.replace(/[^a-z0-9_]/gi, '_')}`;

class PostgresDb implements Db {
  readonly engine = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';
  readonly readOnly = false;
  readonly native: pg.Pool;
  private listener?: pg.Client;
  private readonly listeners = new Map<string, { fns: ((payload: string) => void)[]; resyncs: (() => void)[] }>();
  private closed = false;

  private constructor(private readonly url: string, readonly where: string) {
    this.native = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, types });
    // An idle client losing its server (a restart, a failover) must not end the process.
    this.native.on('error', () => {});
  }

  /** Connects and checks the server answers; a wrong URL or a server that is down is a clear error. */
  static async connect(url: string): Promise<PostgresDb> {
    const parsed = new URL(url);
    const where = `postgres://${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host}${parsed.pathname}`;
    const db = new PostgresDb(url, where);
    try {
      await db.ping();
    } catch (error) {
      await db.native.end().catch(() => {});
      throw new Error(`DATABASE_URL: cannot reach PostgreSQL at ${where}: ${(error as Error).message}`);
    }
    return db;
  }

  moment(expr: string) {
    return `(${expr})::timestamptz`;
  }

  private on(client: pg.Pool | pg.PoolClient): Queries {
    return {
      all: async <T>(sql: string, params: Params = []) => (await client.query(numbered(sql), params as unknown[])).rows as T[],
      one: async <T>(sql: string, params: Params = []) => (await client.query(numbered(sql), params as unknown[])).rows[0] as T | undefined,
      run: async (sql: string, params: Params = []) => (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0,
      exec: async (sql: string) => void (await client.query(sql)),
      // Inside a transaction NOTIFY is delivered when it commits, and not at all if it rolls back.
      notify: async (topic: string, payload: string) => void (await client.query('SELECT pg_notify($1, $2)', [channel(topic), payload])),
    };
  }

  all<T = Row>(sql: string, params?: Params) {
    return this.on(this.native).all<T>(sql, params).catch(refused);
  }
  one<T = Row>(sql: string, params?: Params) {
    return this.on(this.native).one<T>(sql, params).catch(refused);
  }
  run(sql: string, params?: Params) {
    return this.on(this.native).run(sql, params).catch(refused);
  }
  exec(sql: string) {
    return this.on(this.native).exec(sql).catch(refused);
  }
  notify(topic: string, payload: string) {
    return this.on(this.native).notify(topic, payload).catch(refused);
  }

  async transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    const client = await this.native.connect().catch(refused);
    try {
      await client.query('BEGIN');
      const result = await fn(this.on(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw refusedWrite(error);
    } finally {
      client.release();
    }
  }

  async listen(topic: string, fn: (payload: string) => void, resync?: () => void) {
    const entry = this.listeners.get(channel(topic)) ?? { fns: [], resyncs: [] };
    entry.fns.push(fn);
    if (resync) entry.resyncs.push(resync);
    const fresh = !this.listeners.has(channel(topic));
    this.listeners.set(channel(topic), entry);
    if (!this.listener) await this.connectListener(false);
    else if (fresh) await this.listener.query(`LISTEN ${channel(topic)}`);
  }

  /** One connection holds the LISTENs; when it is lost it is made again, and every listener resyncs. */
  private async connectListener(again: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types });
    client.on('notification', (n) => {
      for (const fn of this.listeners.get(n.channel)?.fns ?? []) fn(n.payload ?? '');
    });
    const lost = () => {
      if (this.listener !== client || this.closed) return;
      this.listener = undefined;
      client.end().catch(() => {});
      setTimeout(() => void this.connectListener(true).catch(lost), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    this.listener = client;
    try {
      await client.connect();
      for (const name of this.listeners.keys()) await client.query(`LISTEN ${name}`);
    } catch (error) {
      if (!again) throw error;
      lost();
      return;
    }
    if (again) for (const { resyncs } of this.listeners.values()) for (const resync of resyncs) resync();
  }

  async ping() {
    await this.native.query('SELECT 1');
  }

  async close() {
    this.closed = true;
    await this.listener?.end().catch(() => {});
    await this.native.end().catch(() => {});
  }
}
