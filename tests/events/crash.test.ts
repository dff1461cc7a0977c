import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { freePort, startPortal } from '../helpers/portal.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the event store after kill -9', () => {
  it('keeps every event that was acknowledged before the process was killed', async () => {
    const setup = await openDb({ DATA_DIR: dataDir });
    const { password } = await new Accounts(setup).add('centre-a', 'aitun-day-care-centre', 'editor');
    await setup.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const portal = await startPortal(port, dataDir);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'centre-a', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const acknowledged: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${base}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: { zh: `活动${i}` }, description: { zh: '内容' }, start: '2026-12-05T09:30:00+08:00', end: '2026-12-05T11:00:00+08:00', audience: ['everyone'] }),
      });
      if (res.status === 201) acknowledged.push((await res.json()).id);
    }
    portal.removeAllListeners('exit');
    portal.kill('SIGKILL');
    await new Promise((resolve) => portal.once('exit', resolve));

    const again = await startPortal(port, dataDir);
    const { events } = await (await fetch(`${base}/api/events?center=aitun-day-care-centre`)).json();
    again.kill('SIGTERM');
    expect(acknowledged).toHaveLength(25);
    expect(events.map((e: { id: string }) => e.id).sort()).toEqual([...acknowledged].sort());
  }, 120_000);
});
