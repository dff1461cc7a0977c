import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HttpBindings } from '@hono/node-server';
import { z } from 'zod';
import { LANGS } from '../../content/schemas/index.ts';
import type { Bot } from '../ask/bot.ts';
import { Feedback, RateLimiter } from '../ask/limits.ts';
import { districtToday } from '../eligibility/results.ts';
import { ApiError, validate } from '../errors.ts';

export const MAX_QUESTION = 500;

const turn = z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().max(2000) });
const askBody = z.strictObject({
  question: z.string().trim().min(1, 'ask a question').max(MAX_QUESTION, `at most ${MAX_QUESTION} characters`),
  lang: z.enum(LANGS).optional(),
  history: z.array(turn).max(12, 'at most 12 earlier messages').optional(),
});
const feedbackBody = z.strictObject({ vote: z.enum(['up', 'down']) });

/** The client's address for rate limiting (never logged or stored). */
function clientKey(env: Partial<HttpBindings> | undefined): string {
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * `POST /api/ask` (JSON, or an SSE stream with `Accept: text/event-stream`: `token` events, then
 * `citations`, then `done` with the whole answer) and `POST /api/ask/feedback`. Questions are not
 * logged or stored.
 */
export function askRoutes(bot: Bot, dataDir: string, limiter = new RateLimiter(20, 60_000)) {
  const feedback = new Feedback(dataDir);
  return new Hono<{ Bindings: Partial<HttpBindings> }>()
    .post('/', async (c, next) => {
      const wait = limiter.take(clientKey(c.env));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'rate_limited', `Too many questions from this address. Please wait ${wait} seconds and ask again.`);
      }
      await next();
    }, validate('json', askBody), async (c) => {
      const { question, lang, history } = c.req.valid('json');
      if (!(c.req.header('Accept') ?? '').includes('text/event-stream')) {
        const { links: _links, ...answer } = await bot.answer(question, { lang, history });
        return c.json({ ...answer, links: _links });
      }
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
    .post('/feedback', validate('json', feedbackBody), (c) => {
      const { vote } = c.req.valid('json');
      feedback.record(vote, districtToday());
      return c.json({ ok: true });
    });
}
