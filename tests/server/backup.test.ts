// `npm run backup` on both engines: SQLite's online copy opens as a store with the same data;
// PostgreSQL goes through pg_dump, which must be of the server's major version or newer.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/index.ts';
import { ROOT } from '../../api/server/paths.ts';
import { freshDatabase } from '../helpers/postgres.ts';

const backup = (env: Record<string, string>, file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'api/server/backup.ts', file], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm run backup', () => {
  it('copies the SQLite store while it is open, into a file that opens as the store', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'backup-'));
    const live = await openDb({ DATA_DIR });
    await new Accounts(live).add('kept', 'kazi-day-care-centre', 'editor');
    const file = join(DATA_DIR, 'copy.sqlite');
    const run = backup({ DATA_DIR, DATABASE_URL: '' }, file);
    await live.close();
    expect(run.status, run.stderr).toBe(0);
    const copy = await openDb({ DATA_DIR }, { file: 'copy.sqlite' });
    expect((await new Accounts(copy).list()).map((u) => u.username)).toEqual(['kept']);
    await copy.close();
  });

  it('dumps PostgreSQL with pg_dump, or says what pg_dump it needs', async () => {
    const DATABASE_URL = await freshDatabase();
    const db = await openDb({ DATA_DIR: '/nonexistent', DATABASE_URL });
    await new Accounts(db).add('kept', 'kazi-day-care-centre', 'editor');
    const serverMajor = Math.floor(Number((await db.one<{ server_version_num: string }>('SHOW server_version_num'))!.server_version_num) / 10000);
    await db.close();
    const file = join(mkdtempSync(join(tmpdir(), 'backup-pg-')), 'portal.dump');
    const run = backup({ DATABASE_URL }, file);
    const dumpMajor = (() => {
      try {
        return Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))![1]);
      } catch {
        return 0;
      }
    })();
    if (dumpMajor >= serverMajor) {
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
    } else {
      // Not installed, or older than the server: a clear message, not a half-written file.
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(dumpMajor === 0 ? /pg_dump is not installed/ : /major version must be the server’s or newer/);
    }
  });
});
