// kill -9 while residents are sending comments: every comment the portal acknowledged (202) is in
// the store after a restart; the ones cut off were never acknowledged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { loadContent } from '../../content/loader.ts';
import { freePort, startPortal } from '../helpers/portal.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-comments-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const CONVENTION = 'changping-village';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('comments after kill -9', () => {
  it('keeps every comment that was acknowledged before the process was killed mid-flight', async () => {
    const setup = await openDb({ DATA_DIR: dataDir });
    const { password } = await new Accounts(setup).add('committee', null, 'editor', CONVENTION);
    await setup.close();
    // Residents reach the portal through the bureau's proxy: each is counted as themselves.
    const env = { TRUST_PROXY: 'loopback' };
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const portal = await startPortal(port, dataDir, env);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'committee', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const articles = loadContent().conventions.get(CONVENTION)!.versions.at(-1)!.articles.map((a) => ({ number: a.number, section: a.part, text: a.text }));
    const opened = await fetch(`${base}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, Origin: base },
      body: JSON.stringify({ convention: CONVENTION, title: { zh: '修订征求意见' }, summary: { zh: '说明' }, opens: day(0), closes: day(5), articles }),
    });
    expect(opened.status).toBe(201);
    const { id } = await opened.json();

    const acknowledged: string[] = [];
    let sent = 0;
    const send = async (i: number) => {
      sent++;
      try {
        const res = await fetch(`${base}/api/consultations/${id}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Forwarded-For': `10.1.${Math.floor(i / 250)}.${i % 250}` },
          body: JSON.stringify({ article: 5, stance: 'support', text: `第${i}条意见` }),
        });
        if (res.status === 202) acknowledged.push((await res.json()).id);
      } catch {
        // Cut off by the kill: never acknowledged.
      }
    };
    // Eight residents at a time, without pause; the process is killed while they are sending.
    const workers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; i < 4000; i += 8) {
        if (portal.exitCode !== null || portal.signalCode !== null) return;
        await send(i);
      }
    });
    while (acknowledged.length < 120) await new Promise((resolve) => setTimeout(resolve, 5));
    portal.removeAllListeners('exit');
    portal.kill('SIGKILL');
    await Promise.all([new Promise((resolve) => portal.once('exit', resolve)), ...workers]);

    const again = await startPortal(port, dataDir, env);
    const queue = await (await fetch(`${base}/api/consultations/${id}/queue`, { headers: { cookie } })).json();
    again.kill('SIGTERM');
    const kept = new Set(queue.pending.map((c: { id: string }) => c.id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);
    expect(acknowledged.filter((a) => !kept.has(a))).toEqual([]);
  }, 120_000);
});
