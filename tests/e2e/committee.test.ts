// The whole consultation, as the people in it do it, at 360 × 740: the bureau's admin creates the
// village committee's account; the committee opens a consultation by editing the text in force in
// the browser (article 5 changed, 13 cut, 14 added); one resident comments without JavaScript and
// another with it (an ID-card number in the text); the committee approves one, rejects one with a
// reason, enters two opinions from a meeting and answers each; the report counts them; the window
// closes and a late comment is a 409; the committee records the vote and the new version is in
// force on the convention page, the poster, search and the bot, with a fingerprint anyone can check.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/core/db.ts';
import { loadContent } from '../../content/loader.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';
import { follow, signIn, staffAccounts } from '../helpers/staff.ts';
import { ageFriendlyProblems, ELDER, NORMAL } from './age-friendly.ts';

const browser = useBrowser();
const CONVENTION = 'yunchangping-village';
const PHONE = { viewport: { width: 360, height: 740 } };
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const NEW_RULE = '村民建房应当依法申请，不得占用耕地和公共通道。';
const XSS = '<img src=x onerror=alert(1)>';

async function closeWindow(id: string): Promise<void> {
  // Time passing, as the store sees it: the window ended yesterday.
  const db = await openDb({ DATA_DIR: inject('dataDir') });
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await db.run('UPDATE consultations SET opens = ?, closes = ? WHERE id = ?', [yesterday, yesterday, id]);
  await db.close();
}

const noAlerts = (page: Page) => {
  const seen: string[] = [];
  page.on('dialog', async (d) => {
    seen.push(d.message());
    await d.dismiss();
  });
  return seen;
};

