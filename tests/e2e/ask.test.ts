import { describe, expect, it } from 'vitest';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();

describe('the chat page', () => {
  it('streams an answer with citations that link to the right page, labelled, with feedback', async () => {
    const context = await browser().newContext();
    await withAxe(context);
    const page = await context.newPage();
    await page.goto(`${baseURL()}/zh/ask/`);
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/ask') && (r.headers()['content-type'] ?? '').includes('text/event-stream'));
    await page.getByLabel('你的问题').fill('多大年纪可以领高龄津贴？');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await streamed;
    const answer = page.locator('[data-chat] article.answer').last();
    await expect.poll(() => answer.locator('.sources a').count()).toBeGreaterThan(0);
    expect(await answer.locator('.sources a').first().getAttribute('href')).toMatch(/^\/zh\/policies\/elderly-allowance\//);
    expect(await answer.locator('.answer-text').innerText()).toContain('80');
    expect(await answer.locator('.label').innerText()).toContain('摘自本网站');
    await answer.getByRole('button', { name: /有帮助/ }).first().click();
    await expect.poll(() => answer.locator('.feedback').innerText()).toContain('谢谢');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('says plainly when the pages do not answer, with the hotline, and claims no quotation', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser().newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${baseURL()}/zh/ask/`);
      await page.getByLabel('你的问题').fill('大连80岁以上老人有高龄补贴吗');
      await page.getByRole('button', { name: '提问' }).click();
      const answer = page.locator('article.answer').last();
      await expect.poll(() => answer.getAttribute('data-status')).toBe('not_found');
      expect(await answer.getByRole('link', { name: /12345/ }).getAttribute('href')).toBe('tel:12345');
      expect(await answer.locator('.label:visible').count()).toBe(0);
      await context.close();
    }
  });

  it('answers with JavaScript off: the form posts and the answer page comes back', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/en/ask/`);
    await page.getByRole('button', { name: 'Where can I apply for dibao?' }).click();
    await page.waitForLoadState();
    const answer = page.locator('article.answer');
    expect(await answer.innerText()).toMatch(/town or street/);
    expect(await answer.locator('.sources a').first().getAttribute('href')).toMatch(/^\/en\/policies\/dibao\//);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
    const checked = await browser().newContext({ javaScriptEnabled: false });
    await withAxe(checked);
    const again = await checked.newPage();
    await again.goto(`${baseURL()}/zh/ask/`);
    await again.getByRole('button', { name: '低保要到哪里申请？' }).click();
    await again.waitForLoadState();
    expect(await again.locator('article.answer').count()).toBe(1);
    await checked.close();
  });

  it('sends a crisis to the emergency numbers, not to an answer', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/zh/ask/`);
    await page.getByLabel('你的问题').fill('我不想活了');
    await page.getByRole('button', { name: '提问' }).click();
    await page.waitForLoadState();
    const answer = page.locator('article.answer');
    expect(await answer.getAttribute('data-status')).toBe('redirect');
    expect(await answer.getByRole('link', { name: '120' }).getAttribute('href')).toBe('tel:120');
    await context.close();
  });
});
