// `npm run bench` (part): how long the extractive bot takes to answer, in this process, over every
// question of every evaluation set (short questions, long letters, attacks, personal cases).
// Target (issue 13): p95 at most 50 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Bot } from '../api/ask/bot.ts';
import { DistrictClock, loadConfig } from '../api/core/index.ts';
import { ROOT } from '../api/server/paths.ts';
import { loadContent } from '../content/loader.ts';
import { learnDomainWords } from '../search/index.ts';
import { percentile } from './stats.ts';

const content = loadContent();
learnDomainWords(content);
const started = performance.now();
const bot = await Bot.create(content, loadConfig({}), new DistrictClock(content.district.timeZone).day());
const buildMs = performance.now() - started;

const sets = ['../shared/eval/ask.yaml', 'tests/eval/more/ask.yaml', 'tests/eval/third/ask.yaml', 'tests/eval/real/ask.yaml', 'tests/eval/real/attacks-held-out.yaml'];
const questions = sets.flatMap((file) => (parse(readFileSync(join(ROOT, file), 'utf8')) as { question: string }[]).map((c) => c.question));
for (const q of questions) await bot.answer(q); // warm up
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of questions) {
    const t0 = performance.now();
    await bot.answer(q);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const long = questions.filter((q) => q.length > 120).length;
console.log(`\nQ&A bot (extractive, in process): ${questions.length} questions (${long} letters over 120 characters) × 5`);
console.log(`  bot built in ${buildMs.toFixed(0)} ms · p50 ${percentile(times, 50).toFixed(2)} ms · p95 ${percentile(times, 95).toFixed(2)} ms · max ${times.at(-1)!.toFixed(2)} ms`);
