// Faults under a running portal: the search engine failing mid-request; the store turning
// read-only; its disk full (a small tmpfs), then read-only. Searches answer 503 and the pages
// still load; on a store that cannot be written, writes fail with a clear error (a form comes back
// as typed) while reads go on; on a disk read-only at start the portal serves reading and refuses
// writes; nothing acknowledged is lost.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { createApp } from '../../api/app.ts';
import { loadConfig, openDb } from '../../api/core/index.ts';
import { outDir } from '../../api/server/paths.ts';
import { createPortal, servePortal, type AstroHandler } from '../../api/server/portal.ts';
import { createServices } from '../../api/server/services.ts';
import { StaticFiles } from '../../api/server/static-files.ts';
import type { SearchEngine } from '../../search/index.ts';
import { freePort, startPortal } from '../helpers/portal.ts';

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('the search engine failing mid-request', async () => {
  const services = await createServices(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'faults-')) }));
  const astro = (await import(pathToFileURL(join(outDir(), 'server', 'entry.mjs')).href)).handler as AstroHandler;
  const portal = createPortal({ api: createApp(services), pages: new StaticFiles(join(outDir(), 'client')), astro, services });
  const port = await freePort();
  const server = servePortal(portal, { port, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  afterAll(() => void server.close());
  // The engine itself (behind the portal's guard) starts failing as a server gone away would.
  const engine = (services.search as unknown as { engine: SearchEngine }).engine;
  let failing = false;
  for (const method of ['search', 'suggest', 'stats', 'index'] as const) {
    const real = engine[method].bind(engine) as (...args: unknown[]) => Promise<unknown>;
    (engine as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (failing ? Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })) : real(...args));
  }

  it('answers searches 503 in the error shape, says so in health, and keeps pages and writes going', async () => {
    expect((await fetch(`${base}/api/search?q=${encodeURIComponent('低保')}`)).status).toBe(200);
    failing = true;
    // An answer it remembers still comes (from memory); a new search gets 503.
    expect((await fetch(`${base}/api/search?q=${encodeURIComponent('低保')}`)).status).toBe(200);
    const search = await fetch(`${base}/api/search?q=${encodeURIComponent('高龄津贴')}`);
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBeTruthy();
    expect(await search.json()).toMatchObject({ error: { code: 'search_unavailable' } });
    const suggest = await fetch(`${base}/api/suggest?q=${encodeURIComponent('低')}`);
    expect([suggest.status, (await suggest.json()).error.code]).toEqual([503, 'search_unavailable']);
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ status: 'degraded', search: { answers: false }, store: { answers: true } });
    // The pages still load; the search page says search is unavailable rather than failing.
    for (const path of ['/zh/', '/zh/policies/dibao/', '/zh/services/', '/en/check/']) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    const page = await fetch(`${base}/zh/search/?q=${encodeURIComponent('临时救助')}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('搜索暂时不能用');
    // A write that would reach the index is saved, and answered as saved.
    const letter = await fetch(`${base}/api/letters`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'question', town: 'bahuang', text: '搜索坏了也能写信吗？', publish: false }) });
    expect(letter.status).toBe(201);
    failing = false;
    expect((await fetch(`${base}/api/search?q=${encodeURIComponent('低保')}`)).status).toBe(200);
  });

  it('on a store that turns read-only, refuses writes with 503 and the typed letter back, and goes on reading', async () => {
    const letter = { kind: 'question', town: 'bahuang', text: '只读的时候能查到以前的信吗？', publish: false };
    const send = () => fetch(`${base}/api/letters`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(letter) });
    const before = await send();
    expect(before.status).toBe(201);
    const { reference, code } = (await before.json()) as { reference: string; code: string };
    // A draft open for comment, opened by a district administrator while the store still writes.
    const { user: admin } = await new Accounts(services.db).add('faults-admin', null, 'admin', null);
    const [conventionId, convention] = [...services.content.conventions.entries()][0]!;
    const articles = convention.versions.at(-1)!.articles.map((a) => ({ number: a.number, section: a.part, text: a.text }));
    const today = services.clock.day();
    const consultation = await services.consultations.create(admin, { convention: conventionId, premoderated: false, title: { zh: '只读时的征求意见' }, summary: { zh: '看意见表在存不进去时会不会丢字。' }, opens: today, closes: today, articles });
    // SQLite now refuses every write on this connection as it does on a read-only file (SQLITE_READONLY).
    const sqlite = services.db.native as unknown as { pragma(sql: string): unknown };
    sqlite.pragma('query_only = ON');
    try {
      const refused = await send();
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: { code: 'store_cannot_write' } });
      // The form on the page comes back with what was typed and says why, not an error page.
      const typed = '我家房子漏雨，想问能不能申请临时救助。';
      const form = await fetch(`${base}/zh/letters/write/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' }, body: new URLSearchParams({ kind: 'question', town: 'bahuang', text: typed }).toString() });
      expect(form.status).toBe(503);
      const page = await form.text();
      expect(page).toContain(typed);
      expect(page).toContain('系统现在存不进去');
      expect(page).toContain('<title>还没有发出去');
      // The comment form on a draft convention does the same.
      const opinion = '第一条写得太长了，老年人看不懂，建议分成两句。';
      const commented = await fetch(`${base}/zh/consultations/${consultation.id}/?article=${articles[0]!.number}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' }, body: new URLSearchParams({ article: String(articles[0]!.number), stance: 'suggest', text: opinion }).toString() });
      expect(commented.status).toBe(503);
      const draft = await commented.text();
      expect(draft).toContain(opinion);
      expect(draft).toContain('意见还没有提交上');
      // Reading goes on: pages, search, a letter's status.
      for (const path of ['/zh/', '/zh/letters/', '/zh/services/', `/api/search?q=${encodeURIComponent('临时救助')}`, `/api/letters/${reference}?code=${code}`]) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    } finally {
      sqlite.pragma('query_only = OFF');
    }
    expect((await send()).status).toBe(201);
  });
});

// A small tmpfs for the data folder needs root and mount; elsewhere the test says it is skipped.
const tmpfs = join(tmpdir(), `faults-disk-${process.pid}`);
const mounted = (() => {
  try {
    mkdirSync(tmpfs, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tmpfs], { stdio: 'ignore' });
    return true;
  } catch {
    console.log('faults: SKIPPED the full and read-only disk test — mounting a tmpfs needs root and mount(8)');
    return false;
  }
})();
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', tmpfs], { stdio: 'ignore' });
  rmSync(tmpfs, { recursive: true, force: true });
});

describe.skipIf(!mounted)('the store’s disk full, then read-only', () => {
  it('refuses writes with a clear 503, goes on reading, and loses nothing it acknowledged', async () => {
    const dataDir = join(tmpfs, 'data');
    mkdirSync(dataDir);
    const setup = await openDb({ DATA_DIR: dataDir });
    const { password } = await new Accounts(setup).add('district', null, 'admin');
    await setup.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { TRUST_PROXY: 'loopback' };
    let portal = await startPortal(port, dataDir, env);
    let resident = 0;
    const write = () =>
      fetch(`${base}/api/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.3.${resident >> 8}.${resident++ & 255}` },
        body: JSON.stringify({ kind: 'question', town: 'bahuang', text: `第${resident}封：${'请问临时救助怎么申请？'.repeat(40)}`, contact: { phone: '13912345678' }, publish: false }),
      });
    const acknowledged: { reference: string; code: string }[] = [];
    for (let i = 0; i < 20; i++) acknowledged.push(await (await write()).json());
    // The disk fills: a file takes what is left, then letters go in until one is refused.
    try {
      writeFileSync(join(tmpfs, 'filler'), Buffer.alloc(4 * 1024 * 1024));
    } catch {
      // Full now.
    }
    let refused: Response | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const res = await write();
      if (res.status === 201) acknowledged.push(await res.json());
      else refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(await refused!.json()).toMatchObject({ ...errorShape, error: { code: 'store_cannot_write' } });
    // Reading goes on: pages, search, a letter's status.
    for (const path of ['/zh/', '/zh/letters/', `/api/search?q=${encodeURIComponent('低保')}`]) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    if (acknowledged[0]) expect((await fetch(`${base}/api/letters/${acknowledged[0].reference}?code=${acknowledged[0].code}`)).status).toBe(200);
    // Space again: writes work.
    rmSync(join(tmpfs, 'filler'));
    const again = await write();
    expect(again.status).toBe(201);
    acknowledged.push(await again.json());
    // Stopped, and its disk made read-only: the portal starts on what it has, serves reading
    // (pages, search, a letter's status), refuses writes with a clear 503, and health says so.
    portal.removeAllListeners('exit');
    portal.kill('SIGTERM');
    await new Promise((resolve) => portal.once('exit', resolve));
    execFileSync('mount', ['-o', 'remount,ro', tmpfs]);
    try {
      portal = await startPortal(port, dataDir, env);
      for (const path of ['/zh/', '/zh/letters/', `/api/search?q=${encodeURIComponent('低保')}`, `/api/letters/${acknowledged[0]!.reference}?code=${acknowledged[0]!.code}`]) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
      const readOnly = await write();
      expect(readOnly.status).toBe(503);
      expect(await readOnly.json()).toMatchObject({ error: { code: 'store_cannot_write' } });
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ status: 'degraded', store: { answers: true, writable: false } });
      portal.removeAllListeners('exit');
      portal.kill('SIGTERM');
      await new Promise((resolve) => portal.once('exit', resolve));
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', tmpfs]);
    }
    portal = await startPortal(port, dataDir, env);
    // After a restart every acknowledged letter is there.
    portal.removeAllListeners('exit');
    portal.kill('SIGKILL');
    await new Promise((resolve) => portal.once('exit', resolve));
    portal = await startPortal(port, dataDir, env);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'district', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const queue = await (await fetch(`${base}/api/staff/letters`, { headers: { cookie } })).json();
    portal.kill('SIGTERM');
    const kept = new Set(queue.letters.map((l: { reference: string }) => l.reference));
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(acknowledged.filter((a) => !kept.has(a.reference))).toEqual([]);
  }, 120_000);
});
