// `npm run bench` (consultations): how fast a resident's comment is taken (validated, numbers
// removed, stored before the 202) and how long the public report, the CSV and the page's data take
// with 10,000 published comments, on SQLite and on PostgreSQL (as bench/events.ts sets them up).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Accounts, Audit } from '../api/accounts/index.ts';
import { consultationPage, ConsultationService, commentInput } from '../api/consultations/index.ts';
import { DistrictClock } from '../api/core/index.ts';
import { loadContent } from '../content/loader.ts';
import { EmbeddedSearch } from '../search/index.ts';
import { percentile } from './stats.ts';
import { benchStores } from './stores.ts';

const fmt = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(2)).join(' / ');
};
const time = async <T>(f: () => Promise<T>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

const stores = await benchStores('portal_bench_c');
const store = (engine: 'sqlite' | 'postgres', dir: string) => stores.open(engine, dir);

const COMMENTS = 10_000;
console.log(`\n| engine | comment p50 / p95 / p99 ms (${COMMENTS.toLocaleString('en')}) | comments/s | report ms | CSV ms | CSV KB | page data ms |`);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const engine of ['sqlite', 'postgres'] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-consult-'));
  const db = await store(engine, dir);
  const content = loadContent();
  const clock = new DistrictClock(content.district.timeZone);
  const service = new ConsultationService(db, new Audit(db), content, clock, new EmbeddedSearch(content.synonyms, content.district.soundFolds), { perClient: 1e9, perConsultation: 1e9 });
  const { user } = await new Accounts(db).add('committee', null, 'editor', 'changping-village');
  const articles = content.conventions.get('changping-village')!.versions.at(-1)!.articles;
  const c = await service.create(user, {
    convention: 'changping-village',
    title: { zh: '修订征求意见' },
    summary: { zh: '说明' },
    opens: clock.day(),
    closes: clock.day(new Date(Date.now() + 5 * 86_400_000)),
    articles: articles.map((a) => ({ number: a.number, section: a.part, text: { zh: a.number === 5 ? `${a.text.zh}酒席不超过八桌。` : a.text.zh } })),
    premoderated: true,
  });
  const writes: number[] = [];
  const began = performance.now();
  for (let i = 0; i < COMMENTS; i++) {
    const body = { article: 1 + (i % articles.length), stance: (['support', 'oppose', 'suggest'] as const)[i % 3], text: `第${i}条意见：酒席八桌还是多了，建议六桌，电话13812345678。`, village: `${1 + (i % 9)}组` };
    writes.push(await time(() => service.comment(c.id, commentInput.parse(body))));
  }
  const perSecond = COMMENTS / ((performance.now() - began) / 1000);
  await db.run("UPDATE consultation_comments SET status = 'approved', outcome = 'partly', outcome_reason = '部分采纳' WHERE consultation_id = ?", [c.id]);
  const report = await time(() => service.summary(c.id));
  let csv = '';
  const csvMs = await time(async () => {
    csv = stringify((await service.published(c.id)).map((p) => [p.id, p.article, p.stance, p.text, p.village ?? '', p.source, p.response?.outcome ?? '']), { header: true, columns: ['id', 'article', 'stance', 'text', 'village', 'source', 'outcome'] });
  });
  const page = await time(() => consultationPage(service, content, c.id, 'zh'));
  console.log(`| ${engine} | ${fmt(writes)} | ${perSecond.toFixed(0)} | ${report.toFixed(0)} | ${csvMs.toFixed(0)} | ${(Buffer.byteLength(csv) / 1024).toFixed(0)} | ${page.toFixed(0)} |`);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
await stores.stop();
