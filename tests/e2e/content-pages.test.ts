import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL, sitemapPaths } from '../helpers/site.ts';

const PROGRAMMES = ['dibao', 'dibao-single', 'marginal', 'tekun', 'temporary', 'elderly-allowance', 'disability-living', 'disability-care'];

const browser = useBrowser();
let paths: string[];
beforeAll(async () => {
  paths = await sitemapPaths();
});

describe('the content a resident comes for', () => {
  it('has both languages of every programme guide, both explainers, four conventions and twelve centres', () => {
    for (const lang of ['zh', 'en']) {
      for (const id of [...PROGRAMMES, 'income', 'application']) expect(paths).toContain(`/${lang}/policies/${id}/`);
      expect(paths.filter((p) => new RegExp(`^/${lang}/conventions/[^/]+/$`).test(p)).length).toBeGreaterThanOrEqual(4);
      expect(paths.filter((p) => new RegExp(`^/${lang}/services/[^/]+/$`).test(p)).length).toBeGreaterThanOrEqual(12);
    }
  });

  it('shows placeholder amounts with a visible "to be confirmed" badge', async () => {
    const page = await browser().newPage();
    for (const [path, label] of [['/zh/policies/dibao/', '待核实'], ['/en/policies/elderly-allowance/', 'To be confirmed']]) {
      await page.goto(`${baseURL()}${path}`);
      const badge = page.locator('table .badge', { hasText: label }).first();
      expect(await badge.isVisible(), path).toBe(true);
    }
    await page.close();
  });

  it('reads fully with JavaScript off: every page has its heading and its text', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of paths) {
      const res = await page.goto(`${baseURL()}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBeGreaterThan(0);
      const text = await page.locator('body').innerText();
      expect(text.length, path).toBeGreaterThan(40);
      // Template slips show up as code in the page.
      expect(text, path).not.toMatch(/&&|undefined|\[object Object\]|NaN|\{\w+\}/);
    }
    await context.close();
  }, 60_000);
});

describe('the conventions library', () => {
  it('links every article by a stable anchor and marks up the convention as Legislation', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/zh/conventions/changping-village/#article-3`);
    expect(await page.locator('#article-3').isVisible()).toBe(true);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('Legislation');
    expect(jsonLd.hasPart.length).toBeGreaterThan(5);
    await page.close();
  });

  it('shows what changed between versions, article by article', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/en/conventions/district-model/`);
    const changes = page.locator('ul.changes > li');
    expect(await changes.count()).toBeGreaterThan(0);
    expect(await page.locator('ul.changes').innerText()).toMatch(/Added|Changed|Removed/);
    await page.close();
  });

  it('filters by town and kind without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/zh/conventions/`);
    await page.getByLabel('乡镇（街道）').selectOption('bahuang');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/town=bahuang/);
    const titles = await page.locator('main .card h3').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join()).toContain('长坪村');
    await context.close();
  });

  it('prints the poster on one A4 page with a QR code that opens the convention', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/zh/conventions/changping-village/poster/`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);

    // Decode the QR code from the rendered pixels, as a phone camera would.
    const box = (await page.locator('.qr svg').boundingBox())!;
    await page.setViewportSize({ width: 1000, height: 1400 });
    const shot = await page.locator('.qr svg').screenshot({ scale: 'css' });
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return { width: img.width, height: img.height, data: [...ctx.getImageData(0, 0, img.width, img.height).data] };
    }, shot.toString('base64'));
    expect(box.width).toBeGreaterThan(50);
    const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
    expect(code?.data).toMatch(/\/zh\/conventions\/changping-village\/$/);
    await page.close();
  });
});

describe('the service directory', () => {
  it('filters by type without JavaScript and offers tap-to-call or a to-be-confirmed badge', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/en/services/?type=children-home`);
    const cards = page.locator('main li.card');
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    for (const text of await cards.allInnerTexts()) expect(text).toContain("Children's home");
    expect(await page.locator('main li.card').first().locator('.badge, a[href^="tel:"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('sorts centres nearest first from the phone’s location, without sending it anywhere', async () => {
    const context = await browser().newContext({ geolocation: { latitude: 27.72, longitude: 109.19 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(r.url());
    });
    await page.goto(`${baseURL()}/zh/services/`);
    await page.getByRole('button', { name: '按离我远近排序' }).click();
    const distances = page.locator('[data-distance-out]:not([hidden])');
    await expect.poll(() => distances.count()).toBeGreaterThan(5);
    const km = (await distances.allInnerTexts()).map((s) => Number(s.match(/[\d.]+/)![0]));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(apiCalls).toEqual([]);
    await context.close();
  });

  it('marks up each centre for search engines and answers an unknown centre with the 404 page', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/zh/services/aitun-day-care-centre/`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(['CivicStructure', 'GovernmentOffice']).toContain(jsonLd['@type']);
    const res = await page.goto(`${baseURL()}/zh/services/no-such-centre/`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).toContain('找不到这个页面');
    await page.close();
  });
});
