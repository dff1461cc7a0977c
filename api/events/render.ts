// Event descriptions are Markdown written by centre staff: rendered with `marked`, then cleaned
// with an allow-list, so no script, event handler or javascript: URL ever reaches a page.
import { compile } from 'html-to-text';
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

/**
 * `convert` with its recent results kept (oldest out first): every read of an event renders its
 * description, and every poll of a calendar or feed turns each one into text again.
 */
function remembered(convert: (text: string) => string, keep = 2000): (text: string) => string {
  const done = new Map<string, string>();
  return (text) => {
    const cached = done.get(text);
    if (cached !== undefined) return cached;
    const result = convert(text);
    if (done.size >= keep) done.delete(done.keys().next().value!);
    done.set(text, result);
    return result;
  };
}

/** Markdown to safe HTML. Headings are demoted to h3/h4 so they sit under the page's own. */
export const renderMarkdown = remembered((markdown) =>
  filter.process(marked.parse(markdown.replace(/^#{1,2}\s/gm, '### '), { async: false, gfm: true, breaks: true }) as string),
);

// Compiled once: html-to-text's `convert` would read the options again on every call.
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
  ],
});

/** The safe HTML as plain text (html-to-text), for calendars and feeds: paragraphs and list items on their own lines. */
export const plainText = remembered(toText);
