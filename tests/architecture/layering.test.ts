import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../api/server/paths.ts';
import { checkImports, specifiers } from './imports.ts';

describe('the layers (site → api → search → content)', () => {
  it('has no import that points up, goes round a feature’s index.ts, or closes a cycle', () => {
    const report = checkImports(ROOT);
    expect(report.files).toBeGreaterThan(100);
    expect(report.imports).toBeGreaterThan(300);
    expect(report.problems).toEqual([]);
    expect(report.cycles).toEqual([]);
  });
});

describe('the import checker', () => {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('content/loader.ts', "import { x } from '../search/index.ts';\n");
  file('search/index.ts', "export const x = 1;\n");
  file('api/core/index.ts', "import { y } from '../events/index.ts';\n");
  file('api/events/index.ts', "export { y } from './store.ts';\nimport type { Z } from '../accounts/store.ts';\n");
  file('api/events/store.ts', "export const y = 2;\nimport { a } from '../app.ts';\n");
  file('api/accounts/store.ts', "export type Z = 1;\n");
  file('api/app.ts', "import { y } from './events/index.ts';\nexport const a = 3;\n");
  file('site/pages/x.astro', "---\nimport { y } from '../../api/events/store.ts';\n---\n<p/>\n<script src=\"../scripts/a.ts\"></script>\n");
  file('site/scripts/a.ts', "export {};\n");

  it('names each upward or sideways import, and each cycle', () => {
    const report = checkImports(root);
    expect([...report.problems].sort()).toEqual([
      'api/core/index.ts: ../events/index.ts — api/core imports a feature (events)',
      'api/events/index.ts: ../accounts/store.ts — goes round accounts/index.ts',
      'api/events/store.ts: ../app.ts — points up (api/events → api/app)',
      'content/loader.ts: ../search/index.ts — points up (content → search)',
      'site/pages/x.astro: ../../api/events/store.ts — goes round events/index.ts',
    ]);
    expect(report.cycles).toEqual([['api/app.ts', 'api/events/index.ts', 'api/events/store.ts']]);
  });

  it('reads every form of import', () => {
    const code = "import a from './a.ts';\nimport type { B } from './b.ts';\nexport { c } from './c.ts';\nimport './d.ts';\nconst e = await import('./e.ts');\ntype F = import('./f.ts').F;\n";
    expect(specifiers(code, 'x.ts').sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts']);
  });
});
