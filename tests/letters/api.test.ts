// Letters through the API: a resident writes a publishable question and a private complaint with a
// phone number; the township office sees only its town's letters, replies, publishes the first
// anonymised; the resident looks the reply up; the phone number is sealed in the store and gone
// after the retention period; a help request is first in its town's queue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../api/core/index.ts';
import { testApp } from '../helpers/app.ts';

const services = await testApp();
const { app, accounts, db, dataDir, letters } = services;
const office = await accounts.accounts.add('ycp-office', 'yunchangping-civil-affairs-office', 'editor');
const otherOffice = await accounts.accounts.add('bh-office', 'bahuang-civil-affairs-office', 'editor');
const centre = await accounts.accounts.add('kazi-staff', 'kazi-day-care-centre', 'editor');
async function signIn(username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const ours = await signIn('ycp-office', office.password);
const theirs = await signIn('bh-office', otherOffice.password);
const centreCookie = await signIn('kazi-staff', centre.password);
const send = (method: string, path: string, body?: unknown, cookie?: string) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, ...(body !== undefined && { body: JSON.stringify(body) }) });

const PHONE = '13987654321';
let question: { reference: string; code: string };
let complaint: { reference: string; code: string };

describe('writing to the bureau', () => {
  it('takes a publishable question and a private complaint with a phone number: a reference and a code', async () => {
    const q = await send('POST', '/api/letters', { kind: 'question', about: 'dibao', town: 'yunchangping', village: '云场坪村', text: '我叫王小明，住3组12号，电话13812345678。请问低保多久复核一次？', contact: { name: '王小明' }, publish: true });
    expect(q.status).toBe(201);
    question = await q.json();
    expect(question).toMatchObject({ reference: expect.stringMatching(/^\d{8}-[A-Z0-9]{5}$/), code: expect.stringMatching(/^[A-Z0-9]{6}$/), status: 'received' });
    const c = await send('POST', '/api/letters', { kind: 'complaint', town: 'yunchangping', text: '村干部评低保优亲厚友。', contact: { name: '李某', phone: PHONE } });
    expect(c.status).toBe(201);
    complaint = await c.json();
  });

  it('names each bad field: kind, empty or oversize text, a complaint or help to publish, a bad phone', async () => {
    for (const [body, field] of [
      [{ kind: 'praise', text: '好' }, 'kind'],
      [{ kind: 'question', text: ' ' }, 'text'],
      [{ kind: 'question', text: '长'.repeat(2001) }, 'text'],
      [{ kind: 'complaint', text: '投诉', publish: true }, 'publish'],
      [{ kind: 'help', text: '救助', town: 'yunchangping' }, 'help'],
      [{ kind: 'help', text: '救助', help: { forWhom: 'other', urgency: 'alone' } }, 'town'],
      [{ kind: 'question', text: '问', contact: { phone: '12345' } }, 'contact.phone'],
    ] as const) {
      const res = await send('POST', '/api/letters', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.fields, JSON.stringify(body)).toHaveProperty([field]);
    }
  });

  it('keeps the phone number sealed: not in the store in clear, the key file 0600', async () => {
    const raw = await db.all<{ contact: string }>('SELECT contact FROM letters');
    expect(JSON.stringify(raw)).not.toContain(PHONE);
    expect(JSON.stringify(raw)).toMatch(/v1\./);
    await db.run('PRAGMA wal_checkpoint(FULL)');
    expect(readFileSync(join(dataDir, 'portal.sqlite')).includes(Buffer.from(PHONE))).toBe(false);
    expect(readFileSync(join(dataDir, 'portal.sqlite')).includes(Buffer.from('13812345678'))).toBe(false); // removed from the text
    const { statSync } = await import('node:fs');
    expect(statSync(join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('sends a help request straight to its town’s queue, urgent and first', async () => {
    const res = await send('POST', '/api/letters', { kind: 'help', town: 'yunchangping', village: '云场坪村', text: '邻居老人一个人在家，没有吃的，也没有烧的。', help: { forWhom: 'other', urgency: 'no-food-or-heat' } });
    expect(res.status).toBe(201);
    const { letters: queue } = await (await send('GET', '/api/staff/letters', undefined, ours)).json();
    expect(queue[0]).toMatchObject({ kind: 'help', urgent: true, town: 'yunchangping' });
    expect(queue.map((l: { reference: string }) => l.reference)).toEqual(expect.arrayContaining([question.reference, complaint.reference]));
    expect(JSON.stringify(queue)).not.toContain(PHONE);
  });
});

describe('answering', () => {
  it('shows each office only its town; a centre’s account none', async () => {
    expect((await (await send('GET', '/api/staff/letters', undefined, theirs)).json()).letters).toEqual([]);
    expect((await send('GET', '/api/staff/letters', undefined, centreCookie)).status).toBe(403);
    expect((await send('POST', `/api/letters/${complaint.reference}/reply`, { text: '已收到。' }, theirs)).status).toBe(403);
    expect((await send('GET', `/api/letters/${complaint.reference}/contact`, undefined, theirs)).status).toBe(403);
  });

  it('gives the contact to the town’s office and logs the reading', async () => {
    const res = await send('GET', `/api/letters/${complaint.reference}/contact`, undefined, ours);
    expect(await res.json()).toEqual({ name: '李某', phone: PHONE });
    expect((await db.all('SELECT * FROM contact_views WHERE letter = ?', [complaint.reference])).length).toBe(1);
  });

  it('replies to both and publishes the first with names, numbers and house numbers removed', async () => {
    const published = await send('POST', `/api/letters/${question.reference}/reply`, { text: '王小明你好：低保每年复核一次。', publish: true }, ours);
    expect(published.status).toBe(200);
    const body = await published.json();
    expect(body.published.text).not.toMatch(/王小明|13812345678|12号|3组/);
    expect(body.published.reply).not.toContain('王小明');
    expect((await send('POST', `/api/letters/${complaint.reference}/reply`, { text: '已核查。', publish: true }, ours)).status).toBe(409);
    expect((await send('POST', `/api/letters/${complaint.reference}/reply`, { text: '已核查，将整改。' }, ours)).status).toBe(200);
    const { letters: list } = await (await app.request('/api/letters')).json();
    expect(list.map((l: { reference: string }) => l.reference)).toEqual([question.reference]);
    expect(JSON.stringify(list)).not.toMatch(/王小明|13812345678|李某|优亲厚友/);
  });

  it('lets the resident find the reply by reference and code; a wrong code is a plain 404', async () => {
    const found = await app.request(`/api/letters/${complaint.reference}?code=${complaint.code.toLowerCase()}`);
    expect(await found.json()).toMatchObject({ reference: complaint.reference, kind: 'complaint', status: 'answered', reply: '已核查，将整改。' });
    const wrong = await app.request(`/api/letters/${complaint.reference}?code=AAAAAA`);
    const none = await app.request(`/api/letters/20260101-ZZZZZ?code=AAAAAA`);
    expect([wrong.status, none.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await none.json());
  });

  it('forwards a letter to another town, which then answers it', async () => {
    const res = await send('POST', '/api/letters', { kind: 'suggestion', town: 'yunchangping', text: '这是坝黄镇的事。' });
    const { reference } = await res.json();
    expect((await send('POST', `/api/letters/${reference}/forward`, { town: 'no-such-town' }, ours)).status).toBe(400);
    expect((await send('POST', `/api/letters/${reference}/forward`, { town: 'bahuang' }, ours)).status).toBe(200);
    expect((await (await send('GET', '/api/staff/letters', undefined, theirs)).json()).letters.map((l: { reference: string }) => l.reference)).toEqual([reference]);
  });

  it('counts received and answered, per kind and town, with the median days to reply', async () => {
    const stats = await (await app.request('/api/letters/stats')).json();
    expect(stats).toMatchObject({ received: 4, answered: 2, byKind: { question: { received: 1, answered: 1 }, complaint: { received: 1, answered: 1 } } });
    expect(stats.medianDaysToReply).toBeGreaterThanOrEqual(0);
  });

  it('deletes the contact details once the retention period after the reply has passed', async () => {
    expect(await letters.purge(new Date())).toBe(0);
    expect(await letters.purge(new Date(Date.now() + 181 * 86_400_000))).toBe(2);
    expect((await send('GET', `/api/letters/${complaint.reference}/contact`, undefined, ours)).status).toBe(200);
    expect(await (await send('GET', `/api/letters/${complaint.reference}/contact`, undefined, ours)).json()).toEqual({});
  });
});
