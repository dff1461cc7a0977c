// `/api/consultations…`: committees open and answer; residents read, comment and report; anyone
// gets the report and the published comments as CSV (no personal data).
import { stringify } from 'csv-stringify/sync';
import { etag } from 'hono/etag';
import { requireUser, type AccountService } from '../accounts/index.ts';
import type { Content } from '../../content/loader.ts';
import { consultationFeed } from './feed.ts';
import { ApiError, createRoute, createRouter, errors, href, json, jsonBody, notModified, originOf, perClient, sameOrigin, z, type Trust } from '../core/index.ts';
import {
  adoptionInput,
  CommentSchema,
  commentInput,
  ConsultationSchema,
  consultationInput,
  gatheredInput,
  moderationInput,
  ReportSchema,
  responseInput,
  STATUSES,
} from './schema.ts';
import { type Comment, type Consultation, type ConsultationService } from './service.ts';

const id = z.string().min(1).max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9qa2b' });
const cid = z.string().min(1).max(40).openapi({ param: { name: 'cid', in: 'path' }, example: 'p2m8zq1c' });
const Summary = z.object({ id: z.string(), url: z.string(), convention: z.string(), title: z.object({ zh: z.string(), en: z.string().optional() }), opens: z.string(), closes: z.string(), status: z.enum(STATUSES) }).openapi('ConsultationSummary');
const Created = z.object({ id: z.string(), url: z.string(), status: z.enum(STATUSES) });
const Accepted = z.object({ id: z.string(), status: z.enum(['pending', 'approved']) });
const Committee = CommentSchema.extend({ status: z.enum(['pending', 'approved', 'rejected']), reason: z.string().optional(), reports: z.number().int() }).openapi('CommentForCommittee');

