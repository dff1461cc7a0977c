// The amounts a guide shows: dated parameters (content/rules/parameters.yaml), each as the value
// in force on a day, with where it comes from and whether the bureau has confirmed it.
import { colon, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import { valueAt } from '../../content/parameters.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { readableDate } from '../core/index.ts';

export interface AmountRow {
  id: string;
  label: string;
  /** True for a national floor ("at least"). */
  floor: boolean;
  value: number;
  unit: string;
  /** Since when, for readers. */
  from: string;
  verified: boolean;
}

/** The parameters in force on `day`, in the order given, for the amounts table. */
export function amountRows(content: Content, ids: string[], lang: Lang, day: string): AmountRow[] {
  return ids.flatMap((id) => {
    const parameter = content.parameters.get(id);
    const value = parameter && valueAt(parameter, day);
    if (!parameter || !value) return [];
    return [{ id, label: parameter.label[lang], floor: value.floor, value: value.value, unit: t(lang, `unit.${parameter.unit}`), from: readableDate(lang, value.from), verified: value.verified }];
  });
}

/**
 * The same amounts as sentences (so a search for 备用金 or 50,000 finds them and the bot can quote
 * them), with the "to be confirmed" mark where the value is a placeholder.
 */
export function amountLines(content: Content, ids: string[], lang: Lang, day: string): string[] {
  return amountRows(content, ids, lang, day).map((row) => {
    const amount = `${row.floor ? `${t(lang, 'param.floor')} ` : ''}${row.value.toLocaleString('en')} ${row.unit}`;
    const status = row.verified ? '' : lang === 'zh' ? `（${t(lang, 'badge.tbc')}）` : ` (${t(lang, 'badge.tbc')})`;
    return `${row.label}${colon(lang)}${amount}${status}`;
  });
}
