// `npm run bench` (processes): search and page throughput with one portal process against two on
// one PostgreSQL database, on this machine, in one run; and how long an event published through
// one process takes to be found by the other's search. Load from autocannon on loopback (in this
// process, so it shares the machine's cores with the portals: the figures are a floor).
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Accounts } from '../api/accounts/index.ts';
import { openDb } from '../api/core/index.ts';
import { freePort, startPortal } from '../tests/helpers/portal.ts';
import { startPostgres } from '../tests/helpers/postgres-server.ts';
import { publishToSearch } from './published.ts';
import { percentile } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

const server = await startPostgres(await freePort());
const url = new URL(process.env.BENCH_DATABASE_URL ?? server.url);
const admin = new pg.Client({ connectionString: url.toString() });
await admin.connect();
const name = `portal_bench_processes_${process.pid}`;
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
url.pathname = `/${name}`;
const DATABASE_URL = url.toString();
const db = await openDb({ DATA_DIR: '/nonexistent', DATABASE_URL });
const { password } = await new Accounts(db).add('bench-editor', 'kazi-day-care-centre', 'editor');
await db.close();

const started: ChildProcess[] = [];
async function portal(): Promise<string> {
  const port = await freePort();
  started.push(await startPortal(port, mkdtempSync(join(tmpdir(), 'bench-proc-')), { DATABASE_URL }));
  return `http://127.0.0.1:${port}`;
}

/** Load on every base at once (the connections split between them): requests/s summed, the worst p99. */
async function load(bases: string[], path: string) {
  const results = await Promise.all(
    bases.map((base) => autocannon({ url: `${base}${path}`, connections: Math.round(CONNECTIONS / bases.length), duration: SECONDS })),
  );
  const rps = results.reduce((sum, r) => sum + r.requests.average, 0);
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  const errors = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  return { rps, p99, errors };
}

const PATHS = [
  ['search', `/api/search?q=${encodeURIComponent('低保怎么申请')}`],
  ['prerendered page', '/zh/policies/dibao/'],
  ['page rendered on request (events list)', '/zh/events/'],
] as const;

const first = await portal();
const one: Record<string, Awaited<ReturnType<typeof load>>> = {};
for (const [label, path] of PATHS) one[label] = await load([first], path);
const second = await portal();
const two: Record<string, Awaited<ReturnType<typeof load>>> = {};
for (const [label, path] of PATHS) two[label] = await load([first, second], path);

console.log(`\nOne process against two on one PostgreSQL (${CONNECTIONS} connections, ${SECONDS} s each, load generator on the same 2-core machine):\n`);
console.log('| endpoint | 1 process req/s | p99 ms | 2 processes req/s | p99 ms | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [label] of PATHS) {
  const a = one[label]!;
  const b = two[label]!;
  console.log(`| ${label} | ${a.rps.toFixed(0)} | ${a.p99} | ${b.rps.toFixed(0)} | ${b.p99} | ${a.errors + b.errors} |`);
}

// Published through the first, found by the second's search.
const login = await fetch(`${first}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-editor', password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const lags = await publishToSearch(first, second, cookie);
console.log(`\nPublished through one process, found by the other's search: p50 ${percentile(lags, 50).toFixed(0)} ms, max ${lags.at(-1)!.toFixed(0)} ms (20 events; includes the polling search request)`);

for (const p of started) p.kill('SIGTERM');
await server.stop();
