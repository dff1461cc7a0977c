// The self-check's rules as pure functions over a household and the dated parameters in force
// (no I/O). Each criterion of content/rules/programmes answers met (true), not met (false) or not
// known (null, because a question was skipped); wording stays in content/.
import { valueAt } from '../../content/parameters.ts';
import type { Parameter, Programme } from '../../content/schemas/index.ts';
import type { Household, Member } from './household.ts';

export type Verdict = 'likely' | 'possible' | 'unlikely';
type Met = boolean | null;

export interface Rules {
  parameters: Map<string, Parameter>;
  programmes: Map<string, Programme>;
}

/** The figures every rule reads, worked out once. Unknown inputs stay undefined. */
export interface Facts {
  asOf: string;
  members: number;
  standard: number;
  marginalLine: number;
  perCapitaIncome?: number;
  assetsWithinLimit: Met;
  assetLimit: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MissingParameterError extends Error {}

function parameterValue(rules: Rules, id: string, asOf: string) {
  const parameter = rules.parameters.get(id);
  const value = parameter && valueAt(parameter, asOf);
  if (!value) throw new MissingParameterError(`no value of parameter "${id}" in force on ${asOf}`);
  return value;
}

/**
 * Cannot work, as the 2021 extreme-poverty measures define it: 60 or older, under 16, or a severe
 * disability. Minors are supported to 18, and beyond while still in school: a 16- or 17-year-old
 * in school counts; one not in school, or a young adult still in school, is for the office to
 * decide (not known), never a flat no.
 */
export function lacksCapacityToWork(m: Member): Met {
  if (m.age >= 60 || m.age < 16) return true;
  if (m.age < 18 && m.inSchool === true) return true;
  const disabled = disabledUnableToWork(m);
  if (m.age < 18 || (m.age < 23 && m.inSchool === true)) return disabled === true ? true : null;
  return disabled;
}

/** Unable to work by disability alone: grade 1–3 intellectual or mental, grade 1–2 physical, grade 1 visual. */
function disabledUnableToWork(m: Member): Met {
  const d = m.disability;
  if (d === 'unknown') return null;
  if (!d) return false;
  if ((d.kind === 'intellectual' || d.kind === 'mental') && d.grade <= 3) return true;
  if (d.kind === 'physical' && d.grade <= 2) return true;
  if (d.kind === 'visual' && d.grade === 1) return true;
  return false;
}

/** Severe disability: grade 1–2 of any kind; grade 3 intellectual or mental counts where the province allows. */
export function severeDisability(m: Member): Met {
  const d = m.disability;
  if (d === 'unknown') return null;
  if (!d) return false;
  if (d.grade <= 2) return true;
  if (d.grade === 3 && (d.kind === 'intellectual' || d.kind === 'mental')) return null;
  return false;
}

/** Severe disability for single-person inclusion (单人户施保): grade 1–2, or grade 3 intellectual or mental, with no provincial caveat. */
export function severeForInclusion(m: Member): Met {
  const d = m.disability;
  if (d === 'unknown') return null;
  if (!d) return false;
  return d.grade <= 2 || (d.grade === 3 && (d.kind === 'intellectual' || d.kind === 'mental'));
}

const all = (values: Met[]): Met => (values.includes(false) ? false : values.includes(null) ? null : true);
const any = (values: Met[]): Met => (values.includes(true) ? true : values.includes(null) ? null : false);
const below = (value: number | undefined, line: number): Met => (value === undefined ? null : value < line);

export function facts(h: Household, rules: Rules, asOf: string): Facts {
  const std = parameterValue(rules, h.residence === 'urban' ? 'dibao-standard-urban' : 'dibao-standard-rural', asOf).value;
  const ratio = parameterValue(rules, 'marginal-ratio', asOf).value;
  const limitMonths = parameterValue(rules, 'financial-asset-limit', asOf).value;
  const members = h.members.length;
  const income = h.monthlyIncome;
  const perCapitaIncome = income === undefined ? undefined : Math.max(0, income - (h.monthlyRigidExpenses ?? 0)) / members;
  const assetLimit = limitMonths * std * members;
  const a = h.assets ?? {};
  const assetsWithinLimit = all([
    a.financial === undefined ? null : a.financial <= assetLimit,
    a.nonEssentialCar === null ? null : !a.nonEssentialCar,
    a.extraHome === null ? null : !a.extraHome,
  ]);
  // Rigid expenses are deducted only when reported; when income is known and expenses are not,
  // the income is taken as it is (a cautious reading, never a false "yes").
  return { asOf, members, standard: std, marginalLine: std * ratio, perCapitaIncome, assetsWithinLimit, assetLimit };
}

type Check = (h: Household, f: Facts) => Met;

/**
 * One predicate per criterion id of content/rules/programmes. A criterion without a predicate
 * is a content error caught by the table tests.
 */
export const CHECKS: Record<string, Check> = {
  // dibao
  'income-below-standard': (_h, f) => below(f.perCapitaIncome, f.standard),
  'assets-within-limit': (_h, f) => f.assetsWithinLimit,
  // marginal
  'income-below-marginal-line': (_h, f) => below(f.perCapitaIncome, f.marginalLine),
  'not-on-dibao': (h, f) => (h.onDibao ? false : f.perCapitaIncome === undefined ? null : f.perCapitaIncome >= f.standard),
  // dibao-single: a member of a marginal family, severely disabled or seriously ill
  'marginal-family': (h, f) => all([CHECKS['income-below-marginal-line']!(h, f), CHECKS['not-on-dibao']!(h, f), f.assetsWithinLimit]),
  'severe-disability-or-illness': (h) => any(h.members.map((m) => any([severeForInclusion(m), m.seriousIllness === undefined ? false : m.seriousIllness]))),
  // tekun: everyone in the household unable to work, nothing to live on, no able supporter
  'no-capacity-to-work': (h) => all(h.members.map(lacksCapacityToWork)),
  'no-livelihood': (_h, f) => all([below(f.perCapitaIncome, f.standard), f.assetsWithinLimit]),
  'no-able-supporter': (h) => (h.supporter === undefined ? null : h.supporter !== 'able'),
  // temporary: a sudden emergency whose cost the family cannot meet from savings and three months' income
  'sudden-emergency': (h) => (h.emergency === 'unknown' ? null : Boolean(h.emergency)),
  'beyond-family-means': (h) => {
    if (h.emergency === 'unknown') return null;
    if (!h.emergency) return false;
    const { cost } = h.emergency;
    if (cost === undefined || h.monthlyIncome === undefined || h.assets?.financial === undefined) return null;
    return cost > h.assets.financial + 3 * h.monthlyIncome;
  },
  // elderly allowance: registered in the district (answering the self-check as a resident) and 80+
  'age-80-plus': (h) => h.members.some((m) => m.age >= 80),
  'registered-locally': () => true,
  // disability subsidies
  'has-disability-certificate': (h) => any(h.members.map((m) => (m.disability === 'unknown' ? null : Boolean(m.disability)))),
  'dibao-or-marginal-family': (h, f) => (h.onDibao ? true : all([below(f.perCapitaIncome, f.marginalLine), f.assetsWithinLimit])),
  'severe-disability': (h) => any(h.members.map(severeDisability)),
};

export interface Estimate {
  /** Yuan a month. */
  amount: number;
  /** True when the amount is a national floor ("at least"). */
  atLeast: boolean;
  /** False when a rate it was worked out from is a placeholder the bureau must confirm. */
  verified: boolean;
}

function estimate(id: string, h: Household, f: Facts, rules: Rules): Estimate | undefined {
  const rate = (parameter: string) => parameterValue(rules, parameter, f.asOf);
  switch (id) {
    case 'dibao': {
      if (f.perCapitaIncome === undefined) return undefined;
      const standard = rate(h.residence === 'urban' ? 'dibao-standard-urban' : 'dibao-standard-rural');
      return { amount: Math.round((f.standard - f.perCapitaIncome) * f.members), atLeast: false, verified: standard.verified };
    }
    case 'elderly-allowance': {
      const band = (age: number) => rate(age >= 100 ? 'elderly-allowance-100-plus' : age >= 90 ? 'elderly-allowance-90-99' : 'elderly-allowance-80-89');
      const bands = h.members.filter((m) => m.age >= 80).map((m) => band(m.age));
      return { amount: bands.reduce((sum, v) => sum + v.value, 0), atLeast: false, verified: bands.every((v) => v.verified) };
    }
    case 'disability-living': {
      const n = h.members.filter((m) => m.disability && m.disability !== 'unknown').length;
      const allowance = rate('disability-living-allowance');
      return { amount: n * allowance.value, atLeast: true, verified: allowance.verified };
    }
    case 'disability-care': {
      const n = h.members.filter((m) => severeDisability(m) === true).length;
      const subsidy = rate('disability-care-subsidy');
      return n > 0 ? { amount: n * subsidy.value, atLeast: true, verified: subsidy.verified } : undefined;
    }
    default:
      return undefined;
  }
}

export interface ProgrammeResult {
  id: string;
  result: Verdict;
  reasons: { id: string; met: Met }[];
  estimate?: Estimate;
}

/** The verdict from its criteria: all met → likely; any not met → unlikely; otherwise possible. */
export function verdict(met: Met[]): Verdict {
  if (met.includes(false)) return 'unlikely';
  return met.includes(null) ? 'possible' : 'likely';
}

/**
 * Evaluates a household against every programme for the date `asOf` (YYYY-MM-DD): the values
 * in force that day, one reason per criterion, an estimate where the rules allow.
 */
export function evaluate(h: Household, rules: Rules, asOf: string): { asOf: string; parametersVersion: string; programmes: ProgrammeResult[] } {
  if (!DATE.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD, got ${asOf}`);
  const f = facts(h, rules, asOf);
  const programmes = [...rules.programmes].map(([id, programme]) => {
    const reasons = programme.criteria.map((c) => {
      const check = CHECKS[c.id];
      if (!check) throw new Error(`no rule for criterion "${c.id}" of programme "${id}"`);
      return { id: c.id, met: check(h, f) };
    });
    const result = verdict(reasons.map((r) => r.met));
    const est = result === 'unlikely' ? undefined : estimate(id, h, f, rules);
    return { id, result, reasons, ...(est && est.amount > 0 && { estimate: est }) };
  });
  return { asOf, parametersVersion: parametersVersion(rules, asOf), programmes };
}

/** The first day on which every parameter has a value: the self-check cannot answer for earlier days. */
export function firstDay(rules: Rules): string {
  let first = '';
  for (const p of rules.parameters.values()) {
    const earliest = p.values.reduce((min, v) => (v.from < min ? v.from : min), p.values[0]!.from);
    if (earliest > first) first = earliest;
  }
  return first;
}

/** The newest `from` date among the values in force: names the set of figures a result used. */
export function parametersVersion(rules: Rules, asOf: string): string {
  let latest = '';
  for (const p of rules.parameters.values()) {
    const v = valueAt(p, asOf);
    if (v && v.from > latest) latest = v.from;
  }
  return latest;
}

