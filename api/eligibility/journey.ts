// The self-check journey: which question comes next, read from answers kept in the query string
// (nothing is stored anywhere). Only the questions a household needs are asked. Wording lives in
// content/rules/questions.yaml; the rules live in engine.ts.
import { DISABILITY_KINDS, EMERGENCY_KINDS, type Household } from './household.ts';
import { lacksCapacityToWork } from './engine.ts';

export const SKIP = 'skip';
export const MAX_MEMBERS = 20;

export type QuestionKind = 'choice' | 'number' | 'ages' | 'disabilities' | 'members-check' | 'checks' | 'town';

export interface QuestionDef {
  id: string;
  kind: QuestionKind;
  /** Whether "I don't know / skip" is offered. */
  skippable: boolean;
  /** Choice values for `choice` and `checks` questions. */
  options?: readonly string[];
  /** For `members-check` questions: which people, by age, the question is about (everyone when unset). */
  about?: (age: number) => boolean;
  /** Whether this household needs the question, given the answers so far. */
  needed: (a: Answers) => boolean;
  /** Whether the raw answer is complete and valid for this household. */
  valid: (raw: string, a: Answers) => boolean;
}

export type Answers = Partial<Record<string, string>>;

const count = (a: Answers) => Number(a.members);
const isWhole = (raw: string, min: number, max: number) => /^\d{1,9}$/.test(raw) && Number(raw) >= min && Number(raw) <= max;
const amount = (raw: string) => raw === SKIP || isWhole(raw, 0, 100_000_000);
const list = (raw: string) => raw.split(',');

/** Who may still be in school in a way the rules care about: 16 to 22. */
const STUDENT_AGE = (age: number) => age >= 16 && age <= 22;

export function ages(a: Answers): number[] {
  return a.ages ? list(a.ages).map(Number) : [];
}

/** The questions in the order they are asked. */
export const QUESTIONS: QuestionDef[] = [
  { id: 'residence', kind: 'choice', skippable: false, options: ['urban', 'rural'], needed: () => true, valid: (r) => r === 'urban' || r === 'rural' },
  { id: 'town', kind: 'town', skippable: true, needed: () => true, valid: (r) => r === SKIP || /^[a-z0-9-]{1,60}$/.test(r) },
  { id: 'members', kind: 'number', skippable: false, needed: () => true, valid: (r) => isWhole(r, 1, MAX_MEMBERS) },
  {
    id: 'ages',
    kind: 'ages',
    skippable: false,
    needed: () => true,
    valid: (r, a) => list(r).length === count(a) && list(r).every((x) => isWhole(x, 0, 130)),
  },
  { id: 'disability', kind: 'choice', skippable: true, options: ['yes', 'no'], needed: () => true, valid: (r) => ['yes', 'no', SKIP].includes(r) },
  {
    id: 'disabilityDetails',
    kind: 'disabilities',
    skippable: true,
    needed: (a) => a.disability === 'yes',
    valid: (r, a) =>
      r === SKIP ||
      (list(r).length === count(a) && list(r).every((x) => x === 'none' || new RegExp(`^(${DISABILITY_KINDS.join('|')})-[1-4]$`).test(x))),
  },
  {
    id: 'illness',
    kind: 'members-check',
    skippable: true,
    needed: () => true,
    valid: (r, a) => r === SKIP || r === 'none' || list(r).every((x) => isWhole(x, 0, count(a) - 1)),
  },
  {
    // Minors are supported to 18, and beyond while still in school (extreme-poverty support).
    id: 'school',
    kind: 'members-check',
    skippable: true,
    about: STUDENT_AGE,
    needed: (a) => ages(a).some(STUDENT_AGE),
    valid: (r, a) => r === SKIP || r === 'none' || list(r).every((x) => isWhole(x, 0, count(a) - 1) && STUDENT_AGE(ages(a)[Number(x)]!)),
  },
  { id: 'income', kind: 'number', skippable: true, needed: () => true, valid: amount },
  { id: 'rigid', kind: 'number', skippable: true, needed: (a) => a.income !== SKIP, valid: amount },
  { id: 'savings', kind: 'number', skippable: true, needed: () => true, valid: amount },
  { id: 'property', kind: 'checks', skippable: true, options: ['car', 'home'], needed: () => true, valid: (r) => r === SKIP || r === 'none' || list(r).every((x) => x === 'car' || x === 'home') },
  {
    id: 'supporter',
    kind: 'choice',
    skippable: true,
    options: ['none', 'unable', 'able'],
    // Only extreme-poverty support asks about supporters, and only for people who cannot work.
    needed: (a) => household(a).members.every((m) => lacksCapacityToWork(m) !== false),
    valid: (r) => ['none', 'unable', 'able', SKIP].includes(r),
  },
  { id: 'emergency', kind: 'choice', skippable: true, options: ['none', ...EMERGENCY_KINDS], needed: () => true, valid: (r) => ['none', ...EMERGENCY_KINDS, SKIP].includes(r) },
  { id: 'cost', kind: 'number', skippable: true, needed: (a) => !!a.emergency && a.emergency !== 'none' && a.emergency !== SKIP, valid: amount },
];

