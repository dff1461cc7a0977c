// A consultation through the API: a committee opens it on its own convention; residents comment
// per article (nothing personal kept); the committee moderates, adds opinions from a meeting and
// responds; the report and the CSV count them; outside the window a comment is a 409.
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../api/consultations/index.ts';
import { testApp } from '../helpers/app.ts';

const services = await testApp();
const { app, accounts, content, clock, db } = services;
const CONVENTION = 'changping-village';
const committee = await accounts.accounts.add('changping-committee', null, 'editor', CONVENTION);
const other = await accounts.accounts.add('yunchangping-committee', null, 'editor', 'yunchangping-village');
const centre = await accounts.accounts.add('kazi-centre-staff', 'kazi-day-care-centre', 'editor');

async function signIn(username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const ours = await signIn('changping-committee', committee.password);
const theirs = await signIn('yunchangping-committee', other.password);
const centreCookie = await signIn('kazi-centre-staff', centre.password);
const send = (method: string, path: string, body?: unknown, cookie?: string, headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers }, ...(body !== undefined && { body: JSON.stringify(body) }) });

const day = (offset: number) => clock.day(new Date(Date.now() + offset * 86_400_000));
const inForce = content.conventions.get(CONVENTION)!.versions.at(-1)!.articles;
const article5 = inForce.find((a) => a.number === 5)!;
// Article 5 changed, 13 removed (left out), 14 added; the rest as in force.
const draft = [
  ...inForce.filter((a) => a.number !== 5 && a.number !== 13).map((a) => ({ number: a.number, section: a.part === 'general' ? '总则' : '细则', text: a.text })),
  { number: 5, section: '细则', text: { zh: `${article5.text.zh.replace(/。$/, '')}，酒席不超过八桌。` } },
  { number: 14, section: '细则', text: { zh: '本公约修订须经村民会议讨论通过。' } },
];
const opened = (opens = day(0), closes = day(10)) => ({ convention: CONVENTION, title: { zh: '常坪村村规民约修订征求意见' }, summary: { zh: '这次修订把酒席桌数写清楚，并增加一条。' }, opens, closes, articles: draft });

let id: string;

describe('opening a consultation', () => {
  it('is for the convention’s own committee or an admin: 201 with id, url and status', async () => {
    expect((await send('POST', '/api/consultations', opened(), theirs)).status).toBe(403);
    expect((await send('POST', '/api/consultations', opened(), centreCookie)).status).toBe(403);
    expect((await send('POST', '/api/consultations', opened())).status).toBe(401);
    const res = await send('POST', '/api/consultations', opened(), ours);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ id: expect.any(String), url: `/zh/consultations/${body.id}/`, status: 'open' });
    id = body.id;
  });

  it('names each bad field: dates the wrong way round, a repeated article, a missing text, an unknown convention', async () => {
    const bad = await send('POST', '/api/consultations', { ...opened(), articles: [{ number: 1, section: '总则', text: { zh: '' } }, { number: 2, section: '杂则', text: { zh: 'x' } }] }, ours);
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(['articles.0.text.zh', 'articles.1.section']));
    const twice = await send('POST', '/api/consultations', { ...opened(day(5), day(1)), articles: [draft[0], draft[0]] }, ours);
    expect(twice.status).toBe(400);
    expect(Object.keys((await twice.json()).error.fields)).toEqual(expect.arrayContaining(['closes', 'articles']));
    const unknown = await send('POST', '/api/consultations', { ...opened(), convention: 'no-such-village' }, ours);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toHaveProperty('convention');
  });

  it('shows each article beside the text in force: changed, added, removed, unchanged', async () => {
    const c = await (await app.request(`/api/consultations/${id}`)).json();
    const change = (n: number) => c.articles.find((a: { number: number }) => a.number === n);
    expect(change(5)).toMatchObject({ change: 'changed', inForce: { zh: article5.text.zh }, text: { zh: expect.stringContaining('八桌') } });
    expect(change(13)).toMatchObject({ change: 'removed', text: null });
    expect(change(14)).toMatchObject({ change: 'added', inForce: null });
    expect(change(1).change).toBe('unchanged');
    expect((await app.request('/api/consultations/nope')).status).toBe(404);
  });

  it('is in search, and what the bot answers to “how can I give my opinion on the new village rules”', async () => {
    const found = await services.search.search('常坪村村规民约修订征求意见', { lang: 'zh', type: 'consultation' });
    expect(found.hits.map((h) => h.url)).toContain(`/zh/consultations/${id}/`);
    for (const [question, lang] of [['村里要改村规民约，我想提意见，怎么提？', 'zh'], ['How can I give my opinion on the new village rules?', 'en']] as const) {
      const answer = await services.bot.answer(question, { lang });
      expect(answer.status, question).toBe('answered');
      expect(answer.citations.map((c) => c.url), question).toContain(`/${lang}/consultations/${id}/`);
    }
    // A question about the rules themselves is answered from the rules.
    const rules = await services.bot.answer('村规民约对办酒席有什么规定？', { lang: 'zh' });
    expect(rules.citations.map((c) => c.url).join(' ')).toContain('/conventions/');
  });

  it('compares Chinese by words, so a changed number reads as one word replaced', () => {
    expect(wordDiff('酒席不超过十桌。', '酒席不超过八桌。', 'zh')).toEqual([
      { kind: 'same', text: '酒席不超过' },
      { kind: 'removed', text: '十桌' },
      { kind: 'added', text: '八桌' },
      { kind: 'same', text: '。' },
    ]);
  });
});

