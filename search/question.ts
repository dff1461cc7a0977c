// The point of a long question. Residents write letters: who they are, what happened, what they
// tried, and somewhere in it one sentence that asks. Search and the bot read that sentence (and
// the one before it, which often names the subject); the rest of the letter is for its facts.
import { normalize } from './text.ts';

/** Up to this many characters, a question is read whole. */
const SHORT = 24;

const ASKS_ZH = /[吗么嘛]|怎么|怎样|咋|如何|能否|是否|可否|可不可以|能不能|会不会|有没有|是不是|算不算|够不够|为什么|为何|啥|哪|什么|多少|好多|几|多久|多长|谁/;
const ASKS_EN = /\b(what|how|where|when|why|who|which|can|could|may|do|does|did|is|are|will|should|would)\b/i;
const PLEA = /请问|想问|问一下|问问|咨询|请教|求助|希望|能否|麻烦|帮忙|请领导|请帮|please|i would like to know|i want to know/i;

/** The sentences of a text: split at full stops, question and exclamation marks, semicolons and line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|(?<=\.)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\s\p{P}]/gu, '').length > 1);
}

function askScore(sentence: string, last: boolean): number {
  const s = normalize(sentence);
  let score = 0;
  if (/[?？]/.test(s)) score += 3;
  if (ASKS_ZH.test(s)) score += 2;
  else if (ASKS_EN.test(s) && /^[^a-z]*\b(what|how|where|when|why|who|which|can|could|may|do|does|did|is|are|will|should|would)\b/i.test(s)) score += 2;
  if (PLEA.test(s)) score += 2;
  if (last) score += 1;
  return score;
}

/**
 * The part of a text that asks: the whole of a short one; for a long one, its asking sentences
 * (a question mark, a question word, 请问…), each after its own 请问, with the sentence before the
 * first of them when it is short (it often names the subject: "我父亲…低保。请问能享受吗？"), at
 * most `max` characters. A letter with no asking sentence gives its last two sentences.
 */
export function pointOf(text: string, max = 120): string {
  const trimmed = text.trim();
  if (trimmed.length <= SHORT) return trimmed;
  const all = sentencesOf(trimmed);
  if (all.length <= 1) return trimmed.slice(0, max);
  const scored = all.map((s, i) => ({ s, i, score: askScore(s, i === all.length - 1) }));
  let asking = scored.filter((x) => x.score >= 4);
  if (asking.length === 0) asking = scored.filter((x) => x.score >= 2);
  if (asking.length === 0) asking = scored.slice(-2);
  // The strongest asks, at most three, kept in the letter's order.
  const picked = [...asking].sort((a, b) => b.score - a.score || b.i - a.i).slice(0, 3).sort((a, b) => a.i - b.i);
  const parts = picked.map((x) => x.s.replace(/^.*?(请问|想问一下|想问问|想问|问一下)[，,：:]?/, ''));
  const first = picked[0]!.i;
  const before = first > 0 ? all[first - 1]! : '';
  let point = parts.join('');
  if (before && before.length <= 40 && point.length < 40) point = before + point;
  return point.length > max ? point.slice(0, max) : point;
}

/**
 * What a search reads of a long text: its point, plus each subject (a term of a synonym group)
 * the rest of the letter names and the point does not. A short query is read whole.
 */
export function searchableQuestion(text: string, synonyms: string[][]): string {
  if (text.trim().length <= SHORT) return text;
  const point = pointOf(text);
  const whole = normalize(text);
  const here = normalize(point);
  const subjects = synonyms.flatMap((group) => {
    const named = group.filter((term) => /\p{Script=Han}/u.test(term) ? whole.includes(normalize(term)) : new RegExp(`\\b${normalize(term)}\\b`).test(whole));
    return named.length > 0 && !named.some((term) => here.includes(normalize(term))) ? [named.sort((a, b) => b.length - a.length)[0]!] : [];
  });
  return [point, ...subjects].join(' ');
}
