import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../budgets.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { baseURL, sitemapPaths } from '../helpers/site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let paths: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  paths = await sitemapPaths();
});
afterAll(() => browser?.close());

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What a page transfers, gzip-compressed as the server sends it, by kind. */
async function weigh(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const sizes = { html: 0, css: 0, js: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const kind = res.request().resourceType();
    const key = kind === 'document' ? 'html' : kind === 'stylesheet' ? 'css' : kind === 'script' ? 'js' : undefined;
    if (key) pending.push(res.body().then((body) => void (sizes[key] += gzipSync(body).length)));
  });
  await page.goto(`${baseURL()}${path}`, { waitUntil: 'load' });
  await Promise.all(pending);
  await page.close();
  return sizes;
}

describe('every page in the sitemap', () => {
  it('lists both languages of every section', () => {
    for (const lang of ['zh', 'en']) {
      for (const section of ['', 'policies/', 'conventions/', 'services/']) expect(paths).toContain(`/${lang}/${section}`);
    }
  });

  it('passes axe (WCAG 2.2 AA), in normal and in elder mode', async () => {
    const failures: string[] = [];
    for (const elder of [false, true]) {
      const context = await browser.newContext();
      if (elder) await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const page = await context.newPage();
      for (const path of [...paths, '/zh/search/?q=低保', '/zh/no-such-page/']) {
        await page.goto(`${baseURL()}${path}`);
        for (const v of await axeViolations(page)) failures.push(`${elder ? '[elder] ' : ''}${path} ${v}`);
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('stays within the page-weight budget', async () => {
    const context = await browser.newContext();
    const report: string[] = [];
    for (const path of paths) {
      const { html, css, js } = await weigh(context, path);
      const total = html + css + js;
      if (total > BUDGETS.pageBytes || js > BUDGETS.scriptBytes) report.push(`${path}: total ${total} B, js ${js} B`);
    }
    await context.close();
    expect(report).toEqual([]);
  }, 120_000);

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(`${baseURL()}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${path}: ${width}px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  }, 60_000);

  it('links only to pages that exist and are in the sitemap', async () => {
    const page = await browser.newPage();
    const linked = new Set<string>();
    for (const path of paths) {
      await page.goto(`${baseURL()}${path}`);
      const hrefs = await page.$$eval('a[href^="/"]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      hrefs.forEach((h) => linked.add(h));
    }
    await page.close();
    const dynamic = new Set(['/zh/search/', '/en/search/']);
    expect([...linked].filter((h) => !paths.includes(h) && !dynamic.has(h))).toEqual([]);
  }, 60_000);
});
