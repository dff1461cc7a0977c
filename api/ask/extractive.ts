// Extractive answers: the sentences of the retrieved passages that best answer the question,
// quoted with their sources. No model, so nothing is invented.
import { escapeRegExp, normalize, sentencesOf, stem, tokens, type SearchDocument } from '../../search/index.ts';
import { guidePart } from './passages.ts';

export interface Citation {
  title: string;
  url: string;
  quote: string;
}

const HAN = /\p{Script=Han}/u;
const ASKS_NUMBER = /多少|好多|几|多大|多久|几岁|年纪|how (much|many|old|long)|what age|amount/i;
export const ASKS_MONEY = /多少钱|好多钱|几多钱|领多少|给多少|发多少|补多少|领什么|什么补贴|什么钱|哪些补贴|how much|amount|what (allowance|benefit|money)/i;
const MONEY = /\d[\d,.]*\s*(元|块|yuan)/i;
const ASKS_BRING = /带什么|带些|带哪些|材料|证件|手续|what (do|should) (i|we) (need to )?bring|what to bring|documents|papers/i;
const BRING = /材料|要带|证件|bring|documents/i;
const ASKS_WHERE = /哪里|哪儿|在哪|去哪|找谁|where|who do i/i;
const ASKS_HOW = /怎么申请|怎样申请|如何申请|咋个申请|怎么办理|怎么办|怎么弄|申请流程|办理流程|手续|how (do|can|should) (i|we) (apply|get)|how to (apply|get)|what are the steps/i;
const STEPS = /办理流程|how to apply|steps/i;
const PLACE = /民政办|乡镇|街道|民政局|村委会|居委会|人民政府|法院|office|township|street|bureau|committee|government|court/i;

/** The words that carry a question's meaning (no stop words), each with its synonyms. */
export function keyTerms(question: string, synonyms: string[][]): string[][] {
  const { words } = tokens(question);
  // Search mode yields pieces and wholes (村规, 民约, 村规民约); a term is covered if any form is.
  const distinct = [...new Set(words)].filter((w) => !words.some((other) => other !== w && other.includes(w) && HAN.test(w)));
  // An English word and its stem (house, hous; disability, disabl) are one term, found in either form.
  const stemOf = new Map(distinct.filter((w) => !HAN.test(w)).map((w) => [w, stem(w)]));
  const stems = new Set(distinct.filter((w) => !HAN.test(w) && distinct.some((other) => other !== w && (other.startsWith(w) || stemOf.get(other) === w))));
  return distinct.filter((w) => !stems.has(w)).map((w) => {
    const own = stemOf.get(w);
    const stem = own && own !== w && stems.has(own) ? own : [...stems].find((s) => w.startsWith(s));
    // A Chinese word also joins a group one of whose terms holds it (养老 → 养老钱), if it is a
    // word and not a lone character (遭 is not 遭火).
    const group = synonyms.find((g) => g.some((term) => normalize(term) === w || (HAN.test(w) && w.length > 1 && normalize(term).includes(w))));
    return [w, ...(stem ? [stem] : []), ...(group ?? []).map(normalize)];
  });
}

/** Whether a normalised text holds a term in any of its forms. */
export const covers = (text: string, term: string[]) => term.some((t) => (HAN.test(t) ? text.includes(t) : new RegExp(`\\b${escapeRegExp(t)}`, 'i').test(text)));

/** The share of the question's key terms a text contains (0–1). */
export function coverage(text: string, terms: string[][]): number {
  if (terms.length === 0) return 0;
  const normal = normalize(text);
  return terms.filter((term) => covers(normal, term)).length / terms.length;
}


export interface Extract {
  sentences: { text: string; citation: number }[];
  citations: Citation[];
}

/**
 * Picks up to `max` sentences from the passages, each scored by the key terms it contains (and,
 * for "how much / how old" questions, whether it has a figure), and cites its passage.
 */
export function extract(question: string, passages: SearchDocument[], terms: string[][], max = 3, listPart?: string): Extract {
  const wantsNumber = ASKS_NUMBER.test(question);
  const wantsPlace = ASKS_WHERE.test(question);
  const wantsBring = ASKS_BRING.test(question);
  const wantsMoney = ASKS_MONEY.test(question);
  // "How do I apply?" is answered by the steps, in their order, not by who may apply.
  const wantsSteps = ASKS_HOW.test(question) && !wantsPlace && !wantsBring;
  const scored = passages.flatMap((p, passageIndex) => {
    // "What do I bring?" is answered by the list itself, item by item, in its order; so is the part
    // of a guide that answers this kind of question (who can apply, what you get).
    const part = passageIndex === 0 ? guidePart(p)?.part : undefined;
    const inList = passageIndex === 0 && ((wantsBring && BRING.test(p.title)) || (wantsSteps && STEPS.test(p.title)) || (listPart !== undefined && part === listPart));
    // Who can apply and what you get are quoted item by item, whole: a condition cut in two misleads.
    const whole = inList && (part === 'who' || part === 'what');
    const pieces = whole ? p.body.split('\n').map((line) => line.trim()).filter(Boolean) : sentencesOf(p.body, { semicolons: false, min: 3 });
    // A question in the text ("多大年纪能领？") is not an answer to quote.
    return pieces.filter((text) => !/[？?]$/.test(text)).map((text, order) => {
      const normal = normalize(text);
      const hits = terms.filter((term) => covers(normal, term)).length;
      const intent =
        (wantsMoney ? (MONEY.test(text) ? 2.5 : 0) : wantsNumber && /\d/.test(text) ? 1.5 : 0) + (wantsPlace && PLACE.test(text) ? 1.5 : 0);
      // "Not known yet, ask the office" is a weaker answer than a fact (a figure marked 待核实 is still one).
      const unsure = /待核实|to be confirmed/i.test(text) && !/\d/.test(text) ? 1 : 0;
      const list = inList ? 5 - order * 0.1 : 0;
      // A whole list is quoted in its own order, whatever words its items share with the question.
      const words = whole ? 0 : hits;
      return { text, passageIndex, score: words + intent + list - unsure - passageIndex * 0.3 - order * 0.05 };
    });
  });
  const seen = new Set<string>();
  const chosen = scored
    .filter((s) => s.score > 0.5)
    .filter((s) => !seen.has(s.text) && Boolean(seen.add(s.text)))
    .sort((a, b) => b.score - a.score)
    .slice(0, wantsBring || wantsSteps ? max + 3 : max);
  const citations: Citation[] = [];
  const out: Extract['sentences'] = [];
  for (const s of chosen) {
    const p = passages[s.passageIndex]!;
    let index = citations.findIndex((c) => c.url === p.url);
    if (index < 0) {
      citations.push({ title: p.title, url: p.url, quote: s.text });
      index = citations.length - 1;
    }
    out.push({ text: s.text, citation: index + 1 });
  }
  return { sentences: out, citations };
}

/** The answer text: the intro line, then each quoted sentence in quotation marks with its source number. */
export function extractiveText(intro: string, picked: Extract['sentences']): string {
  return [intro, ...picked.map((s) => `“${s.text}” [${s.citation}]`)].join('\n');
}

