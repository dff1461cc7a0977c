import { LANGS, type Lang } from '../i18n/index.ts';
import type { Localized } from '../../content/schemas/index.ts';

/** `getStaticPaths` for a page that exists once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/** `getStaticPaths` for one page per language and per entry of a collection. */
export function entryPaths<T extends { id: string }>(entries: T[]) {
  return LANGS.flatMap((lang) => entries.map((entry) => ({ params: { lang, id: entry.id }, props: { entry } })));
}

/** The text of `value` in `lang`. */
export function pick(lang: Lang, value: Localized): string {
  return value[lang];
}

/** A date written for readers, as precise as it is known: 2025年1月1日 / 1 January 2025, 2021年6月 / June 2021. */
export function formatDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  const month = m ? new Date(Date.UTC(y!, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : '';
  return [d, month, y].filter(Boolean).join(' ');
}

/** Today in the district's time zone, as YYYY-MM-DD (the date parameters are read for). */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The colon that joins a label to its text. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}
