import type { Lang } from '../content/schemas/index.ts';

export const DOC_TYPES = ['convention', 'policy', 'service', 'event', 'consultation', 'letter'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** One searchable thing in one language: a page, or a part of one (a convention's article). */
export interface SearchDocument {
  /** Unique across languages, e.g. `zh:convention:river-village:5`. */
  id: string;
  type: DocType;
  lang: Lang;
  title: string;
  /** The text searched and quoted in snippets. */
  body: string;
  /** The page address, with an anchor for a part: `/zh/conventions/river-village/#article-5`. */
  url: string;
  /** The town or street id, for the facet and filter. */
  town?: string;
  /** For an event: when it starts (ISO 8601), so a hit can say its day. */
  date?: string;
}

export interface SearchOptions {
  lang?: Lang;
  type?: DocType;
  town?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  type: DocType;
  title: string;
  url: string;
  /** A short passage with the matched words in `<mark>`; everything else HTML-escaped. */
  snippet: string;
  lang: Lang;
  town?: string;
  /** For an event: when it starts. */
  date?: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { type: Record<string, number>; town: Record<string, number> };
}

export interface Suggestion {
  title: string;
  url: string;
  type: DocType;
}

/** The one interface both engines implement and the conformance suite tests. */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  index(docs: SearchDocument[]): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  suggest(prefix: string, lang?: Lang): Promise<Suggestion[]>;
  remove(ids: string[]): Promise<void>;
  stats(): Promise<{ engine: string; documents: number }>;
}
