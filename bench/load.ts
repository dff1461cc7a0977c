// `npm run bench` (the report): the portal as `npm start` runs it (compiled JavaScript, one process,
// SQLite), under load from autocannon on loopback. For each endpoint at 50 and 200 connections:
// requests/s, p50/p95/p99, errors and non-2xx answers, the server's RSS, and the ratio to the
// ceiling (`/api/health`) measured in the same run. Then start-up time and memory, and how long an
// event takes from being published to being found by search. The load generator shares the
// machine's cores with the server: the figures are a floor. Writes bench/results/load-<time>.json.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { parse } from 'yaml';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Accounts } from '../api/accounts/index.ts';
import { openDb } from '../api/core/index.ts';
import { build } from '../api/server/build.ts';
import { isBuildCurrent, ROOT } from '../api/server/paths.ts';
import { loadContent } from '../content/loader.ts';
import { freePort, startPortal } from '../tests/helpers/portal.ts';
import { lighthouseScores } from './lighthouse.ts';
import { publishToSearch } from './published.ts';
import { percentile } from './stats.ts';
import { BENCH_QUERIES } from './corpus.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);

if (!isBuildCurrent()) await build();
const rssOf = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

// Start-up: five cold starts of the built portal on a fresh data folder, to "Portal ready".
const starts: { ms: number; rss: number }[] = [];
for (let i = 0; i < 5; i++) {
  const began = performance.now();
  const p = await startPortal(await freePort(), mkdtempSync(join(tmpdir(), 'bench-start-')));
  starts.push({ ms: performance.now() - began, rss: rssOf(p.pid!) });
  p.kill('SIGTERM');
}
starts.sort((a, b) => a.ms - b.ms);

const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
const setup = await openDb({ DATA_DIR: dataDir });
const accounts = new Accounts(setup);
const CONVENTION = 'changping-village';
const committee = await accounts.add('bench-committee', null, 'editor', CONVENTION);
const centre = await accounts.add('bench-centre', 'kazi-day-care-centre', 'editor');
await setup.close();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// Residents come through the bureau's proxy: each request below is a different resident.
const portal = await startPortal(port, dataDir, { TRUST_PROXY: 'loopback' });
const rssAtStart = rssOf(portal.pid!);

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const articles = loadContent().conventions.get(CONVENTION)!.versions.at(-1)!.articles.map((a) => ({ number: a.number, section: a.part, text: a.text }));
const committeeCookie = await signIn('bench-committee', committee.password);
const opened = await fetch(`${base}/api/consultations`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: committeeCookie, Origin: base },
  body: JSON.stringify({ convention: CONVENTION, title: { zh: '修订征求意见' }, summary: { zh: '说明' }, opens: day(0), closes: day(5), articles }),
});
const consultation = (await opened.json()).id as string;

const QUERIES = ['低保怎么申请', '老人 日间照料', '临时救助', 'dibao application', '高龄津贴', '残疾人 护理补贴', '特困供养', '村规民约 红白喜事'];
// Households as varied as residents' (the same generator as the rules-engine bench), one per request in turn.
let seed = 7;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const HOUSEHOLDS = Array.from({ length: 64 }, () => ({
  residence: rand() < 0.5 ? 'urban' : 'rural',
  members: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => ({ age: Math.floor(rand() * 100), ...(rand() < 0.1 && { disability: { kind: 'physical', grade: 1 + Math.floor(rand() * 4) } }) })),
  monthlyIncome: Math.floor(rand() * 6000),
  assets: { financial: Math.floor(rand() * 60000) },
  supporter: rand() < 0.3 ? 'none' : 'able',
}));
let resident = 0;
const nextAddress = () => `10.${(resident >> 16) & 255}.${(resident >> 8) & 255}.${resident++ & 255}`;

