import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { baseURL } from '../helpers/site.ts';

const browser = useBrowser();

const heading = (page: Page) => page.locator('h1').first().innerText();

/** A rural family of three below the standard, answered as a resident would, by label. */
async function answerJourney(page: Page) {
  await page.goto(`${baseURL()}/zh/check/`);
  await page.getByRole('link', { name: '开始' }).click();
  expect(await heading(page)).toContain('城镇户口还是农村户口');
  await page.getByLabel('农村').check();
  await page.getByRole('button', { name: '继续' }).click();
  expect(await heading(page)).toContain('哪个镇或街道');
  await page.getByLabel('坝黄镇').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('家里有几口人一起生活？').fill('3');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('你自己 · 年龄（岁）').fill('45');
  await page.getByLabel('第 2 个人 · 年龄（岁）').fill('43');
  await page.getByLabel('第 3 个人 · 年龄（岁）').fill('12');
  await page.getByRole('button', { name: '继续' }).click();
  expect(await heading(page)).toContain('残疾证');
  await page.getByLabel('没有').check();
  await page.getByRole('button', { name: '继续' }).click();
  expect(await heading(page)).toContain('重病');
  await page.getByRole('button', { name: '继续' }).click(); // nobody ticked: none
  await page.getByLabel('全家每个月一共收入多少钱？').fill('1200');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '跳过（不清楚）' }).click(); // essential costs: skipped
  await page.getByLabel('全家的存款大概有多少？').fill('5000');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '继续' }).click(); // no car, no second home
  expect(await heading(page)).toContain('突然遇到大事');
  await page.getByLabel('没有').check();
  await page.getByRole('button', { name: '继续' }).click();
  expect(await heading(page)).toBe('检查你的回答');
}

for (const javaScriptEnabled of [false, true]) {
  describe(`the self-check with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('walks one question per page to a result with reasons, an estimate and the office', async () => {
      const context = await browser().newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await answerJourney(page);
      expect(await page.locator('dl.review').innerText()).toContain('跳过了');
      // Change an answer from the review page and come back to it.
      await page.getByRole('link', { name: /修改.*全家的存款大概有多少/ }).click();
      expect(await page.getByLabel('全家的存款大概有多少？').inputValue()).toBe('5000');
      await page.getByLabel('全家的存款大概有多少？').fill('6000');
      await page.getByRole('button', { name: '继续' }).click();
      expect(await heading(page)).toBe('检查你的回答');
      await page.getByRole('link', { name: '查看结果' }).click();

      const dibao = page.locator('#programme-dibao');
      expect(await dibao.locator('.verdict').innerText()).toBe('很可能符合');
      expect(await dibao.innerText()).toContain('估算：每月约 225 元');
      expect(await dibao.getByRole('link', { name: /看详细说明/ }).getAttribute('href')).toBe('/zh/policies/dibao/');
      expect(await page.locator('.where a').first().innerText()).toBe('坝黄镇民政办');
      expect(await page.locator('.where').innerText()).toMatch(/待核实|办公室电话|值班电话/);
      expect(await page.locator('.privacy').innerText()).toContain('没有被保存');
      expect(await page.getByRole('button', { name: /打印这一页/ }).isVisible()).toBe(javaScriptEnabled);
      await context.close();
    }, 60_000);
  });
}

describe('the self-check, page by page', () => {
  it('keeps answers on the way back and explains an answer it cannot use', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseURL()}/en/check/?residence=urban&town=dengta&members=2`);
    expect(await heading(page)).toBe('How old is each person?');
    await page.getByRole('link', { name: /Back to the previous question/ }).click();
    expect(await page.getByLabel('How many people live in your household?').inputValue()).toBe('2');
    await page.getByLabel('How many people live in your household?').fill('lots');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Please write a number only, for example 2.');
    // What was typed stays in the box.
    expect(await page.getByLabel('How many people live in your household?').inputValue()).toBe('lots');
    await page.close();
  });

  it('prints the result on A4 without the site’s navigation', async () => {
    const page = await browser().newPage();
    const q = 'residence=rural&town=bahuang&members=1&ages=72&disability=no&illness=none&income=0&rigid=0&savings=0&property=none&supporter=none&emergency=none';
    await page.goto(`${baseURL()}/zh/check/?${q}&step=result`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(await page.locator('#programme-tekun .verdict').innerText()).toBe('很可能符合');
    await page.close();
  });
});
