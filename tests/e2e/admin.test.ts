// The staff pages in Chromium: a centre worker signs in, publishes with the form (Markdown and its
// preview), sees the event everywhere residents look, edits it and cancels it — with JavaScript
// and without — and the pages refuse what they must and pass the same checks as public pages.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../content/loader.ts';
import { BUDGETS } from '../budgets.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';
import { follow, signIn, staffAccounts, type Login } from '../helpers/staff.ts';
import { weigh } from './site-checks.ts';

const browser = useBrowser();
const CENTRE = 'xiangtanglong-day-care-centre';
const CENTRE_NAME = loadContent().services.get(CENTRE)!.name.zh;
let editor: Login;
let other: Login;
let admin: Login;
let victim: Login;

beforeAll(async () => {
  ({ editor, other, admin, victim } = await staffAccounts({
    editor: ['xtl', CENTRE, 'editor'],
    other: ['zg', 'zhengguang-day-care-centre', 'editor'],
    admin: ['district', null, 'admin'],
    victim: ['leaver', 'aitun-day-care-centre', 'editor'],
  }));
});

/** A day in the district's zone, `days` from now, as the date field takes it. */
const day = (days: number) => new Date(Date.now() + days * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });


async function fillEvent(page: Page, title: string, description: string) {
  await page.fill('#f-title_zh', title);
  await page.fill('#f-description_zh', description);
  await page.fill('#f-date', day(6));
  await page.fill('#f-start_time', '14:30');
  await page.fill('#f-end_time', '16:00');
  await page.check('#f-audience-elderly');
  await page.check('#f-audience-families');
}

