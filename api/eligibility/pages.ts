// The self-check page: which view the answers in the address lead to (the start, one question,
// the review, the result), worked out from the query string alone. Nothing is stored.
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { href, type DistrictClock } from '../core/index.ts';
import { officeCard, type OfficeCard } from '../directory/index.ts';
import { townOptions, type TownOption } from '../places/index.ts';
import { advise, type Advice } from './advice.ts';
import { readAnswers } from './answers.ts';
import { household, neededQuestions, nextQuestion, previousQuestion, question as findQuestion, SKIP, toQuery, type Answers, type QuestionDef } from './journey.ts';

export type CheckView =
  | { view: 'redirect'; location: string }
  | { view: 'intro' }
  | {
      view: 'question';
      question: QuestionDef;
      position: number;
      total: number;
      back?: string;
      answers: Answers;
      towns: TownOption[];
      error?: string;
      typed?: string;
      /** Opened from the question box with answers its words gave: they are shown to be checked. */
      fromAsk: boolean;
    }
  | { view: 'review'; answers: Answers; towns: TownOption[] }
  | { view: 'result'; advice: Advice; office?: OfficeCard; review: string; restart: string };

export function checkPage(content: Content, lang: Lang, params: URLSearchParams, clock: DistrictClock): CheckView {
  const { answers, raw, typed, canonical } = readAnswers(params);
  const base = href(lang, 'check/');
  // Tidy the address after a form: one value per question, in order (so back links and printing
  // show a clean, shareable address). A rejected answer keeps its question on screen instead.
  const submitted = params.get('answered');
  const rejected = submitted && raw[submitted] !== undefined && answers[submitted] === undefined ? submitted : undefined;
  if (!canonical && !rejected) {
    const step = params.get('step');
    return { view: 'redirect', location: `${base}?${toQuery(answers, step ? { step } : {})}` };
  }
  const started = Object.keys(answers).length > 0 || params.has('start') || Boolean(rejected);
  if (!started) return { view: 'intro' };
  const asked = params.get('q') ?? rejected;
  const editing = asked ? findQuestion(asked) : undefined;
  const needed = neededQuestions(answers);
  const current = editing && needed.includes(editing) ? editing : nextQuestion(answers);
  const towns = townOptions(content, lang);
  if (current) {
    const previous = previousQuestion(answers, current.id);
    return {
      view: 'question',
      question: current,
      position: needed.indexOf(current) + 1,
      total: needed.length,
      back: previous && `${base}?${toQuery(answers)}&q=${previous.id}`,
      answers,
      towns,
      fromAsk: params.get('from') === 'ask' && Object.keys(answers).length > 0,
      ...(rejected === current.id && { error: rejection(lang, current), typed: typed[current.id] }),
    };
  }
  if (params.get('step') !== 'result') return { view: 'review', answers, towns };
  return {
    view: 'result',
    advice: advise(content, household(answers), lang, clock.day()),
    office: officeCard(content, lang, clock, answers.town !== SKIP ? answers.town : undefined),
    review: `${base}?${toQuery(answers)}`,
    restart: base,
  };
}

/** What to write instead, exactly, for an answer that could not be used. */
function rejection(lang: Lang, q: QuestionDef): string {
  const what =
    q.kind === 'ages' ? t(lang, 'check.rejected.ages') : q.kind === 'number' ? t(lang, 'check.rejected.number', { example: q.id === 'members' ? 2 : 300 }) : t(lang, 'check.rejected.choice');
  return q.skippable ? `${what}${lang === 'zh' ? '' : ' '}${t(lang, 'check.rejected.skip')}` : what;
}
