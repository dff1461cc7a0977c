// What search does with a resident's words, for the API and the search page alike: ID-card and
// phone numbers are taken out before anything is searched, and a complaint, a stopped payment or
// a refusal also finds the rights explainer (content/bot.yaml `recourse`), which a word search
// alone ranks below the programme guides that share the words.
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { letterIntent, pointOf, RECOURSE, type SearchEngine, type SearchOptions, type SearchResult } from '../../search/index.ts';
import { href, redact } from '../core/index.ts';

/** Where the rights explainer must stand at least: among the first three. */
const RIGHTS_AT = 1;

export async function find(engine: SearchEngine, content: Content, query: string, options: SearchOptions & { lang: Lang }): Promise<SearchResult> {
  const q = redact(query);
  const result = await engine.search(q, options);
  const guide = content.bot?.recourse && content.policies.get(content.bot.recourse);
  if (!guide || options.offset || (options.type && options.type !== 'policy') || options.town || !RECOURSE.has(letterIntent(pointOf(q), q))) return result;
  const url = href(options.lang, `policies/${content.bot!.recourse}/`);
  const at = result.hits.findIndex((h) => h.url === url);
  if (at >= 0 && at <= RIGHTS_AT) return result;
  const hit = at >= 0 ? result.hits[at] : (await engine.search(guide.title[options.lang], { lang: options.lang, type: 'policy', limit: 3 })).hits.find((h) => h.url === url);
  if (!hit) return result;
  const others = result.hits.filter((h) => h.url !== url);
  const hits = [...others.slice(0, RIGHTS_AT), hit, ...others.slice(RIGHTS_AT)].slice(0, Math.max(result.hits.length, 1));
  return { ...result, hits, total: at >= 0 ? result.total : result.total + 1 };
}