describe('staff pages with JavaScript', () => {
  it('sign in, publish with a Markdown description, see it on the list, centre page, ICS and in search; edit; cancel', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await signIn(context, editor);
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    expect(await page.locator('h1').innerText()).toBe(CENTRE_NAME);
    await follow(page, page.getByRole('link', { name: '发布新活动' }));
    await fillEvent(page, '响塘龙剪纸课', '一起学**剪窗花**。\n\n- 带剪刀\n- 有茶水 <img src=x onerror=alert(1)>');
    // The live preview: rendered by the server's renderer, script-free.
    await expect.poll(() => page.locator('[data-preview=zh] strong').count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator('[data-preview=zh] li').count()).toBe(2);
    expect(await page.locator('[data-preview=zh] [onerror]').count()).toBe(0);
    expect(await page.locator('[data-preview-button]').isVisible()).toBe(false);
    await follow(page, page.getByRole('button', { name: '发布' }));
    expect(page.url()).toMatch(/\/zh\/admin\/\?done=created&event=/);
    expect(await page.locator('.notice').innerText()).toContain('已发布');
    const id = new URL(page.url()).searchParams.get('event')!;

    // Filtered by community, under its day's heading, with its hours.
    await page.goto(`${baseURL()}/zh/events/?town=kazi`);
    expect(await page.getByRole('link', { name: '响塘龙剪纸课' }).count()).toBe(0);
    await page.goto(`${baseURL()}/zh/events/?town=xiangtanglong`);
    const card = page.locator('li.card', { hasText: '响塘龙剪纸课' });
    expect(await card.innerText()).toContain('14:30–16:00');
    const heading = await card.evaluate((li) => li.parentElement!.previousElementSibling!.textContent);
    expect(heading).toMatch(new RegExp(`${Number(day(6).slice(5, 7))}月${Number(day(6).slice(8))}日`));
    await follow(page, page.getByRole('link', { name: '响塘龙剪纸课' }));
    expect(page.url()).toBe(`${baseURL()}/zh/events/${id}/`);
    expect(await page.locator('.description strong').innerText()).toBe('剪窗花');
    const single = await fetch(`${baseURL()}${await page.getByRole('link', { name: '把这个活动加入手机日历' }).getAttribute('href')}`);
    expect(await single.text()).toContain('SUMMARY:响塘龙剪纸课');
    await page.goto(`${baseURL()}/zh/services/${CENTRE}/`);
    expect(await page.getByRole('link', { name: '响塘龙剪纸课' }).count()).toBe(1);
    // English: no English text was written, so the Chinese shows, marked as Chinese.
    await page.goto(`${baseURL()}/en/events/${id}/`);
    expect(await page.locator('h1').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('main').innerText()).toContain('described in Chinese only');
    const ics = await (await fetch(`${baseURL()}/api/events.ics?center=${CENTRE}`)).text();
    expect(ics).toContain('SUMMARY:响塘龙剪纸课');
    expect(ics).not.toContain('<img');
    await page.goto(`${baseURL()}/zh/search/?q=${encodeURIComponent('剪纸课')}`);
    expect(await page.locator('ol.results > li > a').first().getAttribute('href')).toBe(`/zh/events/${id}/`);

    await page.goto(`${baseURL()}/zh/admin/`);
    await follow(page, page.getByRole('link', { name: /修改\s*：响塘龙剪纸课/  }));
    expect(await page.inputValue('#f-start_time')).toBe('14:30');
    expect(await page.inputValue('#f-date')).toBe(day(6));
    await page.fill('#f-title_zh', '响塘龙剪纸窗花课');
    await page.fill('#f-title_en', 'Paper-cutting class');
    await page.fill('#f-capacity', '20');
    await follow(page, page.getByRole('button', { name: '保存修改' }));
    expect(page.url()).toContain('done=updated');
    await page.goto(`${baseURL()}/en/events/${id}/`);
    expect(await page.locator('h1').innerText()).toBe('Paper-cutting class');
    expect(await page.locator('dl.facts').innerText()).toContain('20');

    await page.goto(`${baseURL()}/zh/admin/`);
    await follow(page, page.getByRole('link', { name: /取消活动\s*：响塘龙剪纸窗花课/  }));
    expect(await page.locator('h1').innerText()).toContain('响塘龙剪纸窗花课');
    await follow(page, page.getByRole('button', { name: '确定取消活动' }));
    expect(page.url()).toContain('done=cancelled');
    expect(await page.locator('.staff-events .badge').first().innerText()).toBe('已取消');
    await page.goto(`${baseURL()}/zh/events/${id}/`);
    expect(await page.locator('main .panel').innerText()).toContain('已取消');
    await page.goto(`${baseURL()}/zh/events/`);
    expect(await page.getByRole('link', { name: '响塘龙剪纸窗花课' }).count()).toBe(0);
    const found = await (await fetch(`${baseURL()}/api/search?q=${encodeURIComponent('剪纸窗花课')}&type=event`)).json();
    expect(found.total).toBe(0);
    expect(alerted).toBe(false);

    await page.goto(`${baseURL()}/zh/admin/`);
    await follow(page, page.getByRole('button', { name: '退出登录' }));
    expect(await page.locator('#f-username').count()).toBe(1);
    await page.goto(`${baseURL()}/zh/admin/events/new/`);
    expect(page.url()).toBe(`${baseURL()}/zh/admin/`);
    await context.close();
  }, 90_000);
});

