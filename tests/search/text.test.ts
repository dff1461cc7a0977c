import { describe, expect, it } from 'vitest';
import { editDistance, expandSynonyms, sayable, saysAny, snippet, Speller, tokens } from '../../search/text.ts';

describe('bilingual tokens', () => {
  it('segments Chinese in search mode and adds Han bigrams', () => {
    const { words, grams } = tokens('低保怎么申请');
    expect(words).toEqual(expect.arrayContaining(['低保', '申请']));
    expect(words).not.toContain('怎么'); // a stop word
    expect(grams).toEqual(['低保', '保怎', '么申', '申请']); // 怎么 is a stop word
    expect(tokens('花灯', { unigrams: true }).grams).toEqual(['花', '灯', '花灯']);
  });

  it('keeps a single character as its own gram, for one-character searches', () => {
    expect(tokens('灯').grams).toEqual(['灯']);
  });

  it('lower-cases, folds full-width letters and stems English, keeping the word too', () => {
    expect(tokens('Ｏｌｄ Allowances').words).toEqual(expect.arrayContaining(['old', 'allowances', 'allow']));
    expect(tokens('the old age allowance').words).not.toContain('the');
  });
});

describe('synonyms', () => {
  const groups = [['五保户', '特困人员', 'extreme poverty'], ['old-age allowance', '高龄津贴', 'elderly allowance']];
  it('adds the other terms of a group the query mentions, in both directions, in the query’s script', () => {
    expect(expandSynonyms('五保户怎么申请', groups)).toBe('五保户怎么申请 特困人员');
    expect(expandSynonyms('特困人员', groups)).toContain('五保户');
    expect(expandSynonyms('old-age allowance amount', groups)).toBe('old-age allowance amount elderly allowance');
    expect(expandSynonyms('天气', groups)).toBe('天气');
  });
});

describe('snippets', () => {
  it('marks every match and escapes the rest', () => {
    expect(snippet('低保<b>标准</b>和低保金', ['低保'])).toBe('<mark>低保</mark>&lt;b&gt;标准&lt;/b&gt;和<mark>低保</mark>金');
    expect(snippet('Old-age Allowance for people over 80', ['allow'])).toContain('<mark>Allowance</mark>');
  });
});

describe('spelling', () => {
  const speller = new Speller();
  speller.add('Old-age allowance for disabled people; village convention; allowance');
  it('corrects a long word one or two edits from a word the index holds', () => {
    expect(speller.correct('alowance disabeld')).toBe('allowance disabled');
    expect(speller.correct('vilage conventon')).toBe('village convention');
  });
  it('leaves short words and known words alone', () => {
    expect(speller.correct('cup world allowance')).toBe('cup world allowance');
  });
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('disabeld', 'disabled')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('what a page says', () => {
  const says = (query: string, text: string, expansions: string[] = []) => saysAny(query, expansions)!(sayable(text));

  it('holds a page to the query’s own words: Chinese anywhere, English at a word’s start', () => {
    expect(says('低保怎么申请', '申请最低生活保障（低保）')).toBe(true);
    expect(says('低保怎么申请', '社区生活')).toBe(false);
    expect(says('allowance', 'The Old-Age Allowance is paid monthly')).toBe(true);
    expect(says('allowance', 'allowances')).toBe(true); // a stem at a word's start
    expect(says('allowance', 'disallowance')).toBe(false);
    expect(says('allowance', 'allowance')).toBe(true); // at the very start
    expect(says('allowance', 'x_allowance')).toBe(false); // an underscore is part of a word
  });

  it('takes a synonym whole, over any white space, and not a piece of it', () => {
    expect(says('dibao', 'the minimum\n  living\tallowance', ['minimum living allowance'])).toBe(true);
    expect(says('dibao', 'a living room', ['minimum living allowance'])).toBe(false);
    expect(says('低保', '最低生活保障', ['最低生活保障'])).toBe(true);
    expect(says('低保', '生活', ['最低生活保障'])).toBe(false);
  });

  it('does not hold a page to a lone character', () => {
    expect(saysAny('灯', [])).toBeUndefined();
  });
});
