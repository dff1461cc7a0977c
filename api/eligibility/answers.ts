import { numberIn } from '../../search/index.ts';
import { cleanAnswers, QUESTIONS, SKIP, type Answers } from './journey.ts';

/** A number as typed (82岁, ８２, 八十二, 300元) in the digits the journey keeps; the text itself when it is not one. */
const digits = (typed: string) => {
  const n = numberIn(typed);
  return n === undefined ? typed.trim() : String(n);
};

/**
 * The answers in a request's query string. Forms send some answers in pieces (one `ages` per
 * person, a kind and a grade per certificate, one value per ticked box); this joins them into the
 * one value per question the journey keeps. Numbers are read as people type them. `answered=<id>`
 * marks a submitted form, so an empty set of ticked boxes means "none", and "none" ticked with
 * someone means that someone. A skip button wins over anything typed. `typed` is what the
 * person wrote, to show again when an answer cannot be used.
 */
export function readAnswers(params: URLSearchParams): { answers: Answers; raw: Answers; typed: Answers; canonical: boolean } {
  const raw: Answers = {};
  const typed: Answers = {};
  for (const q of QUESTIONS) {
    let values = params.getAll(q.id);
    if (values.includes(SKIP)) raw[q.id] = SKIP;
    else if (values.length > 0) {
      typed[q.id] = values.join(',');
      // One number a field (a comma there is a thousands mark); ages come one a person, or joined by commas in the address.
      if (q.kind === 'number') values = values.map(digits);
      if (q.kind === 'ages') values = values.flatMap((v) => v.split(',')).map(digits);
      if ((q.kind === 'members-check' || q.kind === 'checks') && values.length > 1) values = values.filter((v) => v !== 'none');
      raw[q.id] = values.map((v) => v.trim()).join(',');
    }
  }
  const answered = params.get('answered');
  if (answered === 'disabilityDetails' && raw.disabilityDetails !== SKIP) {
    const kinds = params.getAll('dk');
    const grades = params.getAll('dg');
    raw.disabilityDetails = kinds.map((k, i) => (k === 'none' ? 'none' : `${k}-${grades[i] ?? ''}`)).join(',');
  }
  const boxes = QUESTIONS.find((q) => q.id === answered && (q.kind === 'members-check' || q.kind === 'checks'));
  if (boxes && raw[boxes.id] === undefined) raw[boxes.id] = 'none';
  const canonical = !params.has('answered') && !params.has('dk') && !params.has('dg');
  return { answers: cleanAnswers(raw), raw, typed, canonical };
}
