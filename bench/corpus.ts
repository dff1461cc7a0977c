// A synthetic corpus that reads like a grown portal: the shipped content plus generated pages,
// events and articles. Each generated text mixes one sentence of the real content (so topics
// overlap, as they will) with everyday words drawn by frequency from jieba's dictionary (Chinese)
// or from the real English text, so the vocabulary grows with the corpus as real text does. The
// real pages stay in, so relevance (hit@3 on the evaluation set) is measured as the corpus grows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SearchDocument } from '../search/index.ts';

/** Chinese words with their frequencies, from the segmenter's own dictionary. */
function chineseVocabulary(): { words: string[]; cumulative: number[] } {
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (!word || !freq || Number(freq) < 50) continue;
    total += Number(freq);
    words.push(word);
    cumulative.push(total);
  }
  return { words, cumulative };
}

/** A small deterministic random generator, so every run measures the same corpus. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticCorpus(real: SearchDocument[], size: number, seed = 42): SearchDocument[] {
  const rand = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
  const sentences = { zh: [] as string[], en: [] as string[] };
  const titles = { zh: [] as string[], en: [] as string[] };
  for (const d of real) {
    sentences[d.lang].push(...d.body.split(/(?<=[。！？.!?])\s*|\n/).filter((s) => s.length > 6));
    titles[d.lang].push(d.title);
  }
  const zh = chineseVocabulary();
  const en = [...new Set(real.filter((d) => d.lang === 'en').flatMap((d) => d.body.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  const zhWord = () => {
    const target = rand() * zh.cumulative.at(-1)!;
    let lo = 0;
    let hi = zh.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (zh.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return zh.words[lo]!;
  };
  const filler = (lang: 'zh' | 'en', n: number) =>
    lang === 'zh' ? Array.from({ length: n }, zhWord).join('') : Array.from({ length: n }, () => pick(en)).join(' ');
  const towns = ['bahuang', 'yunchangping', 'dengta', 'zhengguang', ''];
  const types = ['convention', 'service', 'event', 'policy'] as const;
  const docs = [...real];
  for (let i = docs.length; i < size; i++) {
    const lang = rand() < 0.6 ? 'zh' : 'en';
    const type = pick([...types]);
    const body = `${pick(sentences[lang])}${lang === 'zh' ? '' : ' '}${filler(lang, 20 + Math.floor(rand() * 60))}`;
    const title = filler(lang, 2 + Math.floor(rand() * 4));
    const town = pick(towns);
    docs.push({ id: `${lang}:${type}:synthetic-${i}`, type, lang, title, body, url: `/${lang}/${type}s/synthetic-${i}/`, ...(town && { town }) });
  }
  return docs;
}

/** Realistic queries: the evaluation set's, plus colloquial and partial ones residents type. */
export const BENCH_QUERIES = [
  '低保怎么申请', '五保户', '高龄津贴', '临时救助', '村规民约', '花灯', '日间照料中心', '儿童之家', '养老钱', '残疾',
  '灯', '办酒', 'minimum living allowance', 'old age allowance', 'emergency help after a fire', 'village convention',
  'alowance disabled', 'day care', 'children', 'appeal',
];
