// Letters to the bureau as people write and answer them, at 360 × 740: a resident writes a
// publishable question without JavaScript and another a private complaint with a phone number with
// it; a help request reaches its town's office marked urgent; the township office sees only its
// town's letters, reads the phone (logged), previews and publishes the first anonymised, answers
// the second in private; the residents find their replies by reference and code; a wrong code says
// nothing; another town's office is refused; the phone is nowhere in clear; XSS stays text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';
import { PORTAL_OUTPUT } from '../helpers/portal.ts';
import { follow, signIn, staffAccounts } from '../helpers/staff.ts';
import { ageFriendlyProblems, ELDER, NORMAL } from './age-friendly.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 360, height: 740 } };
const TOWN = 'bahuang';
const OTHER = 'yunchangping';
const MOBILE = '13954321876';
const XSS = '<img src=x onerror=alert(1)>';

async function write(page: Page, fields: { kind: string; town: string; text: string; name?: string; phone?: string; publish?: boolean; help?: [string, string] }) {
  await page.goto(`${baseURL()}/zh/letters/write/${fields.kind === 'help' ? '?kind=help' : ''}`);
  await page.check(`#f-kind-${fields.kind}`);
  if (fields.help) {
    await page.check(`#f-forWhom-${fields.help[0]}`);
    await page.check(`#f-urgency-${fields.help[1]}`);
  }
  await page.selectOption('#f-town', fields.town);
  await page.fill('#f-text', fields.text);
  if (fields.name) await page.fill('#f-name', fields.name);
  if (fields.phone) await page.fill('#f-phone', fields.phone);
  if (fields.publish) await page.check('#f-publish');
  await follow(page, page.getByRole('button', { name: '发送' }));
  await expect.poll(() => page.locator('[data-reference]').count()).toBe(1);
  return { reference: (await page.locator('[data-reference]').innerText()).trim(), code: (await page.locator('[data-code]').innerText()).trim() };
}

async function lookUp(page: Page, reference: string, code: string) {
  await page.goto(`${baseURL()}/zh/letters/status/`);
  await page.fill('#f-reference', reference);
  await page.fill('#f-code', code);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查询' }).click()]);
  return { status: response!.status(), text: await page.locator('main').innerText() };
}

