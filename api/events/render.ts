// Event descriptions are Markdown written by centre staff: rendered with `marked`, then cleaned
// with an allow-list, so no script, event handler or javascript: URL ever reaches a page.
import { marked } from 'marked';
import xss from 'xss';

// xss is CommonJS: its named exports come through the default one.
const { FilterXSS, safeAttrValue } = xss as unknown as typeof import('xss');

const filter = new FilterXSS({
  whiteList: {
    p: [], br: [], strong: [], em: [], ul: [], ol: [], li: [], h3: [], h4: [], blockquote: [],
    a: ['href', 'title'],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
  safeAttrValue(tag, name, value, cssFilter) {
    // Only web, phone and mail links and paths on this site; javascript:, data: and the rest go.
    if (tag === 'a' && name === 'href' && !/^(https?:\/\/|tel:|mailto:|\/(?!\/))/i.test(value.trim())) return '';
    return safeAttrValue(tag, name, value, cssFilter);
  },
});

// Every read of an event renders its description, so recent renderings are kept (oldest out first).
const rendered = new Map<string, string>();
const KEEP = 2000;

/** Markdown to safe HTML. Headings are demoted to h3/h4 so they sit under the page's own. */
export function renderMarkdown(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = filter.process(marked.parse(markdown.replace(/^#{1,2}\s/gm, '### '), { async: false, gfm: true, breaks: true }) as string);
  if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
  rendered.set(markdown, html);
  return html;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The safe HTML as plain text, for calendars and feeds: paragraphs and list items on their own lines. */
export function plainText(safeHtml: string): string {
  return safeHtml
    .replace(/\n(?=<)|(?<=>)\n/g, '') // the renderer's own line breaks between tags
    .replace(/<li>/g, '- ')
    .replace(/<br\s*\/?>|<\/(li|ul|ol)>/g, '\n')
    .replace(/<\/(p|h3|h4|blockquote)>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|\w+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code = Number(name[1]!.toLowerCase() === 'x' ? `0${name.slice(1)}` : name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
