// A resident gives an opinion on a draft convention on a phone, without JavaScript: reads the
// draft beside the text in force, comments on article 5, is told it awaits review; the page passes
// axe and the age-friendly checks in elder mode; an ID-card number never reaches the page.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { loadContent } from '../../content/loader.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';
import { ageFriendlyProblems, ELDER, NORMAL } from './age-friendly.ts';

const browser = useBrowser();
const CONVENTION = 'changping-village';
let id: string;
let cookie: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const api = (method: string, path: string, body?: unknown) =>
  fetch(`${baseURL()}${path}`, { method, headers: { 'content-type': 'application/json', cookie, Origin: baseURL() }, ...(body !== undefined && { body: JSON.stringify(body) }) });

beforeAll(async () => {
  // The village committee's account, as `npm run users -- add … --convention changping-village` makes it.
  const db = await openDb({ DATA_DIR: inject('dataDir') });
  const { user, password } = await new Accounts(db).add(`changping-committee-${Date.now().toString(36)}`, null, 'editor', CONVENTION);
  await db.close();
  const login = await fetch(`${baseURL()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', Origin: baseURL() }, body: JSON.stringify({ username: user.username, password }) });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const articles = loadContent().conventions.get(CONVENTION)!.versions.at(-1)!.articles;
  const draft = [
    ...articles.filter((a) => a.number !== 5 && a.number !== 13).map((a) => ({ number: a.number, section: a.part, text: a.text })),
    { number: 5, section: '细则', text: { zh: `${articles.find((a) => a.number === 5)!.text.zh.replace(/。$/, '')}，酒席不超过八桌。` } },
    { number: 14, section: '细则', text: { zh: '本公约修订须经村民会议讨论通过。<script>alert(1)</script>' } },
  ];
  const res = await api('POST', '/api/consultations', { convention: CONVENTION, title: { zh: '常坪村村规民约修订征求意见', en: 'Changping village rules: draft revision' }, summary: { zh: '这次修订把酒席桌数写清楚，并增加一条。' }, opens: day(0), closes: day(10), articles: draft });
  expect(res.status).toBe(201);
  id = (await res.json()).id;
});

describe('a resident comments on a draft convention', () => {
  it('reads the comparison and comments on article 5 without JavaScript, at 360 px; the comment waits for review', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    await page.goto(`${baseURL()}/zh/consultations/${id}/`);
    const five = page.locator('section[id="第5条"]');
    expect(await five.locator('.badge').innerText()).toBe('修改');
    expect(await five.locator('.diff ins').innerText()).toContain('八桌');
    expect(await page.locator('section[id="第13条"] .badge').innerText()).toBe('删除');
    expect(await page.locator('section[id="第14条"] .badge').innerText()).toBe('新增');
    expect(await page.locator('section[id="第14条"]').innerText()).toContain('<script>alert(1)</script>');
    await five.getByRole('link', { name: '对这一条提意见' }).click();
    await page.getByLabel('建议修改').check();
    await page.getByLabel(/你的意见/).fill('八桌还是多了，建议六桌。我的身份证号522201195001011234');
    await page.getByLabel(/哪个村民小组/).fill('三组');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交意见' }).click()]);
    expect(await page.getByRole('status').innerText()).toContain('收到了');
    expect(page.url()).toContain('sent=review');
    expect(alerted).toBe(false);

    // The browser asks for a stance and a text before sending (the fields are required); a form
    // that arrives without them anyway comes back with what is wrong, and what was typed.
    const bad = await fetch(`${baseURL()}/zh/consultations/${id}/?article=5`, { method: 'POST', headers: { Origin: baseURL() }, body: new URLSearchParams({ article: '5', text: '', village: '四组' }) });
    expect(bad.status).toBe(400);
    const again = await bad.text();
    expect(again).toContain('请选择赞成、反对或建议修改');
    expect(again).toContain('value="四组"');
    await context.close();

    const queue = await (await api('GET', `/api/consultations/${id}/queue`)).json();
    expect(queue.pending[0].text).toBe('八桌还是多了，建议六桌。我的身份证号[id]');
    const approved = await api('POST', `/api/consultations/${id}/comments/${queue.pending[0].id}/moderation`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    const html = await (await fetch(`${baseURL()}/zh/consultations/${id}/`)).text();
    expect(html).toContain('建议六桌');
    expect(html).not.toContain('522201195001011234');
  });

  for (const [mode, rules] of [['elder', ELDER], ['normal', NORMAL]] as const) {
    it(`passes axe and the age-friendly checks in ${mode} mode, with the form open`, async () => {
      const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
      await withAxe(context);
      if (mode === 'elder') await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const page = await context.newPage();
      for (const path of [`/zh/consultations/${id}/?article=5`, `/en/consultations/${id}/`, '/zh/consultations/']) {
        await page.goto(`${baseURL()}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
        expect(await ageFriendlyProblems(page, rules), path).toEqual([]);
      }
      await context.close();
    });
  }
});