describe('a consultation from the committee’s account to the version in force', () => {
  it('runs end to end in the browser, with and without JavaScript', async () => {
    const { admin } = await staffAccounts({ admin: ['bureau', null, 'admin'] });
    const inForce = loadContent().conventions.get(CONVENTION)!.versions.at(-1)!.articles;
    const [five, cut] = [inForce.find((a) => a.number === 5)!, inForce.find((a) => a.number === 13) ?? inForce.at(-1)!];
    const added = Math.max(...inForce.map((a) => a.number)) + 1;

    // The admin creates the committee's account; its password is shown once.
    const adminContext = await browser().newContext({ javaScriptEnabled: false, ...PHONE });
    const adminPage = await signIn(adminContext, admin);
    await adminPage.goto(`${baseURL()}/zh/admin/accounts/`);
    const username = `ycp-${Date.now().toString(36)}`;
    await adminPage.fill('#f-new-username', username);
    await adminPage.selectOption('#f-scope', `convention:${CONVENTION}`);
    await follow(adminPage, adminPage.getByRole('button', { name: '开通账号' }));
    const password = (await adminPage.locator('code.password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await adminPage.locator('table').innerText()).toContain(username);
    await adminContext.close();

    // The committee opens the consultation by editing the text in force, without JavaScript.
    const committee = await browser().newContext({ javaScriptEnabled: false, ...PHONE });
    const staff = await signIn(committee, { username, password });
    await follow(staff, staff.locator('main').getByRole('link', { name: '征求意见', exact: true }));
    await follow(staff, staff.locator('main').getByRole('link', { name: '发起征求意见', exact: true }));
    const text = await staff.inputValue('#f-draft');
    expect(text).toContain(`第5条 ${five.text.zh}`);
    const edited = text
      .replace(`第5条 ${five.text.zh}`, `第5条 ${five.text.zh.replace(/。$/, '')}，酒席不超过八桌。`)
      .replace(`第${cut.number}条 ${cut.text.zh}\n`, '')
      .concat(`第${added}条 ${NEW_RULE}\n`);
    await staff.fill('#f-titleZh', `云场坪村村规民约修订征求意见${XSS}`);
    await staff.fill('#f-summaryZh', `酒席桌数写清楚，增加建房一条。${XSS}`);
    await staff.fill('#f-opens', today);
    await staff.fill('#f-closes', today);
    await staff.fill('#f-draft', '这一行在第一条前面\n' + edited);
    await follow(staff, staff.locator('form.event-form button.primary'));
    expect(await staff.locator('.error-summary').innerText()).toContain('第 1 行');
    expect(await staff.inputValue('#f-titleZh')).toContain('云场坪村'); // nothing typed is lost
    await staff.fill('#f-draft', edited);
    await follow(staff, staff.locator('form.event-form button.primary'));
    expect(await staff.getByRole('status').innerText()).toContain('已发起');
    const id = new URL(staff.url()).pathname.split('/').at(-2)!;

    // A resident reads the comparison and comments on article 5 without JavaScript.
    const resident = await browser().newContext({ javaScriptEnabled: false, ...PHONE });
    const reader = await resident.newPage();
    const alerts = noAlerts(reader);
    await reader.goto(`${baseURL()}/zh/consultations/${id}/`);
    expect(await reader.locator('h1').innerText()).toContain(XSS); // shown as text, never run
    expect(await reader.locator('section[id="第5条"] .badge').innerText()).toBe('修改');
    expect(await reader.locator(`section[id="第${cut.number}条"] .badge`).innerText()).toBe('删除');
    expect(await reader.locator(`section[id="第${added}条"] .badge`).innerText()).toBe('新增');
    await reader.locator('section[id="第5条"]').getByRole('link', { name: '对这一条提意见' }).click();
    await reader.getByLabel('建议修改').check();
    await reader.getByLabel(/你的意见/).fill(`八桌还是多了，建议六桌。${XSS}`);
    await follow(reader, reader.getByRole('button', { name: '提交意见' }));
    expect(await reader.getByRole('status').innerText()).toContain('收到了');
    await resident.close();

    // A second resident, with JavaScript, writes an ID-card number in the text.
    const second = await browser().newContext(PHONE);
    const other = await second.newPage();
    const alerts2 = noAlerts(other);
    await other.goto(`${baseURL()}/zh/consultations/${id}/?article=5#comment`);
    await other.getByLabel('反对').check();
    await other.getByLabel(/你的意见/).fill('我是王某，身份证522201195001011234，反对改桌数。');
    await follow(other, other.getByRole('button', { name: '提交意见' }));
    expect(await other.getByRole('status').innerText()).toContain('收到了');
    await second.close();

    // The committee: approve one, reject one with a reason, two opinions from a meeting, an answer to each.
    await staff.goto(`${baseURL()}/zh/admin/consultations/${id}/`);
    const queue = staff.locator('#queue li.card');
    expect(await queue.count()).toBe(2);
    expect(await staff.locator('#queue').innerText()).not.toContain('522201195001011234');
    await follow(staff, queue.filter({ hasText: '六桌' }).getByRole('button', { name: /通过并公开/ }));
    const rejecting = staff.locator('#queue li.card', { hasText: '王某' });
    await follow(staff, rejecting.getByRole('button', { name: /退回/ }));
    expect(await staff.locator('.error-summary').innerText()).toContain('理由'); // a reason is needed
    await staff.locator('#queue li.card', { hasText: '王某' }).getByLabel(/不通过的理由/).fill('含有个人信息');
    await follow(staff, staff.locator('#queue li.card', { hasText: '王某' }).getByRole('button', { name: /退回/ }));
    expect(await staff.locator('#queue li.card').count()).toBe(0);
    for (const opinion of ['会上多数人同意八桌。', `建房一条要写清楚审批部门。${XSS}`]) {
      await staff.selectOption('#f-g-article', opinion.includes('建房') ? String(added) : '5');
      await staff.check('#f-g-stance-support');
      await staff.fill('#f-g-text', opinion);
      await follow(staff, staff.getByRole('button', { name: '录入这条意见' }));
      expect(await staff.getByRole('status').innerText()).toContain('已录入');
    }
    const published = staff.locator('#responses li.card');
    expect(await published.count()).toBe(3);
    for (const [i, outcome] of [[0, '未采纳'], [1, '采纳'], [2, '部分采纳']] as const) {
      const card = staff.locator('#responses li.card').nth(i);
      await card.getByLabel(outcome, { exact: true }).check();
      await card.getByLabel('理由', { exact: true }).fill(`村委会答复${i}：多数村民同意八桌。`);
      await follow(staff, card.getByRole('button', { name: /保存答复/ }));
    }

    // Any reader can report a published opinion, without JavaScript; the committee sees it.
    const reporter = await browser().newContext({ javaScriptEnabled: false, ...PHONE });
    const readerAgain = await reporter.newPage();
    await readerAgain.goto(`${baseURL()}/zh/consultations/${id}/`);
    await follow(readerAgain, readerAgain.locator('li', { hasText: '六桌' }).getByRole('button', { name: /举报这条意见/ }));
    expect(await readerAgain.getByRole('status').innerText()).toContain('已经告诉');
    await reporter.close();
    await staff.goto(`${baseURL()}/zh/admin/consultations/${id}/`);
    expect(await staff.locator('#queue').innerText()).toContain('被举报的意见（1 条）');

    // The public report counts them; the CSV holds no names; nothing written ran as code.
    const report = await (await fetch(`${baseURL()}/api/consultations/${id}/report`)).json();
    expect(report).toMatchObject({ total: 3, online: 1, meeting: 2, adopted: 1, partly: 1, notAdopted: 1 });
    const publicPage = await (await fetch(`${baseURL()}/zh/consultations/${id}/`)).text();
    expect(publicPage).toContain('共 3 条意见');
    // Escaped in text; inside attribute values (the description, Open Graph) a `<` is only a character.
    expect(publicPage.replace(/"[^"]*"/g, '""')).not.toContain('<img src=x');
    expect(publicPage).not.toContain('522201195001011234');
    expect(publicPage).not.toContain('含有个人信息');
    const csv = await (await fetch(`${baseURL()}/api/consultations/${id}/comments.csv`)).text();
    expect(csv).toContain('村委会答复0');
    const feed = await (await fetch(`${baseURL()}/api/consultations/feed.rss`)).text();
    expect(feed).toContain(`/zh/consultations/${id}/`);
    expect(feed).not.toContain('<img src=x'); // escaped inside the description, so a reader shows it as text
    expect(feed).toContain('&lt;img src=x');
    expect(alerts).toEqual([]);
    expect(alerts2).toEqual([]);

    // The window closes: a late comment is a 409; the committee records the vote.
    await closeWindow(id);
    const late = await fetch(`${baseURL()}/api/consultations/${id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ article: 5, stance: 'support', text: '同意' }) });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('closed');
    await staff.goto(`${baseURL()}/zh/admin/consultations/${id}/?after=close#adopt`); // a new load, not a jump within the page
    for (const field of ['reviewOn', 'voteOn', 'filedOn', 'publishedOn', 'inForce']) await staff.fill(`#f-${field}`, today);
    await staff.fill('#f-reviewBy', '云场坪镇人民政府');
    await staff.fill('#f-present', '212');
    await staff.fill('#f-for', '100');
    await staff.fill('#f-against', '90');
    await staff.fill('#f-abstain', '22');
    await follow(staff, staff.getByRole('button', { name: '记录表决，新版本施行' }));
    expect(await staff.locator('.error-summary').innerText()).toContain('超过到会人数的一半'); // 100 of 212 is not a majority
    await staff.fill('#f-for', '190');
    await staff.fill('#f-against', '12');
    await staff.fill('#f-abstain', '10');
    await follow(staff, staff.getByRole('button', { name: '记录表决，新版本施行' }));
    expect(new URL(staff.url()).pathname).toBe(`/zh/conventions/${CONVENTION}/`);
    await committee.close();

    // In force at once: the page, its record and fingerprint, the old version, the poster, search, the bot.
    const page = await (await browser().newContext({ javaScriptEnabled: false, ...PHONE })).newPage();
    await page.goto(`${baseURL()}/zh/conventions/${CONVENTION}/`);
    expect(await page.locator(`#article-${added}`).innerText()).toContain(NEW_RULE);
    expect(await page.locator(`#article-${cut.number}`).count()).toBe(cut.number === added ? 1 : 0);
    const current = page.locator('.version').last();
    expect(await current.innerText()).toContain('到会 212 人：赞成 190，反对 12，弃权 10');
    expect(await current.innerText()).toContain('现行版本');
    const hex = await current.locator('code[data-sha256]').getAttribute('data-sha256');
    const download = await (await fetch(`${baseURL()}${await current.getByRole('link', { name: /下载本版全文/ }).getAttribute('href')}`)).text();
    expect(createHash('sha256').update(download).digest('hex')).toBe(hex);
    await follow(page, page.locator('.version').first().getByRole('link', { name: /阅读这一版/ }));
    expect(await page.locator('.notice').innerText()).toContain('旧版本');
    expect(await page.locator(`#article-${cut.number}`).innerText()).toContain(cut.text.zh);
    const poster = await (await fetch(`${baseURL()}/zh/conventions/${CONVENTION}/poster/`)).text();
    expect(poster).toContain(hex!.slice(0, 4));
    const found = await (await fetch(`${baseURL()}/api/search?q=${encodeURIComponent('建房 占用耕地 公共通道')}&type=convention`)).json();
    expect(found.hits.map((h: { url: string }) => h.url)).toContain(`/zh/conventions/${CONVENTION}/#article-${added}`);
    const asked = await (await fetch(`${baseURL()}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '云场坪村村规民约对村民建房有什么规定？', lang: 'zh' }) })).json();
    expect(JSON.stringify(asked.citations)).toContain(NEW_RULE.slice(0, 8));
    await page.context().close();
  }, 120_000);

  for (const [mode, rules] of [['elder', ELDER], ['normal', NORMAL]] as const) {
    it(`the committee’s pages and the convention page pass axe and the age-friendly checks in ${mode} mode`, async () => {
      const { committee } = await staffAccounts({ committee: ['axe-admin', null, 'admin'] });
      const context = await browser().newContext(PHONE);
      await withAxe(context);
      if (mode === 'elder') await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const page = await signIn(context, committee);
      const list = await (await fetch(`${baseURL()}/api/consultations`)).json();
      const paths = ['/zh/admin/consultations/', '/zh/admin/consultations/new/', `/zh/conventions/${CONVENTION}/`, '/en/admin/consultations/new/', '/zh/admin/accounts/'];
      if (list.consultations[0]) paths.push(`/zh/admin/consultations/${list.consultations[0].id}/`, `/en/admin/consultations/${list.consultations[0].id}/`);
      for (const path of paths) {
        await page.goto(`${baseURL()}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
        expect(await ageFriendlyProblems(page, rules), path).toEqual([]);
      }
      await context.close();
    }, 90_000);
  }
});
