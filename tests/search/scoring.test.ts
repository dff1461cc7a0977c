// The lean index ranks as Orama's own does: the same documents, the same scores to the last bit,
// in the same order (ties too), over the real pages and a corpus grown from them.
import { create, insertMultiple, removeMultiple, search, type AnyOrama } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { DistrictClock } from '../../api/core/index.ts';
import { contentDocuments } from '../../api/search/index.ts';
import { syntheticCorpus } from '../../bench/corpus.ts';
import { loadContent } from '../../content/loader.ts';
import { leanIndex } from '../../search/scoring.ts';

const content = loadContent();
const pages = syntheticCorpus(contentDocuments(content, new DistrictClock(content.district.timeZone).day()), 3000).filter((d) => d.lang === 'en');
const schema = { type: 'enum', title: 'string', body: 'string' } as const;
const KEEP = 40;

async function both() {
  const rows = pages.map((d) => ({ id: d.id, type: d.type, title: d.title, body: d.body }));
  const own = create({ schema });
  const lean = create({ schema, components: { index: leanIndex({ keep: KEEP }) } });
  await insertMultiple(own, rows, 500);
  await insertMultiple(lean, rows, 500);
  return { own, lean };
}

const hits = async (db: AnyOrama, params: Record<string, unknown>) => (await search(db, { limit: KEEP, properties: ['title', 'body'], boost: { title: 3 }, ...params })).hits.map((h) => [h.id, h.score]);

describe('the lean index', async () => {
  const { own, lean } = await both();
  const terms = ['allowance', 'minimum living allowance', 'old age', 'apply at the office', 'day care centre', 'village', 'a', 'd', 'emergency help after a fire', 'children', 'review', 'zzz nothing', ''];

  it('gives Orama’s hits and scores, in Orama’s order, ties and all', async () => {
    for (const term of terms) {
      const expected = await hits(own, { term });
      expect(await hits(lean, { term }), term).toEqual(expected);
      // Short prefixes match most pages: the cut to the best KEEP is exercised.
      if (term.length === 1) expect(expected.length, term).toBe(KEEP);
    }
    // With a filter, and with a term given to Orama's own search (fuzzy, exact, all words required).
    for (const params of [{ where: { type: { eq: 'policy' } } }, { tolerance: 1 }, { exact: true }, { threshold: 0 }]) {
      for (const term of terms.slice(0, 6)) expect(await hits(lean, { term, ...params }), `${term} ${JSON.stringify(params)}`).toEqual(await hits(own, { term, ...params }));
    }
  });

  it('still does after pages are taken out and put back (an edited page)', async () => {
    const { own, lean } = await both();
    const edited = pages.filter((_, i) => i % 7 === 0).map((d) => ({ id: d.id, type: d.type, title: d.title, body: `${d.body} allowance review` }));
    for (const db of [own, lean]) {
      await removeMultiple(db, edited.map((d) => d.id), 500);
      await insertMultiple(db, edited, 500);
    }
    for (const term of terms) expect(await hits(lean, { term }), term).toEqual(await hits(own, { term }));
    // A page taken out is found by neither.
    await removeMultiple(lean, [edited[0]!.id]);
    await removeMultiple(own, [edited[0]!.id]);
    expect((await hits(lean, { term: 'allowance review' })).map(([id]) => id)).not.toContain(edited[0]!.id);
    expect(await hits(lean, { term: 'allowance review' })).toEqual(await hits(own, { term: 'allowance review' }));
  });
});
