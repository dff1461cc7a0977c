// Orama's own index with a leaner full-text search, for the sizes a district may grow to (10,000
// pages and more). Orama's search, per query token and property:
// - collects the words starting with the token by copying each word's documents into an array,
//   one `includes` at a time: quadratic (1.6 million comparisons for a word on 1,800 pages);
// - scores every posting with BM25 into a Map, and keeps a second map per document of which
//   properties matched how many tokens, which only a threshold below 1 reads;
// - sorts every document that matched, though a search here reads the best thousand at most.
// This index, for threshold 1 (the only one this engine asks for):
// - keeps each word's documents with its frequency in each, beside Orama's own, in the order
//   Orama's would list them: a posting's frequency is read with it, not looked up among the
//   hundreds of words of its document;
// - sums the same BM25 scores in the same order, so the ranking is Orama's to the last bit;
// - keeps the sums in a typed array by Orama's internal document number, each word's IDF once;
// - returns only the best `keep` documents, in the order a full stable sort would give them.
// Any other threshold, an exact or fuzzy term, goes to Orama's own search.
import { index as oramaIndex } from '@orama/orama/components';

type OramaIndex = ReturnType<typeof oramaIndex.createIndex>;
type Search = OramaIndex['search'];

/** Orama's radix tree node (orama/trees/radix): its edge's letters, children, documents, end, word. */
interface RadixNode {
  s: string;
  c: Map<string, RadixNode>;
  d: Set<number>;
  e: boolean;
  w: string;
}

/** What Orama's index keeps per property, as its search reads it. */
interface Internal {
  indexes: Record<string, { type: string; node: RadixNode; isArray: boolean }>;
  avgFieldLength: Record<string, number>;
  fieldLengths: Record<string, Record<number, number>>;
  tokenOccurrences: Record<string, Record<string, unknown>>;
  frequencies: Record<string, Record<number, Record<string, number> | undefined>>;
}

export function leanIndex({ keep }: { keep: number }): OramaIndex {
  const base = oramaIndex.createIndex();
  const sums = new Sums();
  // Per text property, each word's documents with the word's frequency in each, kept as Orama
  // inserts and removes: one flat list per word, document and frequency in turn (69 MB at 10,000
  // pages where a Map per word took 122), in the order Orama's own set of the word's documents
  // keeps them.
  const postings = new Map<string, Map<string, number[]>>();
  const postingsOf = (prop: string) => {
    let words = postings.get(prop);
    if (!words) postings.set(prop, (words = new Map()));
    return words;
  };
  const insert: OramaIndex['insert'] = (implementation, index, prop, id, internalId, value, schemaType, ...rest) => {
    const done = base.insert(implementation, index, prop, id, internalId, value, schemaType, ...rest);
    const data = index as unknown as Internal;
    if (!isText(data, prop)) return done;
    const words = postingsOf(prop);
    for (const [word, tf] of Object.entries(data.frequencies[prop]![internalId as number] ?? {})) {
      const docs = words.get(word);
      if (docs) docs.push(internalId as number, tf);
      else words.set(word, [internalId as number, tf]);
    }
    return done;
  };
  const remove: OramaIndex['remove'] = (implementation, index, prop, id, internalId, value, schemaType, ...rest) => {
    const data = index as unknown as Internal;
    if (isText(data, prop)) {
      const words = postingsOf(prop);
      for (const word of Object.keys(data.frequencies[prop]![internalId as number] ?? {})) {
        const docs = words.get(word);
        const at = docs ? postingAt(docs, internalId as number) : -1;
        if (at < 0) continue;
        if (docs!.length === 2) words.delete(word);
        else docs!.splice(at, 2);
      }
    }
    return base.remove(implementation, index, prop, id, internalId, value, schemaType, ...rest);
  };
  const search: Search = (index, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, whereFiltersIDs, threshold = 0) => {
    const data = index as unknown as Internal;
    const boosts = boost as Record<string, number | undefined>;
    // Orama's own checks and errors (a property that is not text, a boost of 0) stay its own.
    const plain = threshold === 1 && !exact && !tolerance && properties.every((prop) => isText(data, prop) && (boosts[prop] ?? 1) > 0);
    if (!plain) return base.search(index, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, whereFiltersIDs, threshold);
    const tokens = tokenizer.tokenize(term, language) as string[];
    if (tokens.length === 0 && !term) tokens.push('');
    const { k, b, d } = relevance as { k: number; b: number; d: number };
    try {
      for (const prop of properties) {
        const by = boosts[prop] ?? 1;
        const average = data.avgFieldLength[prop]!;
        const lengths = data.fieldLengths[prop]!;
        const occurrences = data.tokenOccurrences[prop]!;
        const words = postingsOf(prop);
        for (const token of tokens) {
          for (const word of wordsStartingWith(data.indexes[prop]!.node, token)) {
            const docs = words.get(word);
            if (!docs) continue;
            const seen = occurrences[word];
            const matching = typeof seen === 'number' ? seen : 0;
            const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
            for (let at = 0; at < docs.length; at += 2) {
              const id = docs[at]!;
              const tf = docs[at + 1]!;
              if (whereFiltersIDs && !whereFiltersIDs.has(id)) continue;
              // Orama's BM25, operation for operation, so the sums are the same to the last bit.
              sums.add(id, ((idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * lengths[id]!) / average))) * by);
            }
          }
        }
      }
      return sums.best(keep);
    } finally {
      sums.clear();
    }
  };
  return { ...base, insert, remove, search };
}

