import { describe, expect, it } from 'vitest';
import { EmbeddedSearch } from '../../search/embedded.ts';
import { conformanceSuite } from './conformance.ts';

conformanceSuite('embedded', async () => new EmbeddedSearch([['低保', '最低生活保障', 'dibao']]));

describe('the embedded engine', () => {
  it('ranks a page only for what it says, not for a piece of a synonym', async () => {
    const engine = new EmbeddedSearch([['低保', '最低生活保障', 'dibao', 'minimum living allowance']]);
    await engine.index([
      { id: 'zh:policy:dibao', type: 'policy', lang: 'zh', title: '最低生活保障（低保）', body: '收入低于标准的可以申请。', url: '/zh/policies/dibao/' },
      { id: 'zh:convention:x:12', type: 'convention', lang: 'zh', title: '居民公约 第12条 社区生活', body: '我们积极参加社区活动。', url: '/zh/conventions/x/#article-12' },
      { id: 'en:convention:x:3', type: 'convention', lang: 'en', title: 'Convention Article 3 Scope', body: 'It applies to everyone who lives in the village.', url: '/en/conventions/x/#article-3' },
      { id: 'en:policy:dibao', type: 'policy', lang: 'en', title: 'Minimum living allowance (dibao)', body: 'Apply at the office.', url: '/en/policies/dibao/' },
    ]);
    expect((await engine.search('低保', { lang: 'zh' })).hits.map((h) => h.url)).toEqual(['/zh/policies/dibao/']);
    expect((await engine.search('dibao', { lang: 'en' })).hits.map((h) => h.url)).toEqual(['/en/policies/dibao/']);
  });

  it('finds Chinese pages by the pinyin of their titles, and gives an event hit its day', async () => {
    const engine = new EmbeddedSearch();
    await engine.index([
      { id: 'zh:policy:tekun', type: 'policy', lang: 'zh', title: '特困人员救助供养', body: '以前叫五保户。', url: '/zh/policies/tekun/' },
      { id: 'zh:event:e1', type: 'event', lang: 'zh', title: '剪纸课', body: '一起学剪窗花。', url: '/zh/events/e1/', date: '2026-12-05T01:30:00.000Z' },
    ]);
    expect((await engine.search('tekun', { lang: 'zh' })).hits[0]?.url).toBe('/zh/policies/tekun/');
    expect((await engine.search('剪纸', { lang: 'zh' })).hits[0]?.date).toBe('2026-12-05T01:30:00.000Z');
  });
});