const byId = new Map(QUESTIONS.map((q) => [q.id, q]));

export function question(id: string): QuestionDef | undefined {
  return byId.get(id);
}

/**
 * The answers that count: in question order, each needed and valid given the ones before it.
 * Anything else in the query string (a stale answer after the number of people changed) is dropped.
 */
export function cleanAnswers(raw: Answers): Answers {
  const out: Answers = {};
  for (const q of QUESTIONS) {
    const value = raw[q.id];
    if (value !== undefined && q.needed(out) && q.valid(value, out)) out[q.id] = value;
  }
  return out;
}

/** The needed questions, in order, for these answers. */
export function neededQuestions(a: Answers): QuestionDef[] {
  return QUESTIONS.filter((q) => q.needed(a));
}

/** The next question without an answer, or undefined when all are answered. */
export function nextQuestion(a: Answers): QuestionDef | undefined {
  return neededQuestions(a).find((q) => a[q.id] === undefined);
}

/** The question before `id` among those needed (for the back link). */
export function previousQuestion(a: Answers, id: string): QuestionDef | undefined {
  const needed = neededQuestions(a);
  const index = needed.findIndex((q) => q.id === id);
  return index > 0 ? needed[index - 1] : undefined;
}

const number = (raw: string | undefined) => (raw === undefined || raw === SKIP ? undefined : Number(raw));

/** The household the engine evaluates, from the answers (skipped answers become "not known"). */
export function household(a: Answers): Household {
  const years = ages(a);
  const details = a.disabilityDetails && a.disabilityDetails !== SKIP ? list(a.disabilityDetails) : undefined;
  const picked = (raw: string | undefined) => (raw && raw !== SKIP && raw !== 'none' ? new Set(list(raw).map(Number)) : new Set<number>());
  const ill = picked(a.illness);
  const students = picked(a.school);
  const members = (years.length > 0 ? years : [0]).map((age, i) => {
    let disability: Household['members'][number]['disability'] = null;
    if (a.disability === SKIP || (a.disability === 'yes' && !details)) disability = 'unknown';
    else if (details?.[i] && details[i] !== 'none') {
      const [kind, grade] = details[i]!.split('-');
      disability = { kind: kind as (typeof DISABILITY_KINDS)[number], grade: Number(grade) };
    }
    return {
      age,
      disability,
      seriousIllness: a.illness === SKIP ? null : ill.has(i),
      ...(STUDENT_AGE(age) && { inSchool: a.school === undefined || a.school === SKIP ? null : students.has(i) }),
    };
  });
  const property = a.property ?? 'none';
  const income = number(a.income);
  return {
    residence: a.residence === 'urban' ? 'urban' : 'rural',
    members,
    ...(income !== undefined && { monthlyIncome: income }),
    ...(number(a.rigid) !== undefined && { monthlyRigidExpenses: number(a.rigid) }),
    assets: {
      ...(number(a.savings) !== undefined && { financial: number(a.savings) }),
      nonEssentialCar: property === SKIP ? null : property.includes('car'),
      extraHome: property === SKIP ? null : property.includes('home'),
    },
    ...(a.supporter && a.supporter !== SKIP && { supporter: a.supporter as 'none' | 'unable' | 'able' }),
    emergency:
      a.emergency === undefined || a.emergency === 'none'
        ? null
        : a.emergency === SKIP
          ? 'unknown'
          : { kind: a.emergency as (typeof EMERGENCY_KINDS)[number], ...(number(a.cost) !== undefined && { cost: number(a.cost) }) },
  };
}

/** The query string that carries `answers` (in question order). */
export function toQuery(a: Answers, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) if (a[q.id] !== undefined) params.set(q.id, a[q.id]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
