import { describe, expect, it } from 'vitest';
import { searchMisses, type SearchCase } from '../../api/search/eval.ts';
import { testApp } from '../helpers/app.ts';
import { evalSet } from '../helpers/shared.ts';

const cases = evalSet<SearchCase>('search.yaml');
const { search: engine, content } = await testApp();

describe('search relevance on the public evaluation set', () => {
  it('finds the expected page in the top 3 for at least 14 of the 15 queries', async () => {
    const misses = await searchMisses(engine, content, cases);
    console.log(`search eval: hit@3 ${cases.length - misses.length}/${cases.length}`);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(cases.length / 15));
  });
});
