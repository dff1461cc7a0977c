// `npm run backup -- <file>`: a consistent copy of the live store, safe while the portal runs.
// SQLite: the online backup API, into one file that opens as the store. PostgreSQL: `pg_dump`
// (custom format, restored with `pg_restore`), the tool made for it; when it is not installed
// the command says what to install and what to run.
import { spawnSync } from 'node:child_process';
import type Sqlite from 'better-sqlite3';
import { loadConfig, openDb } from '../core/index.ts';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(1);
}
const config = loadConfig();
if (config.DATABASE_URL) {
  const dump = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${config.DATABASE_URL}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (dump.error) {
    console.error(
      'pg_dump is not installed here. Install the PostgreSQL client of the server’s version (Debian: apt-get install postgresql-client),\n' +
        `then run: pg_dump --format=custom --file=${target} "$DATABASE_URL"  (restore with pg_restore --clean --dbname="$DATABASE_URL" ${target})`,
    );
    process.exit(1);
  }
  if (dump.status !== 0) {
    console.error('pg_dump failed (above). Its major version must be the server’s or newer: Debian’s postgresql-client-NN, or run it on the database server.');
    process.exit(dump.status ?? 1);
  }
  console.log(`Backed up PostgreSQL to ${target} (pg_dump custom format; restore with pg_restore)`);
} else {
  const db = await openDb(config);
  await (db.native as Sqlite.Database).backup(target);
  await db.close();
  console.log(`Backed up ${db.where} to ${target}`);
}
