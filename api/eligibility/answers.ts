import { cleanAnswers, QUESTIONS, SKIP, type Answers } from './journey.ts';

/**
 * The answers in a request's query string. Forms send some answers in pieces (one `ages` per
 * person, a kind and a grade per certificate, one value per ticked box); this joins them into the
 * one value per question the journey keeps. `answered=<id>` marks a submitted form, so an empty
 * set of ticked boxes means "none". A skip button wins over anything typed.
 */
export function readAnswers(params: URLSearchParams): { answers: Answers; raw: Answers; canonical: boolean } {
  const raw: Answers = {};
  for (const q of QUESTIONS) {
    const values = params.getAll(q.id);
    if (values.includes(SKIP)) raw[q.id] = SKIP;
    else if (values.length > 0) raw[q.id] = values.map((v) => v.trim()).join(',');
  }
  const answered = params.get('answered');
  if (answered === 'disabilityDetails' && raw.disabilityDetails !== SKIP) {
    const kinds = params.getAll('dk');
    const grades = params.getAll('dg');
    raw.disabilityDetails = kinds.map((k, i) => (k === 'none' ? 'none' : `${k}-${grades[i] ?? ''}`)).join(',');
  }
  if (answered && (answered === 'illness' || answered === 'property') && raw[answered] === undefined) raw[answered] = 'none';
  const canonical = !params.has('answered') && !params.has('dk') && !params.has('dg');
  return { answers: cleanAnswers(raw), raw, canonical };
}
