// `npm run eval:search [-- <file>]`: hit@3 of the embedded search over the shared evaluation set
// (or another file in its format), printing each miss with the top 3 it got instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { loadContent, type Content } from '../../content/loader.ts';
import type { SearchEngine } from '../../search/index.ts';
import { DistrictClock, loadConfig } from '../core/index.ts';
import { buildSearch } from './build.ts';
import { find } from './find.ts';

export interface SearchCase {
  q: string;
  lang: 'zh' | 'en';
  top3: string;
}

/** The cases whose expected page is not among the top 3, each as "query → what came instead". */
export async function searchMisses(engine: SearchEngine, content: Content, cases: SearchCase[]): Promise<string[]> {
  const misses: string[] = [];
  for (const c of cases) {
    // As residents get it from the API and the search page.
    const { hits } = await find(engine, content, c.q, { lang: c.lang, limit: 3 });
    if (!hits.some((h) => h.url.includes(c.top3))) misses.push(`${c.q} (want ${c.top3}) → ${hits.map((h) => h.url).join(', ') || 'nothing'}`);
  }
  return misses;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? new URL('../../../shared/eval/search.yaml', import.meta.url).pathname;
  const cases = parse(readFileSync(file, 'utf8')) as SearchCase[];
  const config = loadConfig();
  const content = loadContent(config.CONTENT_DIR);
  const engine = await buildSearch(config, content, new DistrictClock(content.district.timeZone).day());
  const misses = await searchMisses(engine, content, cases);
  for (const miss of misses) console.log(`✗ ${miss}`);
  const now = `${cases.length - misses.length}/${cases.length}`;
  // Figures of the same set before this work, when recorded beside it (before.json).
  const beforeFile = file.replace(/[^/]+$/, 'before.json');
  const before = existsSync(beforeFile) ? (JSON.parse(readFileSync(beforeFile, 'utf8')).search?.['hit@3'] as string | undefined) : undefined;
  console.log(`\nsearch (${engine.name}): hit@3 ${now}${before ? ` (before: ${before})` : ''}`);
  if (process.env.EVAL_JSON) writeFileSync(process.env.EVAL_JSON, JSON.stringify({ 'hit@3': now }, null, 2));
}
