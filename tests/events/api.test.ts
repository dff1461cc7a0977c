import { describe, expect, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { testApp } from '../helpers/app.ts';

const { app, db, search } = await testApp();
const accounts = new Accounts(db);
const editorA = await accounts.add('centre-a', 'aitun-day-care-centre', 'editor');
const editorB = await accounts.add('centre-b', 'kazi-day-care-centre', 'editor');
const admin = await accounts.add('district', null, 'admin');

async function signIn(username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

const send = (method: string, path: string, cookie?: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers }, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** A week from now in the district's zone: the feeds show events from a month back onwards. */
const DAY = new Date(Date.now() + 7 * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

const event = (title = '重阳节百家宴', description = '**一起吃饭**，请带碗筷。') => ({
  title: { zh: title, en: 'Double Ninth shared meal' },
  description: { zh: description },
  start: `${DAY}T09:30:00+08:00`,
  end: `${DAY}T11:00:00+08:00`,
  audience: ['elderly'],
  capacity: 30,
});

const a = await signIn('centre-a', editorA.password);
const b = await signIn('centre-b', editorB.password);

describe('events API', () => {
  it('lets an editor publish, edit and cancel their centre’s event, kept as cancelled, in search meanwhile', async () => {
    const created = await send('POST', '/api/events', a, event());
    expect(created.status).toBe(201);
    const e = await created.json();
    expect(e).toMatchObject({ center: 'aitun-day-care-centre', status: 'scheduled', url: `/zh/events/${e.id}/` });
    expect(e.descriptionHtml.zh).toBe('<p><strong>一起吃饭</strong>，请带碗筷。</p>\n');
    expect((await search.search('百家宴', { lang: 'zh', type: 'event' })).hits[0]?.url).toBe(`/zh/events/${e.id}/`);

    const edited = await (await send('PATCH', `/api/events/${e.id}`, a, { place: '矮屯社区活动室' })).json();
    expect(edited.place).toBe('矮屯社区活动室');
    const cancelled = await (await send('DELETE', `/api/events/${e.id}`, a)).json();
    expect(cancelled.status).toBe('cancelled');
    expect((await (await send('GET', `/api/events/${e.id}`)).json()).status).toBe('cancelled');
    expect((await search.search('百家宴', { lang: 'zh', type: 'event' })).total).toBe(0);
    const log = await db.all<{ action: string }>('SELECT action FROM audit WHERE event_id = ? ORDER BY id', [e.id]);
    expect(log.map((r) => r.action)).toEqual(['create', 'update', 'cancel']);
  });

  it('refuses another centre’s event with 403, and anyone without a session with 401', async () => {
    const e = await (await send('POST', '/api/events', a, event('手工课'))).json();
    expect((await send('PATCH', `/api/events/${e.id}`, b, { place: 'x' })).status).toBe(403);
    expect((await send('DELETE', `/api/events/${e.id}`, b)).status).toBe(403);
    expect((await send('POST', '/api/events', b, { ...event(), center: 'aitun-day-care-centre' })).status).toBe(403);
    expect((await send('POST', '/api/events', undefined, event())).status).toBe(401);
    expect((await send('DELETE', `/api/events/${e.id}`)).status).toBe(401);
    const district = await signIn('district', admin.password);
    expect((await send('PATCH', `/api/events/${e.id}`, district, { capacity: 12 })).status).toBe(200);
  });

  it('refuses a cross-origin POST', async () => {
    const res = await send('POST', '/api/events', a, event(), { Origin: 'https://evil.example', Host: 'localhost' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_origin');
    expect((await send('POST', '/api/events', a, event(), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await send('POST', '/api/events', a, event(), { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await send('POST', '/api/events', a, event(), { Origin: 'null', Host: 'localhost' })).status).toBe(403);
    // The browser's own word wins: a same-origin request whose Origin privacy settings hid.
    expect((await send('POST', '/api/events', a, event(), { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
  });

  it('previews Markdown for signed-in staff with the published page’s allow-list', async () => {
    expect((await send('POST', '/api/events/preview', undefined, { markdown: '**x**' })).status).toBe(401);
    const res = await send('POST', '/api/events/preview', a, { markdown: '**粗** <script>alert(1)</script> [x](javascript:alert(1))' });
    expect(res.status).toBe(200);
    const { html } = await res.json();
    expect(html).toContain('<strong>粗</strong>');
    expect(html).not.toMatch(/<script|javascript:/);
    const long = await send('POST', '/api/events/preview', a, { markdown: 'x'.repeat(5001) });
    expect((await long.json()).error.fields).toHaveProperty('markdown');
  });

  it('names the field for bad input', async () => {
    const bad = await send('POST', '/api/events', a, { ...event(), start: 'tomorrow', audience: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['audience', 'start']);
    const backwards = await send('POST', '/api/events', a, { ...event(), end: `${DAY}T08:00:00+08:00` });
    expect((await backwards.json()).error.fields).toEqual({ end: 'must be after start' });
  });

  it('signs out on the server, and rate-limits ten bad passwords', async () => {
    const cookie = await signIn('centre-b', editorB.password);
    expect((await send('GET', '/api/auth/me', cookie)).status).toBe(200);
    await send('POST', '/api/auth/logout', cookie);
    expect((await send('GET', '/api/auth/me', cookie)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send('POST', '/api/auth/login', undefined, { username: 'centre-b', password: `wrong${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('XSS payloads', () => {
  const PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '"><script>alert(1)</script>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<details open ontoggle=alert(1)>',
    '[x](vbscript:msgbox(1))',
    '<style>body{display:none}</style>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  ];

  it('never come out of the Markdown renderer or the ICS feed unescaped', async () => {
    for (const payload of PAYLOADS) {
      const e = await (await send('POST', '/api/events', a, event(`标题${payload}`, `说明 ${payload}`))).json();
      const html = e.descriptionHtml.zh as string;
      expect(html, payload).not.toMatch(/<script|onerror|onload|ontoggle|javascript:|vbscript:|data:text|<iframe|<style|<svg|<math/i);
    }
    // In iCalendar text, commas, semicolons and newlines must be escaped, or a payload could add
    // properties of its own; HTML is never interpreted there.
    const unfolded = (await (await send('GET', '/api/events.ics?center=aitun-day-care-centre')).text()).replace(/\r\n /g, '');
    for (const line of unfolded.split('\r\n').filter((l) => /^(SUMMARY|DESCRIPTION):/.test(l))) {
      expect(line.slice(line.indexOf(':') + 1), line).not.toMatch(/(?<!\\)[,;]|\n/);
    }
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)!.length).toBeGreaterThanOrEqual(PAYLOADS.length);
    const ics = await (await send('GET', '/api/events.ics')).text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).not.toMatch(/[<>]/);
    const first = (await (await send('GET', '/api/events?center=aitun-day-care-centre')).json()).events[0];
    const one = await send('GET', `/api/events.ics?id=${first.id}`);
    expect(one.headers.get('content-disposition')).toContain(`event-${first.id}.ics`);
    expect((await one.text()).match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect((await (await send('GET', '/api/events.ics?id=nope')).json()).error.fields).toEqual({ id: 'no such event' });
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
