import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL, sitemapPaths } from '../helpers/site.ts';

const browser = useBrowser();
let paths: string[];
beforeAll(async () => {
  paths = await sitemapPaths();
});

describe('the sitemap', () => {
  it('lists both languages of every section', () => {
    for (const lang of ['zh', 'en']) {
      for (const section of ['', 'policies/', 'conventions/', 'services/']) expect(paths).toContain(`/${lang}/${section}`);
    }
  });

  it('holds every page a page links to, so the page checks miss none', async () => {
    const page = await browser().newPage();
    const linked = new Set<string>();
    for (const path of paths) {
      await page.goto(`${baseURL()}${path}`);
      const hrefs = await page.$$eval('a[href^="/"]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      hrefs.forEach((h) => linked.add(h));
    }
    await page.close();
    // Search pages and the staff sign-in are not for the sitemap; admin.test.ts checks the staff pages.
    const dynamic = new Set(['/zh/search/', '/en/search/', '/zh/admin/', '/en/admin/']);
    // Feeds (/api/events.ics, .rss) are not pages.
    // Event pages come and go with the events (admin.test.ts runs the page checks on them).
    const isEvent = (h: string) => /^\/(zh|en)\/events\/[a-z0-9]+\/$/.test(h);
    expect([...linked].filter((h) => !paths.includes(h) && !dynamic.has(h) && !isEvent(h) && !h.startsWith('/api/'))).toEqual([]);
  }, 60_000);
});