describe('staff pages without JavaScript', () => {
  it('name every problem next to its field, keep what was typed, preview with the button, then publish', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await signIn(context, editor, 'en');
    await page.goto(`${baseURL()}/en/admin/events/new/`);
    await page.fill('#f-title_zh', '响塘龙书法班');
    await page.fill('#f-description_zh', '**毛笔**和宣纸');
    await page.fill('#f-start_time', '15:00');
    await page.fill('#f-end_time', '14:00');
    const response = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Publish' }).click()]).then(([r]) => r);
    expect(response?.status()).toBe(400);
    expect(await page.title()).toMatch(/^There is a problem/);
    const problems = await page.locator('.error-summary li').allInnerTexts();
    expect(problems).toEqual(['Enter “Date”.', 'The end time must be after the start time.', 'Choose at least one group the event is for.']);
    expect(await page.getAttribute('#f-date', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-end_time', 'aria-describedby')).toContain('f-end_time-error');
    expect(await page.inputValue('#f-title_zh')).toBe('响塘龙书法班');
    expect(await page.inputValue('#f-description_zh')).toBe('**毛笔**和宣纸');
    // Without JavaScript the preview comes from the button, and checks nothing yet.
    await follow(page, page.getByRole('button', { name: 'Preview' }));
    expect(await page.locator('[data-preview=zh] strong').innerText()).toBe('毛笔');
    expect(await page.locator('.error-summary').count()).toBe(0);
    await page.fill('#f-date', day(9));
    await page.fill('#f-end_time', '17:00');
    await page.check('#f-audience-everyone');
    await page.fill('#f-capacity', '２０');
    await follow(page, page.getByRole('button', { name: 'Publish' }));
    expect(page.url()).toContain('/en/admin/?done=created');
    const id = new URL(page.url()).searchParams.get('event')!;
    const saved = await (await fetch(`${baseURL()}/api/events/${id}`)).json();
    expect(saved).toMatchObject({ center: CENTRE, capacity: 20, start: `${day(9)}T15:00:00+08:00`, audience: ['everyone'] });
    await context.close();
  }, 60_000);
});

describe('staff pages refuse what they must', () => {
  it('another centre’s event is 403 with no form, and its cancel page changes nothing', async () => {
    const owner = await browser().newContext();
    const page = await signIn(owner, editor);
    await page.goto(`${baseURL()}/zh/admin/events/new/`);
    await fillEvent(page, '只属于响塘龙的活动', '内容');
    await follow(page, page.getByRole('button', { name: '发布' }));
    const id = new URL(page.url()).searchParams.get('event')!;
    await owner.close();

    const intruder = await browser().newContext();
    const theirs = await signIn(intruder, other);
    const edit = await theirs.goto(`${baseURL()}/zh/admin/events/${id}/`);
    expect(edit?.status()).toBe(403);
    expect(await theirs.locator('form[data-event-form]').count()).toBe(0);
    expect(await theirs.locator('.error-summary').innerText()).toContain('只能发布和修改本中心的活动');
    const cancel = await theirs.evaluate(async (url) => (await fetch(url, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }) })).status, `${baseURL()}/zh/admin/events/${id}/cancel/`);
    expect(cancel).toBe(403);
    expect((await (await fetch(`${baseURL()}/api/events/${id}`)).json()).status).toBe('scheduled');
    await intruder.close();
  }, 60_000);

  it('a form posted from another site is refused, and an ended session keeps what was typed', async () => {
    const context = await browser().newContext();
    const page = await signIn(context, editor);
    const cookie = (await context.cookies()).find((c) => c.name === 'sid')!;
    const form = new URLSearchParams({ title_zh: '跨站伪造', description_zh: 'x', date: day(3), start_time: '09:00', end_time: '10:00', audience: 'elderly', action: 'save' });
    const forged = await fetch(`${baseURL()}/zh/admin/events/new/`, {
      method: 'POST', redirect: 'manual', body: form,
      headers: { cookie: `sid=${cookie.value}`, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('不是从本网站提交的');
    const crossSite = await fetch(`${baseURL()}/zh/admin/events/new/`, {
      method: 'POST', redirect: 'manual', body: form, headers: { cookie: `sid=${cookie.value}`, 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(crossSite.status).toBe(403);
    const events = (await (await fetch(`${baseURL()}/api/events?center=${CENTRE}`)).json()).events as { title: { zh: string } }[];
    expect(events.some((e) => e.title.zh === '跨站伪造')).toBe(false);

    // The session ends while the form is open: saving shows the form again, filled, with the reason.
    await page.goto(`${baseURL()}/zh/admin/events/new/`);
    await fillEvent(page, '会话过期也不丢', '写了很久的介绍');
    await context.clearCookies();
    await follow(page, page.getByRole('button', { name: '发布' }));
    expect(await page.locator('.error-summary').innerText()).toContain('登录已过期');
    expect(await page.inputValue('#f-description_zh')).toBe('写了很久的介绍');
    await context.close();
  }, 60_000);

  it('ten wrong passwords on the sign-in form lead to 429 with Retry-After', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/zh/admin/`);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      await page.fill('#f-username', victim.username);
      await page.fill('#f-password', `wrong-${i}`);
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[value=signin]')]);
      statuses.push(response!.status());
      if (i === 10) expect(Number(await response!.headerValue('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(await page.locator('.error-summary').innerText()).toContain('分钟后再试');
    await context.close();
  }, 60_000);

  it('a district admin sees every centre, disables an account (its session ends) and the change log shows who did what', async () => {
    const leaverContext = await browser().newContext();
    const leaver = await signIn(leaverContext, other);
    const adminContext = await browser().newContext();
    const page = await signIn(adminContext, admin);
    expect(await page.locator('.staff-events .meta').allInnerTexts()).toContain(CENTRE_NAME);
    await follow(page, page.getByRole('link', { name: '账号和操作记录' }));
    await follow(page, page.getByRole('button', { name: `停用 ${other.username}` }));
    expect(await page.locator('.notice').innerText()).toContain(other.username);
    expect(await page.locator('ol.audit').innerText()).toContain(`${admin.username} 停用了账号 ${other.username}`);
    expect(await page.locator('ol.audit').innerText()).toContain(`${editor.username} 取消了活动`);
    await leaver.goto(`${baseURL()}/zh/admin/`);
    expect(await leaver.locator('#f-username').count()).toBe(1);
    await leaverContext.close();
    await adminContext.close();
  }, 60_000);
});

describe('staff pages pass the public pages’ checks', () => {
  it('axe (WCAG 2.2 AA) in normal and elder mode, 320 px wide, within the weight budget', async () => {
    const failures: string[] = [];
    for (const elder of [false, true]) {
      const context = await browser().newContext({ viewport: { width: 320, height: 640 } });
      await withAxe(context);
      if (elder) await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const check = async (page: Page, what: string) => {
        for (const v of await axeViolations(page)) failures.push(`${elder ? '[elder] ' : ''}${what} ${v}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) failures.push(`${what}: ${width}px wide`);
      };
      const anonymous = await context.newPage();
      await anonymous.goto(`${baseURL()}/en/admin/`);
      await follow(anonymous, anonymous.locator('button[value=signin]'));
      await check(anonymous, 'sign-in with errors');
      const page = await signIn(context, admin);
      await check(page, 'staff home');
      await page.goto(`${baseURL()}/zh/admin/events/new/`);
      await follow(page, page.getByRole('button', { name: '发布' }));
      await check(page, 'new event with errors');
      await page.goto(`${baseURL()}/zh/admin/`);
      await follow(page, page.locator('a[href*="/cancel/"]').first());
      await check(page, 'cancel');
      await page.goto(`${baseURL()}/zh/admin/`);
      await follow(page, page.locator('a[href^="/zh/admin/events/"]:not([href$="/cancel/"]):not([href$="/new/"])').first());
      await check(page, 'edit');
      await page.goto(`${baseURL()}/zh/admin/accounts/`);
      await check(page, 'accounts');
      // Event pages are made on request, so the sitemap checks cannot list them: check one here.
      for (const lang of ['zh', 'en']) {
        await page.goto(`${baseURL()}/${lang}/events/`);
        await follow(page, page.locator('ul.cards a').first());
        await check(page, `${lang} event page`);
      }
      if (!elder) {
        for (const path of ['/zh/admin/', '/zh/admin/events/new/']) {
          const { html, css, js } = await weigh(context, path);
          if (html + css + js > BUDGETS.pageBytes || js > BUDGETS.scriptBytes) failures.push(`${path}: total ${html + css + js} B, js ${js} B`);
        }
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
