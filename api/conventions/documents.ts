// What search finds and the bot quotes from the conventions: the whole convention, and each
// article on its own (so a hit can point at 第五条).
import { linesIn, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { href } from '../core/index.ts';
import { townOfPlace } from '../places/index.ts';

/** Each convention in `lang`, and each article of its current version. */
export function conventionDocuments(content: Content, lang: Lang): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const [id, c] of content.conventions) {
    const town = townOfPlace(content, c.place);
    const place = content.places.get(c.place)?.name[lang] ?? '';
    const page = href(lang, `conventions/${id}/`);
    docs.push({
      id: `${lang}:convention:${id}`,
      type: 'convention',
      lang,
      title: c.title[lang],
      body: [place, linesIn(lang, [c.summary, c.song?.title, ...(c.song?.lines ?? []), ...c.cases.flatMap((x) => [x.title, x.text])])].join('\n'),
      url: page,
      ...(town && { town }),
    });
    for (const a of c.versions.at(-1)!.articles) {
      docs.push({
        id: `${lang}:convention:${id}:${a.number}`,
        type: 'convention',
        lang,
        title: `${c.title[lang]} ${t(lang, 'convention.article', { n: a.number })}${a.topic ? ` ${a.topic[lang]}` : ''}`,
        body: a.text[lang],
        url: `${page}#article-${a.number}`,
        ...(town && { town }),
      });
    }
  }
  return docs;
}

/** The passages the bot quotes: each convention's summary, articles and cases. */
export function conventionPassages(content: Content, lang: Lang): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (const [id, c] of content.conventions) {
    const page = href(lang, `conventions/${id}/`);
    const add = (part: string, title: string, body: string, url: string) => {
      if (body.trim()) out.push({ id: `${lang}:convention:${id}:${part}`, type: 'convention', lang, title, body, url });
    };
    add('summary', c.title[lang], c.summary[lang], page);
    for (const a of c.versions.at(-1)!.articles) add(String(a.number), `${c.title[lang]} ${t(lang, 'convention.article', { n: a.number })}`, a.text[lang], `${page}#article-${a.number}`);
    c.cases.forEach((x, i) => add(`case-${i}`, `${c.title[lang]} · ${x.title[lang]}`, x.text[lang], page));
  }
  return out;
}
