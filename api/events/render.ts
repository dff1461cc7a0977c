// Event descriptions are Markdown written by centre staff: rendered with `marked`, then cleaned
// with an allow-list, so no script, event handler or javascript: URL ever reaches a page.
import { convert } from 'html-to-text';
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

const TEXT_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
  ],
};

/** The safe HTML as plain text (html-to-text), for calendars and feeds: paragraphs and list items on their own lines. */
export function plainText(safeHtml: string): string {
  return convert(safeHtml, TEXT_OPTIONS);
}