describe('letters from the form to the published reply', () => {
  it('runs end to end in the browser, with and without JavaScript', async () => {
    const { office, other } = await staffAccounts({ office: ['bh-letters', `${TOWN}-civil-affairs-office`, 'editor'], other: ['ycp-letters', `${OTHER}-civil-affairs-office`, 'editor'] });
    const seen: string[] = [];
    const noJs = await browser().newContext({ javaScriptEnabled: false, ...PHONE });
    const withJs = await browser().newContext(PHONE);
    for (const c of [noJs, withJs]) c.on('page', (p) => p.on('dialog', async (d) => (seen.push(d.message()), d.dismiss())));
    const a = await noJs.newPage();
    const b = await withJs.newPage();

    // Without JavaScript: a complaint may not be published, and the form says so, keeping the text.
    await a.goto(`${baseURL()}/zh/letters/write/`);
    expect(await a.locator('main').innerText()).toContain('110');
    await a.check('#f-kind-complaint');
    await a.fill('#f-text', '测试保留的文字');
    await a.check('#f-publish');
    await follow(a, a.getByRole('button', { name: '发送' }));
    expect(await a.locator('.error-summary').innerText()).toContain('投诉和求助不会公开');
    expect(await a.inputValue('#f-text')).toBe('测试保留的文字');

    const question = await write(a, { kind: 'question', town: TOWN, text: `我叫张小红，住4组8号。请问低保多久复核一次？${XSS}`, name: '张小红', publish: true });
    const complaint = await write(b, { kind: 'complaint', town: TOWN, text: '村干部评低保优亲厚友，请调查。', name: '李某', phone: MOBILE });
    const elsewhere = await write(b, { kind: 'question', town: OTHER, text: '别的镇的一封信。' });
    const help = await write(a, { kind: 'help', town: TOWN, text: '邻居老人独居，冬天没有取暖。', help: ['other', 'no-food-or-heat'] });

    // The township office: its own town's letters only, the help request first and urgent.
    const staff = await signIn(await browser().newContext({ javaScriptEnabled: false, ...PHONE }), office);
    await staff.goto(`${baseURL()}/zh/admin/letters/`);
    const queue = await staff.locator('#queue').innerText();
    expect(queue).toContain('紧急');
    expect(queue.indexOf('邻居老人')).toBeLessThan(queue.indexOf('优亲厚友'));
    expect(queue).not.toContain('别的镇的一封信');
    expect(queue).not.toContain(MOBILE);

    // The phone, on request only.
    await staff.goto(`${baseURL()}/zh/admin/letters/${complaint.reference}/`);
    expect(await staff.content()).not.toContain(MOBILE);
    await staff.getByRole('button', { name: '查看姓名和电话' }).click();
    await staff.waitForLoadState();
    expect(await staff.locator('#contact').innerText()).toContain(MOBILE);
    await staff.fill('#f-text', '已转镇纪委调查，结果会电话告知。');
    await follow(staff, staff.getByRole('button', { name: '发送答复' }));
    expect(await staff.locator('[role=status]').innerText()).toContain('答复已发送');

    // The publishable one: previewed anonymised, then published.
    await staff.goto(`${baseURL()}/zh/admin/letters/${question.reference}/`);
    await staff.fill('#f-text', '张小红你好：低保每年复核一次，请联系王书记。');
    await staff.check('#f-publish');
    await follow(staff, staff.getByRole('button', { name: '先看公开后的样子' }));
    const preview = await staff.locator('#preview').innerText();
    expect(preview).toContain('某某');
    expect(preview).not.toContain('张小红');
    expect(preview).not.toContain('4组8号');
    expect(preview).not.toContain('王书记');
    await follow(staff, staff.getByRole('button', { name: '发送答复' }));
    expect(await staff.locator('[role=status]').innerText()).toContain('已公开');

    // Another town's office: refused.
    const theirs = await signIn(await browser().newContext({ javaScriptEnabled: false, ...PHONE }), other);
    const refused = await theirs.goto(`${baseURL()}/zh/admin/letters/${question.reference}/`);
    expect(refused!.status()).toBe(404);
    await theirs.goto(`${baseURL()}/zh/admin/letters/`);
    expect(await theirs.locator('#queue').innerText()).toContain('别的镇的一封信');
    expect(elsewhere.reference).toMatch(/^\d{8}-/);

    // The residents find their replies; a wrong code says only "not found".
    const found = await lookUp(a, question.reference, question.code);
    expect(found.text).toContain('低保每年复核一次');
    const mine = await lookUp(b, complaint.reference, complaint.code.toLowerCase());
    expect(mine.text).toContain('已转镇纪委调查');
    const wrong = await lookUp(a, question.reference, 'ZZZZZZ');
    expect(wrong.status).toBe(404);
    const unknown = await lookUp(a, '20200101-ZZZZZ', 'ZZZZZZ');
    expect(unknown.text.replace(/20200101-ZZZZZ|ZZZZZZ/g, '')).toBe(wrong.text.replace(new RegExp(`${question.reference}|ZZZZZZ`, 'g'), ''));
    expect((await lookUp(a, help.reference, help.code)).text).toContain('已收到');

    // Published: the list, its page, search; anonymised, the payload inert, no phone anywhere.
    await a.goto(`${baseURL()}/zh/letters/`);
    const list = await a.locator('main').innerText();
    expect(list).toContain('低保每年复核一次');
    expect(list).toContain(XSS);
    expect(list).not.toContain('张小红');
    expect(list).not.toContain('优亲厚友');
    const hits = await (await fetch(`${baseURL()}/api/search?q=${encodeURIComponent('低保 复核')}&type=letter`)).json();
    expect(hits.hits.map((h: { url: string }) => h.url)).toContain(`/zh/letters/${question.reference}/`);
    for (const path of ['/zh/letters/', `/zh/letters/${question.reference}/`, '/api/letters', '/api/letters/stats', `/api/search?q=${encodeURIComponent('优亲厚友')}`, '/api/consultations/feed.rss']) {
      expect(await (await fetch(`${baseURL()}${path}`)).text(), path).not.toContain(MOBILE);
    }
    const file = readFileSync(join(inject('dataDir'), 'portal.sqlite'), 'latin1') + readFileSync(join(inject('dataDir'), 'portal.sqlite-wal'), { encoding: 'latin1', flag: 'a+' });
    expect(file).not.toContain(MOBILE);
    // The portal's log saw these letters come in and go out, and never their phone number.
    const log = readFileSync(join(inject('dataDir'), PORTAL_OUTPUT), 'utf8');
    expect(log).toContain(`/letters/${question.reference}/`);
    expect(log).not.toContain(MOBILE);
    expect(seen).toEqual([]);
    for (const c of [noJs, withJs, staff.context(), theirs.context()]) await c.close();
  }, 150_000);

  for (const [mode, rules] of [['elder', ELDER], ['normal', NORMAL]] as const) {
    it(`the letters pages pass axe and the age-friendly checks in ${mode} mode`, async () => {
      const { office } = await staffAccounts({ office: ['bh-axe', `${TOWN}-civil-affairs-office`, 'editor'] });
      const context = await browser().newContext(PHONE);
      await withAxe(context);
      if (mode === 'elder') await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const page = await signIn(context, office);
      const paths = ['/zh/letters/', '/en/letters/', '/zh/letters/write/', '/zh/letters/write/?kind=help', '/en/letters/write/?kind=help', '/zh/letters/status/', '/zh/letters/figures/', '/en/letters/figures/', '/zh/admin/letters/'];
      const queue = await (await page.request.get(`${baseURL()}/api/staff/letters`)).json();
      if (queue.letters[0]) paths.push(`/zh/admin/letters/${queue.letters[0].reference}/`, `/en/admin/letters/${queue.letters[0].reference}/`);
      const published = await (await fetch(`${baseURL()}/api/letters`)).json();
      if (published.letters[0]) paths.push(`/zh/letters/${published.letters[0].reference}/`);
      for (const path of paths) {
        await page.goto(`${baseURL()}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
        expect(await ageFriendlyProblems(page, rules), path).toEqual([]);
      }
      // The form sent back with errors, too.
      await page.goto(`${baseURL()}/zh/letters/write/?kind=help`);
      await follow(page, page.getByRole('button', { name: '发送' }));
      expect(await axeViolations(page), 'errors').toEqual([]);
      await context.close();
    }, 120_000);
  }
});
