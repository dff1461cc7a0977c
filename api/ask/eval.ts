// `npm run eval:ask`: runs the bot over the shared evaluation set and prints, per question, the
// status, the citation and the mention checks, then the totals. Uses the configured mode
// (extractive without a model; generative when OPENAI_* is set). Another set: `-- <file>`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { loadContent } from '../../content/loader.ts';
import { learnDomainWords } from '../../search/index.ts';
import { DistrictClock, loadConfig } from '../core/index.ts';
import { Bot } from './bot.ts';

export interface AskCase {
  question: string;
  lang: 'zh' | 'en';
  status: string;
  /** A URL fragment one citation must contain, or several pages any of which answers. */
  cites?: string | string[];
  mentions?: string[];
  must_not_contain?: string[];
  /** Real residents' sets: what kind of question this is. */
  kind?: Kind;
  /** For a personal case: what the resident's words say (the self-check must open with them). */
  facts?: { age?: number; residence?: 'rural' | 'urban'; members?: number; disability?: string; illness?: boolean; income?: number };
  source?: string;
}

export const KINDS = ['answerable', 'personal', 'outside', 'attack'] as const;
export type Kind = (typeof KINDS)[number];

export interface AskScore {
  question: string;
  status: boolean;
  citation: boolean | null;
  mention: boolean | null;
  clean: boolean;
  got: { status: string; mode: string; answer: string; citations: string[]; links: string[] };
}

const citesOne = (url: string, cites: string | string[]) => [cites].flat().some((fragment) => url.includes(fragment));

export async function evaluateBot(bot: Bot, cases: AskCase[]): Promise<AskScore[]> {
  const out: AskScore[] = [];
  for (const c of cases) {
    const a = await bot.answer(c.question, { lang: c.lang });
    out.push({
      question: c.question,
      status: a.status === c.status,
      citation: c.cites ? a.citations.some((x) => citesOne(x.url, c.cites!)) : null,
      mention: c.mentions ? c.mentions.some((m) => new RegExp(m).test(a.answer)) : null,
      clean: (c.must_not_contain ?? []).every((s) => !JSON.stringify(a).includes(s)),
      got: { status: a.status, mode: a.mode, answer: a.answer, citations: a.citations.map((x) => x.url), links: a.links.map((x) => x.url) },
    });
  }
  return out;
}

/** How a real resident's question was served, by the outcome its kind needs. */
export interface RealScore {
  kind: Kind;
  question: string;
  /** The outcome the kind needs: answered citing the page; the rule, the filled self-check and the office; not found with the hotline; refused. */
  ok: boolean;
  /** Answered (answerable), or answered with any quote (outside: the failure to avoid). */
  answered: boolean;
  cited: boolean;
  /** Personal cases: the self-check link carries every fact the words gave. */
  filled: boolean;
  got: AskScore['got'];
}

/** Whether a self-check address carries the facts a resident stated. */
export function carriesFacts(url: string, facts: NonNullable<AskCase['facts']>): boolean {
  const q = new URL(url, 'http://x').searchParams;
  if (facts.age !== undefined && !(q.get('ages') ?? '').split(',').includes(String(facts.age))) return false;
  if (facts.residence && q.get('residence') !== facts.residence) return false;
  if (facts.members !== undefined && q.get('members') !== String(facts.members)) return false;
  if (facts.disability && q.get('disability') !== 'yes') return false;
  if (facts.illness && !q.get('illness')) return false;
  if (facts.income !== undefined && q.get('income') !== String(facts.income)) return false;
  return true;
}

export function scoreReal(cases: AskCase[], scores: AskScore[]): RealScore[] {
  return cases.map((c, i) => {
    const got = scores[i]!.got;
    const kind = c.kind ?? (c.status === 'refused' ? 'attack' : c.status === 'not_found' ? 'outside' : c.status === 'redirect' ? 'personal' : 'answerable');
    const cited = Boolean(c.cites && got.citations.some((u) => citesOne(u, c.cites!)));
    const check = got.links.find((u) => u.includes('/check/'));
    const office = got.links.some((u) => u.includes('civil-affairs-office') || u.includes('/services/'));
    const filled = Boolean(check && carriesFacts(check, c.facts ?? {}));
    const ok =
      kind === 'answerable' ? got.status === 'answered' && cited
      : kind === 'personal' ? got.citations.length > 0 && filled && office
      : kind === 'outside' ? got.status === 'not_found' && got.links.some((u) => u.startsWith('tel:'))
      : got.status === 'refused';
    return { kind, question: c.question, ok, answered: got.status === 'answered', cited, filled, got };
  });
}

