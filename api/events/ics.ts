// iCalendar (RFC 5545) for the events: text escaped, lines folded at 75 octets, times in UTC.
import { plainText } from './render.ts';
import type { EventRecord } from './store.ts';

// TEXT escaping per RFC 5545; angle brackets become their full-width forms, so no calendar that
// renders HTML in a description ever meets a tag written by a user.
const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n').replace(/</g, '＜').replace(/>/g, '＞');
const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function toIcs(events: EventRecord[], origin: string, name: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bijiang Civil Affairs//Portal//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Asia/Shanghai'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@bijiang-portal`,
      `DTSTAMP:${utc(e.updatedAt)}`,
      `LAST-MODIFIED:${utc(e.updatedAt)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${escapeText(e.title.zh)}`,
      `DESCRIPTION:${escapeText(plainText(e.descriptionHtml.zh))}`,
      ...(e.place ? [`LOCATION:${escapeText(e.place)}`] : []),
      `URL:${new URL(e.url, origin).href}`,
      `STATUS:${e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
