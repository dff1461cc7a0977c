// What search finds and the bot quotes from the directory: one entry per centre or office.
import { linesIn, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { href } from '../core/index.ts';
import { placeName } from '../places/index.ts';

/** Each centre and office in `lang`: its kind, places, description, organisation, offers and audience. */
export function serviceDocuments(content: Content, lang: Lang): SearchDocument[] {
  return [...content.services].map(([id, s]) => ({
    id: `${lang}:service:${id}`,
    type: 'service' as const,
    lang,
    title: s.name[lang],
    body: [
      t(lang, `service.type.${s.type}`),
      [s.town, s.community].map((p) => placeName(content, lang, p)).filter(Boolean).join(' '),
      linesIn(lang, [s.description, s.organization, ...s.offers]),
      s.audience.map((a) => t(lang, `audience.${a}`)).join(' '),
    ].join('\n'),
    url: href(lang, `services/${id}/`),
    ...(s.town && { town: s.town }),
  }));
}

/** The passages the bot quotes: each centre's description and what it offers. */
export function servicePassages(content: Content, lang: Lang): SearchDocument[] {
  return [...content.services].map(([id, s]) => ({
    id: `${lang}:service:${id}`,
    type: 'service' as const,
    lang,
    title: s.name[lang],
    body: [s.description[lang], ...s.offers.map((o) => o[lang])].join('\n'),
    url: href(lang, `services/${id}/`),
  }));
}
