import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();

async function withPage(options: Parameters<Browser['newContext']>[0], run: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await browser().newContext(options);
  try {
    await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const bodyColor = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);

for (const javaScriptEnabled of [true, false]) {
  describe(`elder mode with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('makes text larger and contrast stronger, and survives navigation and a new visit', async () => {
      await withPage({ javaScriptEnabled }, async (page, context) => {
        await page.goto(`${baseURL()}/zh/policies/`);
        const before = { font: await bodyFontPx(page), color: await bodyColor(page) };
        expect(before.font).toBeLessThan(20);

        await page.getByRole('button', { name: '长辈模式' }).click();
        await expect.poll(() => bodyFontPx(page)).toBeGreaterThanOrEqual(20);
        expect(page.url()).toBe(`${baseURL()}/zh/policies/`);
        expect(await bodyColor(page)).toBe('rgb(0, 0, 0)');
        expect(before.color).not.toBe('rgb(0, 0, 0)');
        const button = page.getByRole('button', { name: '退出长辈模式' });
        const box = await button.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(48);

        await page.getByRole('link', { name: '村规民约' }).first().click();
        await page.waitForURL('**/zh/conventions/');
        expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(20);
        await page.getByRole('link', { name: 'English' }).click();
        await page.waitForURL('**/en/conventions/');
        expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(20);

        const again = await context.newPage();
        await again.goto(`${baseURL()}/en/`);
        expect(await bodyFontPx(again)).toBeGreaterThanOrEqual(20);

        await page.getByRole('button', { name: 'Exit easy-read' }).click();
        await expect.poll(() => bodyFontPx(page)).toBeLessThan(20);
      });
    });
  });
}

describe('the bilingual shell', () => {
  it('switches language and stays on the same page', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseURL()}/zh/policies/dibao/`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/policies/dibao/');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Minimum living allowance');
      await page.getByRole('link', { name: '中文' }).click();
      await page.waitForURL('**/zh/policies/dibao/');
    });
  });

  it('organises the home page by the three songs, with search, the bot and the hotline', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseURL()}/zh/`);
      for (const name of ['兜底保障', '社区治理', '社会服务']) {
        expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
      }
      await page.getByRole('searchbox').fill('低保');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.waitForURL('**/zh/search/?q=*');
      expect(await page.getByRole('searchbox').inputValue()).toBe('低保');
      await page.goto(`${baseURL()}/en/`);
      expect(await page.getByRole('link', { name: /Ask a question/ }).getAttribute('href')).toBe('/en/ask/');
      expect(await page.getByRole('contentinfo').getByRole('link', { name: '12345' }).getAttribute('href')).toBe('tel:12345');
    });
  });

  it('offers a skip link as the first stop for the keyboard, and a visible focus', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseURL()}/en/services/`);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.textContent()).toBe('Skip to main content');
      expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(page.url()).toMatch(/#main$/);
    });
  });

  it('shows read-aloud where the browser can speak, and hides it where it cannot', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseURL()}/zh/policies/dibao/`);
      expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(true);
      const button = page.getByRole('button', { name: '朗读本页' });
      expect(await button.isVisible()).toBe(true);
      expect(await button.getAttribute('data-voice')).toBe('zh-CN');
    });
    await withPage({}, async (page) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      });
      await page.goto(`${baseURL()}/zh/policies/dibao/`);
      expect(await page.getByRole('button', { name: '朗读本页' }).count()).toBe(0);
    });
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${baseURL()}/en/policies/dibao/`);
      expect(await page.getByRole('button', { name: 'Read this page aloud' }).count()).toBe(0);
    });
  });

  it('prints without navigation and controls', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseURL()}/zh/policies/dibao/`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '长辈模式' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    });
  });
});