/** Where a document's posting starts in a word's flat list, or -1. */
function postingAt(docs: number[], id: number): number {
  for (let at = 0; at < docs.length; at += 2) if (docs[at] === id) return at;
  return -1;
}

/**
 * A text property that is one string. (Of a list of strings Orama keeps the frequencies of the
 * last only, and scores the others' words as if absent: its own search reads those.)
 */
const isText = (data: Internal, prop: string) => data.indexes[prop]?.type === 'Radix' && !data.indexes[prop]!.isArray;

/** One search's sums by internal document number (a search runs synchronously: one at a time). */
class Sums {
  private sums = new Float64Array(1024);
  private met = new Int32Array(1024);
  private count = 0;

  add(id: number, score: number): void {
    if (id >= this.sums.length) this.sums = grown(this.sums, id);
    // A score is never 0 (its IDF is above 0): 0 marks a document not met yet.
    if (this.sums[id] === 0) {
      if (this.count === this.met.length) this.met = grown(this.met, this.count);
      this.met[this.count++] = id;
      this.sums[id] = score;
    } else this.sums[id] += score;
  }

  /** The best `keep`, best first; those with the same score in the order they were first met. */
  best(keep: number): [number, number][] {
    const { sums, met, count } = this;
    // The score the `keep`-th best reaches (those tied with it kept), by a native sort.
    let floor = -Infinity;
    if (count > keep) {
      const scores = new Float64Array(count);
      for (let i = 0; i < count; i++) scores[i] = sums[met[i]!]!;
      floor = scores.sort()[count - keep]!;
    }
    const results: [number, number][] = [];
    for (let i = 0; i < count; i++) if (sums[met[i]!]! >= floor) results.push([met[i]!, sums[met[i]!]!]);
    // A stable sort, as Orama's.
    return results.sort((x, y) => y[1] - x[1]);
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.sums[this.met[i]!] = 0;
    this.count = 0;
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Every word of the tree that starts with `term`, in the order Orama's `find` gives them (the keys
 * of an object: words that read as array indexes first, in number order, then as met).
 */
function wordsStartingWith(root: RadixNode, term: string): string[] {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]!);
    if (!child) return [];
    let j = 0;
    while (j < child.s.length && i + j < term.length && child.s[j] === term[i + j]) j++;
    if (j < child.s.length && i + j < term.length) return [];
    // The whole edge matched, or the term ends inside it: every word below starts with the term.
    node = child;
    i += j;
  }
  const output: Record<string, true> = {};
  const stack = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.e) output[next.w] = true;
    if (next.c.size > 0) stack.push(...next.c.values());
  }
  return Object.keys(output);
}
