import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();
let cookie: string;
beforeAll(async () => {
  const db = await openDb({ DATA_DIR: inject('dataDir') });
  const { user, password } = await new Accounts(db).add(`kazi-${Date.now()}`, 'kazi-day-care-centre', 'editor');
  const username = user.username;
  await db.close();
  const res = await fetch(`${baseURL()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', Origin: baseURL() }, body: JSON.stringify({ username, password }) });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${baseURL()}${path}`, { method, headers: { 'content-type': 'application/json', cookie, Origin: baseURL() }, ...(body !== undefined && { body: JSON.stringify(body) }) });

describe('an event from publishing to cancelling', () => {
  it('shows on the list, its page, the centre page, the ICS feed and in search; then edited and cancelled', async () => {
    const start = new Date(Date.now() + 7 * 86400_000);
    const end = new Date(start.getTime() + 90 * 60_000);
    const created = await api('POST', '/api/events', {
      title: { zh: '卡子社区象棋比赛', en: 'Kazi chess tournament' },
      description: { zh: '欢迎老人参加。\n\n- 带上**老花镜**\n- 有茶水 <script>alert(1)</script>' },
      start: start.toISOString(), end: end.toISOString(), audience: ['elderly'],
    });
    expect(created.status).toBe(201);
    const event = await created.json();

    const page = await browser().newPage();
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    await page.goto(`${baseURL()}/zh/events/`);
    expect(await page.getByRole('link', { name: '卡子社区象棋比赛' }).count()).toBe(1);
    await page.getByRole('link', { name: '卡子社区象棋比赛' }).click();
    expect(await page.locator('.description strong').innerText()).toBe('老花镜');
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')['@type']).toBe('Event');
    await page.goto(`${baseURL()}/en/services/kazi-day-care-centre/`);
    expect(await page.getByRole('link', { name: 'Kazi chess tournament' }).count()).toBe(1);
    expect(await (await fetch(`${baseURL()}/api/events.ics?center=kazi-day-care-centre`)).text()).toContain('SUMMARY:卡子社区象棋比赛');
    await page.goto(`${baseURL()}/zh/search/?q=象棋比赛`);
    expect(await page.locator('ol.results > li > a').first().getAttribute('href')).toBe(`/zh/events/${event.id}/`);
    expect(alerted).toBe(false);

    expect((await api('PATCH', `/api/events/${event.id}`, { title: { zh: '卡子社区象棋友谊赛' } })).status).toBe(200);
    await page.goto(`${baseURL()}/zh/events/${event.id}/`);
    expect(await page.locator('h1').innerText()).toBe('卡子社区象棋友谊赛');
    expect((await api('DELETE', `/api/events/${event.id}`)).status).toBe(200);
    await page.goto(`${baseURL()}/zh/events/${event.id}/`);
    expect(await page.locator('main .panel').innerText()).toContain('已取消');
    await page.goto(`${baseURL()}/zh/events/`);
    expect(await page.getByRole('link', { name: '卡子社区象棋友谊赛' }).count()).toBe(0);
    expect((await (await fetch(`${baseURL()}/api/search?q=${encodeURIComponent('象棋友谊赛')}&type=event`)).json()).total).toBe(0);
    expect(await (await fetch(`${baseURL()}/api/events.rss`)).text()).toMatch(/^<\?xml/);
    await page.close();
  }, 60_000);
});
