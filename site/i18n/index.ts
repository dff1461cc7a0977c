import type { Lang } from '../../content/schemas/index.ts';
import en from './en.json';
import zh from './zh.json';

export { LANGS, type Lang } from '../../content/schemas/index.ts';

export type UiKey = keyof typeof zh;

// Strings by key, per language (a test checks that both files have the same keys). To add a
// language, add its JSON file here and its code to LANGS in content/schemas/common.ts.
const strings: Record<Lang, Record<UiKey, string>> = { zh, en };

/** The `lang` attribute and speech-synthesis voice for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The UI string for `key`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The address of `path` (which starts after the language, e.g. `policies/dibao/`) in `lang`. */
export function href(lang: Lang, path = ''): string {
  return `/${lang}/${path}`;
}
