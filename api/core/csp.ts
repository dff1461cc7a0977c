// Content-Security-Policy. A page may run only its own scripts and styles: those it loads from
// this site, and the inline ones it carries, each allowed by its SHA-256 hash (no 'unsafe-inline').
// The hashes are taken from the page itself as it is sent, so a script a resident managed to
// slip into a page would not run even if sanitising had missed it.
import { createHash } from 'node:crypto';

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/** A data block (JSON-LD) is never run: it needs no hash. */
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(ld\+)?json/i;

function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for one HTML page, with the hash of each of its inline scripts and styles. */
export function pagePolicy(html: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (/\bsrc\s*=/i.test(attributes!) || DATA_BLOCK.test(attributes!)) continue;
    (tag!.toLowerCase() === 'script' ? scripts : styles).add(hashOf(body!));
  }
  return [
    "default-src 'self'",
    `script-src 'self'${[...scripts].map((h) => ` ${h}`).join('')}`,
    `style-src 'self'${[...styles].map((h) => ` ${h}`).join('')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** For everything that is not a page (the API, feeds, calendars): nothing may run or be framed. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
