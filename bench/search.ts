// `npm run bench`: the search engines measured on the same synthetic corpus and queries.
// For each engine and size: index build time, heap growth, query latency (p50/p95/p99) in
// process and through GET /api/search over HTTP, and hit@3 on the public evaluation set.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DailyCounter, DistrictClock, openDb } from '../api/core/index.ts';
import { searchMisses, type SearchCase } from '../api/search/eval.ts';
import { contentDocuments, searchRoutes } from '../api/search/index.ts';
import { ROOT } from '../api/server/paths.ts';
import { loadContent } from '../content/loader.ts';
import { EmbeddedSearch, learnDomainWords, type SearchEngine } from '../search/index.ts';
import { BENCH_QUERIES, syntheticCorpus } from './corpus.ts';
import { MiniSearchEngine } from './minisearch-engine.ts';
import { percentile } from './stats.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const content = loadContent();
learnDomainWords(content);
const clock = new DistrictClock(content.district.timeZone);
const real = contentDocuments(content, clock.day());
const zeroResults = new DailyCounter(await openDb({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-search-')) }), 'zero-results');
const evalCases = parse(readFileSync(join(ROOT, '..', 'shared', 'eval', 'search.yaml'), 'utf8')) as SearchCase[];

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const ms = (n: number) => n.toFixed(2);

async function latencies(run: (q: string) => Promise<unknown>): Promise<number[]> {
  for (const q of BENCH_QUERIES) await run(q); // warm up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of BENCH_QUERIES) {
      const start = performance.now();
      await run(q);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

async function measure(label: string, make: () => SearchEngine, size: number) {
  const docs = syntheticCorpus(real, size);
  const before = heapMb();
  const buildStart = performance.now();
  const engine = make();
  await engine.index(docs);
  const buildMs = performance.now() - buildStart;
  const memory = heapMb() - before;

  const lang = (q: string) => (/\p{Script=Han}/u.test(q) ? 'zh' : 'en');
  const inProcess = await latencies((q) => engine.search(q, { lang: lang(q), limit: 10 }));

  const app = new Hono().basePath('/api').route('/', searchRoutes({ search: engine, content, zeroResults, clock }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const http = await latencies(async (q) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(q)}&limit=10`);
    await res.arrayBuffer();
  });
  server.close();

  const misses = await searchMisses(engine, content, evalCases);
  return { label, size, buildMs, memory, inProcess, http, hit3: `${evalCases.length - misses.length}/${evalCases.length}` };
}

console.log(`\nSearch benchmark (${BENCH_QUERIES.length} queries × ${ROUNDS} rounds; Node ${process.version}; ${new Date().toISOString()})\n`);
console.log('| engine | docs | build ms | heap MB | in-process p50 / p95 / p99 ms | HTTP p50 / p95 / p99 ms | hit@3 |');
console.log('|---|---:|---:|---:|---|---|---|');
for (const size of SIZES) {
  for (const [label, make] of [
    ['orama (embedded)', () => new EmbeddedSearch(content.synonyms, content.district.soundFolds)],
    ['minisearch', () => new MiniSearchEngine(content.synonyms)],
  ] as const) {
    const r = await measure(label, make, size);
    console.log(
    `| ${r.label} | ${r.size.toLocaleString('en')} | ${Math.round(r.buildMs)} | ${r.memory.toFixed(0)} | ` +
      `${ms(percentile(r.inProcess, 50))} / ${ms(percentile(r.inProcess, 95))} / ${ms(percentile(r.inProcess, 99))} | ` +
      `${ms(percentile(r.http, 50))} / ${ms(percentile(r.http, 95))} / ${ms(percentile(r.http, 99))} | ${r.hit3} |`,
    );
  }
}
