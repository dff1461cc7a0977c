import type { Lang } from '../i18n/index.ts';

const ZONE = 'Asia/Shanghai';
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** An event's day in the district's zone, e.g. 2026年12月5日周六 / Sat, 5 December 2026. */
export function eventDay(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(locale(lang), { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
}

/** A moment's date in the district's zone, as YYYY-MM-DD. */
export const districtDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: ZONE });

/** A moment's time of day in the district's zone, as HH:MM (24-hour). */
export const districtTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An event's hours, e.g. 09:30–11:00 (under its day's heading). */
export function eventHours(start: string, end: string): string {
  return `${districtTime(start)}–${districtTime(end)}`;
}

/** An event's time in the district's zone, e.g. 2026年12月5日周六 09:30–11:00. */
export function eventTime(lang: Lang, start: string, end: string): string {
  const endDay = eventDay(lang, end);
  const startDay = eventDay(lang, start);
  return startDay === endDay ? `${startDay} ${eventHours(start, end)}` : `${startDay} ${districtTime(start)} – ${endDay} ${districtTime(end)}`;
}
