// `npm run eval:ask`: runs the bot over the shared evaluation set and prints, per question, the
// status, the citation and the mention checks, then the totals. Uses the configured mode
// (extractive without a model; generative when OPENAI_* is set). Another set: `-- <file>`.
import { readFileSync } from 'node:fs';
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
  cites?: string;
  mentions?: string[];
  must_not_contain?: string[];
}

export interface AskScore {
  question: string;
  status: boolean;
  citation: boolean | null;
  mention: boolean | null;
  clean: boolean;
  got: { status: string; mode: string; answer: string; citations: string[] };
}

export async function evaluateBot(bot: Bot, cases: AskCase[]): Promise<AskScore[]> {
  const out: AskScore[] = [];
  for (const c of cases) {
    const a = await bot.answer(c.question, { lang: c.lang });
    out.push({
      question: c.question,
      status: a.status === c.status,
      citation: c.cites ? a.citations.some((x) => x.url.includes(c.cites!)) : null,
      mention: c.mentions ? c.mentions.some((m) => new RegExp(m).test(a.answer)) : null,
      clean: (c.must_not_contain ?? []).every((s) => !JSON.stringify(a).includes(s)),
      got: { status: a.status, mode: a.mode, answer: a.answer, citations: a.citations.map((x) => x.url) },
    });
  }
  return out;
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
  console.log(`\nstatus accuracy ${count('status')} · citation hit ${count('citation')} · mention hit ${count('mention')} · personal data kept out ${scores.filter((s) => s.clean).length}/${scores.length}`);
}
