import { Hono } from 'hono';
import { z } from 'zod';
import { LANGS, slug } from '../../content/schemas/index.ts';
import { DOC_TYPES, type SearchEngine } from '../../search/index.ts';
import { scriptLang } from '../../search/text.ts';
import { validate } from '../errors.ts';
import type { ZeroResults } from '../search/zero-results.ts';

const q = z.string().trim().min(1, 'type something to search for').max(100, 'at most 100 characters');

const searchQuery = z.strictObject({
  q,
  lang: z.enum(LANGS).optional(),
  type: z.enum(DOC_TYPES).optional(),
  town: slug.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

const suggestQuery = z.strictObject({ q, lang: z.enum(LANGS).optional() });


/** `GET /api/search` and `GET /api/suggest`. */
export function searchRoutes(search: SearchEngine, zeroResults?: ZeroResults) {
  return new Hono()
    .get('/search', validate('query', searchQuery), async (c) => {
      const params = c.req.valid('query');
      // Without `lang`, a query with Chinese characters searches the Chinese pages, else the English.
      const lang = params.lang ?? scriptLang(params.q);
      const started = performance.now();
      const result = await search.search(params.q, { ...params, lang });
      const tookMs = Math.round((performance.now() - started) * 100) / 100;
      if (result.total === 0 && params.offset === 0 && !params.type && !params.town) zeroResults?.record(params.q);
      return c.json({
        query: params.q,
        total: result.total,
        tookMs,
        engine: search.name,
        hits: result.hits.map(({ score: _score, ...hit }) => hit),
        facets: result.facets,
      });
    })
    .get('/suggest', validate('query', suggestQuery), async (c) => {
      const { q: prefix, lang } = c.req.valid('query');
      return c.json({ suggestions: await search.suggest(prefix, lang ?? scriptLang(prefix)) });
    });
}
