// Two portal processes, started as `npm start` starts one, on two ports against one PostgreSQL
// database: any process serves any request, a change through one reaches the other's search
// within a second, limits are counted once across both, and killing one mid-write loses no
// acknowledged write while the other keeps serving.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/index.ts';
import { freePort, startPortal } from '../helpers/portal.ts';
import { freshDatabase } from '../helpers/postgres.ts';

let first: ChildProcess;
let second: ChildProcess;
let one: string;
let two: string;
let password: string;
const username = 'scale-editor';
const CENTRE = 'kazi-day-care-centre';

beforeAll(async () => {
  const DATABASE_URL = await freshDatabase();
  const db = await openDb({ DATA_DIR: '/nonexistent', DATABASE_URL });
  ({ password } = await new Accounts(db).add(username, CENTRE, 'editor'));
  await db.close();
  const env = { DATABASE_URL };
  const [p1, p2] = [await freePort(), await freePort()];
  [first, second] = await Promise.all([startPortal(p1, mkdtempSync(join(tmpdir(), 'scale-a-')), env), startPortal(p2, mkdtempSync(join(tmpdir(), 'scale-b-')), env)]);
  one = `http://127.0.0.1:${p1}`;
  two = `http://127.0.0.1:${p2}`;
}, 120_000);

afterAll(() => {
  for (const p of [first, second]) {
    p?.removeAllListeners('exit');
    p?.kill('SIGTERM');
  }
});

const json = { 'content-type': 'application/json' };
const login = (base: string, pw: string) => fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password: pw }) });
const event = (title: string) => ({
  title: { zh: title },
  description: { zh: '两个进程，一个数据库。' },
  start: new Date(Date.now() + 3 * 86400_000).toISOString(),
  end: new Date(Date.now() + 3 * 86400_000 + 3600_000).toISOString(),
  audience: ['everyone'],
});

describe('two portal processes on one PostgreSQL database', () => {
  let cookie: string;

  it('report PostgreSQL in health, and a session made on one is good on the other', async () => {
    for (const base of [one, two]) expect((await (await fetch(`${base}/api/health`)).json()).store).toEqual({ engine: 'postgres', answers: true, writable: true });
    const res = await login(one, password);
    expect(res.status).toBe(200);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${two}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe(username);
  });

  it('an event published through the first is found by the second’s search and page within a second', async () => {
    const title = `跨进程活动${Date.now().toString(36)}`;
    const res = await fetch(`${one}/api/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(event(title)) });
    expect(res.status).toBe(201);
    const published = Date.now();
    const { id } = await res.json();
    let foundAfter = Infinity;
    while (Date.now() - published < 3000) {
      const { hits } = await (await fetch(`${two}/api/search?q=${encodeURIComponent(title)}&type=event`)).json();
      if (hits.some((h: { url: string }) => h.url.includes(id))) {
        foundAfter = Date.now() - published;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(`published on one, searchable on the other after ${foundAfter} ms`);
    expect(foundAfter).toBeLessThan(1000);
    const page = await fetch(`${two}/zh/events/${id}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(title);
  });

  it('counts wrong passwords once across both: the eleventh, on either, is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(i % 2 ? two : one, 'wrong-password')).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await login(one, password)).status).toBe(429);
    expect((await login(two, password)).status).toBe(429);
  });

  it('loses no acknowledged write when the first is killed mid-write, and the second serves throughout', async () => {
    const acknowledged: string[] = [];
    const health: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        try {
          const res = await fetch(`${one}/api/events`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(event(`写入${i}`)) });
          if (res.status === 201) acknowledged.push((await res.json()).id);
        } catch {
          return; // the process is gone
        }
      }
    })();
    const watcher = (async () => {
      while (writing) {
        health.push((await fetch(`${two}/api/health`)).status);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 10));
    first.removeAllListeners('exit');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await writer;
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await watcher;
    const { events } = await (await fetch(`${two}/api/events?center=${CENTRE}`)).json();
    const stored = new Set(events.map((e: { id: string }) => e.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(health.length).toBeGreaterThan(3);
    expect(health.every((s) => s === 200)).toBe(true);
  });
});
