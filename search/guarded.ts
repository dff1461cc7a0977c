// An engine that fails (a Meilisearch server gone mid-request, a bug in a query path) fails the
// same way whichever engine it is: a search or a suggestion throws SearchUnavailable, which the
// API answers 503 and the search page explains; an index update that fails is logged, never
// lost to the writer (what they wrote is in the store, and search catches up when it answers).
// It also keeps the answers to the last few hundred distinct searches — residents search the same
// few words (低保, 高龄津贴, 临时救助) again and again — and forgets them all whenever the index
// changes, here or (through the store's notices) in another process, so no answer is ever stale.
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

/** How many distinct searches' answers are kept. */
const REMEMBERED = 500;

export class GuardedSearch implements SearchEngine {
  private readonly answers = new Map<string, SearchResult>();
  /** Counts index changes begun and ended: an answer found across one is not kept. */
  private generation = 0;

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

  async search(query: string, options?: SearchOptions): Promise<SearchResult> {
    const key = JSON.stringify([query, options ?? {}]);
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last: the oldest is the first to go.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known;
    }
    const before = this.generation;
    const result = await this.asked(() => this.engine.search(query, options));
    if (before !== this.generation) return result;
    if (this.answers.size >= REMEMBERED) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, Object.freeze(result));
    return result;
  }

  suggest(prefix: string, lang?: Lang): Promise<Suggestion[]> {
    return this.asked(() => this.engine.suggest(prefix, lang));
  }

  stats(): Promise<{ engine: string; documents: number }> {
    return this.asked(() => this.engine.stats());
  }

  async index(docs: SearchDocument[]): Promise<void> {
    await this.changing(() => this.engine.index(docs), `index ${docs.length}`);
  }

  async remove(ids: string[]): Promise<void> {
    await this.changing(() => this.engine.remove(ids), `remove ${ids.length}`);
  }

  private async changing(change: () => Promise<void>, what: string): Promise<void> {
    this.generation++;
    this.answers.clear();
    try {
      await change();
    } catch (error) {
      this.log(`search: could not ${what} document(s): ${(error as Error).message}`);
    } finally {
      this.generation++;
      this.answers.clear();
    }
  }
}
