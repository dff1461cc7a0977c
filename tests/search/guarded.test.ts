// The portal's guard around either engine: the conformance suite holds through it, a remembered
// answer is forgotten as soon as the index changes, and an engine that fails says so.
import { describe, expect, it } from 'vitest';
import { EmbeddedSearch } from '../../search/embedded.ts';
import { GuardedSearch, isSearchUnavailable } from '../../search/guarded.ts';
import type { SearchEngine } from '../../search/index.ts';
import { conformanceSuite } from './conformance.ts';

conformanceSuite('embedded', async () => new GuardedSearch(new EmbeddedSearch([['低保', '最低生活保障', 'dibao']])));

const doc = (id: string, title: string) => ({ id: `zh:event:${id}`, type: 'event' as const, lang: 'zh' as const, title, body: '在社区活动室。', url: `/zh/events/${id}/` });

describe('the guard', () => {
  it('answers a repeated search from memory, and forgets it when the index changes', async () => {
    const engine = new EmbeddedSearch();
    let asked = 0;
    const counting = Object.assign(Object.create(engine) as SearchEngine, { search: (q: string, o?: object) => (asked++, engine.search(q, o)) });
    const guarded = new GuardedSearch(counting);
    await guarded.index([doc('a', '剪纸课')]);
    expect((await guarded.search('剪纸', { lang: 'zh' })).total).toBe(1);
    expect((await guarded.search('剪纸', { lang: 'zh' })).total).toBe(1);
    expect(asked).toBe(1);
    await guarded.index([doc('b', '剪纸展览')]);
    expect((await guarded.search('剪纸', { lang: 'zh' })).total).toBe(2);
    await guarded.remove(['zh:event:a']);
    expect((await guarded.search('剪纸', { lang: 'zh' })).total).toBe(1);
    expect(asked).toBe(3);
  });

  it('turns an engine failure into SearchUnavailable, and logs a failed index update without throwing', async () => {
    const broken = new EmbeddedSearch();
    const lines: string[] = [];
    const failing = Object.assign(Object.create(broken) as SearchEngine, {
      search: () => Promise.reject(new Error('socket hang up')),
      index: () => Promise.reject(new Error('socket hang up')),
    });
    const guarded = new GuardedSearch(failing, (line) => lines.push(line));
    const error = await guarded.search('低保').catch((e: unknown) => e);
    expect(isSearchUnavailable(error)).toBe(true);
    await expect(guarded.index([doc('a', '剪纸课')])).resolves.toBeUndefined();
    expect(lines.join('\n')).toContain('could not index 1 document(s): socket hang up');
  });
});