type Target = { label: string; requests: autocannon.Request[] };
const json = (method: string, path: string, body: unknown, setup?: autocannon.Request['setupRequest']): autocannon.Request => ({ method: method as 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(setup && { setupRequest: setup }) });
const everyResident: autocannon.Request['setupRequest'] = (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': nextAddress() } });
const TARGETS: Target[] = [
  { label: 'GET /api/health (ceiling)', requests: [{ method: 'GET', path: '/api/health' }] },
  { label: 'GET /api/search', requests: QUERIES.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })) },
  { label: 'POST /api/ask (extractive)', requests: ['低保一个月能领多少钱？', '我妈妈80岁了，有什么补贴', '临时救助怎么申请'].map((q) => json('POST', '/api/ask', { question: q, lang: 'zh' }, everyResident)) },
  { label: 'POST /api/eligibility/check', requests: HOUSEHOLDS.map((h) => json('POST', '/api/eligibility/check?lang=zh', h)) },
  { label: 'prerendered page /zh/policies/dibao/', requests: [{ method: 'GET', path: '/zh/policies/dibao/' }] },
  { label: 'page on request /zh/services/', requests: [{ method: 'GET', path: '/zh/services/' }] },
  { label: 'POST comment (write)', requests: [json('POST', `/api/consultations/${consultation}/comments`, {}, (req, context) => ({ ...everyResident(req, context)!, body: JSON.stringify({ article: 5, stance: 'support', text: `赞成这一条，红白喜事从简。（${resident}）` }) }))] },
  { label: 'POST /api/letters (write)', requests: [json('POST', '/api/letters', { kind: 'question', town: 'bahuang', text: '请问高龄津贴从几岁开始领？', publish: false }, everyResident)] },
];

interface Row { label: string; connections: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; rss: number; ratio?: number }

/** autocannon against `url` with every answer's time kept, for exact percentiles (its summary has no p95). */
async function load(url: string, connections: number, requests: autocannon.Request[]) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url, connections, duration: SECONDS, requests }, (error, done) => (error ? reject(error) : resolve(done)));
    run.on('response', (_client, _status, _bytes, time) => times.push(time));
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => Number(percentile(times, p).toFixed(1));
  return { rps: result.requests.average, p50: at(50), p95: at(95), p99: at(99), errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

const rows: Row[] = [];
for (const connections of CONNECTIONS) {
  let ceiling = 0;
  for (const target of TARGETS) {
    const row: Row = { label: target.label, connections, ...(await load(base, connections, target.requests)), rss: rssOf(portal.pid!) };
    if (target === TARGETS[0]) ceiling = row.rps;
    row.ratio = row.rps / ceiling;
    rows.push(row);
  }
}

// Search itself, every request searched (no memory of recent answers), on its own process: the
// real corpus, then grown to 10,000 documents; queries from the bench set and the real residents'.
const realQueries = (parse(readFileSync(join(ROOT, 'tests', 'eval', 'real', 'search.yaml'), 'utf8')) as { q: string }[]).map((c) => c.q.slice(0, 200)).slice(0, 40);
const searchQueries = [...BENCH_QUERIES, ...realQueries].map((q) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(q)}` }));
for (const size of [0, 10_000]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'search-server.ts'), String(size)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [port, documents] = await new Promise<[number, number]>((resolve) => child.stdout.on('data', (chunk: Buffer) => { const m = /listening (\d+) (\d+)/.exec(chunk.toString()); if (m) resolve([Number(m[1]), Number(m[2])]); }));
  for (const connections of CONNECTIONS) {
    const measured = await load(`http://127.0.0.1:${port}`, connections, searchQueries);
    const ceiling = rows.find((r) => r.connections === connections && r.label.includes('ceiling'))!.rps;
    rows.push({ label: `GET /api/search, ${documents.toLocaleString('en')} documents, every request searched (own process)`, connections, ...measured, rss: rssOf(child.pid!), ratio: measured.rps / ceiling });
  }
  child.kill('SIGTERM');
}

