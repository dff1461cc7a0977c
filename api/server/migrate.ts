// `npm run migrate`: brings the configured store (SQLite under DATA_DIR, or DATABASE_URL) to the
// current schema and says what it did. The portal does the same at start; this is for deployments
// that migrate once before starting several processes.
import { loadConfig, migrate, openDb } from '../core/index.ts';
import { MIGRATIONS } from '../core/migrations.ts';

try {
  const db = await openDb(loadConfig(), { migrated: false });
  const again = await migrate(db);
  const { n } = (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))!;
  console.log(`Store ${db.engine} ${db.where}: at version ${Number(n)} of ${MIGRATIONS.length}${again ? ` (${again} applied now)` : ''}.`);
  await db.close();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
