import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/loader.ts';
import { diffArticles } from '../../api/conventions/index.ts';
import { townOfPlace } from '../../api/places/index.ts';

const article = (number: number, zh: string, part: 'general' | 'specific' = 'specific') => ({ number, part, text: { zh, en: zh } });

describe('differences between versions', () => {
  it('pairs articles by number and reports added, removed and changed ones in order', () => {
    const before = [article(1, '目的'), article(2, '办酒'), article(3, '防火')];
    const after = [article(1, '目的'), article(2, '只有婚丧可以办酒'), article(4, '垃圾分类')];
    expect(diffArticles(before, after).map((c) => [c.number, c.kind])).toEqual([
      [2, 'changed'],
      [3, 'removed'],
      [4, 'added'],
    ]);
    expect(diffArticles(before, before)).toEqual([]);
  });
});

describe('conventions as shipped', () => {
  const content = loadContent();
  it('places each convention in a town or street, through its village when needed', () => {
    expect(townOfPlace(content, 'changping')).toBe('bahuang');
    expect(townOfPlace(content, 'dengta')).toBe('dengta');
    expect(townOfPlace(content, 'nowhere')).toBeUndefined();
  });

  it('has at least four conventions with general and specific rules, and one with more than one version', () => {
    const all = [...content.conventions.values()];
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const c of all) {
      const parts = new Set(c.versions.at(-1)!.articles.map((a) => a.part));
      expect(parts).toEqual(new Set(['general', 'specific']));
      expect(c.verified).toBe(false); // sample text until a village supplies its own
    }
    expect(all.some((c) => c.versions.length > 1)).toBe(true);
  });

  it('sings the lantern-song version in seven-character lines', () => {
    const song = [...content.conventions.values()].find((c) => c.song)?.song;
    expect(song).toBeDefined();
    for (const line of song!.lines) expect([...line.zh.matchAll(/\p{Script=Han}/gu)].length, line.zh).toBe(7);
  });

  it('never sets fines, which a convention may not', () => {
    for (const c of content.conventions.values()) {
      for (const a of c.versions.at(-1)!.articles) expect(a.text.zh, `${a.number}`).not.toMatch(/罚款\d|处以罚款|罚金|拘留/);
    }
  });
});
