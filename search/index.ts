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
 * set (settings pushed first), the embedded Orama engine otherwise. Progress goes to `log`.
 */
export async function createSearch(config: Config, content: Content, log: (line: string) => void = () => {}): Promise<SearchEngine> {
  addWords(domainWords(content));
  let engine: SearchEngine;
  if (config.MEILI_HOST) {
    const meili = new MeiliSearchEngine(config.MEILI_HOST, config.MEILI_API_KEY, content.synonyms);
    log(`search: Meilisearch at ${config.MEILI_HOST}, pushing settings …`);
    await meili.configure();
    engine = meili;
  } else {
    engine = new EmbeddedSearch(content.synonyms);
  }
  const started = performance.now();
  const docs = contentDocuments(content);
  await engine.index(docs);
  log(`search: ${engine.name} engine indexed ${docs.length} documents in ${Math.round(performance.now() - started)} ms`);
  return engine;
}
