// `npm run counts -- [YYYY-MM-DD]`: the day's counts from the store (the district's today by
// default): searches that found nothing, by their words (ID-card and phone numbers already
// removed), and thumbs up / down on the bot's answers. The words are what to add to the synonyms.
import { loadContent } from '../../content/loader.ts';
import { DailyCounter, DistrictClock, loadConfig, openDb } from '../core/index.ts';

const config = loadConfig();
const day = process.argv[2] ?? new DistrictClock(loadContent(config.CONTENT_DIR).district.timeZone).day();
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error('usage: npm run counts -- [YYYY-MM-DD]');
  process.exit(1);
}
const db = await openDb(config);
for (const [name, title] of [['zero-results', 'Searches that found nothing'], ['ask-feedback', 'Answers found helpful (up) or not (down)']] as const) {
  const counts = Object.entries(await new DailyCounter(db, name).read(day)).sort((a, b) => b[1] - a[1]);
  console.log(`${title}, ${day}:${counts.length === 0 ? ' none' : ''}`);
  for (const [key, n] of counts) console.log(`  ${n}\t${key}`);
}
await db.close();
