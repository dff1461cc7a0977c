// What search finds of the letters: the published ones (anonymised, with their replies), each in
// the language it was written in, linked to its own page.
import { t } from '../../content/i18n/index.ts';
import { scriptLang, type SearchDocument } from '../../search/index.ts';
import { href } from '../core/index.ts';
import type { LetterService } from './service.ts';

/** Is `id` a letter's document? */
export const isLetterDocument = (id: string) => id.split(':')[1] === 'letter';

export async function letterDocuments(service: LetterService): Promise<SearchDocument[]> {
  return (await service.published()).map((l) => {
    const lang = scriptLang(l.text);
    const opening = l.text.length > 30 ? `${l.text.slice(0, 30)}…` : l.text;
    return {
      id: `${lang}:letter:${l.reference}`,
      type: 'letter' as const,
      lang,
      title: t(lang, 'letters.doc.title', { kind: t(lang, `letters.kind.${l.kind}`), opening }),
      body: `${l.text}\n${t(lang, 'letters.reply')}${lang === 'zh' ? '：' : ': '}${l.reply}`,
      url: href(lang, `letters/${l.reference}/`),
      ...(l.town && { town: l.town }),
    };
  });
}
