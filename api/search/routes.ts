import { etag } from 'hono/etag';
import type { Content } from '../../content/loader.ts';
import { LANGS, slug } from '../../content/schemas/index.ts';
import { DOC_TYPES, scriptLang, type SearchEngine } from '../../search/index.ts';
import { createRoute, createRouter, entityTag, errors, json, notModified, redact, z, type DailyCounter, type DistrictClock } from '../core/index.ts';
import { find } from './find.ts';

/** A search that found nothing is counted by its text (without any ID-card or phone number), never with who asked. */
export async function countIfNothing(zeroResults: DailyCounter | undefined, clock: DistrictClock, query: string, total: number): Promise<void> {
  // A count is never worth failing a search for (the store may be away; search is not).
  if (total === 0) await zeroResults?.add(redact(query.trim().toLowerCase()).slice(0, 100), clock.day()).catch(() => {});
}

/** A whole letter fits; it is read for its point. */
export const MAX_QUERY = 2000;

const q = z.string().trim().min(1, 'type something to search for').max(MAX_QUERY, `at most ${MAX_QUERY} characters`).openapi({ example: '低保怎么申请', description: 'A few words, or a whole letter: a long text is read for its question and the subjects it names' });

const HitSchema = z
  .object({
    id: z.string(),
    type: z.enum(DOC_TYPES),
    title: z.string(),
    url: z.string().openapi({ example: '/zh/policies/dibao/' }),
    snippet: z.string().openapi({ description: 'A passage with the matched words in <mark>; everything else HTML-escaped' }),
    lang: z.enum(LANGS),
    town: z.string().optional(),
    date: z.string().optional().openapi({ description: 'For an event: when it starts' }),
  })
  .openapi('SearchHit');

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Search the guides, conventions, centres and events',
  description: 'Residents’ words are read as the pages word them (synonyms, keyboard slips, numbers in characters). Without `lang`, a query with Chinese characters searches the Chinese pages.',
  request: {
    query: z.strictObject({
      q,
      lang: z.enum(LANGS).optional(),
      type: z.enum(DOC_TYPES).optional(),
      town: slug.optional(),
      limit: z.coerce.number().int().min(1).max(50).default(10),
      offset: z.coerce.number().int().min(0).max(1000).default(0),
    }),
  },
  responses: {
    200: json(
      z.object({
        query: z.string(),
        total: z.number().int(),
        tookMs: z.number(),
        engine: z.enum(['embedded', 'meilisearch']),
        hits: z.array(HitSchema),
        facets: z.object({ type: z.record(z.number().int()), town: z.record(z.number().int()) }),
      }),
      'The hits, best first, with counts by type and town',
    ),
    ...notModified,
    ...errors(400, 503),
  },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/suggest',
  tags: ['search'],
  summary: 'Titles for what has been typed so far',
  request: { query: z.strictObject({ q, lang: z.enum(LANGS).optional() }) },
  responses: { 200: json(z.object({ suggestions: z.array(z.object({ title: z.string(), url: z.string(), type: z.enum(DOC_TYPES) })) }), 'Up to eight titles'), ...notModified, ...errors(400, 503) },
});

export interface SearchDeps {
  search: SearchEngine;
  content: Content;
  /** Where searches that found nothing are counted (query text only). */
  zeroResults: DailyCounter;
  clock: DistrictClock;
}

/** `GET /api/search` and `GET /api/suggest`. */
export function searchRoutes({ search, content, zeroResults, clock }: SearchDeps) {
  const router = createRouter();
  for (const path of ['/search', '/suggest']) router.use(path, etag());
  return router
    .openapi(searchRoute, async (c) => {
      const params = c.req.valid('query');
      const lang = params.lang ?? scriptLang(params.q);
      const started = performance.now();
      const result = await find(search, content, params.q, { ...params, lang });
      const tookMs = Math.round((performance.now() - started) * 100) / 100;
      if (params.offset === 0 && !params.type && !params.town) await countIfNothing(zeroResults, clock, params.q, result.total);
      const answer = { query: params.q, total: result.total, engine: search.name, hits: result.hits.map(({ score: _score, ...hit }) => hit), facets: result.facets };
      // The tag is of the results, not of how long they took: the same results are a 304.
      c.header('ETag', entityTag(JSON.stringify(answer)));
      return c.json({ ...answer, tookMs }, 200);
    })
    .openapi(suggestRoute, async (c) => {
      const { q: prefix, lang } = c.req.valid('query');
      return c.json({ suggestions: await search.suggest(prefix, lang ?? scriptLang(prefix)) }, 200);
    });
}
