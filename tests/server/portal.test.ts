import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StaticFiles } from '../../api/server/static-files.ts';

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(root, 'zh', 'policies'), { recursive: true });
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, 'zh', 'index.html'), '<html></html>');
  writeFileSync(join(root, '_astro', 'a.1234.css'), 'body{}');
  const files = new StaticFiles(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves directory pages and redirects the address without its slash', () => {
    expect(files.lookup('/zh/')).toMatchObject({ kind: 'file', file: { type: 'text/html; charset=utf-8' } });
    expect(files.lookup('/zh')).toEqual({ kind: 'redirect', location: '/zh/' });
    expect(files.lookup('/_astro/a.1234.css')).toMatchObject({ kind: 'file', file: { immutable: true } });
  });

  it('never resolves a path outside the build', () => {
    expect(files.lookup('/../package.json').kind).toBe('none');
    expect(files.lookup('/zh/%2e%2e/%2e%2e/etc/passwd').kind).toBe('none');
    expect(files.lookup('/%E0%A4%A').kind).toBe('none');
    expect(files.lookup('/zh/policies/').kind).toBe('none');
  });
});
