// An engine that fails (a Meilisearch server gone mid-request, a bug in a query path) fails the
// same way whichever engine it is: a search or a suggestion throws SearchUnavailable, which the
// API answers 503 and the search page explains; an index update that fails is logged, never
// lost to the writer (what they wrote is in the store, and search catches up when it answers).
import type { Lang } from '../content/schemas/index.ts';
import type { SearchDocument, SearchEngine, SearchOptions, SearchResult, Suggestion } from './types.ts';

export class SearchUnavailable extends Error {
  readonly code = 'SEARCH_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`The search engine did not answer: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'SearchUnavailable';
  }
}

/** Whether `error` is a search engine that did not answer (by shape: the pages' bundle has its own copy of this class). */
export function isSearchUnavailable(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'SEARCH_UNAVAILABLE';
}

export class GuardedSearch implements SearchEngine {
  constructor(
    private readonly engine: SearchEngine,
    private readonly log: (line: string) => void = () => {},
  ) {}

  get name() {
    return this.engine.name;
  }

  private async asked<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new SearchUnavailable(error);
    }
  }

  search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.asked(() => this.engine.search(query, options));
  }

  suggest(prefix: string, lang?: Lang): Promise<Suggestion[]> {
    return this.asked(() => this.engine.suggest(prefix, lang));
  }

  stats(): Promise<{ engine: string; documents: number }> {
    return this.asked(() => this.engine.stats());
  }

  async index(docs: SearchDocument[]): Promise<void> {
    try {
      await this.engine.index(docs);
    } catch (error) {
      this.log(`search: could not index ${docs.length} document(s): ${(error as Error).message}`);
    }
  }

  async remove(ids: string[]): Promise<void> {
    try {
      await this.engine.remove(ids);
    } catch (error) {
      this.log(`search: could not remove ${ids.length} document(s): ${(error as Error).message}`);
    }
  }
}
