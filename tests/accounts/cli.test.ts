import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../api/server/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'users-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const { DATA_DIR: _unset, ...withoutDataDir } = process.env;
const users = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'api', 'accounts', 'cli.ts'), ...args], { cwd: work, encoding: 'utf8', env: { ...withoutDataDir, ...env } });

describe('npm run users', () => {
  it('reads the same settings as npm start (the environment, then .env) and says which store it wrote to', () => {
    writeFileSync(join(work, '.env'), `DATA_DIR=${join(work, 'from-env-file')}\n`);
    const added = users(['add', 'cli-editor', '--center', 'kazi-day-care-centre']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Store: sqlite ${join(work, 'from-env-file', 'portal.sqlite')}`);
    expect(JSON.parse(added.stdout.trim().split('\n').at(-1)!)).toMatchObject({ username: 'cli-editor', password: expect.stringMatching(/^\w{16}$/) });
    // A variable set for the command wins over the file.
    const listed = users(['list'], { DATA_DIR: join(work, 'other') });
    expect(listed.stdout).toContain(`Store: sqlite ${join(work, 'other', 'portal.sqlite')}`);
    expect(listed.stdout).not.toContain('cli-editor');
  });
});
