// The alternative the embedded engine is measured against: MiniSearch, given the same bilingual
// tokens and synonyms, so the comparison is of the engines and not of the text handling.
import MiniSearch from 'minisearch';
import type { Lang } from '../content/schemas/index.ts';
import { expandSynonyms, snippet, surfaceTerms, tokens } from '../search/text.ts';
import type { SearchDocument, SearchEngine, SearchOptions, SearchResult, Suggestion } from '../search/index.ts';

export class MiniSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const; // speaks the same API; the bench labels it "minisearch"
  private readonly mini: MiniSearch<SearchDocument & { titleGrams: string; bodyGrams: string }>;
  private readonly docs = new Map<string, SearchDocument>();

  constructor(private readonly synonyms: string[][] = []) {
    this.mini = new MiniSearch({
      fields: ['title', 'titleGrams', 'body', 'bodyGrams'],
      storeFields: ['type', 'lang', 'town'],
      tokenize: (text, field) => {
        if (field === 'titleGrams' || field === 'bodyGrams') return tokens(text, { unigrams: true }).grams;
        if (field) return tokens(text).words;
        const t = tokens(text);
        return [...new Set([...t.words, ...t.grams])];
      },
      processTerm: (term) => term,
      searchOptions: {
        boost: { title: 3, titleGrams: 1.5, body: 1, bodyGrams: 0.5 },
        prefix: true,
        fuzzy: (term) => (/^[a-z]{5,}$/.test(term) ? 0.2 : false),
      },
    });
  }

  async index(docs: SearchDocument[]) {
    for (const d of docs) if (this.docs.has(d.id)) this.mini.discard(d.id);
    this.mini.addAll(docs.map((d) => ({ ...d, titleGrams: d.title, bodyGrams: d.body })));
    for (const d of docs) this.docs.set(d.id, d);
  }

  async remove(ids: string[]) {
    for (const id of ids) if (this.docs.delete(id)) this.mini.discard(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const expanded = expandSynonyms(query, this.synonyms);
    const results = this.mini.search(expanded, {
      filter: (r) => (!options.lang || r.lang === options.lang) && (!options.type || r.type === options.type) && (!options.town || r.town === options.town),
    });
    const terms = surfaceTerms(expanded);
    const offset = options.offset ?? 0;
    const type: Record<string, number> = {};
    const town: Record<string, number> = {};
    for (const r of results) {
      type[r.type] = (type[r.type] ?? 0) + 1;
      if (r.town) town[r.town] = (town[r.town] ?? 0) + 1;
    }
    return {
      total: results.length,
      hits: results.slice(offset, offset + (options.limit ?? 10)).map((r) => {
        const d = this.docs.get(r.id)!;
        return { id: d.id, type: d.type, title: d.title, url: d.url, snippet: snippet(d.body, terms), lang: d.lang, score: r.score };
      }),
      facets: { type, town },
    };
  }

  async suggest(prefix: string, lang?: Lang): Promise<Suggestion[]> {
    return this.mini
      .search(prefix, { fields: ['title', 'titleGrams'], filter: (r) => !lang || r.lang === lang })
      .slice(0, 8)
      .map((r) => {
        const d = this.docs.get(r.id)!;
        return { title: d.title, url: d.url, type: d.type };
      });
  }

  async stats() {
    return { engine: 'minisearch', documents: this.mini.documentCount };
  }
}
