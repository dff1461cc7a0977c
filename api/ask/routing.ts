// Routing before retrieval: what kind of message this is, decided by the phrase lists in
// content/bot.yaml. Personal numbers are removed from the question before anything else sees it.
import type { BotRules } from '../../content/schemas/index.ts';
import { escapeRegExp } from '../../search/index.ts';
import { redact } from '../core/index.ts';

export type Route = 'crisis' | 'refused' | 'personal' | 'offTopic' | 'greeting' | 'question';

const ORDER = ['crisis', 'refused', 'personal', 'offTopic', 'greeting'] as const;

function matches(text: string, phrase: string): boolean {
  if (/\p{Script=Han}/u.test(phrase)) return text.includes(phrase);
  return new RegExp(`\\b${escapeRegExp(phrase.toLowerCase()).replace(/\s+/g, '\\s+')}\\b`, 'i').test(text);
}

/** The question with any ID-card or phone number replaced, and whether there was one. */
export function stripPersonalNumbers(question: string): { text: string; hadNumbers: boolean } {
  const text = redact(question);
  return { text, hadNumbers: text !== question };
}

export function route(question: string, rules: BotRules): Route {
  const text = question.toLowerCase();
  for (const name of ORDER) {
    const { phrases: byLang, together } = rules.routes[name];
    const phrases = [...byLang.zh, ...byLang.en];
    const hit = phrases.some((p) => matches(text, p)) || together.some((lists) => lists.every((words) => words.some((w) => matches(text, w))));
    if (!hit) continue;
    // A greeting only when there is hardly anything else: "你好，低保怎么申请" is a question.
    if (name === 'greeting') {
      const rest = phrases.reduce((s, p) => s.replace(new RegExp(escapeRegExp(p), 'gi'), ''), text).replace(/[\s\p{P}]/gu, '');
      if (rest.length > 3) continue;
    }
    return name;
  }
  return 'question';
}

/** The off-topic phrases a question holds (other departments' subjects), for answers that must speak of them. */
export function outsideTermsIn(question: string, rules: BotRules): string[] {
  const text = question.toLowerCase();
  const { zh, en } = rules.routes.offTopic.phrases;
  return [...zh, ...en].filter((p) => matches(text, p));
}
