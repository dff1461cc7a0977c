// The portal's search: the engine the configuration asks for, filled with every page and part a
// resident may look for, in both languages. Events join from the event store.
import type { Content } from '../../content/loader.ts';
import { LANGS } from '../../content/schemas/index.ts';
import { createEngine, GuardedSearch, learnDomainWords, type SearchDocument, type SearchEngine } from '../../search/index.ts';
import { conventionDocuments } from '../conventions/index.ts';
import { log as coreLog, type Config } from '../core/index.ts';
import { serviceDocuments } from '../directory/index.ts';
import { policyDocuments } from '../policies/index.ts';

/** Every guide, convention (and article) and centre, per language, with the amounts in force on `day`. */
export function contentDocuments(content: Content, day: string): SearchDocument[] {
  return LANGS.flatMap((lang) => [...policyDocuments(content, lang, day), ...conventionDocuments(content, lang), ...serviceDocuments(content, lang)]);
}

/** The engine, with the content indexed; progress goes to `log`. */
export async function buildSearch(config: Config, content: Content, day: string, log: (line: string) => void = () => {}): Promise<SearchEngine> {
  learnDomainWords(content);
  const engine = await createEngine({ meiliHost: config.MEILI_HOST, meiliKey: config.MEILI_API_KEY, synonyms: content.synonyms, soundFolds: content.district.soundFolds }, log);
  const started = performance.now();
  const docs = contentDocuments(content, day);
  await engine.index(docs);
  log(`search: ${engine.name} engine indexed ${docs.length} documents in ${Math.round(performance.now() - started)} ms`);
  // From here on, an engine that fails answers 503 for searches and never fails a write.
  return new GuardedSearch(engine, (line) => coreLog(line));
}
