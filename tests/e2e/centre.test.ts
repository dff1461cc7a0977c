// Acceptance of issue 15's first part, in Chromium at phone size without JavaScript: a centre's
// account changes its phone and hours; the centre page, /api/services, the HSDS export and
// search show them at once, marked confirmed; the admin reverts from the change log; another
// centre's account gets 403.
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';
import { follow, signIn, staffAccounts, type Login } from '../helpers/staff.ts';

const browser = useBrowser();
const CENTRE = 'zhengguang-day-care-centre';
let staff: Login;
let other: Login;
let admin: Login;

beforeAll(async () => {
  ({ staff, other, admin } = await staffAccounts({
    staff: ['zgc', CENTRE, 'editor'],
    other: ['kzc', 'kazi-day-care-centre', 'editor'],
    admin: ['bureau', null, 'admin'],
  }));
});

describe('a centre keeps its own entry, in the browser', () => {
  it('changes phone and hours on a phone without JavaScript; everything shows them, confirmed; the admin reverts it', async () => {
    // The form passes axe (in a context with JavaScript, which axe needs).
    const axeContext = await browser().newContext({ viewport: { width: 360, height: 740 } });
    await withAxe(axeContext);
    const axePage = await signIn(axeContext, staff);
    await axePage.goto(`${baseURL()}/zh/admin/centre/${CENTRE}/`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axeContext.close();

    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await signIn(context, staff);
    await follow(page, page.getByRole('link', { name: '修改中心信息' }));
    await page.fill('#f-phone_0_number', '0856-5230001');
    await page.selectOption('#f-phone_0_label', 'duty');
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) await page.check(`input[name=hours_0_days][value=${d}]`);
    await page.fill('#f-hours_0_opens', '08:30');
    await page.fill('#f-hours_0_closes', '17:30');
    await page.fill('#f-hours_note', '春节放假');
    await follow(page, page.getByRole('button', { name: '保存修改' }));
    expect(page.url()).toContain(`/zh/services/${CENTRE}/`);
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('0856-5230001');
    expect(facts).toMatch(/周一、周二、周三、周四、周五 08:30–17:30/);
    expect(facts).toMatch(/由本中心于 .+确认/);
    expect(await page.getByRole('link', { name: /值班电话 0856-5230001/ }).getAttribute('href')).toBe('tel:0856-5230001');

    const listed = (await (await fetch(`${baseURL()}/api/services?type=day-care`)).json()).services.find((s: { id: string }) => s.id === CENTRE);
    expect(listed).toMatchObject({ phone: '0856-5230001', openNow: expect.any(Boolean) });
    const hsdsList = await (await fetch(`${baseURL()}/api/hsds/services?per_page=100`)).json();
    const hsdsId = hsdsList.contents.find((s: { url: string }) => s.url.includes(`/services/${CENTRE}/`)).id;
    const hsds = await (await fetch(`${baseURL()}/api/hsds/services/${hsdsId}`)).json();
    expect(hsds.phones[0].number).toBe('0856-5230001');
    expect(hsds.metadata.find((m: { field_name: string }) => m.field_name === 'service.phones')).toMatchObject({ last_action_type: 'update', replacement_value: expect.stringContaining('0856-5230001') });
    const searched = await (await fetch(`${baseURL()}/api/search?q=${encodeURIComponent('正光')}&type=service`)).json();
    expect(searched.hits.map((h: { url: string }) => h.url)).toContain(`/zh/services/${CENTRE}/`);

    // Another centre's account: 403, no form.
    const otherContext = await browser().newContext({ javaScriptEnabled: false });
    const otherPage = await signIn(otherContext, other);
    const refused = await otherPage.goto(`${baseURL()}/zh/admin/centre/${CENTRE}/`);
    expect(refused?.status()).toBe(403);
    expect(await otherPage.locator('form.event-form').count()).toBe(0);
    await otherContext.close();

    // The admin puts the phone back from the change log.
    const adminContext = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const adminPage = await signIn(adminContext, admin);
    await adminPage.goto(`${baseURL()}/zh/admin/accounts/`);
    const entry = adminPage.locator('ol.audit li', { hasText: '0856-5230001' }).first();
    await follow(adminPage, entry.getByRole('button', { name: /撤销这次修改/ }));
    expect(await adminPage.locator('.notice').innerText()).toContain('已撤销');
    await page.goto(`${baseURL()}/zh/services/${CENTRE}/`);
    expect(await page.locator('dl.facts').innerText()).not.toContain('0856-5230001');
    expect(await page.locator('dl.facts').innerText()).toContain('08:30'); // the hours stay confirmed
    await adminContext.close();
    await context.close();
  }, 90_000);
});
