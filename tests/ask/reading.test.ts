// Reading a resident's letter for the facts of their case, and telling what the portal has no page on.
import { describe, expect, it } from 'vitest';
import { factsOf, tellsOwnSituation } from '../../api/ask/reading.ts';
import { loadContent } from '../../content/loader.ts';
import { placeNamesIn } from '../../search/index.ts';
import { testApp } from '../helpers/app.ts';

const content = loadContent();
const { bot } = await testApp();

describe('the facts of a letter', () => {
  it('takes a person’s age, not a rule’s ("80岁以上", "90至99岁"), and counts a year on from "去年满60"', () => {
    expect(factsOf('文件说80岁以上的老人都有，我母亲今年已经86岁了', content).ages).toEqual([86]);
    expect(factsOf('报道说为每位90至99岁的老人增加补贴，我今年满90岁', content).ages).toEqual([90]);
    expect(factsOf('去年的时候，我满了60周岁，便再次申请五保', content).ages).toEqual([61]);
  });

  it('does not take a benefit for income', () => {
    expect(factsOf('原来每月都有70元的困难残疾人生活补贴', content).income).toBeUndefined();
    expect(factsOf('办了补贴手续，但每月补贴只有100元', content).income).toBeUndefined();
    expect(factsOf('家里每月收入800元', content).income).toBe(800);
  });

  it('reads where one lives (a named village, a neighbourhood committee) and living alone', () => {
    expect(factsOf('本人是蓝田镇迪岭村五保户，自己一个人生活不能自理', content)).toMatchObject({ residence: 'rural', members: 1 });
    expect(factsOf('我到所属的东街街道办事处老缸房社区居委会为母亲申请', content).residence).toBe('urban');
    expect(factsOf('紫阳街歌笛湖社区88岁独居老人', content)).toMatchObject({ residence: 'urban', members: 1, ages: [88] });
    // A service of the community is not where one is registered.
    expect(factsOf('社区养老服务中心在哪里', content).residence).toBeUndefined();
  });

  it('knows a letter tells the asker’s own situation only when it speaks of them with facts or of their benefit', () => {
    expect(tellsOwnSituation('享有低保10多年了，今年却接到将被取消低保的通知', factsOf('享有低保10多年了', content))).toBe(true);
    const general = '低保标准是多少';
    expect(tellsOwnSituation(general, factsOf(general, content))).toBe(false);
  });
});

describe('what the portal has no page on', () => {
  it('names China’s cities and counties the segmenter does not tag', () => {
    expect(placeNamesIn('大连80岁以上老人有高龄补贴吗')).toContain('大连');
    expect(placeNamesIn('海拉尔区为什么不发长寿补贴')).toContain('海拉尔区');
    expect(placeNamesIn('和平解放以后')).toEqual([]);
  });

  it('says not found, with the hotline, for another city’s rules and for a fee or certificate no page speaks of', async () => {
    for (const q of ['大连80岁以上老人有高龄补贴吗', '残疾证到期怎么换证?', '五保户的监护费为什么会被取消?', '低保学生可以申请助学金吗']) {
      const answer = await bot.answer(q, { lang: 'zh' });
      expect(answer.status, q).toBe('not_found');
      expect(answer.links.some((l) => l.url.startsWith('tel:')), q).toBe(true);
    }
  });

  it('still answers the pages’ own things in other words (补助金 for 补贴, 低保金 for 低保)', async () => {
    for (const q of ['3级智力残疾证,国家有没有补助金?', '低保金每月什么时候发?']) {
      expect((await bot.answer(q, { lang: 'zh' })).status, q).not.toBe('not_found');
    }
  });
});

describe('an answer to a resident who told their situation', () => {
  it('offers the filled self-check and the offices as well', async () => {
    const answer = await bot.answer('享有低保10多年了,但今年6月却接到将被取消低保的通知。', { lang: 'zh' });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.links.map((l) => l.url).join(' ')).toMatch(/\/zh\/check\/.*civil-affairs-office/);
  });
});
