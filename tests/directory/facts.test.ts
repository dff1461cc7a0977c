// Centres keep their own entry: PATCH /api/services/:id, live at once everywhere, in the audit log
// with the old and new value, revertible by an admin; another centre's account is refused.
import { describe, expect, it } from 'vitest';
import { openNow, servicePage } from '../../api/directory/index.ts';
import { checkPage } from '../../api/eligibility/index.ts';
import { Hsds } from '../../api/directory/hsds.ts';
import { testApp } from '../helpers/app.ts';

const { app, accounts, content, clock, directory, bot } = await testApp();
const CENTRE = 'kazi-day-care-centre';
const editor = await accounts.accounts.add('kazi-staff', CENTRE, 'editor');
const other = await accounts.accounts.add('aitun-staff', 'aitun-day-care-centre', 'editor');
const admin = await accounts.accounts.add('bureau-admin', null, 'admin');

async function signIn(username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const send = (method: string, path: string, cookie: string | undefined, body: unknown) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

const mine = await signIn('kazi-staff', editor.password);
const theirs = await signIn('aitun-staff', other.password);
const bureau = await signIn('bureau-admin', admin.password);
const hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:30' }], note: { zh: '法定节假日休息' } };

describe('a centre keeping its own entry', () => {
  it('changes its phones and hours: the API, the page, the HSDS export and search show them at once, marked confirmed', async () => {
    const res = await send('PATCH', `/api/services/${CENTRE}`, mine, { phones: [{ number: '0856-5211234', label: 'duty' }, { number: '0856-5215678', label: 'office' }], hours });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.phones[0]).toEqual({ number: '0856-5211234', label: 'duty' });
    expect(body.confirmed.phones).toEqual({ on: clock.day(), by: 'centre' });

    const listed = (await (await app.request('/api/services?type=day-care')).json()).services.find((s: { id: string }) => s.id === CENTRE);
    expect(listed).toMatchObject({ phone: '0856-5211234', hours: hours.weekly });
    // Tuesday 18:00 in Tongren: closed, opens tomorrow; 10:00: open, and listed under open=now.
    expect(servicePage(content, CENTRE, 'zh', clock, 'https://example.org', new Date('2026-12-01T10:00:00Z'))!.opensNext).toBe('明天 08:30 开门');
    const openIds = (await (await app.request('/api/services?open=now&limit=100')).json()).services.map((s: { id: string; openNow: boolean }) => [s.id, s.openNow]);
    expect(openIds.every(([, open]: [string, boolean]) => open === true)).toBe(true);
    expect(openIds.some(([id]: [string]) => id === CENTRE)).toBe(openNow(content.services.get(CENTRE)!.hours, new Date(), clock) === true);
    const page = servicePage(content, CENTRE, 'zh', clock, 'https://example.org')!;
    expect(page.phones.map((p) => p.label)).toEqual(['值班电话', '办公室电话']);
    expect(page.confirmed.phones).toMatch(/^由本中心于 .*确认$/);
    expect(page.hoursNote).toBe('法定节假日休息');
    expect(page.confirmed.address).toBeUndefined(); // still 待核实
    const hsds = new Hsds(content, 'https://example.org', clock).full(CENTRE);
    expect(JSON.stringify(hsds)).toContain('0856-5211234');
  });

  it('refuses another centre’s account with 403, no session with 401, and a bad field with 400 naming it', async () => {
    expect((await send('PATCH', `/api/services/${CENTRE}`, theirs, { phones: [] })).status).toBe(403);
    expect((await send('PATCH', `/api/services/${CENTRE}`, undefined, { phones: [] })).status).toBe(401);
    const bad = await send('PATCH', `/api/services/${CENTRE}`, mine, { phones: [{ number: 'call me', label: 'duty' }], hours: { weekly: [{ days: ['mon'], opens: '18:00', closes: '08:00' }] }, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(['phones.0.number', 'hours.weekly.0.closes', 'colour']));
    // The township offices and the bureau are the admin's to change.
    const office = [...content.services].find(([, s]) => s.type === 'civil-affairs-office')![0];
    expect((await send('PATCH', `/api/services/${office}`, mine, { phones: [] })).status).toBe(403);
    expect((await send('PATCH', `/api/services/${office}`, bureau, { phones: [{ number: '0856-5200000', label: 'office' }] })).status).toBe(200);
    expect(content.services.get(office)!.confirmed?.phones?.by).toBe('bureau');
  });

  it('logs the old and the new value, and an admin’s revert puts the old one back', async () => {
    await send('PATCH', `/api/services/${CENTRE}`, mine, { address: { zh: '卡子社区服务中心一楼' } });
    const log = await accounts.auditLog((await accounts.accounts.find('bureau-admin'))!, 10);
    const change = log.find((e) => e.action === 'service-update' && JSON.parse(e.detail!).field === 'address')!;
    expect(JSON.parse(change.detail!)).toEqual({ service: CENTRE, field: 'address', old: null, new: { zh: '卡子社区服务中心一楼' } });
    expect(content.services.get(CENTRE)!.address?.zh).toBe('卡子社区服务中心一楼');
    expect((await send('POST', '/api/services/revert', mine, { change: change.id })).status).toBe(403);
    const reverted = await send('POST', '/api/services/revert', bureau, { change: change.id });
    expect(reverted.status).toBe(200);
    expect((await reverted.json()).address).toBeNull();
    expect(content.services.get(CENTRE)!.address).toBeNull();
    expect(content.services.get(CENTRE)!.confirmed?.address).toBeUndefined();
    // What was confirmed before stays.
    expect(content.services.get(CENTRE)!.phone).toBe('0856-5211234');
    expect(directory.mayEdit((await accounts.accounts.find('kazi-staff'))!, CENTRE)).toBe(true);
  });

  it('shows an office’s confirmed numbers in the self-check’s “where to apply”, at once', async () => {
    const answers = 'residence=rural&town=bahuang&members=1&ages=72&disability=no&illness=none&income=0&rigid=0&savings=0&property=none&supporter=none&emergency=none';
    const before = checkPage(content, 'zh', new URLSearchParams(`${answers}&step=result`), clock);
    expect(before.view === 'result' && before.office).toMatchObject({ id: 'bahuang-civil-affairs-office' });
    expect(JSON.stringify(before)).not.toContain('0856-5281234');
    expect((await send('PATCH', '/api/services/bahuang-civil-affairs-office', bureau, { phones: [{ number: '0856-5281234', label: 'office' }] })).status).toBe(200);
    const after = checkPage(content, 'zh', new URLSearchParams(`${answers}&step=result`), clock);
    expect(after.view === 'result' && after.office).toMatchObject({ phones: [{ number: '0856-5281234', label: '办公室电话' }], confirmed: { phones: expect.stringMatching(/^由区民政局于 .+确认$/) } });
  });

  it('lets the bot quote what a centre now offers', async () => {
    const question = '卡子社区日间照料中心可以帮老人理发吗';
    expect((await bot.answer(question, { lang: 'zh' })).answer).not.toContain('免费为老人理发');
    expect((await send('PATCH', `/api/services/${CENTRE}`, mine, { offers: [{ zh: '每月第一个周三免费为老人理发' }, { zh: '午餐' }] })).status).toBe(200);
    const answer = await bot.answer(question, { lang: 'zh' });
    expect(answer.answer).toContain('每月第一个周三免费为老人理发');
    expect(answer.citations.map((c) => c.url)).toContain(`/zh/services/${CENTRE}/`);
  });
});
