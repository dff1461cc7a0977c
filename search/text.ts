// The bilingual text handling both engines share: normalising, Chinese segmentation (jieba,
// search mode, with the district's own words), Han bigrams, English stemming, synonyms and snippets.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from '@orama/stemmers/english';
import { areaList } from '@vant/area-data';

const HAN = /\p{Script=Han}/u;
const RUNS = /(\p{Script=Han}+)|([a-z0-9]+(?:['’-][a-z0-9]+)*)/gu;

const STOP_ZH = new Set(
  '的 了 是 在 和 与 及 或 也 都 就 要 会 能 可以 可 吗 呢 吧 啊 呀 么 怎么 怎样 怎么样 如何 什么 哪里 哪儿 哪些 多少 几 我 你 他 她 我们 你们 他们 我家 家里 自己 这个 那个 这 那 有 没有 请问 一下 想 知道 告诉 还 又 被 把 给 对 从 到 为 为了 让 里 中 上 下 这里 那里 这儿 那儿 来 去'.split(' '),
);
const STOP_EN = new Set(
  'a an the of to in on at for and or is are was be been do does did can could i my me we our you your he she it its they their this that these those what where when which who how much many there here with by from about any as if not no'.split(' '),
);

/** The language of a text without a stated one: Chinese if it has a Han character, else English. */
export function scriptLang(text: string): 'zh' | 'en' {
  return HAN.test(text) ? 'zh' : 'en';
}

/** Full-width to half-width, lower case, one form for each character. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}


let jieba: Jieba | undefined;

/** Teaches the segmenter the district's words (places, programmes, synonyms) so it keeps them whole. */
export function addWords(words: Iterable<string>): void {
  const lines = [...new Set(words)].filter((w) => HAN.test(w) && w.length > 1).map((w) => `${w} 200000 n`);
  if (lines.length > 0) segmenter().loadDict(Buffer.from(lines.join('\n')));
}

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Chinese text cut into words (no new-word guessing), for telling word seams from slips. */
export function cutWords(han: string): string[] {
  return segmenter().cut(han, false);
}

let divisions: string[] | undefined;

/**
 * China's provinces, cities and counties (GB/T 2260, as @vant/area-data ships them): each whole,
 * and provinces and cities also without 省/市/地区/自治州/盟 (大连 for 大连市); a county only
 * without 县/区/旗 when three characters or more remain (周至县 stays whole: 和平, 安化 are words too).
 */
function divisionNames(): string[] {
  if (divisions) return divisions;
  const names = new Set<string>();
  const add = (name: string, suffix: RegExp, min: number) => {
    if (name.length < 3 || /市辖|直辖|省直辖/.test(name)) return;
    names.add(name);
    const short = name.replace(suffix, '');
    if (short !== name && short.length >= min) names.add(short);
  };
  for (const name of Object.values(areaList.province_list)) add(name, /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, 2);
  for (const name of Object.values(areaList.city_list)) add(name, /(市|地区|\p{Script=Han}*?族?自治州|盟)$/u, 2);
  for (const name of Object.values(areaList.county_list)) add(name, /(县|区|旗|市)$/, 3);
  divisions = [...names];
  return divisions;
}

/**
 * Place names a Chinese text names: the segmenter's `ns` words of two or more characters, and
 * China's provinces, cities and counties by name (the segmenter does not tag 大连 or 海拉尔区).
 */
export function placeNamesIn(text: string): string[] {
  const normal = normalize(text);
  const out: string[] = [];
  for (const match of normal.matchAll(/\p{Script=Han}+/gu)) {
    for (const { word, tag } of segmenter().tag(match[0], false)) if (tag === 'ns' && word.length >= 2) out.push(word);
  }
  for (const name of divisionNames()) if (normal.includes(name) && !out.includes(name)) out.push(name);
  return out;
}

export interface Tokens {
  /** Words: jieba's search-mode pieces of Chinese, stemmed English words, numbers. */
  words: string[];
  /**
   * Han characters as overlapping pairs. Indexing adds every single character too, so a
   * one-character search finds a word that merely contains it; a query adds single characters
   * only when it is one character long.
   */
  grams: string[];
}

/** Splits text into the words and Han grams both indexing and querying use. */
export function tokens(text: string, { keepStopWords = false, unigrams = false } = {}): Tokens {
  const words: string[] = [];
  const grams: string[] = [];
  for (const match of normalize(text).matchAll(RUNS)) {
    const [, han, latin] = match;
    if (han) {
      for (const w of segmenter().cutForSearch(han, true)) {
        if (HAN.test(w) && (keepStopWords || !STOP_ZH.has(w))) words.push(w);
      }
      if (han.length === 1 || unigrams) grams.push(...han);
      for (let i = 0; i + 1 < han.length; i++) {
        const gram = han.slice(i, i + 2);
        if (keepStopWords || !STOP_ZH.has(gram)) grams.push(gram);
      }
    } else if (latin && (keepStopWords || !STOP_EN.has(latin))) {
      // The stem finds other forms of the word; the word itself keeps typo tolerance useful
      // ("conventon" is one letter from "convention" but three from its stem "conven").
      const word = latin.replace(/['’]s$/, '');
      words.push(word);
      if (!/^\d/.test(word)) {
        const stem = stemmer(word);
        if (stem !== word) words.push(stem);
      }
    }
  }
  return { words, grams };
}

/** The English stem tokens() adds beside a word (disability → disabl). */
export const stem = (word: string) => stemmer(word);

/** The words of `text` as a reader wrote them (for highlighting), without stop words. */
export function surfaceTerms(text: string): string[] {
  const out = new Set<string>();
  for (const match of normalize(text).matchAll(RUNS)) {
    const [, han, latin] = match;
    if (han) for (const w of segmenter().cut(han, true)) if (!STOP_ZH.has(w)) out.add(w);
    if (latin && !STOP_EN.has(latin)) out.add(latin);
  }
  return [...out];
}

/**
 * Adds to a query the other terms of every synonym group it mentions, so 五保户 also looks for
 * 特困人员 and "old age allowance" for 高龄津贴. Only terms in the query's own script are added
 * (the other language's pages are not searched) and at most `perGroup` of them, in the order the
 * group lists them (official terms first), which keeps queries short and fast.
 */
export function expandSynonyms(query: string, groups: string[][], perGroup = 2): string {
  const extra = synonymExpansions(query, groups, perGroup);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}

/** A synonym term, read once: normalised, its script, its English words. */
interface Term {
  term: string;
  normal: string;
  han: boolean;
  parts: string[];
}
const PREPARED = new WeakMap<string[][], Term[][]>();
function prepared(groups: string[][]): Term[][] {
  let terms = PREPARED.get(groups);
  if (!terms) {
    terms = groups.map((group) =>
      group.map((term) => {
        const normal = normalize(term);
        return { term, normal, han: HAN.test(normal), parts: normal.match(/[a-z0-9]+/g) ?? [] };
      }),
    );
    PREPARED.set(groups, terms);
  }
  return terms;
}

/** The other terms `expandSynonyms` adds to a query, each whole. */
export function synonymExpansions(query: string, groups: string[][], perGroup = 2): string[] {
  const q = normalize(query);
  const han = HAN.test(q);
  const words = new Set(q.match(/[a-z0-9]+/g) ?? []);
  const mentions = (t: Term) => (t.han ? q.includes(t.normal) : t.parts.every((part) => words.has(part)));
  const extra = new Set<string>();
  for (const group of prepared(groups)) {
    if (!group.some(mentions)) continue;
    group.filter((t) => HAN.test(t.term) === han && !mentions(t)).slice(0, perGroup).forEach((t) => extra.add(t.term));
  }
  return [...extra];
}

/**
 * Whether a text says something the query asks about: one of the query's own words (a Chinese
 * word of two or more characters, an English word or its stem), or a synonym whole. A text that
 * only shares a piece of a synonym (生活 of 最低生活保障, "living" of "minimum living allowance")
 * does not. Undefined when the query has no such word to hold a text to (a lone character). The
 * check takes the text as sayable() gives it.
 */
export function saysAny(query: string, expansions: string[]): ((text: string) => boolean) | undefined {
  const { words } = tokens(query);
  const own = words.filter((w) => (HAN.test(w) ? w.length >= 2 : w.length >= 3));
  if (own.length === 0) return undefined;
  // A Chinese term anywhere (a plain substring search, the fastest there is), an English one at a
  // word's start (one pattern for them all, which scans a text once where a loop of indexOf scans
  // it per term). Text and terms are both normalised, lower case, their spaces single.
  const terms = [...new Set([...own, ...expansions].map(sayable))].filter(Boolean);
  const han = terms.filter((term) => HAN.test(term));
  const english = terms.filter((term) => !HAN.test(term)).map((term) => `\\b${escapeRegExp(term)}`);
  const says = english.length > 0 ? new RegExp(english.join('|')) : undefined;
  return (text) => han.some((term) => text.includes(term)) || (says?.test(text) ?? false);
}

/** A text as saysAny() reads it: normalised, each run of white space one space. */
export const sayable = (text: string) => normalize(text).replace(/\s+/g, ' ').trim();

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to put inside HTML or an attribute. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Text made safe to put inside a regular expression, matching itself literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A passage of `text` around the first match of `terms`, HTML-escaped, with each match in
 * `<mark>`. English terms match as word starts (so "allow" marks "allowance").
 */
export function snippet(text: string, terms: string[], width = 80): string {
  return snippetsOf(terms, width)(text);
}

/** snippet() for many texts and the same terms: the pattern is made once. */
export function snippetsOf(terms: string[], width = 80): (text: string) => string {
  const patterns = terms
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((t) => (HAN.test(t) ? escapeRegExp(t) : `\\b${escapeRegExp(t)}\\w*`));
  if (patterns.length === 0) return (text) => escapeHtml(text.slice(0, width)) + (text.length > width ? '…' : '');
  const matcher = new RegExp(patterns.join('|'), 'giu');
  return (text) => {
    matcher.lastIndex = 0;
    const first = matcher.exec(text);
    const start = first ? Math.max(0, first.index - Math.floor(width / 3)) : 0;
    const end = Math.min(text.length, start + width);
    const passage = text.slice(start, end);
    matcher.lastIndex = 0;
    let out = '';
    let last = 0;
    for (const m of passage.matchAll(matcher)) {
      out += escapeHtml(passage.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
      last = m.index! + m[0].length;
    }
    out += escapeHtml(passage.slice(last));
    return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
  };
}

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2);
  // Three rolling rows (two back, one back, this one) in one reused buffer: no allocation per call.
  let back2 = 0;
  let back1 = n + 1;
  let row = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[back1 + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[back1 + j]! + 1, rows[row + j - 1]! + 1, rows[back1 + j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, rows[back2 + j - 2]! + 1);
      rows[row + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [back2, back1, row] = [back1, row, back2];
  }
  return rows[back1 + n]!;
}
let rows = new Int32Array(96);

/**
 * Corrects misspelt English words against the words the index holds: a word of five letters or
 * more that the index lacks becomes its most frequent neighbour one edit away (two for long
 * words). Short words are left alone: "cup" is not a typo for "cut".
 */
export class Speller {
  private readonly counts = new Map<string, number>();
  /** The same words by length: a correction only looks at words that can be close enough. */
  private readonly byLength: string[][] = [];

  add(text: string): void {
    for (const word of normalize(text).match(/[a-z]{3,}/g) ?? []) {
      const count = this.counts.get(word);
      this.counts.set(word, (count ?? 0) + 1);
      if (count === undefined) (this.byLength[word.length] ??= []).push(word);
    }
  }

  correct(query: string): string {
    return query.replace(/[A-Za-z]{5,}/g, (raw) => {
      const word = raw.toLowerCase();
      if (this.counts.has(word)) return raw;
      const max = word.length >= 8 ? 2 : 1;
      let best: string | undefined;
      let bestDistance = max + 1;
      let bestCount = 0;
      for (let length = word.length - max; length <= word.length + max; length++) {
        for (const candidate of this.byLength[length] ?? []) {
          const d = editDistance(word, candidate, max);
          if (d > max) continue;
          const count = this.counts.get(candidate)!;
          if (d < bestDistance || (d === bestDistance && count > bestCount)) {
            best = candidate;
            bestDistance = d;
            bestCount = count;
          }
        }
      }
      return best ?? raw;
    });
  }
}
