// kill -9 while residents are writing letters: every letter the portal acknowledged (201, with a
// reference) is in the district's queue after a restart, and its writer can still look it up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { freePort, startPortal } from '../helpers/portal.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-letters-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('letters after kill -9', () => {
  it('keeps every letter that was acknowledged before the process was killed mid-flight', async () => {
    const setup = await openDb({ DATA_DIR: dataDir });
    const { password } = await new Accounts(setup).add('district', null, 'admin');
    await setup.close();
    // Residents reach the portal through the bureau's proxy: each is counted as themselves.
    const env = { TRUST_PROXY: 'loopback' };
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const portal = await startPortal(port, dataDir, env);

    const acknowledged: { reference: string; code: string }[] = [];
    const send = async (i: number) => {
      try {
        const res = await fetch(`${base}/api/letters`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Forwarded-For': `10.2.${Math.floor(i / 250)}.${i % 250}` },
          body: JSON.stringify({ kind: i % 4 === 0 ? 'help' : 'question', town: 'bahuang', text: `第${i}封信：请问临时救助怎么申请？`, contact: i % 3 === 0 ? { phone: '13912345678' } : undefined, publish: false }),
        });
        if (res.status === 201) acknowledged.push(await res.json());
      } catch {
        // Cut off by the kill: never acknowledged.
      }
    };
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
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'district', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const queue = await (await fetch(`${base}/api/staff/letters`, { headers: { cookie } })).json();
    const last = acknowledged.at(-1)!;
    const lookedUp = await fetch(`${base}/api/letters/${last.reference}?code=${last.code}`, { headers: { 'X-Forwarded-For': '10.9.9.9' } });
    again.kill('SIGTERM');
    const kept = new Set(queue.letters.map((l: { reference: string }) => l.reference));
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);
    expect(acknowledged.filter((a) => !kept.has(a.reference))).toEqual([]);
    expect(lookedUp.status).toBe(200);
  }, 120_000);
});
