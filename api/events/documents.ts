import type { Content } from '../../content/loader.ts';
import { LANGS } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { href } from '../core/index.ts';
import { plainText, renderMarkdown } from './render.ts';
import type { StoredEvent } from './schema.ts';

/** An event's search documents, one per language (English falls back to the Chinese text). */
export function eventDocuments(content: Content, events: StoredEvent[]): SearchDocument[] {
  return events.flatMap((e) =>
    LANGS.map((lang) => {
      const center = content.services.get(e.center);
      return {
        id: `${lang}:event:${e.id}`,
        type: 'event' as const,
        lang,
        title: e.title[lang] ?? e.title.zh,
        // What residents read, not the Markdown staff typed: snippets are plain text.
        body: [plainText(renderMarkdown(e.description[lang] ?? e.description.zh)).replace(/^- /gm, ''), center?.name[lang] ?? '', e.place ?? ''].join('\n'),
        date: e.start,
        url: href(lang, `events/${e.id}/`),
        ...(center?.town && { town: center.town }),
      };
    }),
  );
}
