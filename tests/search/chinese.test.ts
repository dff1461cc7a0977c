import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/loader.ts';
import { digitsForNumerals, Homophones, numeralValue, soundKey } from '../../search/chinese.ts';

// The district's folds (content/district.yaml): southwestern Mandarin as spoken in Guizhou.
const folds = loadContent().district.soundFolds;

describe('what residents type in Chinese', () => {
  it('reads numbers in characters before a unit, and drops "about"', () => {
    expect(['八十', '一百二十', '十五', '两千', '九十九', '十'].map(numeralValue)).toEqual([80, 120, 15, 2000, 99, 10]);
    expect(numeralValue('八八')).toBeUndefined();
    expect(digitsForNumerals('屋头老人八十多岁，五万元，十五天，80来岁')).toBe('屋头老人80岁，5万元，15天，80岁');
    expect(digitsForNumerals('一起十分好，一个月')).toBe('一起十分好，一个月');
    expect(digitsForNumerals('我妈满八十了，我爸年满六十')).toBe('我妈满80了，我爸年满60');
  });

  it('folds the sounds the district’s speech and fuzzy pinyin keyboards merge, and only those', () => {
    expect(soundKey('牛奶', folds)).toBe(soundKey('流来', folds));
    expect(soundKey('照料', folds)).toBe(soundKey('找料', folds));
    expect(soundKey('低保', folds)).not.toBe(soundKey('地址', folds));
    // Another district whose speech keeps n and l apart says so in its own district.yaml.
    expect(soundKey('牛奶', { initials: [], finals: [] })).not.toBe(soundKey('流来', { initials: [], finals: [] }));
  });

  it('takes an unknown pair that sounds like a word of the pages for that word, and leaves the rest', () => {
    const h = new Homophones(folds);
    h.add('申请低保要到乡镇民政办。低保标准每年调整。特困人员救助供养。特困人员可以选择在家供养。日间照料中心，日间照料。');
    expect(h.correct('低宝怎么申请')).toBe('低保怎么申请');
    expect(h.correct('特捆人员')).toBe('特困人员');
    expect(h.correct('日间找料')).toBe('日间照料');
    expect(h.correct('明天天气怎么样')).toBe('明天天气怎么样');
    // The seam between two words is not a slip: 保怎 sounds like 保证 once z/zh are folded.
    h.add('保证书。保证金。');
    expect(h.correct('低保怎么申请')).toBe('低保怎么申请');
    expect(new Homophones().correct('低宝')).toBe('低宝');
  });
});
