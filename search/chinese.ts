// What residents type in Chinese that the pages say another way: the wrong character picked from
// a pinyin keyboard (低宝 for 低保, 津帖 for 津贴), often with the sounds local speech does not
// tell apart (`soundFolds` in content/district.yaml), and numbers written in characters (八十多岁 for 80岁).
import { pinyin } from 'pinyin-pro';
import { cutWords, normalize, tokens } from './text.ts';

const HAN_RUN = /\p{Script=Han}+/gu;

/** Pinyin spellings heard as one sound: at the start of a syllable and at its end, [typed, folded]. */
export interface SoundFolds {
  initials: [string, string][];
  finals: [string, string][];
}

/**
 * One key per sound, toneless, with the pairs local speech merges folded together (an initial is
 * folded only before a vowel, so `n` never eats the `ng` of a final).
 */
export function soundKey(word: string, folds: SoundFolds = { initials: [], finals: [] }): string {
  return pinyin(word, { toneType: 'none', type: 'array' })
    .map((syllable) => {
      let s = syllable;
      const initial = folds.initials.find(([from]) => s.startsWith(from) && /^[aeiouv]/.test(s.slice(from.length)));
      if (initial) s = initial[1] + s.slice(initial[0].length);
      const final = folds.finals.find(([from]) => s.endsWith(from));
      if (final) s = s.slice(0, s.length - final[0].length) + final[1];
      return s;
    })
    .join(' ');
}

/**
 * The two-character words of the pages by sound. A pair of characters in a query that the pages
 * never use, but that sounds like one of their words, is taken for that word: the pair could not
 * have matched anything, so replacing it loses nothing.
 */
export class Homophones {
  private readonly pairs = new Set<string>();
  private readonly counts = new Map<string, number>();
  private readonly bySound = new Map<string, Set<string>>();

  constructor(private readonly folds?: SoundFolds) {}

  /** Words that are right though the pages may not use them (the synonym list): never "corrected". */
  know(text: string): void {
    for (const run of normalize(text).match(HAN_RUN) ?? []) for (let i = 0; i + 1 < run.length; i++) this.pairs.add(run.slice(i, i + 2));
  }

  add(text: string): void {
    for (const run of normalize(text).match(HAN_RUN) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) this.pairs.add(run.slice(i, i + 2));
      for (const word of tokens(run, { keepStopWords: true }).words) {
        if (word.length !== 2) continue;
        const n = this.counts.get(word) ?? 0;
        this.counts.set(word, n + 1);
        if (n > 0) continue;
        const key = soundKey(word, this.folds);
        const words = this.bySound.get(key) ?? new Set<string>();
        this.bySound.set(key, words.add(word));
      }
    }
  }

  /**
   * The query with each unknown pair that sounds like a word of the pages replaced by it. A slip
   * changes one character, so the word must share the other; and only characters the segmenter
   * left on their own are looked at: a pair across two known words (低保|怎么) is a seam, not a slip.
   */
  correct(query: string): string {
    if (this.counts.size === 0) return query;
    return query.replace(HAN_RUN, (run) => {
      const out: string[] = [];
      const words = cutWords(run);
      for (let w = 0; w < words.length; w++) {
        const [a, b] = [words[w]!, words[w + 1]];
        const pair = b !== undefined && [...a].length === 1 && [...b].length === 1 ? a + b : a;
        const best = [...pair].length === 2 && !this.pairs.has(pair) ? this.best(soundKey(pair, this.folds), pair) : undefined;
        if (best) {
          out.push(best);
          if (pair !== a) w++;
        } else out.push(a);
      }
      return out.join('');
    });
  }

  private best(key: string, pair: string): string | undefined {
    let best: string | undefined;
    let bestCount = 1; // a word the pages use once is too weak a guess
    for (const word of this.bySound.get(key) ?? []) {
      if (word[0] !== pair[0] && word[1] !== pair[1]) continue;
      const n = this.counts.get(word) ?? 0;
      if (n > bestCount) [best, bestCount] = [word, n];
    }
    return best;
  }
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 八十 → 80, 一百二十 → 120, 十五 → 15, 两千 → 2000, 一百零五 → 105; undefined when it is not a number. */
export function numeralValue(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    // 一百零五: 零 only holds the empty place between 百 and 五.
    if ((ch === '零' || ch === '〇') && digit === undefined && total > 0) continue;
    if (ch in DIGITS) {
      if (digit !== undefined) return undefined; // 八八: not a numeral we read
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const UNIT = '(?:周岁|岁|元|块|个|天|日|月|年|万|人|倍|级|小时|口|次)';
const NUMERAL_BEFORE_UNIT = new RegExp(`[零〇一二两三四五六七八九十百千]+(?=[多几来]?${UNIT})`, 'g');

// An age or amount reached: 满八十, 年满六十, 超过八十.
const NUMERAL_AFTER_REACHING = /(?<=满|到了|过了|超过|年过)[零〇一二两三四五六七八九十百千]{2,}/g;
const ROUGHLY = new RegExp(`(\\d+)[多几来](?=${UNIT})`, 'g');

/**
 * Numbers written in characters before a unit (八十多岁, 五万元, 十五天) as digits, as the pages
 * write them; "about" (80多岁) is dropped, since the pages state the threshold (80岁).
 */
export function digitsForNumerals(query: string): string {
  return query
    .replace(NUMERAL_BEFORE_UNIT, (numeral) => {
      // A lone 一 is "a" or "per" (一个月 = a month), not a figure to look for.
      const value = numeral === '一' ? undefined : numeralValue(numeral);
      return value === undefined ? numeral : String(value);
    })
    .replace(NUMERAL_AFTER_REACHING, (numeral) => String(numeralValue(numeral) ?? numeral))
    .replace(ROUGHLY, '$1');
}

const ABOUT = /^(大概|大约|约|差不多|将近|快)|(左右|上下|多|来)$/gu;
const UNIT_AFTER = /(周岁|岁|块钱|元钱|元|块|人民币|个人|口人|人|口|个)$/u;

/**
 * A whole number as a resident types it into a form: 82, ８２, 82岁, 八十二, 300元, 三百块,
 * 1.5万, 2,000, 大概300. Undefined when it is not one number.
 */
export function numberIn(typed: string): number | undefined {
  let text = typed.normalize('NFKC').replace(/[\s,，]/g, '').replace(UNIT_AFTER, '').replace(ABOUT, '').replace(UNIT_AFTER, '');
  let scale = 1;
  if (text.endsWith('万')) {
    scale = 10_000;
    text = text.slice(0, -1);
  }
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : numeralValue(text);
  if (value === undefined || text === '') return undefined;
  const whole = value * scale;
  return Number.isInteger(whole) ? whole : undefined;
}

/**
 * The Chinese words of a text in toneless pinyin, each word and its pieces (特困人员 → tekun
 * renyuan tekunrenyuan): what a resident without a Chinese keyboard types.
 */
export function pinyinWords(text: string): string {
  const words = tokens(text).words.filter((w) => /\p{Script=Han}/u.test(w));
  return [...new Set(words.map((w) => pinyin(w, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v')))].join(' ');
}