describe('commenting', () => {
  let first: string;
  let second: string;

  it('takes a comment on an article with no account, awaiting review, and keeps no ID-card or phone number', async () => {
    const res = await send('POST', `/api/consultations/${id}/comments`, { article: 5, stance: 'suggest', text: '八桌还是多了，建议六桌。', village: '三组' });
    expect(res.status).toBe(202);
    first = (await res.json()).id;
    const withId = await send('POST', `/api/consultations/${id}/comments`, { article: 5, stance: 'oppose', text: '我是张三，身份证522201195001011234，电话13812345678，不同意。', name: '张三' });
    expect(withId.status).toBe(202);
    second = (await withId.json()).id;
    const stored = await db.all<{ text: string }>('SELECT text FROM consultation_comments WHERE consultation_id = ?', [id]);
    expect(JSON.stringify(stored)).not.toMatch(/522201195001011234|13812345678/);
    // Not shown until the committee approves it.
    expect(JSON.stringify(await (await app.request(`/api/consultations/${id}`)).json())).not.toContain('六桌');
  });

  it('refuses a wrong article, a wrong stance, an empty or oversize text, naming the field', async () => {
    for (const [body, field] of [
      [{ article: 99, stance: 'support', text: '好' }, 'article'],
      [{ article: 5, stance: 'maybe', text: '好' }, 'stance'],
      [{ article: 5, stance: 'support', text: '   ' }, 'text'],
      [{ article: 5, stance: 'support', text: '长'.repeat(501) }, 'text'],
    ] as const) {
      const res = await send('POST', `/api/consultations/${id}/comments`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
  });

  it('pretends to take what a robot fills the hidden field with, and keeps nothing', async () => {
    const before = (await db.all('SELECT id FROM consultation_comments')).length;
    expect((await send('POST', `/api/consultations/${id}/comments`, { article: 5, stance: 'support', text: 'buy now', website: 'http://spam.example' })).status).toBe(202);
    expect((await db.all('SELECT id FROM consultation_comments')).length).toBe(before);
  });

  it('lets the committee approve one, reject one with a reason, enter two from a meeting, and respond', async () => {
    expect((await send('POST', `/api/consultations/${id}/comments/${first}/moderation`, { decision: 'approve' }, theirs)).status).toBe(403);
    expect((await send('POST', `/api/consultations/${id}/comments/${second}/moderation`, { decision: 'reject' }, ours)).status).toBe(400);
    const queue = await (await send('GET', `/api/consultations/${id}/queue`, undefined, ours)).json();
    expect(queue.pending.map((c: { id: string }) => c.id)).toEqual([first, second]);
    expect((await send('POST', `/api/consultations/${id}/comments/${first}/moderation`, { decision: 'approve' }, ours)).status).toBe(200);
    expect((await send('POST', `/api/consultations/${id}/comments/${second}/moderation`, { decision: 'reject', reason: '含有个人信息' }, ours)).status).toBe(200);
    for (const text of ['会上大家同意八桌。', '有人提出丧事也要从简。']) {
      const res = await send('POST', `/api/consultations/${id}/gathered`, { article: 5, stance: 'support', text, source: 'meeting', on: day(0) }, ours);
      expect(res.status).toBe(201);
      const gathered = await res.json();
      expect(gathered).toMatchObject({ source: 'meeting', gatheredOn: day(0) });
      const outcome = text.includes('同意') ? 'adopted' : 'partly';
      expect((await send('POST', `/api/consultations/${id}/comments/${gathered.id}/response`, { outcome, reason: '已写入第五条。' }, ours)).status).toBe(200);
    }
    expect((await send('POST', `/api/consultations/${id}/comments/${first}/response`, { outcome: 'not_adopted', reason: '多数村民同意八桌。' }, ours)).status).toBe(200);
    expect((await send('POST', `/api/consultations/${id}/comments/${second}/response`, { outcome: 'adopted', reason: 'x' }, ours)).status).toBe(409);

    const c = await (await app.request(`/api/consultations/${id}`)).json();
    const five = c.articles.find((a: { number: number }) => a.number === 5);
    expect(five.comments.map((x: { text: string }) => x.text)).toEqual(['八桌还是多了，建议六桌。', '会上大家同意八桌。', '有人提出丧事也要从简。']);
    expect(five.comments[0]).toMatchObject({ village: '三组', source: 'online', response: { outcome: 'not_adopted', reason: '多数村民同意八桌。' } });
    expect(JSON.stringify(c)).not.toContain('含有个人信息');
  });

  it('reports the counts, per article and stance, online and from meetings, with each response', async () => {
    const report = await (await app.request(`/api/consultations/${id}/report`)).json();
    expect(report).toMatchObject({ total: 3, online: 1, meeting: 2, byStance: { support: 2, oppose: 0, suggest: 1 }, adopted: 1, partly: 1, notAdopted: 1 });
    expect(report.byArticle['5']).toEqual({ total: 3, support: 2, oppose: 0, suggest: 1 });
    expect(report.responses).toHaveLength(3);
  });

  it('exports the published comments as CSV with no names, and a formula kept as text', async () => {
    await send('POST', `/api/consultations/${id}/comments`, { article: 14, stance: 'suggest', text: '=HYPERLINK("http://evil.example","点这里")', name: '李四' });
    const pending = (await (await send('GET', `/api/consultations/${id}/queue`, undefined, ours)).json()).pending;
    await send('POST', `/api/consultations/${id}/comments/${pending[0].id}/moderation`, { decision: 'approve' }, ours);
    const res = await app.request(`/api/consultations/${id}/comments.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, so spreadsheet programs read UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\n')[0]).toBe('id,article,stance,text,village,source,gathered_on,outcome,outcome_reason');
    expect(csv).not.toContain('李四');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点这里"")"`);
  });

  it('lets any reader report a published comment to the committee', async () => {
    expect((await send('POST', `/api/consultations/${id}/comments/${first}/report`)).status).toBe(202);
    expect((await send('POST', `/api/consultations/${id}/comments/${second}/report`)).status).toBe(404);
    const queue = await (await send('GET', `/api/consultations/${id}/queue`, undefined, ours)).json();
    expect(queue.reported.map((c: { id: string }) => c.id)).toEqual([first]);
  });
});

describe('the window', () => {
  it('is readable before it opens and after it closes; a comment then is a 409', async () => {
    for (const [opens, closes, status, code] of [[day(3), day(10), 'upcoming', 'not_open_yet'], [day(-10), day(-1), 'closed', 'closed']] as const) {
      const created = await (await send('POST', '/api/consultations', opened(opens, closes), ours)).json();
      expect(created.status).toBe(status);
      expect((await app.request(`/api/consultations/${created.id}`)).status).toBe(200);
      const late = await send('POST', `/api/consultations/${created.id}/comments`, { article: 5, stance: 'support', text: '同意' });
      expect(late.status).toBe(409);
      expect((await late.json()).error.code).toBe(code);
    }
  });

  it('lists every consultation with its status', async () => {
    const { consultations } = await (await app.request('/api/consultations')).json();
    expect(consultations.map((c: { status: string }) => c.status).sort()).toEqual(['closed', 'open', 'upcoming']);
  });
});

describe('adoption', () => {
  const newRule = '本公约修订须经村民会议讨论通过，并报镇人民政府备案。';
  const record = (over: Record<string, unknown> = {}) => ({
    review: { on: day(0), by: '某某镇人民政府' },
    vote: { on: day(0), body: 'assembly', present: 300, for: 280, against: 12, abstain: 8 },
    filed: { on: day(0) },
    published: { on: day(0) },
    inForce: day(0),
    ...over,
  });
  let closed: string;
  const removed = inForce.find((a) => a.number === 13)!;

  it('waits for the window to close, needs a majority of those present, and is the committee’s', async () => {
    const draftWithRule = draft.map((a) => (a.number === 14 ? { ...a, text: { zh: newRule } } : a));
    closed = (await (await send('POST', '/api/consultations', { ...opened(day(-10), day(-1)), articles: draftWithRule }, ours)).json()).id;
    const still = await send('POST', `/api/consultations/${id}/adoption`, record(), ours);
    expect(still.status).toBe(409);
    expect((await still.json()).error.code).toBe('still_open');
    expect((await send('POST', `/api/consultations/${closed}/adoption`, record(), theirs)).status).toBe(403);
    const lost = await send('POST', `/api/consultations/${closed}/adoption`, record({ vote: { on: day(0), present: 300, for: 150, against: 140, abstain: 10 } }), ours);
    expect(lost.status).toBe(400);
    expect((await lost.json()).error.fields).toHaveProperty('vote.for');
    const early = await send('POST', `/api/consultations/${closed}/adoption`, record({ review: { on: day(-5) } }), ours);
    expect(early.status).toBe(400);
    expect((await early.json()).error.fields).toHaveProperty(['review.on']);
    const order = await send('POST', `/api/consultations/${closed}/adoption`, record({ inForce: day(-1) }), ours);
    expect((await order.json()).error.fields).toHaveProperty('inForce');
  });

  it('makes the draft the version in force at once: its record, a fingerprint anyone can check, the old version kept', async () => {
    const before = content.conventions.get(CONVENTION)!.versions.length;
    const res = await send('POST', `/api/consultations/${closed}/adoption`, record(), ours);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'adopted', convention: CONVENTION });
    expect((await send('POST', `/api/consultations/${closed}/adoption`, record(), ours)).status).toBe(409);

    const { versions } = await (await app.request(`/api/conventions/${CONVENTION}/versions`)).json();
    expect(versions).toHaveLength(before + 1);
    const [old, now] = [versions.at(-2), versions.at(-1)];
    expect(now).toMatchObject({ current: true, inForce: day(0), label: { zh: `${day(0).slice(0, 4)}年修订` } });
    expect(old.current).toBe(false);
    expect(now.procedure.map((s: { step: string }) => s.step)).toEqual(['opinions', 'legality-review', 'assembly-vote', 'filed', 'published', 'in-force']);
    expect(now.procedure[2].votes).toEqual({ present: 300, for: 280, against: 12, abstain: 8 });
    expect(now.procedure[0].consultation).toBe(closed);
    // The fingerprint is the SHA-256 of the text the API gives out, computed here independently.
    const text = await (await app.request(now.text)).text();
    expect(text).toContain(`第14条 ${newRule}`);
    expect(text).not.toContain(removed.text.zh);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(text).digest('hex')).toBe(now.fingerprint);
    expect(now.fingerprint).not.toBe(old.fingerprint);
    expect(await (await app.request(old.text)).text()).toContain(removed.text.zh);
    expect((await app.request(`/api/conventions/${CONVENTION}/versions/99/text`)).status).toBe(404);

    // The consultation still compares the draft with the version it replaced.
    const c = await (await app.request(`/api/consultations/${closed}`)).json();
    expect(c.status).toBe('adopted');
    expect(c.articles.find((a: { number: number }) => a.number === 13).change).toBe('removed');
  });

  it('is what search and the bot find now: the new article, and no longer the removed one', async () => {
    const { search, bot } = services;
    const found = await search.search('修订须经村民会议讨论通过', { lang: 'zh' });
    expect(found.hits.map((h) => h.id)).toContain(`zh:convention:${CONVENTION}:14`);
    const gone = await search.search(removed.text.zh.slice(0, 24), { lang: 'zh', type: 'convention' });
    expect(gone.hits.filter((h) => h.id === `zh:convention:${CONVENTION}:13`)).toEqual([]);
    const answer = await bot.answer('常坪村村规民约修订要经过什么程序通过？', { lang: 'zh' });
    expect(answer.citations.map((x) => x.url).join(' ')).not.toContain('#article-13');
  });
});
