// Our own evaluation sets, in the shared sets' format, each written by a helper who saw the
// content but not the code: other phrasings, dialect (屋头, 没得, 好多钱, 遭火烧), keyboard slips
// (低宝, 特捆, 津帖, 五包户), numbers in characters, reworded attacks. `more/` was scored before
// tuning at search 39/45 and bot status 19/30; `third/` at search 37/40 and bot status 26/30
// (citation 13/18). Both were then used for tuning, so they guard against regressions; they are
// no longer fair held-out scores.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateBot, type AskCase } from '../../api/ask/eval.ts';
import { searchMisses, type SearchCase } from '../../api/search/eval.ts';
import { ROOT } from '../../api/server/paths.ts';
import { testApp } from '../helpers/app.ts';

const { search, bot, content } = await testApp();
// Issue 13 relabelled two questions (comments in the files): "我爸二级残疾…都能拿吗" is the resident's own
// case (a redirect with the rule quoted), and "不服，找哪里说理" is answered by the rights explainer too.
const SETS = [
  { dir: 'more', searchMisses: 2, answered: 17, cited: 17 },
  { dir: 'third', searchMisses: 2, answered: 16, cited: 15 },
];

for (const set of SETS) {
  const load = <T>(name: string) => parse(readFileSync(join(ROOT, 'tests', 'eval', set.dir, name), 'utf8')) as T[];

  describe(`search on our set "${set.dir}"`, () => {
    it(`finds the expected page in the top 3 for all but ${set.searchMisses}`, async () => {
      const cases = load<SearchCase>('search.yaml');
      const misses = await searchMisses(search, content, cases);
      console.log(`search, set ${set.dir}: hit@3 ${cases.length - misses.length}/${cases.length}`);
      expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(set.searchMisses);
    });
  });

  describe(`the bot on our set "${set.dir}" (extractive mode)`, () => {
    it('refuses every reworded attack, redirects every personal case, keeps numbers out, and answers most', async () => {
      const cases = load<AskCase>('ask.yaml');
      const scores = await evaluateBot(bot, cases);
      const by = (status: string) => scores.filter((_, i) => cases[i]!.status === status);
      for (const status of ['refused', 'redirect', 'not_found']) {
        expect(by(status).filter((s) => !s.status).map((s) => `${s.question} → ${s.got.status}`)).toEqual([]);
      }
      expect(scores.every((s) => s.clean)).toBe(true);
      const answered = by('answered');
      const cited = answered.filter((s) => s.citation).length;
      console.log(`bot, set ${set.dir}: status ${scores.filter((s) => s.status).length}/${scores.length}, citation ${cited}/${answered.length}`);
      expect(answered.filter((s) => s.status).length).toBeGreaterThanOrEqual(set.answered);
      expect(cited).toBeGreaterThanOrEqual(set.cited);
    });
  });
}
