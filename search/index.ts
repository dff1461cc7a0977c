import type { Content } from '../content/loader.ts';
import type { SoundFolds } from './chinese.ts';
import { EmbeddedSearch } from './embedded.ts';
import { MeiliSearchEngine } from './meili.ts';
import { addWords } from './text.ts';
import type { SearchEngine } from './types.ts';

export type { SearchDocument, SearchEngine, SearchHit, SearchOptions, SearchResult, Suggestion, DocType } from './types.ts';
export { DOC_TYPES } from './types.ts';
export { EmbeddedSearch } from './embedded.ts';
export { GuardedSearch, isSearchUnavailable, SearchUnavailable } from './guarded.ts';
export { cutWords, editDistance, escapeHtml, escapeRegExp, normalize, placeNamesIn, scriptLang, stem, tokens } from './text.ts';
export { asksWhetherQualifies, intentOf, letterIntent, pointOf, RECOURSE, sentencesOf, type Intent } from './question.ts';
export { numberIn } from './chinese.ts';
export type { SoundFolds } from './chinese.ts';

export interface EngineSettings {
  /** A Meilisearch server; the embedded engine when unset or when it does not answer. */
  meiliHost?: string;
  meiliKey?: string;
  /** Groups of words that mean the same (content/synonyms.yaml). */
  synonyms: string[][];
  /** The sounds local speech merges (content/district.yaml), for pinyin-keyboard slips. */
  soundFolds?: SoundFolds;
}

/**
 * An empty engine of the kind the settings ask for: Meilisearch when `meiliHost` is set and
 * answers (its settings pushed first), the embedded Orama engine otherwise. Progress goes to `log`.
 */
export async function createEngine(settings: EngineSettings, log: (line: string) => void = () => {}): Promise<SearchEngine> {
  const meili = settings.meiliHost ? new MeiliSearchEngine(settings.meiliHost, settings.meiliKey, settings.synonyms) : undefined;
  if (meili && (await meili.reachable())) {
    log(`search: Meilisearch at ${settings.meiliHost}, pushing settings …`);
    await meili.configure();
    return meili;
  }
  // Residents still get search when the configured server is down; /api/health shows which.
  if (meili) log(`search: WARNING no Meilisearch answers at ${settings.meiliHost}; using the embedded engine`);
  return new EmbeddedSearch(settings.synonyms, settings.soundFolds);
}

/** Teaches the segmenter the district's words (place and programme names, synonym terms), so it keeps them whole. */
export function learnDomainWords(content: Content): void {
  const names = [...content.places.values()].map((p) => p.name.zh);
  const programmes = [...content.programmes.values()].flatMap((p) => p.name.zh.split(/[（）()、，\s]+/));
  addWords([...names, ...programmes, ...content.synonyms.flat()]);
}
