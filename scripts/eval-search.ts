// `npm run eval:search [-- <file>]`: hit@3 of the embedded search over the shared evaluation set
// (or another file in its format), printing each miss with the top 3 it got instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../api/config.ts';
import { loadContent } from '../content/loader.ts';
import { createSearch, type SearchEngine } from '../search/index.ts';
import { contentDir, ROOT } from './paths.ts';

export interface SearchCase {
  q: string;
  lang: 'zh' | 'en';
  top3: string;
}

/** The cases whose expected page is not among the top 3, each as "query → what came instead". */
export async function searchMisses(engine: SearchEngine, cases: SearchCase[]): Promise<string[]> {
  const misses: string[] = [];
  for (const c of cases) {
    const { hits } = await engine.search(c.q, { lang: c.lang, limit: 3 });
    if (!hits.some((h) => h.url.includes(c.top3))) misses.push(`${c.q} (want ${c.top3}) → ${hits.map((h) => h.url).join(', ') || 'nothing'}`);
  }
  return misses;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = process.argv[2] ?? join(ROOT, '..', 'shared', 'eval', 'search.yaml');
  const cases = parse(readFileSync(file, 'utf8')) as SearchCase[];
  const engine = await createSearch(loadConfig(), loadContent(contentDir()));
  const misses = await searchMisses(engine, cases);
  for (const miss of misses) console.log(`✗ ${miss}`);
  console.log(`\nsearch (${engine.name}): hit@3 ${cases.length - misses.length}/${cases.length}`);
}
