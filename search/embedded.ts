import { count, create, insertMultiple, removeMultiple, search as oramaSearch, type Orama } from '@orama/orama';
import { LANGS, type Lang } from '../content/schemas/index.ts';
import { digitsForNumerals, Homophones, pinyinWords, type SoundFolds } from './chinese.ts';
import { searchableQuestion } from './question.ts';
import { leanIndex } from './scoring.ts';
import { normalize, sayable, saysAny, scriptLang, snippetsOf, Speller, surfaceTerms, synonymExpansions, tokens } from './text.ts';
import { DOC_TYPES, type SearchDocument, type SearchEngine, type SearchOptions, type SearchResult, type Suggestion } from './types.ts';

const schema = {
  type: 'enum',
  town: 'string',
  title: 'string',
  titleGrams: 'string',
  body: 'string',
  bodyGrams: 'string',
  /** Chinese pages only: their titles in pinyin, for a search typed without Chinese characters. */
  pinyin: 'string',
} as const;

type Db = Orama<typeof schema>;

const GRAM_FIELDS = new Set(['titleGrams', 'bodyGrams']);
const WORD_FIELDS = new Set(['title', 'body']);

/**
 * One tokenizer for indexing and querying. Indexing knows the field: words for title and body,
 * Han grams for their `*Grams` twins, the whole value for a filter field. A query (no field)
 * gets both words and grams, so it can meet either.
 */
const bilingualTokenizer = {
  language: 'english',
  normalizationCache: new Map<string, string>(),
  tokenize(raw: string, _language?: string, prop?: string): string[] {
    if (prop && GRAM_FIELDS.has(prop)) return tokens(raw, { unigrams: true }).grams;
    if (prop && WORD_FIELDS.has(prop)) return tokens(raw).words;
    if (prop === 'pinyin') return raw.split(' ').filter(Boolean);
    if (prop) return [normalize(raw)];
    const { words, grams } = tokens(raw);
    return [...new Set([...words, ...grams])];
  },
};

const BOOST = { title: 3, titleGrams: 1.5, body: 1, bodyGrams: 0.5, pinyin: 2 };
/** How many hits are read before the pages that do not say what was asked are dropped. */
const CANDIDATES = 1000;

/** The default engine: Orama in this process, with the bilingual tokenizer and the synonym list. */
export class EmbeddedSearch implements SearchEngine {
  readonly name = 'embedded' as const;
  // One database per language: a search never has to filter out the other half of the index.
  private readonly dbs: Record<Lang, Db>;
  private readonly docs = new Map<string, SearchDocument>();
  private readonly speller = new Speller();
  private readonly homophones: Homophones;
  /** The pinyin of each Chinese document's title. */
  private readonly pinyin = new Map<string, string>();
  private readonly said = new WeakMap<SearchDocument, string>();

  /** `soundFolds`: the sounds local speech merges (content/district.yaml), for keyboard slips. */
  constructor(private readonly synonyms: string[][] = [], soundFolds?: SoundFolds) {
    this.homophones = new Homophones(soundFolds);
    const make = () => create({ schema, components: { tokenizer: bilingualTokenizer, index: leanIndex({ keep: CANDIDATES }) } }) as Db;
    this.dbs = { zh: make(), en: make() };
    // Words of the synonym list are words too: "burnt" must not be "corrected" to "burn".
    this.speller.add(synonyms.flat().join(' '));
    this.homophones.know(synonyms.flat().join(' '));
  }

  async index(docs: SearchDocument[]): Promise<void> {
    const existing = docs.filter((d) => this.docs.has(d.id)).map((d) => d.id);
    if (existing.length > 0) await this.remove(existing);
    for (const lang of LANGS) {
      const rows = docs.filter((d) => d.lang === lang);
      if (rows.length === 0) continue;
      await insertMultiple(
        this.dbs[lang],
        rows.map((d) => ({ id: d.id, type: d.type, town: d.town ?? '', title: d.title, titleGrams: d.title, body: d.body, bodyGrams: d.body, pinyin: this.pinyinOf(d) })),
        500,
      );
    }
    for (const d of docs) {
      this.docs.set(d.id, d);
      if (d.lang === 'zh') this.speller.add(this.pinyinOf(d));
      if (d.lang === 'en') this.speller.add(`${d.title} ${d.body}`);
      else this.homophones.add(`${d.title} ${d.body}`);
    }
  }

