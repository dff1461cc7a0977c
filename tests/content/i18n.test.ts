import { describe, expect, it } from 'vitest';
import en from '../../content/i18n/en.json';
import zh from '../../content/i18n/zh.json';
import { href } from '../../api/core/index.ts';
import { otherLang, t, translator } from '../../content/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has no empty string and the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), `zh ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('writes Chinese strings in Chinese and English strings without Han characters', () => {
    const han = /\p{Script=Han}/u;
    // The link to the Chinese version says 中文; a committee's draft is written with Chinese markers
    // (第N条, 总则, 细则, 【】) even on the English page, and the hints must show them.
    const allowedInEnglish = new Set(['lang.switch', 'consultation.admin.draftHint', 'consultation.admin.err.number', 'consultation.admin.err.before', 'consultation.admin.err.none']);
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      if (!allowedInEnglish.has(key)) expect(han.test(en[key]), `en ${key}: ${en[key]}`).toBe(false);
    }
    expect(Object.values(zh).filter((s) => han.test(s)).length).toBeGreaterThan(Object.keys(zh).length * 0.9);
  });

  it('fills placeholders and builds addresses in the reader’s language', () => {
    expect(t('zh', 'convention.article', { n: 5 })).toBe('第5条');
    expect(t('en', 'convention.article', { n: 5 })).toBe('Article 5');
    expect(href('en', 'policies/dibao/')).toBe('/en/policies/dibao/');
    expect(otherLang('zh')).toBe('en');
    // The hotline numbers are the district's (content/district.yaml), filled in by the pages' translator.
    expect(translator('zh', { hotline: '12345' })('search.askInstead')).toContain('12345');
    expect(t('zh', 'search.askInstead')).toContain('{hotline}');
  });
});
