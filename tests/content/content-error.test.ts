import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'bad-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build with bad content', () => {
  it('fails, naming the file, the field and the reason, and any guide pointing at a missing parameter or centre', () => {
    const content = join(work, 'content');
    cpSync('content', content, { recursive: true });
    const file = join(content, 'services', 'bahuang-civil-affairs-office.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('reviewed: "2026-11-29"', 'reviewed: 29'));
    const guide = join(content, 'policies', 'tekun.yaml');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace(/parameters: \[/, 'parameters: [no-such-standard, ').replace(/whereToApply: \[/, 'whereToApply: [no-such-office, '));

    const result = spawnSync('npm', ['run', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content, PORTAL_OUT_DIR: join(work, 'dist') },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/services\/bahuang-civil-affairs-office\.yaml: field "reviewed": Expected string, received number/);
    expect(result.stderr).toMatch(/policies\/tekun\.yaml: field "parameters\.0": no parameter with id "no-such-standard"/);
    expect(result.stderr).toMatch(/policies\/tekun\.yaml: field "whereToApply\.0": no service with id "no-such-office"/);
  });
});