  async remove(ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.docs.has(id));
    if (present.length === 0) return;
    for (const lang of LANGS) {
      const mine = present.filter((id) => this.docs.get(id)!.lang === lang);
      if (mine.length > 0) await removeMultiple(this.dbs[lang], mine, 500);
    }
    for (const id of present) {
      this.docs.delete(id);
      this.pinyin.delete(id);
    }
  }

  /**
   * The query as the pages would word it: English typos corrected against the index's words,
   * Chinese numbers as digits, and character pairs the pages never use that sound like one of
   * their words (a pinyin-keyboard slip) replaced by that word.
   */
  understand(query: string): string {
    return this.homophones.correct(digitsForNumerals(this.speller.correct(query)));
  }

  private pinyinOf(d: SearchDocument): string {
    if (d.lang !== 'zh') return '';
    let words = this.pinyin.get(d.id);
    if (words === undefined) this.pinyin.set(d.id, (words = pinyinWords(d.title)));
    return words;
  }

  /** The hits in one language's index, best first, without pages that do not say what was asked. */
  private async find(lang: Lang, understood: string, expansions: string[], where: Record<string, unknown>) {
    const result = await oramaSearch(this.dbs[lang], {
      term: [understood, ...expansions].join(' '),
      properties: ['title', 'titleGrams', 'body', 'bodyGrams', 'pinyin'],
      boost: BOOST,
      where,
      limit: CANDIDATES,
      // There are no vectors: this spares Orama copying every hit and its document to blank them.
      includeVectors: true,
    });
    // A page ranks only for what it says: one that merely shares a piece of a synonym, or a
    // character of a word, is dropped (a convention's 第12条 社区生活 for 低保 → 最低生活保障).
    const says = saysAny(understood, expansions);
    return result.hits.map((hit) => ({ hit, doc: this.docs.get(hit.id)! })).filter(({ doc }) => !says || says(this.saidIn(doc)));
  }

  /** What a page says, normalised as queries are: once per version of the page, not per query. */
  private saidIn(doc: SearchDocument): string {
    let said = this.said.get(doc);
    if (said === undefined) this.said.set(doc, (said = sayable(`${doc.title}\n${doc.body}\n${this.pinyinOf(doc)}`)));
    return said;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    // A letter pasted whole is read for its point (and the subjects it names).
    const understood = this.understand(searchableQuestion(query, this.synonyms));
    const expansions = synonymExpansions(understood, this.synonyms);
    const expanded = [understood, ...expansions].join(' ');
    const where: Record<string, unknown> = {};
    if (options.type) where.type = { eq: options.type };
    if (options.town) where.town = options.town;
    const script = scriptLang(query);
    const lang = options.lang ?? script;
    let found = await this.find(lang, understood, expansions, where);
    // Typed in the other language's script (dibao or "old age allowance" on the Chinese pages,
    // 低保 on the English ones): the other index answers first, its pages shown in this language;
    // then this index's own (the Chinese titles' pinyin).
    if (script !== lang) {
      const mapped = (await this.find(script, understood, expansions, where)).flatMap(({ hit, doc }) => {
        const here = this.docs.get(`${lang}${doc.id.slice(doc.lang.length)}`);
        return here ? [{ hit, doc: here }] : [];
      });
      const seen = new Set<string>();
      found = [...mapped, ...found].filter(({ doc }) => !seen.has(doc.id) && Boolean(seen.add(doc.id)));
    }
    const offset = options.offset ?? 0;
    const page = found.slice(offset, offset + (options.limit ?? 10));
    const snippet = snippetsOf(surfaceTerms(expanded));
    const count = (pick: (doc: SearchDocument) => string | undefined) => {
      const counts: Record<string, number> = {};
      for (const { doc } of found) {
        const key = pick(doc);
        if (key) counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    };
    const types = count((doc) => doc.type);
    return {
      total: found.length,
      hits: page.map(({ hit, doc }) => ({
        id: doc.id,
        type: doc.type,
        title: doc.title,
        url: doc.url,
        snippet: snippet(doc.body),
        lang: doc.lang,
        ...(doc.town && { town: doc.town }),
        ...(doc.date && { date: doc.date }),
        score: hit.score,
      })),
      facets: { type: Object.fromEntries(DOC_TYPES.filter((t) => types[t]).map((t) => [t, types[t]!])), town: count((doc) => doc.town) },
    };
  }

  async suggest(prefix: string, lang?: Lang): Promise<Suggestion[]> {
    const result = await oramaSearch(this.dbs[lang ?? scriptLang(prefix)], {
      term: prefix,
      properties: ['title', 'titleGrams'],
      boost: { title: 2, titleGrams: 1 },
      limit: 20,
    });
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const hit of result.hits) {
      const doc = this.docs.get(hit.id)!;
      if (seen.has(doc.title)) continue;
      seen.add(doc.title);
      out.push({ title: doc.title, url: doc.url, type: doc.type });
      if (out.length === 8) break;
    }
    return out;
  }

  async stats() {
    return { engine: this.name, documents: LANGS.reduce((n, lang) => n + (count(this.dbs[lang]) as number), 0) };
  }
}
