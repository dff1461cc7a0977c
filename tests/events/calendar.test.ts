import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, accounts, clock, content } = await testApp();
const { password } = await accounts.accounts.add('cal-editor', 'kazi-day-care-centre', 'editor');
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cal-editor', password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const send = (method: string, path: string, body?: unknown) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', cookie }, ...(body !== undefined && { body: JSON.stringify(body) }) });

const day = clock.day(new Date(Date.now() + 5 * 86400_000));
const published = await (
  await send('POST', '/api/events', {
    title: { zh: '剪纸课' },
    description: { zh: '一起学**剪窗花**。' },
    start: clock.moment(day, '09:30'),
    end: clock.moment(day, '11:00'),
    audience: ['elderly'],
  })
).json();
const other = await (await send('POST', '/api/events', { title: { zh: '读书会' }, description: { zh: '读报。' }, start: clock.moment(day, '14:00'), end: clock.moment(day, '15:00'), audience: ['everyone'], place: '二楼活动室' })).json();

const calendar = async (query: string) => {
  const res = await app.request(`/api/events.ics${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
  const vcalendar = new ICAL.Component(ICAL.parse(await res.text()));
  return new Map(vcalendar.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]));
};
const uid = (id: string) => `${id}@${content.district.calendarId}`;

describe('the iCalendar feed (parsed with Mozilla ical.js)', () => {
  it('raises SEQUENCE with every change, so a subscribed calendar replaces its copy, and keeps the cancelled event', async () => {
    expect((await calendar('')).get(uid(published.id))!.getFirstPropertyValue('sequence')).toBe(0);
    await send('PATCH', `/api/events/${published.id}`, { place: '一楼大厅' });
    const edited = (await calendar('')).get(uid(published.id))!;
    expect(edited.getFirstPropertyValue('sequence')).toBe(1);
    expect(edited.getFirstPropertyValue('location')).toBe('一楼大厅');
    await send('DELETE', `/api/events/${published.id}`);
    const cancelled = (await calendar('?center=kazi-day-care-centre')).get(uid(published.id))!;
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('stamps every event with the feed’s time, names the centre as organiser, and gives times in UTC', async () => {
    const before = Date.now();
    const event = (await calendar(`?id=${other.id}`)).get(uid(other.id))!;
    const stamp = (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime();
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const organizer = event.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe(content.services.get('kazi-day-care-centre')!.name.zh);
    expect(String(organizer.getFirstValue())).toMatch(/\/zh\/services\/kazi-day-care-centre\/$/);
    expect(event.getFirstPropertyValue('location')).toBe('二楼活动室');
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.zone?.tzid).toBe('UTC');
    expect(start.toJSDate().toISOString()).toBe(new Date(other.start).toISOString());
    expect(event.getFirstPropertyValue('description')).toBe('读报。');
  });

  it('answers 404 in the error shape for an unknown centre or event, not an empty calendar', async () => {
    for (const query of ['?center=no-such-centre', '?id=nosuchevent']) {
      const res = await app.request(`/api/events.ics${query}`);
      expect(res.status, query).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});

describe('the RSS feed', () => {
  it('is RSS 2.0 with its own address and language, each item with its day, hours and place', async () => {
    const res = await app.request('/api/events.rss');
    expect(res.headers.get('content-type')).toMatch(/application\/rss\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/<rss version="2.0"[^>]*xmlns:atom="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toMatch(/<atom:link href="http:\/\/localhost\/api\/events.rss" rel="self" type="application\/rss\+xml"\/>/);
    expect(xml).toContain('<language>zh-CN</language>');
    const item = xml.split('<item>').find((i) => i.includes(other.id))!;
    expect(item).toContain(clock.span('zh', other.start, other.end));
    expect(item).toContain('二楼活动室');
    expect(item).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}/);
    expect(xml).not.toContain(published.id); // cancelled: no longer upcoming
  });
});
