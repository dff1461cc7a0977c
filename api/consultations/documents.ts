// What search finds of the consultations (every one: its title, explanation and the articles it
// changes) and what the bot quotes (the open ones: how to give an opinion, and until when).
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import { LANGS, type Lang } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { href, readableDate } from '../core/index.ts';
import { townOfPlace } from '../places/index.ts';
import type { Consultation, ConsultationService } from './service.ts';

const pick = (text: { zh: string; en?: string } | null | undefined, lang: Lang) => (text ? (text[lang] ?? text.zh) : '');

/** Is `id` a consultation's document? */
export const isConsultationDocument = (id: string) => id.split(':')[1] === 'consultation';

function statusOf(service: ConsultationService, c: Consultation, lang: Lang): string {
  const status = service.status(c);
  return t(lang, `consultation.status.${status}`, { date: readableDate(lang, status === 'upcoming' ? c.opens : c.closes) });
}

export async function consultationDocuments(service: ConsultationService, content: Content): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (const c of await service.list()) {
    const convention = content.conventions.get(c.convention);
    const town = convention && townOfPlace(content, convention.place);
    for (const lang of LANGS) {
      const changed = service.compared(c).filter((a) => a.change !== 'unchanged');
      docs.push({
        id: `${lang}:consultation:${c.id}`,
        type: 'consultation',
        lang,
        title: pick(c.title, lang),
        body: [convention?.title[lang] ?? '', statusOf(service, c, lang), pick(c.summary, lang), ...changed.map((a) => pick(a.text ?? a.inForce, lang))].join('\n'),
        url: href(lang, `consultations/${c.id}/`),
        ...(town && { town }),
      });
    }
  }
  return docs;
}

/** The bot's passages: each consultation open now, saying how to give an opinion and until when. */
export async function consultationPassages(service: ConsultationService, content: Content): Promise<SearchDocument[]> {
  const open = (await service.list()).filter((c) => service.status(c) === 'open');
  return open.flatMap((c) =>
    LANGS.map((lang) => ({
      id: `${lang}:consultation:${c.id}`,
      type: 'consultation' as const,
      lang,
      title: `${pick(c.title, lang)}（${content.conventions.get(c.convention)?.title[lang] ?? ''}）`,
      body: t(lang, 'consultation.passage', { title: pick(c.title, lang), status: statusOf(service, c, lang) }),
      url: href(lang, `consultations/${c.id}/`),
    })),
  );
}
