// `/api/letters…`: residents write and look their letter up; staff of the letter's town answer,
// forward and publish; anyone reads the published letters and the figures.
import { requireUser, type AccountService } from '../accounts/index.ts';
import { createRoute, createRouter, errors, json, jsonBody, perClient, sameOrigin, z, type Trust } from '../core/index.ts';
import { forwardInput, KINDS, letterInput, replyInput } from './schema.ts';
import type { Letter, LetterService } from './service.ts';

const reference = z.string().min(1).max(40).openapi({ param: { name: 'reference', in: 'path' }, example: '20261202-K7QXM' });
const Status = z.enum(['received', 'answered']);
const Created = z.object({ reference: z.string(), code: z.string().openapi({ description: 'Shown once: with the reference, it looks the letter up' }), status: z.literal('received') });
const ForResident = z.object({ reference: z.string(), kind: z.enum(KINDS), status: Status, receivedAt: z.string(), reply: z.string().optional() }).openapi('LetterStatus');
const ForStaff = z
  .object({
    reference: z.string(),
    kind: z.enum(KINDS),
    about: z.string().optional(),
    town: z.string().optional(),
    village: z.string().optional(),
    text: z.string(),
    publish: z.boolean(),
    urgent: z.boolean(),
    help: z.object({ forWhom: z.enum(['self', 'other']), urgency: z.string() }).optional(),
    hasContact: z.boolean().openapi({ description: 'The resident asked for a personal reply; the contact is read on its own, and the reading logged' }),
    status: Status,
    receivedAt: z.string(),
    reply: z.string().optional(),
    published: z.object({ text: z.string(), reply: z.string(), at: z.string() }).optional(),
  })
  .openapi('LetterForStaff');
const Published = z.object({ reference: z.string(), kind: z.enum(KINDS), town: z.string().optional(), text: z.string(), reply: z.string(), receivedAt: z.string(), publishedAt: z.string() }).openapi('PublishedLetter');
const Count = z.record(z.object({ received: z.number().int(), answered: z.number().int() }));

const submitRoute = createRoute({
  method: 'post',
  path: '/letters',
  tags: ['letters'],
  summary: 'A resident writes to the bureau (no account)',
  description: 'Contact details only for a personal reply: sealed at rest, seen only by the staff of the letter’s town, deleted after the retention period. ID-card and phone numbers are removed from the text.',
  request: { body: jsonBody(letterInput) },
  responses: { 201: json(Created, 'Received'), ...errors(400, 429, 503) },
});
const lookUpRoute = createRoute({
  method: 'get',
  path: '/letters/{reference}',
  tags: ['letters'],
  summary: 'The resident looks up the status and the reply with the reference and the code',
  request: { params: z.object({ reference }), query: z.object({ code: z.string().min(1).max(20) }) },
  responses: { 200: json(ForResident, 'The letter’s status'), ...errors(400, 404, 429, 503) },
});
const publishedRoute = createRoute({ method: 'get', path: '/letters', tags: ['letters'], summary: 'Published letters with their replies, anonymised', responses: { 200: json(z.object({ letters: z.array(Published) }), 'The published letters'), ...errors(503) } });
const statsRoute = createRoute({
  method: 'get',
  path: '/letters/stats',
  tags: ['letters'],
  summary: 'Received, answered, median days to reply; per kind, town and month',
  responses: { 200: json(z.object({ received: z.number().int(), answered: z.number().int(), medianDaysToReply: z.number().nullable(), byKind: Count, byTown: Count, byMonth: Count }), 'The figures'), ...errors(503) },
});
const queueRoute = createRoute({ method: 'get', path: '/staff/letters', tags: ['letters'], summary: 'The queue of the account’s town: urgent first, then the oldest', responses: { 200: json(z.object({ letters: z.array(ForStaff) }), 'The queue'), ...errors(401, 403, 503) } });
const replyRoute = createRoute({
  method: 'post',
  path: '/letters/{reference}/reply',
  tags: ['letters'],
  summary: 'Reply; with publish, a publishable letter and its reply go public anonymised',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ reference }), body: jsonBody(replyInput) },
  responses: { 200: json(ForStaff, 'The letter, answered'), ...errors(400, 401, 403, 404, 409, 503) },
});
const forwardRoute = createRoute({
  method: 'post',
  path: '/letters/{reference}/forward',
  tags: ['letters'],
  summary: 'Send the letter to another town’s office',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ reference }), body: jsonBody(forwardInput) },
  responses: { 200: json(ForStaff, 'The letter, now with that town'), ...errors(400, 401, 403, 404, 503) },
});
const contactRoute = createRoute({
  method: 'get',
  path: '/letters/{reference}/contact',
  tags: ['letters'],
  summary: 'The resident’s name and phone, for the letter’s town only (each reading logged)',
  request: { params: z.object({ reference }) },
  responses: { 200: json(z.object({ name: z.string().optional(), phone: z.string().optional() }), 'The contact details'), ...errors(400, 401, 403, 404, 503) },
});

const forStaff = (l: Letter) => l;

export function lettersRoutes({ letters, accounts, trust }: { letters: LetterService; accounts: AccountService; trust: Trust }) {
  const router = createRouter();
  // Per client (behind TRUST_PROXY, so a village's shared connection is not one client): letters, and guessing codes.
  router.post('/letters', perClient(trust, (client) => letters.writeWait(client), 'letters'));
  router.get('/letters/:reference{[0-9]{8}-[A-Z0-9]+}', perClient(trust, (client) => letters.lookUpWait(client), 'look-ups'));
  return router
    .openapi(publishedRoute, async (c) => c.json({ letters: await letters.published() }, 200))
    .openapi(statsRoute, async (c) => c.json(await letters.stats(), 200))
    .openapi(submitRoute, async (c) => c.json(await letters.submit(c.req.valid('json')), 201))
    .openapi(lookUpRoute, async (c) => {
      const l = await letters.lookUp(c.req.valid('param').reference, c.req.valid('query').code);
      return c.json({ reference: l.reference, kind: l.kind, status: l.status, receivedAt: l.receivedAt, ...(l.reply && { reply: l.reply }) }, 200);
    })
    .openapi(queueRoute, async (c) => c.json({ letters: (await letters.queue(await requireUser(accounts, c))).map(forStaff) }, 200))
    .openapi(replyRoute, async (c) => {
      const { text, publish } = c.req.valid('json');
      return c.json(forStaff(await letters.reply(await requireUser(accounts, c), c.req.valid('param').reference, text, publish)), 200);
    })
    .openapi(forwardRoute, async (c) => c.json(forStaff(await letters.forward(await requireUser(accounts, c), c.req.valid('param').reference, c.req.valid('json').town)), 200))
    .openapi(contactRoute, async (c) => c.json((await letters.contact(await requireUser(accounts, c), c.req.valid('param').reference)) ?? {}, 200));
}
