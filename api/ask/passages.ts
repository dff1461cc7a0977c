// The passages the bot retrieves and quotes: a section of a guide, an article of a convention, a
// centre's description. Each carries the address of its place on the page.
import type { Content } from '../../content/loader.ts';
import { LANGS, type Lang, type Localized } from '../../content/schemas/index.ts';
import { parameterLines } from '../../search/documents.ts';
import type { SearchDocument } from '../../search/index.ts';
import { t } from '../../site/i18n/index.ts';

const lines = (lang: Lang, items: Localized[]) => items.map((i) => i[lang]).join('\n');

export function passages(content: Content, date: string): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (const lang of LANGS) {
    const add = (id: string, type: SearchDocument['type'], title: string, body: string, url: string) => {
      if (body.trim()) out.push({ id: `${lang}:${id}`, type, lang, title, body, url });
    };
    for (const [id, p] of content.policies) {
      const page = `/${lang}/policies/${id}/`;
      const title = p.title[lang];
      const amounts = parameterLines(content, p.parameters, lang, date);
      add(`policy:${id}:summary`, 'policy', title, p.summary[lang], page);
      add(`policy:${id}:who`, 'policy', `${title} · ${t(lang, 'policy.who')}`, lines(lang, p.whoCanApply), `${page}#who`);
      add(`policy:${id}:what`, 'policy', `${title} · ${t(lang, 'policy.what')}`, [lines(lang, p.whatYouGet), ...amounts].join('\n'), `${page}#what`);
      add(`policy:${id}:materials`, 'policy', `${title} · ${t(lang, 'policy.materials')}`, lines(lang, p.materials), `${page}#materials`);
      add(`policy:${id}:steps`, 'policy', `${title} · ${t(lang, 'policy.steps')}`, p.steps.map((s) => `${s.title[lang]}${lang === 'zh' ? '：' : ': '}${s.text[lang]}`).join('\n'), `${page}#steps`);
      add(`policy:${id}:time`, 'policy', `${title} · ${t(lang, 'policy.timeLimits')}`, lines(lang, p.timeLimits), `${page}#time-limits`);
      p.faq.forEach((f, i) => add(`policy:${id}:faq-${i}`, 'policy', `${title} · ${f.q[lang]}`, `${f.q[lang]}\n${f.a[lang]}`, `${page}#faq`));
    }
    for (const [id, c] of content.conventions) {
      const page = `/${lang}/conventions/${id}/`;
      add(`convention:${id}:summary`, 'convention', c.title[lang], c.summary[lang], page);
      for (const a of c.versions.at(-1)!.articles) {
        add(`convention:${id}:${a.number}`, 'convention', `${c.title[lang]} ${t(lang, 'convention.article', { n: a.number })}`, a.text[lang], `${page}#article-${a.number}`);
      }
      c.cases.forEach((x, i) => add(`convention:${id}:case-${i}`, 'convention', `${c.title[lang]} · ${x.title[lang]}`, x.text[lang], page));
    }
    for (const [id, s] of content.services) {
      add(`service:${id}`, 'service', s.name[lang], [s.description[lang], ...s.offers.map((o) => o[lang])].join('\n'), `/${lang}/services/${id}/`);
    }
  }
  return out;
}
