// The behaviour every search engine must have, whatever is behind it. Each engine's test file
// calls this with a factory; the suite indexes its own small bilingual corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchEngine } from '../../search/index.ts';

export const CORPUS: SearchDocument[] = [
  { id: 'zh:policy:dibao', type: 'policy', lang: 'zh', title: '最低生活保障（低保）', body: '家庭人均收入低于低保标准的，可以到乡镇民政办申请低保。', url: '/zh/policies/dibao/' },
  { id: 'en:policy:dibao', type: 'policy', lang: 'en', title: 'Minimum living allowance (dibao)', body: 'Families whose income is below the standard can apply at the township office.', url: '/en/policies/dibao/' },
  { id: 'zh:policy:tekun', type: 'policy', lang: 'zh', title: '特困人员救助供养', body: '没有劳动能力、没有生活来源、没有人赡养的老人，以前叫五保户。', url: '/zh/policies/tekun/' },
  { id: 'en:policy:elderly', type: 'policy', lang: 'en', title: 'Old-age allowance', body: 'People aged 80 or over receive a monthly allowance.', url: '/en/policies/elderly-allowance/' },
  { id: 'zh:convention:changping:5', type: 'convention', lang: 'zh', title: '长坪村村规民约 第5条', body: '红白喜事从简办，除婚丧外不办酒席。唱花灯，记村规。', url: '/zh/conventions/changping/#article-5', town: 'bahuang' },
  { id: 'zh:service:aitun', type: 'service', lang: 'zh', title: '矮屯社区老年人日间照料中心', body: '为老人提供午餐、下棋、唱歌。<script>alert(1)</script>', url: '/zh/services/aitun/', town: 'dengta' },
];

export function conformanceSuite(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`search engine conformance: ${name}`, () => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await makeEngine();
      await engine.index(CORPUS);
    }, 60_000);

    const urls = async (q: string, options = {}) => (await engine.search(q, options)).hits.map((h) => h.url);

    it('counts what it holds', async () => {
      expect(await engine.stats()).toEqual({ engine: name, documents: CORPUS.length });
    });

    it('finds Chinese by word, by partial word and by a single character', async () => {
      expect((await urls('低保', { lang: 'zh' }))[0]).toBe('/zh/policies/dibao/');
      expect(await urls('日间照料', { lang: 'zh' })).toContain('/zh/services/aitun/');
      expect(await urls('灯', { lang: 'zh' })).toContain('/zh/conventions/changping/#article-5');
    });

    it('finds English despite case and a typo', async () => {
      expect((await urls('ALLOWANCE', { lang: 'en' }))[0]).toMatch(/\/en\/policies\//);
      expect(await urls('alowance', { lang: 'en' })).toContain('/en/policies/elderly-allowance/');
    });

    it('keeps to the language, type and town asked for, and counts facets', async () => {
      expect((await urls('dibao', { lang: 'en' })).every((u) => u.startsWith('/en/'))).toBe(true);
      const byType = await engine.search('老人', { lang: 'zh', type: 'service' });
      expect(byType.hits.map((h) => h.type)).toEqual(['service']);
      const all = await engine.search('老人', { lang: 'zh' });
      expect(all.facets.type).toMatchObject({ policy: 1, service: 1 });
      expect(all.facets.town).toMatchObject({ dengta: 1 });
      expect((await urls('办酒', { lang: 'zh', town: 'bahuang' }))).toEqual(['/zh/conventions/changping/#article-5']);
    });

    it('marks matches in snippets and escapes everything else', async () => {
      const [hit] = (await engine.search('午餐', { lang: 'zh' })).hits;
      expect(hit?.snippet).toContain('<mark>午餐</mark>');
      expect(hit?.snippet).not.toContain('<script>');
      expect(hit?.snippet).toContain('&lt;script&gt;');
    });

    it('pages through results', async () => {
      const first = await engine.search('低保 老人 办酒', { lang: 'zh', limit: 1 });
      const second = await engine.search('低保 老人 办酒', { lang: 'zh', limit: 1, offset: 1 });
      expect(first.total).toBeGreaterThan(1);
      expect(second.hits[0]?.id).not.toBe(first.hits[0]?.id);
    });

    it('suggests titles from a prefix', async () => {
      const suggestions = await engine.suggest('特困', 'zh');
      expect(suggestions[0]).toMatchObject({ title: '特困人员救助供养', url: '/zh/policies/tekun/', type: 'policy' });
    });

    it('answers a search typed in the other language’s script with this language’s pages', async () => {
      expect((await urls('dibao', { lang: 'zh' }))[0]).toBe('/zh/policies/dibao/');
      expect((await urls('低保', { lang: 'en' }))[0]).toBe('/en/policies/dibao/');
      const [hit] = (await engine.search('dibao', { lang: 'zh' })).hits;
      expect(hit).toMatchObject({ lang: 'zh', title: '最低生活保障（低保）' });
    });

    it('finds nothing for words it does not hold', async () => {
      expect((await engine.search('足球世界杯', { lang: 'zh' })).total).toBe(0);
    });

    it('replaces a document indexed again and forgets a removed one', async () => {
      await engine.index([{ ...CORPUS[0]!, title: '低保（修订）' }]);
      expect((await engine.search('修订', { lang: 'zh' })).hits[0]?.id).toBe('zh:policy:dibao');
      expect((await engine.stats()).documents).toBe(CORPUS.length);
      await engine.remove(['zh:policy:dibao', 'no-such-id']);
      expect(await urls('修订', { lang: 'zh' })).toEqual([]);
      expect((await engine.stats()).documents).toBe(CORPUS.length - 1);
    });
  });
}
