// PostgreSQL going away under a running portal, and a wrong DATABASE_URL at start-up.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/index.ts';
import { freePort, startPortal } from '../helpers/portal.ts';
import { startPostgres } from '../helpers/postgres-server.ts';

// A server of this file's own, so stopping it leaves the other tests' server alone.
let server: Awaited<ReturnType<typeof startPostgres>>;
let portal: ChildProcess;
let base: string;
let cookie: string;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) return;
  server = await startPostgres(await freePort());
  const db = await openDb({ DATA_DIR: '/nonexistent', DATABASE_URL: server.url });
  const { password } = await new Accounts(db).add('down-editor', 'kazi-day-care-centre', 'editor');
  await db.close();
  const port = await freePort();
  portal = await startPortal(port, mkdtempSync(join(tmpdir(), 'down-')), { DATABASE_URL: server.url });
  base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'down-editor', password }) });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
}, 120_000);

afterAll(async () => {
  portal?.removeAllListeners('exit');
  portal?.kill('SIGTERM');
  await server?.stop().catch(() => {});
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('when PostgreSQL goes away while the portal runs', () => {
  it('keeps serving pages and search, says so in health, and answers writes 503 in the error shape', async () => {
    expect((await (await fetch(`${base}/api/health`)).json()).store).toEqual({ engine: 'postgres', answers: true, writable: true });
    await server.stop();
    for (const path of ['/zh/', '/zh/policies/dibao/', '/zh/services/', '/zh/events/']) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    expect((await fetch(`${base}/api/search?q=${encodeURIComponent('低保')}`)).status).toBe(200);
    // The events list says it cannot show them (not "no events"); an event's page answers 503 saying the same.
    expect(await (await fetch(`${base}/zh/events/`)).text()).toContain('活动信息暂时无法显示');
    const one = await fetch(`${base}/zh/events/abc123/`);
    expect(one.status).toBe(503);
    expect(await one.text()).toContain('活动信息暂时无法显示');
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'degraded', store: { engine: 'postgres', answers: false } });
    const write = await fetch(`${base}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: { zh: '停电' }, description: { zh: '内容' }, start: '2027-01-05T09:30:00+08:00', end: '2027-01-05T11:00:00+08:00', audience: ['everyone'] }),
    });
    expect(write.status).toBe(503);
    expect((await write.json()).error.code).toBe('store_unavailable');
  }, 60_000);
});

describe('a wrong DATABASE_URL', () => {
  it('stops the start with a message naming the variable and the server, without the password', async () => {
    const port = await freePort();
    const dead = await freePort();
    const started = startPortal(port, mkdtempSync(join(tmpdir(), 'wrong-')), { DATABASE_URL: `postgres://portal:s3cret-pw@127.0.0.1:${dead}/portal` });
    const error = (await started.then(() => undefined, (e: Error) => e))!;
    expect(error.message).toMatch(/exited with 1/);
    expect(error.message).toMatch(/DATABASE_URL: cannot reach PostgreSQL at postgres:\/\/portal@127\.0\.0\.1:\d+\/portal/);
    expect(error.message).not.toContain('s3cret-pw');
  }, 60_000);
});
