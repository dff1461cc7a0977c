import type { Content } from '../content/loader.ts';
import { valueAt } from '../content/parameters.ts';
import { LANGS, type Lang, type Localized } from '../content/schemas/index.ts';
import { t } from '../site/i18n/index.ts';
import { townOfPlace } from '../site/lib/conventions.ts';
import type { EventRecord } from '../api/events/store.ts';
import type { SearchDocument } from './types.ts';

const join = (lang: Lang, parts: (Localized | undefined)[]) =>
  parts.filter((p): p is Localized => Boolean(p)).map((p) => p[lang]).join('\n');

/**
 * The amounts a guide shows, as sentences (so a search for 备用金 or 50,000 finds them and the
 * bot can quote them), with the "to be confirmed" mark where the value is a placeholder.
 */
export function parameterLines(content: Content, ids: string[], lang: Lang, date: string): string[] {
  return ids.flatMap((id) => {
    const parameter = content.parameters.get(id);
    const value = parameter && valueAt(parameter, date);
    if (!parameter || !value) return [];
    const amount = `${value.floor ? `${t(lang, 'param.floor')} ` : ''}${value.value.toLocaleString('en')} ${t(lang, `unit.${parameter.unit}`)}`;
    const status = value.verified ? '' : lang === 'zh' ? `（${t(lang, 'badge.tbc')}）` : ` (${t(lang, 'badge.tbc')})`;
    return [`${parameter.label[lang]}${lang === 'zh' ? '：' : ': '}${amount}${status}`];
  });
}

/**
 * Every page and part a resident may look for, in both languages: policy guides, conventions and
 * each of their articles, and the directory. Events join when the event store has them.
 */
export function contentDocuments(content: Content, date = new Date().toISOString().slice(0, 10)): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const lang of LANGS) {
    for (const [id, p] of content.policies) {
      docs.push({
        id: `${lang}:policy:${id}`,
        type: 'policy',
        lang,
        title: p.title[lang],
        body: [
          join(lang, [p.summary, ...p.whoCanApply, ...p.whatYouGet]),
          ...parameterLines(content, p.parameters, lang, date),
          join(lang, [...p.materials, ...p.steps.flatMap((s) => [s.title, s.text]), ...p.timeLimits]),
          join(lang, p.faq.flatMap((f) => [f.q, f.a])),
          join(lang, p.legalBasis.map((l) => l.title)),
        ].join('\n'),
        url: `/${lang}/policies/${id}/`,
      });
    }
    for (const [id, c] of content.conventions) {
      const town = townOfPlace(c.place, content.places);
      const place = content.places.get(c.place)?.name[lang] ?? '';
      const current = c.versions.at(-1)!;
      docs.push({
        id: `${lang}:convention:${id}`,
        type: 'convention',
        lang,
        title: c.title[lang],
        body: [place, join(lang, [c.summary, c.song?.title, ...(c.song?.lines ?? []), ...c.cases.flatMap((x) => [x.title, x.text])])].join('\n'),
        url: `/${lang}/conventions/${id}/`,
        ...(town && { town }),
      });
      for (const a of current.articles) {
        docs.push({
          id: `${lang}:convention:${id}:${a.number}`,
          type: 'convention',
          lang,
          title: `${c.title[lang]} ${t(lang, 'convention.article', { n: a.number })}${a.topic ? ` ${a.topic[lang]}` : ''}`,
          body: a.text[lang],
          url: `/${lang}/conventions/${id}/#article-${a.number}`,
          ...(town && { town }),
        });
      }
    }
    for (const [id, s] of content.services) {
      const places = [s.town, s.community].map((p) => (p ? content.places.get(p)?.name[lang] : undefined)).filter(Boolean);
      docs.push({
        id: `${lang}:service:${id}`,
        type: 'service',
        lang,
        title: s.name[lang],
        body: [
          t(lang, `service.type.${s.type}`),
          places.join(' '),
          join(lang, [s.description, s.organization, ...s.offers]),
          s.audience.map((a) => t(lang, `audience.${a}`)).join(' '),
        ].join('\n'),
        url: `/${lang}/services/${id}/`,
        ...(s.town && { town: s.town }),
      });
    }
  }
  return docs;
}

/** An event's search documents, one per language it is written in (English falls back to Chinese). */
export function eventDocuments(content: Content, events: EventRecord[]): SearchDocument[] {
  return events.flatMap((e) =>
    LANGS.map((lang) => {
      const center = content.services.get(e.center);
      return {
        id: `${lang}:event:${e.id}`,
        type: 'event' as const,
        lang,
        title: e.title[lang] ?? e.title.zh,
        body: [e.description[lang] ?? e.description.zh, center?.name[lang] ?? '', e.place ?? ''].join('\n'),
        url: `/${lang}/events/${e.id}/`,
        ...(center?.town && { town: center.town }),
      };
    }),
  );
}

/** Words the segmenter should keep whole: place and programme names, synonym terms. */
export function domainWords(content: Content): string[] {
  const names = [...content.places.values()].map((p) => p.name.zh);
  const programmes = [...content.programmes.values()].flatMap((p) => p.name.zh.split(/[（）()、，\s]+/));
  return [...names, ...programmes, ...content.synonyms.flat()];
}
