// The district's clock: every "today", every opening hour and every event time is read in the
// district's time zone (content/district.yaml), wherever the server runs.
import type { Lang } from '../../content/schemas/index.ts';

type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export class DistrictClock {
  // Making a date format is slow (a tenth of a millisecond); using one is fast: each is made once.
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  constructor(readonly timeZone: string) {}

  private format(name: string, locales: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let f = this.formats.get(name);
    if (!f) this.formats.set(name, (f = new Intl.DateTimeFormat(locales, { timeZone: this.timeZone, ...options })));
    return f;
  }

  /** The last minute asked about and its day: most requests ask for today, many a second. */
  private lastDay?: { minute: number; day: string };

  /** The day of `at` in the district, YYYY-MM-DD. */
  day(at: Date | string = new Date()): string {
    const ms = new Date(at).getTime();
    // Days change on a whole minute in every time zone in use.
    const minute = Math.floor(ms / 60_000);
    if (this.lastDay?.minute === minute) return this.lastDay.day;
    const day = this.format('day', 'sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
    this.lastDay = { minute, day };
    return day;
  }

  /** The time of day of `at` in the district, HH:MM (24-hour). */
  time(at: Date | string): string {
    return this.format('time', 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
  }

  /** The weekday of `at` in the district. */
  weekday(at: Date): Weekday {
    return this.format('weekday', 'en-US', { weekday: 'short' }).format(at).toLowerCase().slice(0, 3) as Weekday;
  }

  /** The UTC offset the district keeps on `day`, as ISO 8601 writes it: `+08:00`. */
  offset(day: string): string {
    const noon = new Date(`${day}T12:00:00Z`);
    const name = this.format('offset', 'en', { timeZoneName: 'longOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return name === 'GMT' ? '+00:00' : name.slice(3);
  }

  /** A district day and time of day as a moment with its offset: 2026-12-05T09:30:00+08:00. */
  moment(day: string, time: string): string {
    return `${day}T${time}:00${this.offset(day)}`;
  }

  /** A day for readers, e.g. 2026年12月5日周六 / Sat, 5 December 2026. */
  longDay(lang: Lang, at: Date | string): string {
    return this.format(`long-${lang}`, locale(lang), { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(at));
  }

  /** A moment for readers, day and time, e.g. 2026年12月5日 09:30. */
  dateTime(lang: Lang, at: Date | string): string {
    return this.format(`moment-${lang}`, locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  }

  /** Hours on one day, e.g. 09:30–11:00. */
  hours(start: string, end: string): string {
    return `${this.time(start)}–${this.time(end)}`;
  }

  /** From start to end, e.g. 2026年12月5日周六 09:30–11:00, or across two days. */
  span(lang: Lang, start: string, end: string): string {
    const startDay = this.longDay(lang, start);
    const endDay = this.longDay(lang, end);
    return startDay === endDay ? `${startDay} ${this.hours(start, end)}` : `${startDay} ${this.time(start)} – ${endDay} ${this.time(end)}`;
  }
}

/** A date as precise as it is known, for readers: 2025年1月1日 / 1 January 2025, 2021年6月 / June 2021, 2021年. */
export function readableDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  const month = m ? new Date(Date.UTC(y!, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : '';
  return [d, month, y].filter(Boolean).join(' ');
}
