import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { loadContent } from '../../content/loader.ts';
import { searchMisses, type SearchCase } from '../../scripts/eval-search.ts';
import { createSearch } from '../../search/index.ts';
import { evalSet } from '../helpers/shared.ts';

const cases = evalSet<SearchCase>('search.yaml');
const engine = await createSearch(loadConfig({}), loadContent());

describe('search relevance on the public evaluation set', () => {
  it('finds the expected page in the top 3 for at least 14 of the 15 queries', async () => {
    const misses = await searchMisses(engine, cases);
    console.log(`search eval: hit@3 ${cases.length - misses.length}/${cases.length}`);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(cases.length / 15));
  });
});
