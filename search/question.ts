// The point of a long question. Residents write letters: who they are, what happened, what they
// tried, and somewhere in it one sentence that asks. Search and the bot read that sentence (and
// the one before it, which often names the subject); the rest of the letter is for its facts.
import { normalize } from './text.ts';

/** Up to this many characters, a question is read whole. */
const SHORT = 24;

const ASKS_ZH = /[吗么嘛]|怎么|怎样|咋|如何|能否|是否|可否|可不可以|能不能|会不会|有没有|是不是|算不算|够不够|为什么|为何|啥|哪|什么|多少|好多|几|多久|多长|谁/;
const ASKS_EN = /\b(what|how|where|when|why|who|which|can|could|may|do|does|did|is|are|will|should|would)\b/i;
const PLEA = /请问|想问|问一下|问问|咨询|请教|求助|希望|能否|麻烦|帮忙|请领导|请帮|please|i would like to know|i want to know/i;

/**
 * The sentences of a text: split at full stops, question and exclamation marks, line breaks and
 * (unless `semicolons` is false: a list of conditions quoted whole) semicolons; each with at least
 * `min` characters that are not spaces or punctuation.
 */
export function sentencesOf(text: string, { semicolons = true, min = 2 } = {}): string[] {
  return text
    .split(semicolons ? /(?<=[。！？；!?;])|(?<=\.)\s+|\n+/ : /(?<=[。！？!?])|(?<=\.)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\s\p{P}]/gu, '').length >= min);
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

// ——— what a question asks ———

export type Intent =
  | 'qualify' // can I / who qualifies
  | 'apply' // how to apply
  | 'where' // where, which office
  | 'bring' // what to bring
  | 'amount' // how much
  | 'time' // how long, when
  | 'stopped' // why was it stopped
  | 'refused' // not approved, no answer
  | 'unfair' // report unfairness, object, review
  | 'change' // what changes when my situation changes
  | 'what' // what something is, what it is for
  | 'other';

/** Cue words for each intent, checked in this order (the first that matches wins). */
const CUES: [Intent, RegExp][] = [
  ['unfair', /优亲厚友|关系保|人情保|关系户|收礼|收了礼|送礼|红包|好处费|手续费|不像话|不办事|不作为|乱作为|刁难|推诿|说了算|(村|村委|干部|书记|村长).{0,8}安排|指标|去世.{0,12}(还|仍|却)|死了.{0,8}(还|仍)|(条件好|有钱|有车|有房|富).{0,12}(吃|享受|领|评上|拿)|该保的.{0,8}(没|不)|应保未保|不该.{0,6}(吃|领|享受)|不公平|不公正|不合理|暗箱|举报|投诉|告状|监督|反映问题|违规|违纪|乱评|乱批|骗保|骗取|冒领|吃拿卡要|复议|诉讼|起诉|不服|异议|申诉|unfair|favouritism|favoritism|corrupt|report (them|it|misconduct)|complain|appeal|object to|challenge/i],
  ['stopped', /停发|停止发放|停了|停掉|被停|取消|恢复|不发了|没发了|没有发了|断了|没到账|没有到账|没进账|没有进账|不到账|没打钱|没有打钱|没收到|未收到|未及时收到|没领到|没有领到|领不到|一分钱|退出了|被退出|清退|被清理|减发|少发|stopped|cut off|taken off|no longer (paid|get|receive)/i],
  ['refused', /批不下来|没批|不批|没有批|没通过|没有通过|不通过|不给批|不给办|拒绝|驳回|一直没有结果|没有答复|没回复|没消息|没有下文|不予|refused|rejected|turned down|not approved|no answer/i],
  ['bring', /带什么|带些|带哪些|什么材料|哪些材料|材料|证件|手续|证明|资料|what (do|should) (i|we) (need to )?bring|what to bring|documents|papers/i],
  ['amount', /多少钱|好多钱|几多钱|多少|有好多|给好多|领好多|发好多|好多[？?]?$|标准是|什么标准|补多少|发多少|领多少|给多少|金额|how much|amount|rate/i],
  ['time', /多久|多长时间|几天|几个月|时限|什么时候|何时|期限|how long|when (will|do|does|can)|deadline/i],
  ['where', /哪里|哪儿|那里|找哪个|找哪里|找什么人|哪个部门|什么部门|哪个单位|找谁|去哪|在哪|什么地方|where|which office|who do i/i],
  ['apply', /怎么申请|怎样申请|如何申请|咋个申请|咋申请|怎么办理|如何办理|怎么办|怎么弄|怎么领|如何领|咋领|流程|程序|步骤|how (do|can|should) (i|we) (apply|get|claim)|how to (apply|get|claim)|steps/i],
  ['change', /变化|变了|迁|搬家|去世|过世|死亡|换证|过期|到期|升级|降级|年审|复核|changes?|moved?|died|renew/i],
  // "能申请不", "可以领不": a yes-or-no question asked by a trailing 不.
  ['qualify', /(能|可以|可不可以|行|够).{0,10}不[？?。！!\s]*$|几级|多大年纪|多少岁|几岁|才能|才可以|能不能|能否|可不可以|可以.{0,12}[吗么]|能.{0,12}[吗么]|符合|条件|资格|够不够|算不算|享受|有没有.{0,6}(补贴|补助|钱)|哪些人|什么人|谁可以|who (can|qualifies)|eligib|qualif|entitled|can (i|we|my|he|she|they)/i],
  ['what', /是什么|什么是|啥是|什么意思|意思|目的|意义|作用|有什么用|干什么|做什么|区别|不同|有哪些|what is|what are|what does|meaning|purpose|difference/i],
  ['apply', /申请|办理|办证|apply|application/i],
];

/** Whether a text asks, among other things, whether someone qualifies ("能否申请特困？如何申请？"). */
export function asksWhetherQualifies(question: string): boolean {
  return CUES.find(([intent]) => intent === 'qualify')![1].test(normalize(question));
}

export function intentOf(question: string): Intent {
  const q = normalize(question);
  return CUES.find(([, cue]) => cue.test(q))?.[0] ?? 'other';
}

/** Intents a resident's rights and recourse answer (the explainer `rights`). */
export const RECOURSE: ReadonlySet<Intent> = new Set(['stopped', 'refused', 'unfair']);

/**
 * The intent of a letter: its asking sentence's, unless the letter complains anywhere (a stop, a
 * refusal, unfairness) and the point asks nothing more precise than that (where, what to bring,
 * how long): then recourse.
 */
export function letterIntent(point: string, whole: string): Intent {
  const asked = intentOf(point);
  const letter = intentOf(whole);
  if (asked === 'other' || (RECOURSE.has(letter) && !RECOURSE.has(asked) && !['bring', 'time', 'where'].includes(asked))) return letter;
  return asked;
}