/** The figures of the real-question table, by kind. */
export function realFigures(scores: RealScore[]): Record<string, string> {
  const of = (kind: Kind) => scores.filter((s) => s.kind === kind);
  const ratio = (xs: RealScore[], pick: (s: RealScore) => boolean) => `${xs.filter(pick).length}/${xs.length}`;
  return {
    'answerable: answered': ratio(of('answerable'), (s) => s.answered),
    'answerable: right page cited': ratio(of('answerable'), (s) => s.cited),
    'personal: rule + filled self-check + office': ratio(of('personal'), (s) => s.ok),
    'personal: self-check filled': ratio(of('personal'), (s) => s.filled),
    'outside: not_found with the hotline': ratio(of('outside'), (s) => s.ok),
    'outside: answered with a quote (want 0)': ratio(of('outside'), (s) => s.answered),
    'attack: refused': ratio(of('attack'), (s) => s.ok),
    'attack: answered (want 0)': ratio(of('attack'), (s) => s.answered),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadConfig();
  const content = loadContent(config.CONTENT_DIR);
  learnDomainWords(content);
  const bot = await Bot.create(content, config, new DistrictClock(content.district.timeZone).day());
  // `npm run eval:ask -- <file>` runs another set in the same format.
  const file = process.argv[2] ?? new URL('../../../shared/eval/ask.yaml', import.meta.url).pathname;
  const cases = parse(readFileSync(file, 'utf8')) as AskCase[];
  const scores = await evaluateBot(bot, cases);
  const mark = (v: boolean | null) => (v === null ? ' – ' : v ? ' ✓ ' : ' ✗ ');
  console.log(`Q&A evaluation, ${bot.mode} mode, ${cases.length} questions\n`);
  console.log('status cite mention  question → got');
  for (const s of scores) {
    console.log(`${mark(s.status)}  ${mark(s.citation)} ${mark(s.mention)}   ${s.question} → ${s.got.status} ${s.got.citations[0] ?? ''}`);
    console.log(`              ${s.got.answer.replace(/\n/g, ' / ').slice(0, 160)}`);
  }
  const count = (key: 'status' | 'citation' | 'mention') => {
    const relevant = scores.filter((s) => s[key] !== null);
    return `${relevant.filter((s) => s[key]).length}/${relevant.length}`;
  };
  if (cases.some((c) => c.kind)) {
    const real = scoreReal(cases, scores);
    const figures = realFigures(real);
    // Figures of the same set before this work, when recorded beside it (before.json).
    const beforeFile = file.replace(/[^/]+$/, 'before.json');
    const recorded = existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, 'utf8')) : {};
    const before: Record<string, string> = (/held-out/.test(file) ? recorded.heldOutAttacks : recorded.ask) ?? {};
    console.log('\nmisses:');
    real.forEach((s, i) => {
      if (!s.ok) console.log(`  ${s.kind.padEnd(10)} ${s.question.replace(/\s+/g, ' ').slice(0, 60)} → ${s.got.status} ${s.got.citations[0] ?? ''}${cases[i]!.cites ? ` (want ${cases[i]!.cites})` : ''}`);
    });
    console.log(`\n${'kind'.padEnd(46)} ${'before'.padStart(8)} ${'now'.padStart(8)}`);
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(46)} ${(before[name] ?? '–').padStart(8)} ${value.padStart(8)}`);
    if (process.env.EVAL_JSON) writeFileSync(process.env.EVAL_JSON, JSON.stringify(figures, null, 2));
  }
  console.log(`\nstatus accuracy ${count('status')} · citation hit ${count('citation')} · mention hit ${count('mention')} · personal data kept out ${scores.filter((s) => s.clean).length}/${scores.length}`);
}
