// Results in words for a reader: the engine's verdicts with names, reasons, estimates, what to
// bring and where to go, in one language. Used by the API and by the result page alike.
import { colon, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { href } from '../core/index.ts';
import { evaluate, type Estimate, type Verdict } from './engine.ts';
import type { Household } from './household.ts';

export interface ProgrammeAdvice {
  id: string;
  name: string;
  result: Verdict;
  reasons: { id: string; met: boolean | null; text: string }[];
  estimate?: Estimate & { text: string };
  /** When another programme that may fit excludes this one: which to ask for first. */
  note?: string;
  nextSteps: string[];
  materials: string[];
  url: string;
}

export interface Advice {
  asOf: string;
  parametersVersion: string;
  programs: ProgrammeAdvice[];
}

const ORDER: Record<Verdict, number> = { likely: 0, possible: 1, unlikely: 2 };

/** Every programme's verdict for the household on `asOf` (YYYY-MM-DD), likeliest first. */
export function advise(content: Content, household: Household, lang: Lang, asOf: string): Advice {
  const evaluation = evaluate(household, { parameters: content.parameters, programmes: content.programmes }, asOf);
  const sep = colon(lang);
  const status = (met: boolean | null) => t(lang, met === true ? 'check.met' : met === false ? 'check.notMet' : 'check.unknown');
  const programs: ProgrammeAdvice[] = evaluation.programmes.map((p) => {
    const programme = content.programmes.get(p.id)!;
    const guide = content.policies.get(programme.guide);
    return {
      id: p.id,
      name: programme.name[lang],
      result: p.result,
      reasons: p.reasons.map((r) => ({
        id: r.id,
        met: r.met,
        text: `${status(r.met)}${sep}${programme.criteria.find((c) => c.id === r.id)!.text[lang]}`,
      })),
      ...(p.estimate && {
        estimate: {
          ...p.estimate,
          text: t(lang, p.estimate.atLeast ? 'check.estimateAtLeast' : 'check.estimate', { amount: p.estimate.amount.toLocaleString('en') }),
        },
      }),
      nextSteps: p.result === 'unlikely' ? [] : (guide?.steps.slice(0, 1).map((s) => `${s.title[lang]}${sep}${s.text[lang]}`) ?? []),
      materials: p.result === 'unlikely' ? [] : (guide?.materials.map((m) => m[lang]) ?? []),
      url: href(lang, `policies/${programme.guide}/`),
    };
  });
  // A programme given instead of others (特困 instead of 低保): say so on each, and list it first.
  const hopeful = new Set(programs.filter((p) => p.result !== 'unlikely').map((p) => p.id));
  const first = new Map<string, number>();
  for (const [id, programme] of content.programmes) {
    const instead = programme.insteadOf;
    if (!instead || !hopeful.has(id)) continue;
    const others = instead.programmes.filter((other) => hopeful.has(other));
    if (others.length === 0) continue;
    for (const p of programs) if (p.id === id || others.includes(p.id)) p.note = instead.text[lang];
    first.set(id, -1);
  }
  const rank = (p: ProgrammeAdvice) => (p.result === 'unlikely' ? 10 : 0) + (first.get(p.id) ?? 0) * 3 + ORDER[p.result];
  programs.sort((a, b) => rank(a) - rank(b));
  return { asOf: evaluation.asOf, parametersVersion: evaluation.parametersVersion, programs };
}
