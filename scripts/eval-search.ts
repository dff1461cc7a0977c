// `npm run eval:search [-- <file>]`: hit@3 of the embedded search over the shared evaluation set
// (or another file in its format), printing each miss with the top 3 it got instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../api/config.ts';
import { loadContent } from '../content/loader.ts';
import { createSearch } from '../search/index.ts';
import { contentDir, ROOT } from './paths.ts';

interface Case {
  q: string;
  lang: 'zh' | 'en';
  top3: string;
}

const file = process.argv[2] ?? join(ROOT, '..', 'shared', 'eval', 'search.yaml');
const cases = parse(readFileSync(file, 'utf8')) as Case[];
const engine = await createSearch(loadConfig(), loadContent(contentDir()));
let hits = 0;
for (const c of cases) {
  const { hits: top } = await engine.search(c.q, { lang: c.lang, limit: 3 });
  if (top.some((h) => h.url.includes(c.top3))) hits++;
  else console.log(`✗ ${c.q} (want ${c.top3}) → ${top.map((h) => h.url).join(', ') || 'nothing'}`);
}
console.log(`\nsearch (${engine.name}): hit@3 ${hits}/${cases.length}`);
