// The journeys of issue 12, on a 360×740 phone: an 82-year-old widow on 300 yuan a month, a family
// looking for help, with and without JavaScript.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 360, height: 740 } };

async function onPhone(options: Parameters<Browser['newContext']>[0], run: (page: Page) => Promise<void>) {
  const context = await browser().newContext({ ...PHONE, ...options });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const onFirstScreen = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y + box.height <= 740;
};

for (const javaScriptEnabled of [true, false]) {
  describe(`a resident on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('finds the self-check, the search box and "ask" on the first screen of the home page, then the next events, in normal and elder mode', async () => {
      for (const [lang, elder] of [['zh', false], ['zh', true], ['en', false], ['en', true]] as const) {
        await onPhone({ javaScriptEnabled }, async (page) => {
          if (elder) await page.context().addCookies([{ name: 'elder', value: 'on', url: baseURL() }]);
          await page.goto(`${baseURL()}/${lang}/`);
          expect(await onFirstScreen(page, `a[href="/${lang}/check/"].big`), `check, ${lang} elder ${elder}`).toBe(true);
          expect(await onFirstScreen(page, 'input[type=search]'), `search, ${lang} elder ${elder}`).toBe(true);
          expect(await onFirstScreen(page, `a[href="/${lang}/ask/"].big`), `ask, ${lang} elder ${elder}`).toBe(true);
          expect(await page.locator('#upcoming-title').count()).toBe(1);
          // The example in the search box is not cut off.
          const fits = await page.locator('input[type=search]').evaluate((input: HTMLInputElement) => {
            const style = getComputedStyle(input);
            const context = document.createElement('canvas').getContext('2d')!;
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          });
          expect(fits, `placeholder, ${lang} elder ${elder}`).toBe(true);
          // The full directory has its own page: no list of every centre here.
          expect(await page.locator(`main a[href^="/${lang}/services/"][href$="-centre/"]`).count()).toBe(0);
        });
      }
    });

    it('answers a son writing about his father with the rule, then opens the self-check with what he said filled in', async () => {
      await onPhone({ javaScriptEnabled }, async (page) => {
        await page.goto(`${baseURL()}/zh/ask/`);
        await page.getByLabel('你的问题').fill('我父亲户口在农村,今年65岁了,做了两次大手术没有劳动能力了。又得了脑血栓。请问,我父亲能享受低保吗?');
        await page.getByRole('button', { name: '提问' }).click();
        const filled = page.getByRole('link', { name: /已填好：65岁、农村户口、有人得重病/ });
        await filled.waitFor();
        expect(await page.locator('main').innerText()).toContain('全家每人每月的收入低于当地低保标准');
        await filled.click();
        const notice = page.getByRole('region', { name: /已按你在“问一问”里说的先填好/ });
        await notice.waitFor();
        const text = await notice.innerText();
        expect(text).toContain('农村');
        expect(text).toContain('65');
        expect(await page.getByRole('link', { name: /改/ }).count()).toBeGreaterThan(0);
      });
    });

    it('takes the widow through the self-check as she would type: 82岁, 三百块, no savings', async () => {
      await onPhone({ javaScriptEnabled }, async (page) => {
        await page.goto(`${baseURL()}/zh/check/?start=1`);
        await page.getByLabel('农村').check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('其他地方，或不清楚').check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('家里有几口人一起生活？').fill('1');
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('你自己 · 年龄（岁）').fill('82岁');
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('没有').check();
        await page.getByRole('button', { name: '继续' }).click();
        // One person: a yes/no question with both answers.
        expect(await page.getByRole('radio').count()).toBe(2);
        await page.getByLabel('不是').check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('全家每个月一共收入多少钱？').fill('三百多块钱吧');
        await page.getByRole('button', { name: '继续' }).click();
        // Not a number: the typed words stay, and the message says exactly what to write.
        expect(await page.getByRole('alert').innerText()).toBe('请只写一个数字，比如 300。不清楚可以点“跳过”。');
        expect(await page.getByLabel('全家每个月一共收入多少钱？').inputValue()).toBe('三百多块钱吧');
        await page.getByLabel('全家每个月一共收入多少钱？').fill('三百块');
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('每个月必须花的钱有多少？').fill('0');
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('全家的存款大概有多少？').fill('２０００');
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('都没有').check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('没有这样的人').check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByLabel('没有').check();
        await page.getByRole('button', { name: '继续' }).click();
        expect(await page.locator('dl.review').innerText()).toContain('300 元');
        await page.getByRole('link', { name: '查看结果' }).click();
        // 特困 comes first, and both it and 低保 say a person gets one of them.
        const programmes = await page.locator('section.programme[id]').evaluateAll((s) => s.map((e) => e.id));
        expect(programmes.indexOf('programme-tekun')).toBeLessThan(programmes.indexOf('programme-dibao'));
        expect(await page.locator('#programme-tekun .note').innerText()).toContain('先申请特困');
        const dibao = await page.locator('#programme-dibao').innerText();
        expect(dibao).toContain('估算：每月约 175 元');
        expect(dibao).toContain('待核实');
        expect(await page.locator('#programme-elderly-allowance').innerText()).toMatch(/50 元[\s\S]*待核实/);
        // Town not known: the district bureau is the office.
        expect(await page.locator('.where a').first().getAttribute('href')).toBe('/zh/services/bijiang-civil-affairs-bureau/');
        // Its number not confirmed yet: one tap to 12345 instead.
        expect(await page.locator('.where a[href^="tel:"]').first().getAttribute('href')).toMatch(/^tel:/);
      });
    });
  });
}

describe('guides, centres and search, on a phone', () => {
  it('lists the guides by need, each with who it is for, and puts 待核实 on the figure, not the guide', async () => {
    await onPhone({}, async (page) => {
      await page.goto(`${baseURL()}/zh/policies/`);
      const titles = await page.locator('.cards h2 a').allInnerTexts();
      expect(titles[0]).toContain('低保');
      expect(titles[1]).toContain('特困');
      expect(await page.locator('.cards .for-whom').first().innerText()).toContain('家庭');
      await page.goto(`${baseURL()}/zh/policies/dibao/`);
      expect(await page.locator('h1 .badge').count()).toBe(0);
      expect(await page.locator('#what table .badge').count()).toBeGreaterThan(0);
      expect(await page.locator('#what .unconfirmed').isVisible()).toBe(true);
      expect(await onFirstScreen(page, '.reviewed')).toBe(true);
      expect(await page.locator('main').innerText()).not.toMatch(/本页下方|见下方/);
    });
  });

  it('speaks plainly on centre and event pages: no map that is not there, no "iCal"', async () => {
    await onPhone({}, async (page) => {
      await page.goto(`${baseURL()}/zh/services/aitun-day-care-centre/`);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/地图|iCal/);
      expect(text).toContain('加到我的手机日历');
      // When it was last checked, near the top.
      expect(await onFirstScreen(page, 'main .meta:has-text("核对日期")')).toBe(true);
    });
  });

  it('finds the dibao guide for pinyin on the Chinese site and for Chinese on the English one', async () => {
    await onPhone({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${baseURL()}/zh/search/?q=dibao`);
      expect(await page.locator('ol.results a').first().getAttribute('href')).toBe('/zh/policies/dibao/');
      await page.goto(`${baseURL()}/en/search/?q=${encodeURIComponent('低保')}`);
      expect(await page.locator('ol.results a').first().getAttribute('href')).toBe('/en/policies/dibao/');
    });
  });

  it('tells only keyboard users about the / key, and shows the directory without a shift when near-me appears', async () => {
    await onPhone({ hasTouch: true, isMobile: true }, async (page) => {
      await page.goto(`${baseURL()}/zh/search/`);
      expect(await page.getByText('按 / 键').isVisible()).toBe(false);
      await page.goto(`${baseURL()}/zh/services/`);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) total += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 500);
          }),
      );
      expect(shift).toBeLessThan(0.01);
      expect(await page.locator('[data-near]').isVisible()).toBe(true);
    });
    await onPhone({}, async (page) => {
      await page.goto(`${baseURL()}/zh/search/`);
      expect(await page.getByText('按 / 键').isVisible()).toBe(true);
    });
  });

  it('gives the self-check and the chat a description for shared links and search engines', async () => {
    for (const path of ['/zh/check/', '/zh/ask/', '/en/check/', '/en/ask/']) {
      const html = await (await fetch(`${baseURL()}${path}`)).text();
      expect(html, path).toMatch(/<meta name="description" content="[^"]{10,}"/);
    }
  });
});
