import type { Config } from '../api/config.ts';
import type { Content } from '../content/loader.ts';
import { contentDocuments, domainWords } from './documents.ts';
import { EmbeddedSearch } from './embedded.ts';
import { MeiliSearchEngine } from './meili.ts';
import { addWords } from './text.ts';
import type { SearchEngine } from './types.ts';

export type { SearchDocument, SearchEngine, SearchHit, SearchOptions, SearchResult, Suggestion } from './types.ts';
export { DOC_TYPES } from './types.ts';

/**
 * The engine the configuration asks for, filled with the content: Meilisearch when MEILI_HOST is
 * set and answers (settings pushed first), the embedded Orama engine otherwise. Progress goes to
 * `log`.
 */
export async function createSearch(config: Config, content: Content, log: (line: string) => void = () => {}): Promise<SearchEngine> {
  addWords(domainWords(content));
  let engine: SearchEngine;
  const meili = config.MEILI_HOST ? new MeiliSearchEngine(config.MEILI_HOST, config.MEILI_API_KEY, content.synonyms) : undefined;
  if (meili && (await meili.reachable())) {
    log(`search: Meilisearch at ${config.MEILI_HOST}, pushing settings …`);
    await meili.configure();
    engine = meili;
  } else {
    // Residents still get search when the configured server is down; /api/health shows which.
    if (meili) log(`search: WARNING no Meilisearch answers at ${config.MEILI_HOST}; using the embedded engine`);
    engine = new EmbeddedSearch(content.synonyms);
  }
  const started = performance.now();
  const docs = contentDocuments(content);
  await engine.index(docs);
  log(`search: ${engine.name} engine indexed ${docs.length} documents in ${Math.round(performance.now() - started)} ms`);
  return engine;
}