// Soak: 100 requests a second of mixed reading for BENCH_SOAK_SECONDS (10 minutes by default),
// the server's RSS sampled every 10 s; the slope of a least-squares line through the samples after
// the first minute says whether memory is flat.
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const soakSamples: { s: number; rss: number }[] = [];
if (SOAK > 0) {
  const began = performance.now();
  const sample = () => soakSamples.push({ s: (performance.now() - began) / 1000, rss: rssOf(portal.pid!) });
  sample();
  const timer = setInterval(sample, 10_000);
  await autocannon({ url: base, connections: 10, overallRate: 100, duration: SOAK, requests: [...TARGETS[1]!.requests, ...TARGETS[3]!.requests.slice(0, 8), { method: 'GET', path: '/zh/services/' }, { method: 'GET', path: '/zh/policies/dibao/' }, { method: 'GET', path: '/api/health' }] });
  clearInterval(timer);
  sample();
}
const settled = soakSamples.filter((p) => p.s >= 60);
const slope = (() => {
  if (settled.length < 3) return NaN;
  const mx = settled.reduce((a, p) => a + p.s, 0) / settled.length;
  const my = settled.reduce((a, p) => a + p.rss, 0) / settled.length;
  const b = settled.reduce((a, p) => a + (p.s - mx) * (p.rss - my), 0) / settled.reduce((a, p) => a + (p.s - mx) ** 2, 0);
  return b * 60; // MB a minute
})();

// Published through the API, found by search.
const centreCookie = await signIn('bench-centre', centre.password);
const lags = await publishToSearch(base, base, centreCookie);

// Lighthouse on the pages residents use most.
const convention = [...loadContent().conventions.keys()][0]!;
const LIGHTHOUSE_PAGES = ['/zh/', '/zh/policies/dibao/', `/zh/conventions/${convention}/`, '/zh/services/', '/zh/check/', '/zh/ask/', `/zh/consultations/${consultation}/`];
const scores = process.env.BENCH_LIGHTHOUSE === '0' ? [] : await lighthouseScores(base, LIGHTHOUSE_PAGES);
portal.kill('SIGTERM');

const n = (x: number) => Math.round(x).toLocaleString('en');
console.log(`\nThe portal under load (compiled, one process, SQLite; autocannon on loopback, ${SECONDS} s per row, same 2-core machine)\n`);
console.log('| endpoint | conns | req/s | × ceiling | p50 ms | p95 ms | p99 ms | errors | non-2xx | server RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.connections} | ${n(r.rps)} | ${r.ratio!.toFixed(2)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rss} |`);
console.log(`\nStart-up (5 cold starts to "Portal ready", fresh data folder): median ${n(starts[2]!.ms)} ms (fastest ${n(starts[0]!.ms)}, slowest ${n(starts[4]!.ms)}); RSS when ready ${starts[2]!.rss} MB; the load run's server: ${rssAtStart} MB at start, ${rows.at(-1)!.rss} MB after.`);
if (SOAK > 0) console.log(`Soak (${Math.round(SOAK / 60)} min at 100 requests/s, mixed reads): RSS ${soakSamples[0]!.rss} MB at the start, ${Math.max(...soakSamples.map((p) => p.rss))} MB at most, ${soakSamples.at(-1)!.rss} MB at the end; slope after the first minute ${Number.isNaN(slope) ? 'n/a (too short)' : `${slope.toFixed(2)} MB/min`}.`);
console.log(`Event published → found by search: p50 ${percentile(lags, 50).toFixed(0)} ms, max ${lags.at(-1)!.toFixed(0)} ms (20 events; includes the search request).`);
if (scores.length > 0) {
  console.log('\nLighthouse 12 (mobile, simulated throttling; targets: performance ≥ 95, accessibility 100, best practices ≥ 95)\n');
  console.log('| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of scores) console.log(`| ${s.path} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${n(s.lcp)} | ${n(s.tbt)} | ${s.cls} |`);
}
console.log('(Non-2xx on the write rows are the per-client limits and would be a defect only if they were 5xx: every write row sends each request as a different resident.)');

const results = join(ROOT, 'bench', 'results');
mkdirSync(results, { recursive: true });
const file = join(results, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, rows, startup: starts, rssAtStart, publishToSearch: { p50: percentile(lags, 50), max: lags.at(-1) }, lighthouse: scores, soak: { seconds: SOAK, samples: soakSamples, slopeMbPerMinute: slope } }, null, 2));
console.log(`\nWritten: ${file}`);
