import type { Lang } from '../schemas/index.ts';
import en from './en.json';
import zh from './zh.json';

export type UiKey = keyof typeof zh;
export type Vars = Record<string, string | number>;
export type Translate = (key: UiKey, vars?: Vars) => string;

// Strings by key, per language (a test checks that both files have the same keys). To add a
// language, add its JSON file here and its code to LANGS in content/schemas/common.ts.
const strings: Record<Lang, Record<UiKey, string>> = { zh, en };

/** The `lang` attribute and speech-synthesis voice for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The interface string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Vars = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** `t` for one language, with placeholders every page may use (the hotline numbers) filled by default. */
export function translator(lang: Lang, defaults: Vars = {}): Translate {
  return (key, vars = {}) => t(lang, key, { ...defaults, ...vars });
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The colon that joins a label to its text: full-width in Chinese. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** Texts written in both languages, in `lang`, one a line (missing ones left out). */
export function linesIn(lang: Lang, items: ({ zh: string; en: string } | undefined)[]): string {
  return items.filter((item): item is { zh: string; en: string } => Boolean(item)).map((item) => item[lang]).join('\n');
}
