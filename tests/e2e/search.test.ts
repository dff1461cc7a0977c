import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();

describe('the search page', () => {
  it('shows the dibao guide first as you type 低保, and walks the results by keyboard', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/zh/search/`);
    await page.keyboard.press('/');
    await page.keyboard.type('低保');
    const first = page.locator('ol.results > li > a').first();
    await expect.poll(() => first.getAttribute('href')).toBe('/zh/policies/dibao/');
    expect(page.url()).toContain('q=%E4%BD%8E%E4%BF%9D');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/zh/policies/dibao/');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).not.toBe('/zh/policies/dibao/');
    await page.close();
  });

  it('works with JavaScript off: the form, the results, the facets and the pages', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/zh/`);
    await page.getByRole('searchbox').fill('低保');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/zh\/search\/\?q=/);
    expect(await page.locator('ol.results > li > a').first().getAttribute('href')).toBe('/zh/policies/dibao/');
    await page.getByRole('link', { name: /^服务机构 \(\d+\)$/ }).click();
    await page.waitForURL(/type=service/);
    const types = await page.locator('ol.results .meta').allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t.includes('服务机构'))).toBe(true);
    await context.close();
  });

  it('helps when nothing is found: other words, the bot and the hotline', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/en/search/?q=quantum+xylophone`);
    const none = page.locator('[data-search-results] [data-none]');
    expect(await none.innerText()).toContain('Nothing found');
    expect(await none.getByRole('link', { name: 'dibao' }).getAttribute('href')).toBe('/en/search/?q=dibao');
    expect(await none.getByRole('link', { name: '12345' }).getAttribute('href')).toBe('tel:12345');
    await page.close();
  });
});

describe('the search page as you type', () => {
  it('shows the helpful zero-result block when nothing matches', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/en/search/`);
    await page.getByRole('searchbox').fill('quantum xylophone');
    await expect.poll(() => page.locator('[data-search-results] [data-none]').count()).toBe(1);
    expect(await page.locator('[data-search-results] [data-none]').innerText()).toContain('Nothing found for “quantum xylophone”');
    await page.close();
  });
});
