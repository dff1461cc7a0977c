import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preferredLang } from '../../api/server/portal.ts';
import { StaticFiles } from '../../api/server/static-files.ts';

describe('language from Accept-Language', () => {
  it('picks the first language we have, by weight, Chinese by default', () => {
    expect(preferredLang(undefined)).toBe('zh');
    expect(preferredLang('en-US,en;q=0.9')).toBe('en');
    expect(preferredLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(preferredLang('fr-FR, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(preferredLang('en;q=0.2, zh-TW;q=0.8')).toBe('zh');
    expect(preferredLang('de, fr')).toBe('zh');
    expect(preferredLang('en;q=0')).toBe('zh');
  });
});

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
