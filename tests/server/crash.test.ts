// kill -9 under mixed write load — centres publishing events, residents commenting on a draft and
// writing letters, all at once: every write the portal acknowledged is there after a restart.
// And SIGTERM, the graceful stop: a request in flight is answered, and what it wrote is kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { loadContent } from '../../content/loader.ts';
import { freePort, startPortal } from '../helpers/portal.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-mixed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const CONVENTION = 'changping-village';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
// Residents reach the portal through the bureau's proxy: each is counted as themselves.
const env = { TRUST_PROXY: 'loopback' };

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('writes after kill -9 and SIGTERM', () => {
  it('keeps every event, comment and letter acknowledged before a kill -9 mid-flight, and answers the request in flight at SIGTERM', async () => {
    const setup = await openDb({ DATA_DIR: dataDir });
    const accounts = new Accounts(setup);
    const admin = await accounts.add('district', null, 'admin');
    const committee = await accounts.add('committee', null, 'editor', CONVENTION);
    const centre = await accounts.add('centre', 'kazi-day-care-centre', 'editor');
    await setup.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const portal = await startPortal(port, dataDir, env);
    const committeeCookie = await signIn(base, 'committee', committee.password);
    const centreCookie = await signIn(base, 'centre', centre.password);
    const articles = loadContent().conventions.get(CONVENTION)!.versions.at(-1)!.articles.map((a) => ({ number: a.number, section: a.part, text: a.text }));
    const opened = await fetch(`${base}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: committeeCookie, Origin: base },
      body: JSON.stringify({ convention: CONVENTION, title: { zh: '修订征求意见' }, summary: { zh: '说明' }, opens: day(0), closes: day(5), articles }),
    });
    const { id: consultation } = await opened.json();

    const acknowledged = { events: [] as string[], comments: [] as string[], letters: [] as string[] };
    // An answer read whole, or none when the kill cut it off (then it was never acknowledged).
    const post = async (path: string, body: unknown, headers: Record<string, string>) => {
      try {
        const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        return { status: res.status, json: async () => (await res.json()) as { id: string; reference: string } };
      } catch {
        return undefined;
      }
    };
    const refusals: Record<string, number> = {};
    const refused = (what: string, status: number | undefined) => void (refusals[`${what} ${status}`] = (refusals[`${what} ${status}`] ?? 0) + 1);
    const writers = [
      async (i: number) => {
        const start = new Date(Date.now() + (i + 1) * 86_400_000).toISOString();
        const res = await post('/api/events', { title: { zh: `活动${i}` }, description: { zh: '唱歌' }, start, end: new Date(Date.parse(start) + 3_600_000).toISOString(), audience: ['everyone'] }, { cookie: centreCookie, Origin: base });
        if (res?.status === 201) await res.json().then((e) => acknowledged.events.push(e.id), () => {});
        else refused('event', res?.status);
      },
      async (i: number) => {
        const res = await post(`/api/consultations/${consultation}/comments`, { article: 5, stance: 'support', text: `第${i}条意见` }, { 'X-Forwarded-For': `10.1.${i >> 8}.${i & 255}` });
        if (res?.status === 202) await res.json().then((c) => acknowledged.comments.push(c.id), () => {});
        else refused('comment', res?.status);
      },
      async (i: number) => {
        const res = await post('/api/letters', { kind: i % 4 === 0 ? 'help' : 'question', town: 'bahuang', text: `第${i}封信：请问临时救助怎么申请？`, ...(i % 3 === 0 && { contact: { phone: '13912345678' } }), publish: false }, { 'X-Forwarded-For': `10.2.${i >> 8}.${i & 255}` });
        if (res?.status === 201) await res.json().then((l) => acknowledged.letters.push(l.reference), () => {});
        else refused('letter', res?.status);
      },
    ];
    const alive = () => portal.exitCode === null && portal.signalCode === null;
    const workers = Array.from({ length: 9 }, async (_, w) => {
      for (let i = w; i < 6000 && alive(); i += 9) await writers[w % 3]!(i);
    });
    const total = () => acknowledged.events.length + acknowledged.comments.length + acknowledged.letters.length;
    const began = Date.now();
    while ((total() < 240 || Object.values(acknowledged).some((a) => a.length < 30)) && Date.now() - began < 30_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect({ events: acknowledged.events.length >= 30, comments: acknowledged.comments.length >= 30, letters: acknowledged.letters.length >= 30 }, JSON.stringify({ ...acknowledged, events: acknowledged.events.length, comments: acknowledged.comments.length, letters: acknowledged.letters.length, refused: refusals })).toEqual({ events: true, comments: true, letters: true });
    portal.removeAllListeners('exit');
    portal.kill('SIGKILL');
    await Promise.all([new Promise((resolve) => portal.once('exit', resolve)), ...workers]);

    const again = await startPortal(port, dataDir, env);
    const adminCookie = await signIn(base, 'district', admin.password);
    const events = await (await fetch(`${base}/api/events`)).json();
    const queue = await (await fetch(`${base}/api/consultations/${consultation}/queue`, { headers: { cookie: committeeCookie } })).json();
    const letters = await (await fetch(`${base}/api/staff/letters`, { headers: { cookie: adminCookie } })).json();
    const keptEvents = new Set(events.events.map((e: { id: string }) => e.id));
    const keptComments = new Set(queue.pending.map((c: { id: string }) => c.id));
    const keptLetters = new Set(letters.letters.map((l: { reference: string }) => l.reference));
    expect(acknowledged.events.filter((id) => !keptEvents.has(id))).toEqual([]);
    expect(acknowledged.comments.filter((id) => !keptComments.has(id))).toEqual([]);
    expect(acknowledged.letters.filter((ref) => !keptLetters.has(ref))).toEqual([]);

    again.removeAllListeners('exit');
    const exited = new Promise<number | null>((resolve) => again.once('exit', resolve));
    // SIGTERM while a letter is still arriving: the portal answers it, then stops, and keeps it.
    const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify({ kind: 'question', town: 'bahuang', text: '关门前的最后一封信', publish: false }));
      const req = request(`${base}/api/letters`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-forwarded-for': '10.9.0.1' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      setTimeout(() => {
        again.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(10)), 300);
      }, 200);
    });
    const answer = await slow;
    expect(answer.status).toBe(201);
    expect(await exited).toBe(0);
    const last = await startPortal(port, dataDir, env);
    const after = await (await fetch(`${base}/api/staff/letters`, { headers: { cookie: adminCookie } })).json();
    last.kill('SIGTERM');
    expect(after.letters.map((l: { reference: string }) => l.reference)).toContain(JSON.parse(answer.body).reference);
  }, 180_000);
});
