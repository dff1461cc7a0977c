import { Hono } from 'hono';
import { z } from 'zod';
import { valueAt } from '../../content/parameters.ts';
import { LANGS } from '../../content/schemas/index.ts';
import type { AppDeps } from '../app.ts';
import { householdSchema } from '../eligibility/household.ts';
import { QUESTIONS } from '../eligibility/journey.ts';
import { advise, districtToday } from '../eligibility/results.ts';
import { validate } from '../errors.ts';

const langQuery = z.strictObject({ lang: z.enum(LANGS).default('zh') });
const checkQuery = z.strictObject({
  lang: z.enum(LANGS).default('zh'),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written as YYYY-MM-DD').optional(),
});

/**
 * `GET /api/eligibility/parameters`, `GET /api/eligibility/questions`, `POST /api/eligibility/check`.
 * Nothing a household sends is stored or logged.
 */
export function eligibilityRoutes({ content }: AppDeps) {
  return new Hono()
    .get('/parameters', validate('query', checkQuery), (c) => {
      const { asOf = districtToday(), lang } = c.req.valid('query');
      const parameters = [...content.parameters].flatMap(([id, p]) => {
        const v = valueAt(p, asOf);
        return v ? [{ id, label: p.label[lang], unit: p.unit, value: v.value, from: v.from, floor: v.floor, source: v.source, verified: v.verified }] : [];
      });
      return c.json({ asOf, parameters });
    })
    .get('/questions', validate('query', langQuery), (c) => {
      const { lang } = c.req.valid('query');
      return c.json({
        questions: QUESTIONS.map((q) => {
          const words = content.questions[q.id];
          return {
            id: q.id,
            kind: q.kind,
            skippable: q.skippable,
            text: words?.text[lang],
            hint: words?.hint?.[lang],
            ...(q.options && { options: q.options.map((value) => ({ value, label: words?.options?.[value]?.[lang] ?? value })) }),
          };
        }),
      });
    })
    .post('/check', validate('query', checkQuery), validate('json', householdSchema), (c) => {
      const { lang, asOf } = c.req.valid('query');
      return c.json(advise(content, c.req.valid('json'), lang, asOf));
    });
}