const feedRoute = createRoute({
  method: 'get',
  path: '/feed.rss',
  tags: ['consultations'],
  summary: 'The consultations as an RSS 2.0 feed, newest first',
  responses: { 200: { description: 'An RSS 2.0 feed', content: { 'application/rss+xml': { schema: { type: 'string' as const } } } }, ...notModified },
});
const listRoute = createRoute({ method: 'get', path: '/', tags: ['consultations'], summary: 'Every consultation, newest first', responses: { 200: json(z.object({ consultations: z.array(Summary) }), 'The consultations'), ...notModified } });
const createRouteDef = createRoute({
  method: 'post',
  path: '/',
  tags: ['consultations'],
  summary: 'A committee opens a consultation on its convention',
  description: '`articles` is the whole draft: an article of the text in force it does not list is removed. Readable before it opens; comments only inside the window.',
  middleware: [sameOrigin] as const,
  request: { body: jsonBody(consultationInput) },
  responses: { 201: json(Created, 'Opened'), ...errors(400, 401, 403, 503) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['consultations'],
  summary: 'The draft beside the text in force, with the published comments',
  request: { params: z.object({ id }) },
  responses: { 200: json(ConsultationSchema, 'The consultation'), ...notModified, ...errors(400, 404) },
});
const commentRoute = createRoute({
  method: 'post',
  path: '/{id}/comments',
  tags: ['consultations'],
  summary: 'A resident’s opinion on one article (no account)',
  description: 'ID-card and phone numbers are removed before it is stored; it awaits the committee’s review. 409 outside the window.',
  request: { params: z.object({ id }), body: jsonBody(commentInput) },
  responses: { 202: json(Accepted, 'Received'), ...errors(400, 404, 409, 429, 503) },
});
const gatheredRoute = createRoute({
  method: 'post',
  path: '/{id}/gathered',
  tags: ['consultations'],
  summary: 'An opinion gathered at a villagers’ meeting or on a visit, entered by the committee',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ id }), body: jsonBody(gatheredInput) },
  responses: { 201: json(CommentSchema, 'Entered and published'), ...errors(400, 401, 403, 404, 503) },
});
const moderationRoute = createRoute({
  method: 'post',
  path: '/{id}/comments/{cid}/moderation',
  tags: ['consultations'],
  summary: 'Approve a comment, or reject it with a reason',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ id, cid }), body: jsonBody(moderationInput) },
  responses: { 200: json(Committee, 'The comment as it now stands'), ...errors(400, 401, 403, 404, 503) },
});
const responseRoute = createRoute({
  method: 'post',
  path: '/{id}/comments/{cid}/response',
  tags: ['consultations'],
  summary: 'Record 采纳 / 部分采纳 / 未采纳 and why',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ id, cid }), body: jsonBody(responseInput) },
  responses: { 200: json(Committee, 'The comment with its response'), ...errors(400, 401, 403, 404, 409, 503) },
});
const adoptionRoute = createRoute({
  method: 'post',
  path: '/{id}/adoption',
  tags: ['consultations'],
  summary: 'Record the assembly’s vote and the steps after it: the draft comes into force',
  description: 'Once the consultation has closed (409 before, and once adopted). The vote needs more than half of those present. The convention’s page, poster, search and the bot show the new version at once; the old one stays readable with its record.',
  middleware: [sameOrigin] as const,
  request: { params: z.object({ id }), body: jsonBody(adoptionInput) },
  responses: { 200: json(z.object({ id: z.string(), status: z.literal('adopted'), convention: z.string(), version: z.string().openapi({ description: 'The convention page' }) }), 'Adopted'), ...errors(400, 401, 403, 404, 409, 503) },
});
const reportCommentRoute = createRoute({
  method: 'post',
  path: '/{id}/comments/{cid}/report',
  tags: ['consultations'],
  summary: 'Any reader asks the committee to look at a published comment again',
  request: { params: z.object({ id, cid }) },
  responses: { 202: json(z.object({ reported: z.literal(true) }), 'Passed to the committee'), ...errors(400, 404, 429, 503) },
});
const queueRoute = createRoute({
  method: 'get',
  path: '/{id}/queue',
  tags: ['consultations'],
  summary: 'The committee’s queue: awaiting review, and reported',
  request: { params: z.object({ id }) },
  responses: { 200: json(z.object({ pending: z.array(Committee), reported: z.array(Committee) }), 'The queue'), ...errors(400, 401, 403, 404, 503) },
});
const reportRoute = createRoute({
  method: 'get',
  path: '/{id}/report',
  tags: ['consultations'],
  summary: '意见采纳情况: the opinions counted, and what became of them',
  request: { params: z.object({ id }) },
  responses: { 200: json(ReportSchema, 'The report'), ...notModified, ...errors(400, 404) },
});
const csvRoute = createRoute({
  method: 'get',
  path: '/{id}/comments.csv',
  tags: ['consultations'],
  summary: 'Every published comment as CSV, with no personal data',
  request: { params: z.object({ id }) },
  responses: { 200: { description: 'CSV (UTF-8 with a byte-order mark, for spreadsheet programs)', content: { 'text/csv': { schema: { type: 'string' as const } } } }, ...notModified, ...errors(400, 404) },
});

export interface ConsultationDeps {
  consultations: ConsultationService;
  accounts: AccountService;
  content: Content;
  publicOrigin?: string;
  trust: Trust;
}

/** A consultation as the API shows it: the comparison, and under each article its published comments. */
export async function consultationView(service: ConsultationService, c: Consultation, lang: 'zh' | 'en' = 'zh') {
  const published = await service.published(c.id);
  return {
    id: c.id,
    url: href(lang, `consultations/${c.id}/`),
    convention: c.convention,
    title: c.title,
    summary: c.summary,
    opens: c.opens,
    closes: c.closes,
    status: service.status(c),
    articles: service.compared(c).map((a) => ({ ...a, comments: published.filter((p) => p.article === a.number).map(publicComment) })),
  };
}

/** What anyone may see of a comment: never its moderation notes or report count. */
export function publicComment(c: Comment) {
  return {
    id: c.id,
    article: c.article,
    stance: c.stance,
    text: c.text,
    ...(c.name && { name: c.name }),
    ...(c.village && { village: c.village }),
    source: c.source,
    ...(c.gatheredOn && { gatheredOn: c.gatheredOn }),
    ...(c.response && { response: c.response }),
  };
}

const forCommittee = (c: Comment) => ({ ...publicComment(c), status: c.status, ...(c.reason && { reason: c.reason }), reports: c.reports });

/** A spreadsheet cell that starts like a formula is written as text (CSV injection). */
const cell = (value: string | number | undefined) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? ''));

