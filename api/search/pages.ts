// The search page (rendered per request, a plain GET form): the query from the address, the
// results, the facets as links, and the links to the next and previous pages.
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { DOC_TYPES, isSearchUnavailable, type SearchEngine, type SearchResult } from '../../search/index.ts';
import { href, z, type DailyCounter, type DistrictClock } from '../core/index.ts';
import { placeName } from '../places/index.ts';
import { find } from './find.ts';
import { countIfNothing, MAX_QUERY } from './routes.ts';

const PAGE = 10;

// Whatever is in the address, the page answers: a bad value is dropped, never an error.
const searchParams = z.object({
  q: z.string().trim().max(MAX_QUERY).catch('').default(''),
  type: z.enum(DOC_TYPES).optional().catch(undefined),
  town: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100).catch(1).default(1),
});

export async function searchPage(content: Content, engine: SearchEngine | undefined, lang: Lang, query: URLSearchParams, clock: DistrictClock, zeroResults?: DailyCounter) {
  const params = searchParams.parse(Object.fromEntries(query));
  // An engine that does not answer reads as no engine: the page says search is unavailable.
  let available = Boolean(engine);
  const result: SearchResult | undefined =
    engine && params.q
      ? await find(engine, content, params.q, { lang, type: params.type, town: params.town, limit: PAGE, offset: (params.page - 1) * PAGE }).catch((error: unknown) => {
          if (!isSearchUnavailable(error)) throw error;
          available = false;
          return undefined;
        })
      : undefined;
  // Counted as the API counts them, so the editors see the words people type on the page too.
  if (result && params.page === 1 && !params.type && !params.town) await countIfNothing(zeroResults, clock, params.q, result.total);
  const link = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    const merged: Record<string, string | number | undefined> = { q: params.q, type: params.type, town: params.town, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next.set(k, String(v));
    return `${href(lang, 'search/')}?${next}`;
  };
  const pages = result ? Math.ceil(result.total / PAGE) : 0;
  return {
    ...params,
    available,
    result: result && { ...result, hits: result.hits.map((hit) => ({ ...hit, day: hit.date && clock.longDay(lang, hit.date) })) },
    typeFacets: Object.entries(result?.facets.type ?? {}).map(([type, n]) => ({ type, n, url: link({ type, page: 1 }), current: params.type === type })),
    townFacets: Object.entries(result?.facets.town ?? {}).map(([town, n]) => ({ name: placeName(content, lang, town) ?? town, n, url: link({ town, page: 1 }), current: params.town === town })),
    allTypes: link({ type: undefined, page: 1 }),
    allTowns: link({ town: undefined, page: 1 }),
    previous: params.page > 1 ? link({ page: params.page - 1 }) : undefined,
    next: params.page < pages ? link({ page: params.page + 1 }) : undefined,
    examples: t(lang, 'search.examples').split(/[、,]\s*/).map((word) => ({ word, url: link({ q: word, type: undefined, town: undefined, page: 1 }) })),
  };
}
