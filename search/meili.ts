import { searchableQuestion } from './question.ts';
import { Meilisearch, type Index } from 'meilisearch';
import type { Lang } from '../content/schemas/index.ts';
import { escapeHtml, scriptLang } from './text.ts';
import { DOC_TYPES, type SearchDocument, type SearchEngine, type SearchOptions, type SearchResult, type Suggestion } from './types.ts';

interface MeiliDoc {
  key: string;
  id: string;
  type: SearchDocument['type'];
  lang: Lang;
  town: string;
  date?: string;
  url: string;
  title_zh?: string;
  body_zh?: string;
  title_en?: string;
  body_en?: string;
}

const LOCALES: Record<Lang, 'cmn' | 'eng'> = { zh: 'cmn', en: 'eng' };
// Private-use marks around matches, so the rest of the passage can be escaped before <mark> goes in.
const PRE = '\uE000';
const POST = '\uE001';

/** Meilisearch keys allow letters, digits, - and _ only. */
const keyOf = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function markup(text: string): string {
  return escapeHtml(text).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>');
}

/** Every term of a group points at all the others: both directions, both languages. */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) out[term.toLowerCase()] = [...new Set([...(out[term.toLowerCase()] ?? []), ...group.filter((t) => t !== term).map((t) => t.toLowerCase())])];
  }
  return out;
}

/**
 * Meilisearch, when MEILI_HOST is set: the same documents, each language's text in its own
 * localized attributes (Chinese segmented as Mandarin), settings and synonyms pushed at start-up.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly index_: Index<MeiliDoc>;

  constructor(host: string, apiKey: string | undefined, private readonly synonyms: string[][], uid = 'portal') {
    this.client = new Meilisearch({ host, apiKey });
    this.index_ = this.client.index<MeiliDoc>(uid);
  }

  /** Whether a server answers at all (for start-up checks and the conformance suite). */
  async reachable(): Promise<boolean> {
    try {
      return await this.client.isHealthy();
    } catch {
      return false;
    }
  }

  async configure(): Promise<void> {
    await this.client.createIndex(this.index_.uid, { primaryKey: 'key' }).waitTask().catch(() => undefined);
    await this.index_
      .updateSettings({
        searchableAttributes: ['title_zh', 'title_en', 'body_zh', 'body_en'],
        filterableAttributes: ['type', 'lang', 'town'],
        displayedAttributes: ['*'],
        localizedAttributes: [
          { attributePatterns: ['*_zh'], locales: ['cmn'] },
          { attributePatterns: ['*_en'], locales: ['eng'] },
        ],
        synonyms: meiliSynonyms(this.synonyms),
        rankingRules: ['words', 'typo', 'attribute', 'proximity', 'exactness'],
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
      })
      .waitTask();
  }

  async index(docs: SearchDocument[]): Promise<void> {
    const rows: MeiliDoc[] = docs.map((d) => ({
      key: keyOf(d.id),
      id: d.id,
      type: d.type,
      lang: d.lang,
      town: d.town ?? '',
      ...(d.date && { date: d.date }),
      url: d.url,
      [`title_${d.lang}`]: d.title,
      [`body_${d.lang}`]: d.body,
    }));
    await this.index_.addDocuments(rows, { primaryKey: 'key' }).waitTask();
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.index_.deleteDocuments(ids.map(keyOf)).waitTask();
  }

  async search(raw: string, options: SearchOptions = {}): Promise<SearchResult> {
    // A letter pasted whole is read for its point (and the subjects it names); Meilisearch caps a query at 10 words.
    const query = searchableQuestion(raw, this.synonyms);
    // Typed in the other language's script (dibao on the Chinese pages, 低保 on the English ones):
    // the other language's pages answer, shown as this language's pages of the same things.
    const script = scriptLang(query);
    if (options.lang && script !== options.lang) {
      const other = await this.search(query, { ...options, lang: script });
      const keys = other.hits.map((h) => keyOf(`${options.lang}${h.id.slice(h.lang.length)}`));
      const here = keys.length
        ? (await this.index_.getDocuments<MeiliDoc>({ filter: `key IN [${keys.map((k) => `"${k}"`).join(', ')}]`, limit: keys.length })).results
        : [];
      const byKey = new Map(here.map((d) => [d.key, d]));
      const hits = other.hits.flatMap((h, i) => {
        const d = byKey.get(keys[i]!);
        const title = d && (options.lang === 'zh' ? d.title_zh : d.title_en);
        const body = d && (options.lang === 'zh' ? d.body_zh : d.body_en);
        return d ? [{ ...h, id: d.id, title: title ?? '', url: d.url, lang: d.lang, snippet: escapeHtml((body ?? '').slice(0, 80)) }] : [];
      });
      return { ...other, hits };
    }
    const filter = [
      options.lang && `lang = ${options.lang}`,
      options.type && `type = ${options.type}`,
      options.town && `town = "${options.town.replace(/"/g, '')}"`,
    ].filter(Boolean) as string[];
    const result = await this.index_.search(query, {
      filter,
      limit: options.limit ?? 10,
      offset: options.offset ?? 0,
      facets: ['type', 'town'],
      attributesToCrop: ['body_zh', 'body_en'],
      cropLength: 40,
      attributesToHighlight: ['body_zh', 'body_en'],
      highlightPreTag: PRE,
      highlightPostTag: POST,
      showRankingScore: true,
      ...(options.lang && { locales: [LOCALES[options.lang]] }),
    });
    const facets = result.facetDistribution ?? {};
    return {
      total: result.estimatedTotalHits ?? result.hits.length,
      hits: result.hits.map((h) => ({
        id: h.id,
        type: h.type,
        title: (h.lang === 'zh' ? h.title_zh : h.title_en) ?? '',
        url: h.url,
        snippet: markup((h.lang === 'zh' ? h._formatted?.body_zh : h._formatted?.body_en) ?? ''),
        lang: h.lang,
        ...(h.town && { town: h.town }),
        ...(h.date && { date: h.date }),
        score: h._rankingScore ?? 0,
      })),
      facets: {
        type: Object.fromEntries(DOC_TYPES.map((t) => [t, facets.type?.[t] ?? 0]).filter(([, n]) => n)),
        town: Object.fromEntries(Object.entries(facets.town ?? {}).filter(([k]) => k !== '')),
      },
    };
  }

  async suggest(prefix: string, lang?: Lang): Promise<Suggestion[]> {
    const result = await this.index_.search(prefix, {
      filter: lang ? [`lang = ${lang}`] : [],
      attributesToSearchOn: ['title_zh', 'title_en'],
      limit: 8,
      ...(lang && { locales: [LOCALES[lang]] }),
    });
    return result.hits.map((h) => ({ title: (h.lang === 'zh' ? h.title_zh : h.title_en) ?? '', url: h.url, type: h.type }));
  }

  async stats() {
    const stats = await this.index_.getStats();
    return { engine: this.name, documents: stats.numberOfDocuments };
  }
}