export function consultationsRoutes({ consultations, accounts, content, publicOrigin, trust }: ConsultationDeps) {
  const router = createRouter();
  // Before validation, so a flood of bad comments (or of reports) is limited too.
  router.post('/:id/comments', perClient(trust, (client) => consultations.clientWait(client), 'comments'));
  router.post('/:id/comments/:cid/report', perClient(trust, (client) => consultations.reportWait(client), 'reports'));
  for (const path of ['/', '/:id', '/:id/report', '/:id/comments.csv']) router.use(path, etag());
  const found = async (idValue: string) => {
    const c = await consultations.get(idValue);
    if (!c) throw new ApiError(404, 'not_found', `No consultation ${idValue}.`);
    return c;
  };
  return router
    .openapi(feedRoute, async (c) => {
      c.header('Content-Type', 'application/rss+xml; charset=utf-8');
      return c.body(await consultationFeed(consultations, content, originOf(publicOrigin, c.req.url)));
    })
    .openapi(listRoute, async (c) =>
      c.json({ consultations: (await consultations.list()).map((x) => ({ id: x.id, url: href('zh', `consultations/${x.id}/`), convention: x.convention, title: x.title, opens: x.opens, closes: x.closes, status: consultations.status(x) })) }, 200),
    )
    .openapi(createRouteDef, async (c) => {
      const created = await consultations.create(await requireUser(accounts, c), c.req.valid('json'));
      return c.json({ id: created.id, url: href('zh', `consultations/${created.id}/`), status: consultations.status(created) }, 201);
    })
    .openapi(getRoute, async (c) => c.json(await consultationView(consultations, await found(c.req.valid('param').id)), 200))
    .openapi(commentRoute, async (c) => {
      const result = await consultations.comment(c.req.valid('param').id, c.req.valid('json'));
      return c.json(result as { id: string; status: 'pending' | 'approved' }, 202);
    })
    .openapi(gatheredRoute, async (c) => c.json(publicComment(await consultations.gathered(await requireUser(accounts, c), c.req.valid('param').id, c.req.valid('json'))), 201))
    .openapi(moderationRoute, async (c) => {
      const { id: consultation, cid: comment } = c.req.valid('param');
      const { decision, reason } = c.req.valid('json');
      return c.json(forCommittee(await consultations.moderate(await requireUser(accounts, c), consultation, comment, decision, reason)), 200);
    })
    .openapi(responseRoute, async (c) => {
      const { id: consultation, cid: comment } = c.req.valid('param');
      const { outcome, reason } = c.req.valid('json');
      return c.json(forCommittee(await consultations.respond(await requireUser(accounts, c), consultation, comment, outcome, reason)), 200);
    })
    .openapi(adoptionRoute, async (c) => {
      const adopted = await consultations.adopt(await requireUser(accounts, c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ id: adopted.id, status: 'adopted' as const, convention: adopted.convention, version: href('zh', `conventions/${adopted.convention}/`) }, 200);
    })
    .openapi(reportCommentRoute, async (c) => {
      const { id: consultation, cid: comment } = c.req.valid('param');
      await consultations.report(consultation, comment);
      return c.json({ reported: true as const }, 202);
    })
    .openapi(queueRoute, async (c) => {
      const queue = await consultations.queue(await requireUser(accounts, c), c.req.valid('param').id);
      return c.json({ pending: queue.pending.map(forCommittee), reported: queue.reported.map(forCommittee) }, 200);
    })
    .openapi(reportRoute, async (c) => c.json(await consultations.summary(c.req.valid('param').id), 200))
    .openapi(csvRoute, async (c) => {
      const consultation = await found(c.req.valid('param').id);
      const rows = (await consultations.published(consultation.id)).map((p) => [p.id, p.article, p.stance, cell(p.text), cell(p.village), p.source, p.gatheredOn ?? '', p.response?.outcome ?? '', cell(p.response?.reason)]);
      const csv = stringify(rows, { header: true, columns: ['id', 'article', 'stance', 'text', 'village', 'source', 'gathered_on', 'outcome', 'outcome_reason'] });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="consultation-${consultation.id}-comments.csv"`);
      return c.body(`\uFEFF${csv}`);
    });
}
