// The checks every page in the sitemap must pass, run per language so the two halves go in
// parallel: accessibility (axe, WCAG 2.2 AA, normal and elder mode), the weight budget, 320 px.
import type { Browser, BrowserContext } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../budgets.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { ageFriendlyProblems, ELDER, NORMAL } from './age-friendly.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { baseURL, sitemapPaths } from '../helpers/site.ts';

/** What a page transfers, gzip-compressed as the server sends it, by kind. */
export async function weigh(context: BrowserContext, path: string) {
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
  // Scripts inlined in the HTML count as JavaScript, not as HTML.
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].map((s) => s.textContent ?? '').join('\n'));
  const inlined = inline ? gzipSync(inline).length : 0;
  sizes.js += inlined;
  sizes.html -= Math.min(inlined, sizes.html);
  await page.close();
  return sizes;
}

export function checkEveryPage(lang: 'zh' | 'en', extra: string[] = []) {
  let browser: Browser;
  let paths: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    paths = [...(await sitemapPaths()).filter((p) => p.startsWith(`/${lang}/`)), ...extra];
  });
  afterAll(() => browser?.close());

  describe(`every ${lang} page in the sitemap`, () => {
    it('passes axe (WCAG 2.2 AA), in normal and in elder mode', async () => {
      const failures: string[] = [];
      for (const elder of [false, true]) {
        const context = await browser.newContext();
        await withAxe(context);
        if (elder) await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
        const page = await context.newPage();
        for (const path of paths) {
          await page.goto(`${baseURL()}${path}`);
          for (const v of await axeViolations(page)) failures.push(`${elder ? '[elder] ' : ''}${path} ${v}`);
        }
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it('meets the age-friendly rules: text, line height, tap targets, contrast 7:1 and no movement in elder mode; targets of 44 px otherwise', async () => {
      const failures: string[] = [];
      for (const elder of [false, true]) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        await withAxe(context);
        if (elder) await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
        const page = await context.newPage();
        for (const path of paths) {
          await page.goto(`${baseURL()}${path}`);
          for (const p of await ageFriendlyProblems(page, elder ? ELDER : NORMAL)) failures.push(`${elder ? '[elder] ' : ''}${path} ${p}`);
          if (elder) for (const v of await axeViolations(page, ['color-contrast-enhanced'])) failures.push(`[elder] ${path} ${v}`);
        }
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it('stays within the page-weight budget', async () => {
      const context = await browser.newContext();
      const over: string[] = [];
      for (const path of paths) {
        const { html, css, js } = await weigh(context, path);
        if (html + css + js > BUDGETS.pageBytes || js > BUDGETS.scriptBytes) over.push(`${path}: total ${html + css + js} B, js ${js} B`);
      }
      await context.close();
      expect(over).toEqual([]);
    }, 120_000);

    it('runs only what its Content-Security-Policy allows: no inline script without its hash', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
      const page = await context.newPage();
      const refused: string[] = [];
      let at = '';
      page.on('console', (m) => m.type() === 'error' && /Content.Security.Policy/i.test(m.text()) && refused.push(`${at}: ${m.text().slice(0, 160)}`));
      page.on('pageerror', (e) => refused.push(`${at}: ${e.message}`));
      for (const path of paths) {
        at = path;
        const res = await page.goto(`${baseURL()}${path}`);
        const policy = res!.headers()['content-security-policy'] ?? '';
        if (!/script-src 'self'/.test(policy) || /unsafe-inline|unsafe-eval/.test(policy) || !/frame-ancestors/.test(policy)) refused.push(`${path}: policy ${policy || 'missing'}`);
      }
      await context.close();
      expect(refused).toEqual([]);
    }, 120_000);

    it('fits a 320 px wide screen in elder mode without sideways scrolling', async () => {
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
    }, 120_000);
  });
}
