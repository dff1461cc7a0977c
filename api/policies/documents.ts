// What search finds and the bot quotes from the guides: one search document per guide and
// language, and one passage per section (with its anchor on the page).
import { colon, linesIn, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { href } from '../core/index.ts';
import { amountLines } from './amounts.ts';

/** Every guide as one search document in `lang`. */
export function policyDocuments(content: Content, lang: Lang, day: string): SearchDocument[] {
  return [...content.policies].map(([id, p]) => ({
      id: `${lang}:policy:${id}`,
      type: 'policy' as const,
      lang,
      title: p.title[lang],
      body: [
        linesIn(lang, [p.summary, ...p.whoCanApply, ...p.whatYouGet]),
        ...amountLines(content, p.parameters, lang, day),
        linesIn(lang, [...p.materials, ...p.steps.flatMap((s) => [s.title, s.text]), ...p.timeLimits]),
        linesIn(lang, p.faq.flatMap((f) => [f.q, f.a])),
        linesIn(lang, p.legalBasis.map((l) => l.title)),
      ].join('\n'),
      url: href(lang, `policies/${id}/`),
  }));
}

/** Every section of every guide in `lang` as a passage the bot can quote, pointing at its place on the page. */
export function policyPassages(content: Content, lang: Lang, day: string): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (const [id, p] of content.policies) {
    const page = href(lang, `policies/${id}/`);
    const title = p.title[lang];
    const add = (part: string, heading: string | undefined, body: string, anchor = '') => {
      if (body.trim()) out.push({ id: `${lang}:policy:${id}:${part}`, type: 'policy', lang, title: heading ? `${title} · ${heading}` : title, body, url: `${page}${anchor}` });
    };
    add('summary', undefined, p.summary[lang]);
    add('who', t(lang, 'policy.who'), linesIn(lang, p.whoCanApply), '#who');
    add('what', t(lang, 'policy.what'), [linesIn(lang, p.whatYouGet), ...amountLines(content, p.parameters, lang, day)].join('\n'), '#what');
    add('materials', t(lang, 'policy.materials'), linesIn(lang, p.materials), '#materials');
    add('steps', t(lang, 'policy.steps'), p.steps.map((s) => `${s.title[lang]}${colon(lang)}${s.text[lang]}`).join('\n'), '#steps');
    add('time', t(lang, 'policy.timeLimits'), linesIn(lang, p.timeLimits), '#time-limits');
    p.faq.forEach((f, i) => add(`faq-${i}`, f.q[lang], `${f.q[lang]}\n${f.a[lang]}`, '#faq'));
  }
  return out;
}
