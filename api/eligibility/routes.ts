import type { Content } from '../../content/loader.ts';
import { valueAt } from '../../content/parameters.ts';
import { ApiError, createRoute, createRouter, dayParam, errors, json, jsonBody, langParam, z, type DistrictClock } from '../core/index.ts';
import { advise } from './advice.ts';
import { firstDay, MissingParameterError } from './engine.ts';
import { householdSchema } from './household.ts';
import { QUESTIONS } from './journey.ts';

const asOfQuery = z.strictObject({
  lang: langParam.default('zh'),
  asOf: dayParam.optional().openapi({ description: 'Read the rules and amounts in force on this day (default: today in the district)' }),
});

const ParameterSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    value: z.number(),
    from: z.string(),
    floor: z.boolean(),
    source: z.string(),
    verified: z.boolean().openapi({ description: 'false: a placeholder the bureau must confirm (shown as 待核实)' }),
  })
  .openapi('Parameter');

const parametersRoute = createRoute({
  method: 'get',
  path: '/parameters',
  tags: ['eligibility'],
  summary: 'The amounts and limits in force',
  description: 'Each dated parameter the rules read, as in force on `asOf`, with its source and whether it is confirmed.',
  request: { query: asOfQuery },
  responses: { 200: json(z.object({ asOf: z.string(), parameters: z.array(ParameterSchema) }), 'The parameters in force'), ...errors(400) },
});

const QuestionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['choice', 'number', 'ages', 'disabilities', 'members-check', 'checks', 'town']),
    skippable: z.boolean(),
    text: z.string().optional(),
    hint: z.string().optional(),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  })
  .openapi('CheckQuestion');

const questionsRoute = createRoute({
  method: 'get',
  path: '/questions',
  tags: ['eligibility'],
  summary: 'The self-check’s questions, in the order they are asked',
  request: { query: z.strictObject({ lang: langParam.default('zh') }) },
  responses: { 200: json(z.object({ questions: z.array(QuestionSchema) }), 'The question set the UI renders'), ...errors(400) },
});

const AdviceSchema = z
  .object({
    asOf: z.string(),
    parametersVersion: z.string().openapi({ description: 'The newest date among the figures used' }),
    programs: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        result: z.enum(['likely', 'possible', 'unlikely']),
        reasons: z.array(z.object({ id: z.string(), met: z.boolean().nullable(), text: z.string() })),
        estimate: z.object({ amount: z.number(), atLeast: z.boolean(), verified: z.boolean(), text: z.string() }).optional(),
        note: z.string().optional().openapi({ description: 'When a programme that may also fit excludes this one: which to ask for first' }),
        nextSteps: z.array(z.string()),
        materials: z.array(z.string()),
        url: z.string(),
      }),
    ),
  })
  .openapi('Advice');

const checkRoute = createRoute({
  method: 'post',
  path: '/check',
  tags: ['eligibility'],
  summary: 'Which programmes a household may qualify for',
  description: 'Nothing a household sends is stored or logged. Anything not known gives `possible`, never a false “no”.',
  request: {
    query: asOfQuery,
    body: jsonBody(
      householdSchema.openapi('Household', {
        example: { residence: 'rural', members: [{ age: 82, disability: null }], monthlyIncome: 300, assets: { financial: 2000 }, supporter: 'none', emergency: null },
      }),
    ),
  },
  responses: { 200: json(AdviceSchema, 'One verdict per programme, likeliest first'), ...errors(400) },
});

export interface EligibilityDeps {
  content: Content;
  clock: DistrictClock;
}

/**
 * `GET /api/eligibility/parameters`, `GET /api/eligibility/questions`, `POST /api/eligibility/check`.
 * Nothing a household sends is stored or logged.
 */
export function eligibilityRoutes({ content, clock }: EligibilityDeps) {
  const rules = { parameters: content.parameters, programmes: content.programmes };
  const earliest = firstDay(rules);
  // A day before the first figures cannot be answered: a 400 naming asOf, not a 500.
  const checkedDay = (asOf: string | undefined) => {
    const day = asOf ?? clock.day();
    if (day < earliest) throw new ApiError(400, 'invalid_request', `Invalid query: asOf`, { asOf: `no figures in force on ${day}; the earliest day is ${earliest}` });
    return day;
  };
  return createRouter()
    .openapi(parametersRoute, (c) => {
      const { asOf, lang } = c.req.valid('query');
      const day = checkedDay(asOf);
      const parameters = [...content.parameters].flatMap(([id, p]) => {
        const v = valueAt(p, day);
        return v ? [{ id, label: p.label[lang], unit: p.unit, value: v.value, from: v.from, floor: v.floor, source: v.source, verified: v.verified }] : [];
      });
      return c.json({ asOf: day, parameters }, 200);
    })
    .openapi(questionsRoute, (c) => {
      const { lang } = c.req.valid('query');
      return c.json(
        {
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
        },
        200,
      );
    })
    .openapi(checkRoute, (c) => {
      const { lang, asOf } = c.req.valid('query');
      try {
        return c.json(advise(content, c.req.valid('json'), lang, checkedDay(asOf)), 200);
      } catch (error) {
        if (error instanceof MissingParameterError) throw new ApiError(400, 'invalid_request', 'Invalid query: asOf', { asOf: error.message });
        throw error;
      }
    });
}
