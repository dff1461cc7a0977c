import type { Lang } from '../i18n/index.ts';

/** An event's time in the district's zone, e.g. 2026年12月5日 周六 09:30–11:00. */
export function eventTime(lang: Lang, start: string, end: string): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const day = new Date(start).toLocaleDateString(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
  const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return `${day} ${time(start)}–${time(end)}`;
}
