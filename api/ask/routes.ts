import { streamSSE } from 'hono/streaming';
import { LANGS } from '../../content/schemas/index.ts';
import { ApiError, clientAddress, createRoute, createRouter, DailyCounter, errors, json, jsonBody, Limiter, z, type Db, type DistrictClock, type Trust } from '../core/index.ts';
import type { Bot } from './bot.ts';

/** Residents write letters; the bot reads them for their question and their facts. */
export const MAX_QUESTION = 3000;

const turn = z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().max(2000) });
const AskBody = z
  .strictObject({
    question: z.string().trim().min(1, 'ask a question').max(MAX_QUESTION, `at most ${MAX_QUESTION} characters`),
    lang: z.enum(LANGS).optional(),
    history: z.array(turn).max(12, 'at most 12 earlier messages').optional(),
  })
  .openapi('AskQuestion', { example: { question: '低保一个月能领多少钱？', lang: 'zh' } });

const AnswerSchema = z
  .object({
    status: z.enum(['answered', 'not_found', 'redirect', 'refused']),
    mode: z.enum(['extractive', 'generative']),
    answer: z.string(),
    citations: z.array(z.object({ title: z.string(), url: z.string(), quote: z.string() })),
    label: z.string().openapi({ description: 'The visible label: a quotation from the portal, or AI-generated' }),
    links: z.array(z.object({ title: z.string(), url: z.string() })).openapi({ description: 'Where to go instead, for redirects and answers not found' }),
  })
  .openapi('Answer');

const askRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['ask'],
  summary: 'Ask a question',
  description:
    'Answered from the portal’s own pages, with citations. With `Accept: text/event-stream` the answer streams as SSE: `token` events, then `citations`, then `done` with the whole answer. Questions are not logged or stored. At most 20 a minute from one address.',
  request: { body: jsonBody(AskBody) },
  responses: {
    200: {
      description: 'The answer',
      content: { 'application/json': { schema: AnswerSchema }, 'text/event-stream': { schema: { type: 'string', description: 'Server-sent events: token, citations, done' } } },
    },
    ...errors(400, 429, 503),
  },
});

const feedbackRoute = createRoute({
  method: 'post',
  path: '/feedback',
  tags: ['ask'],
  summary: 'Thumbs up or down on an answer',
  description: 'Counted per day, nothing more: not who, not which answer.',
  request: { body: jsonBody(z.strictObject({ vote: z.enum(['up', 'down']) }).openapi({ example: { vote: 'up' } })) },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Counted'), ...errors(400, 503) },
});

export interface AskDeps {
  bot: Bot;
  /** Where the daily thumbs and the question limit are counted. */
  db: Db;
  clock: DistrictClock;
  trust: Trust;
  /** Questions per minute from one address. */
  perMinute?: number;
}

/** `POST /api/ask` (JSON or SSE) and `POST /api/ask/feedback`. */
export function askRoutes({ bot, db, clock, trust, perMinute = 20 }: AskDeps) {
  const limiter = new Limiter(perMinute, 60, { db, name: 'ask' });
  const feedback = new DailyCounter(db, 'ask-feedback');
  const router = createRouter();
  // Before validation, so a flood of bad questions is limited too.
  router.post('/', async (c, next) => {
    const wait = await limiter.take(clientAddress(c, trust));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate_limited', `Too many questions from this address. Please wait ${wait} seconds and ask again.`);
    }
    await next();
  });
  return router
    .openapi(askRoute, async (c) => {
      const { question, lang, history } = c.req.valid('json');
      if (!(c.req.header('Accept') ?? '').includes('text/event-stream')) return c.json(await bot.answer(question, { lang, history }), 200);
      return streamSSE(c, async (stream) => {
        const pending: Promise<void>[] = [];
        const answer = await bot.answer(question, {
          lang,
          history,
          onToken: (text) => void pending.push(stream.writeSSE({ event: 'token', data: JSON.stringify({ text }) })),
        });
        await Promise.all(pending);
        await stream.writeSSE({ event: 'citations', data: JSON.stringify(answer.citations) });
        await stream.writeSSE({ event: 'done', data: JSON.stringify(answer) });
      });
    })
    .openapi(feedbackRoute, async (c) => {
      await feedback.add(c.req.valid('json').vote, clock.day());
      return c.json({ ok: true as const }, 200);
    });
}
