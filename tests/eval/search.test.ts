import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { loadContent } from '../../content/loader.ts';
import { createSearch } from '../../search/index.ts';
import { evalSet } from '../helpers/shared.ts';

interface Case {
  q: string;
  lang: 'zh' | 'en';
  top3: string;
}

const cases = evalSet<Case>('search.yaml');
const engine = await createSearch(loadConfig({}), loadContent());

describe('search relevance on the public evaluation set', () => {
  it('finds the expected page in the top 3 for at least 14 of the 15 queries', async () => {
    const misses: string[] = [];
    for (const c of cases) {
      const { hits } = await engine.search(c.q, { lang: c.lang, limit: 3 });
      if (!hits.some((h) => h.url.includes(c.top3))) misses.push(`${c.q} → ${hits.map((h) => h.url).join(', ')}`);
    }
    console.log(`search eval: hit@3 ${cases.length - misses.length}/${cases.length}`);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(cases.length / 15));
  });
});
