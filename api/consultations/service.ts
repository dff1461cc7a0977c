// Consultations on draft conventions (征求意见): a committee opens one on its convention with a
// window; residents comment per article without an account (nothing personal kept: ID-card and
// phone numbers are removed as the bot removes them); the committee moderates, adds opinions from
// meetings and visits, and responds to each; the report counts them. All in the runtime store,
// on either engine; each committee action in the audit log.
import { randomBytes } from 'node:crypto';
import type { Content } from '../../content/loader.ts';
import type { Audit, User } from '../accounts/index.ts';
import { ApiError, isUnavailable, Limiter, log, redact, type Db, type DistrictClock } from '../core/index.ts';

export const CONSULTATIONS_TOPIC = 'consultations';
import { compareArticles, type ComparedArticle } from './compare.ts';
import type { SearchEngine } from '../../search/index.ts';
import type { AdoptionInput, CommentInput, ConsultationInput, ConsultationStatus, DraftArticle, Outcome, Source, Stance } from './schema.ts';
import { CONVENTIONS_TOPIC, ConventionVersions, VERSIONS_ORIGIN, type Version } from './versions.ts';

export interface Consultation {
  id: string;
  convention: string;
  title: { zh: string; en?: string };
  summary: { zh: string; en?: string };
  opens: string;
  closes: string;
  articles: DraftArticle[];
  premoderated: boolean;
  /** Once the assembly has voted: the version it made, with its statutory record. */
  adoption?: Version;
  createdAt: string;
  updatedAt: string;
}

export interface Comment {
  id: string;
  consultation: string;
  article: number;
  stance: Stance;
  text: string;
  name?: string;
  village?: string;
  source: Source;
  gatheredOn?: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  reports: number;
  response?: { outcome: Outcome; reason: string };
  createdAt: string;
}

interface ConsultationRow {
  id: string;
  convention: string;
  title: string;
  summary: string;
  opens: string;
  closes: string;
  articles: string;
  premoderated: number | boolean;
  adoption: string | null;
  created_at: string;
  updated_at: string;
}

interface CommentRow {
  id: string;
  consultation_id: string;
  article: number;
  stance: Stance;
  text: string;
  name: string | null;
  village: string | null;
  source: Source;
  gathered_on: string | null;
  status: Comment['status'];
  reason: string | null;
  reports: number;
  outcome: Outcome | null;
  outcome_reason: string | null;
  created_at: string;
}

const toConsultation = (r: ConsultationRow): Consultation => ({
  id: r.id,
  convention: r.convention,
  title: JSON.parse(r.title),
  summary: JSON.parse(r.summary),
  opens: r.opens,
  closes: r.closes,
  articles: JSON.parse(r.articles),
  premoderated: Boolean(Number(r.premoderated)),
  ...(r.adoption && { adoption: JSON.parse(r.adoption) as Version }),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  consultation: r.consultation_id,
  article: Number(r.article),
  stance: r.stance,
  text: r.text,
  ...(r.name && { name: r.name }),
  ...(r.village && { village: r.village }),
  source: r.source,
  ...(r.gathered_on && { gatheredOn: r.gathered_on }),
  status: r.status,
  ...(r.reason && { reason: r.reason }),
  reports: Number(r.reports),
  ...(r.outcome && { response: { outcome: r.outcome, reason: r.outcome_reason ?? '' } }),
  createdAt: r.created_at,
});

const newId = () => randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');

/** What a resident wrote, with ID-card and phone numbers taken out (as the bot and the logs do). */
const scrub = (text: string | undefined) => (text === undefined ? undefined : redact(text).trim() || undefined);

/** How many comments one client may send in ten minutes, and one consultation take in an hour. */
export const COMMENT_LIMITS = { perClient: 10, perConsultation: 600, reportsPerClient: 30 };

export class ConsultationService {
  private readonly perClient: Limiter;
  private readonly perConsultation: Limiter;
  private readonly reports: Limiter;
  /** Adopted drafts laid over content/conventions. */
  readonly versions: ConventionVersions;

  constructor(private readonly db: Db, private readonly audit: Audit, private readonly content: Content, private readonly clock: DistrictClock, search: SearchEngine, limits: Partial<typeof COMMENT_LIMITS> = {}) {
    this.versions = new ConventionVersions(db, content, search);
    this.perClient = new Limiter(limits.perClient ?? COMMENT_LIMITS.perClient, 600, { db, name: 'comment-client' });
    this.perConsultation = new Limiter(limits.perConsultation ?? COMMENT_LIMITS.perConsultation, 3600, { db, name: 'comment-consultation' });
    this.reports = new Limiter(limits.reportsPerClient ?? COMMENT_LIMITS.reportsPerClient, 600, { db, name: 'report-client' });
  }

  private readonly listeners: (() => Promise<void>)[] = [];

  /** Calls `listener` when a consultation is opened or adopted, here or in another process (search and the bot re-read them). */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Follows the consultations other processes open, and the adoptions they record. */
  async follow(): Promise<number> {
    await this.db.listen(CONSULTATIONS_TOPIC, (payload) => {
      if (payload !== VERSIONS_ORIGIN) void this.announce();
    });
    await this.announce();
    return (await this.versions.follow());
  }

  private async announce(): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener();
      } catch (error) {
        log(`consultations: could not refresh search or the bot: ${(error as Error).message}`);
      }
    }
  }

  /** Counts one comment from a client (the API and the page's form alike, before anything is read): the seconds to wait, or 0. */
  async clientWait(client: string): Promise<number> {
    return this.perClient.take(client);
  }

  /** Counts one report of a comment from a client (its own budget, apart from comments): the seconds to wait, or 0. */
  async reportWait(client: string): Promise<number> {
    return this.reports.take(client);
  }

  /** Whether a user looks after a convention: its committee, or a district admin. */
  mayManage(user: User, convention: string): boolean {
    return user.role === 'admin' || user.convention === convention;
  }

  /** Where a consultation stands on `day` (district time). */
  status(c: Consultation, day = this.clock.day()): ConsultationStatus {
    if (c.adoption) return 'adopted';
    if (day < c.opens) return 'upcoming';
    if (day > c.closes) return 'closed';
    return 'open';
  }

  async create(user: User, input: ConsultationInput): Promise<Consultation> {
    if (!this.content.conventions.has(input.convention)) throw new ApiError(400, 'invalid_request', `No convention ${input.convention}.`, { convention: 'no such convention' });
    if (!this.mayManage(user, input.convention)) throw new ApiError(403, 'forbidden', 'Only the convention’s own committee (or a district administrator) can open a consultation on it.');
    const id = newId();
    const now = new Date().toISOString();
    await this.db.transaction(async (q) => {
      await q.run(
        'INSERT INTO consultations (id, convention, title, summary, opens, closes, articles, premoderated, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, input.convention, JSON.stringify(input.title), JSON.stringify(input.summary), input.opens, input.closes, JSON.stringify(input.articles), input.premoderated ? 1 : 0, user.id, now, now],
      );
      await this.audit.record(user, 'consultation-open', null, { consultation: id, convention: input.convention, opens: input.opens, closes: input.closes }, q);
      await q.notify(CONSULTATIONS_TOPIC, VERSIONS_ORIGIN);
    });
    await this.announce();
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Consultation | undefined> {
    const row = await this.db.one<ConsultationRow>('SELECT * FROM consultations WHERE id = ?', [id]);
    return row && toConsultation(row);
  }

  /** Every consultation, the newest first; of one convention with `convention`. */
  async list(convention?: string): Promise<Consultation[]> {
    const rows = convention
      ? await this.db.all<ConsultationRow>('SELECT * FROM consultations WHERE convention = ? ORDER BY created_at DESC', [convention])
      : await this.db.all<ConsultationRow>('SELECT * FROM consultations ORDER BY created_at DESC');
    return rows.map(toConsultation);
  }

  /** What pages list: every consultation (of one convention), or none while the store does not answer (the page still loads). */
  async shown(convention?: string): Promise<Consultation[]> {
    try {
      return await this.list(convention);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      log(`consultations: the store does not answer (${(error as Error).message}); pages show none`);
      return [];
    }
  }

  /** The draft beside the text in force, article by article. */
  compared(c: Consultation): ComparedArticle[] {
    const versions = this.content.conventions.get(c.convention)?.versions ?? [];
    // Once adopted, against the version it replaced.
    const made = versions.findIndex((v) => v.procedure.some((s) => s.consultation === c.id));
    return compareArticles((made > 0 ? versions[made - 1] : made === 0 ? undefined : versions.at(-1))?.articles ?? [], c.articles);
  }

  private async found(id: string): Promise<Consultation> {
    const c = await this.get(id);
    if (!c) throw new ApiError(404, 'not_found', `No consultation ${id}.`);
    return c;
  }

  private articleIn(c: Consultation, article: number): void {
    if (!this.compared(c).some((a) => a.number === article)) throw new ApiError(400, 'invalid_request', `The draft has no article ${article}.`, { article: 'no such article in the draft or the text in force' });
  }

  /**
   * A resident's comment: 409 outside the window, 429 past the consultation's limit (each client's
   * is the route's); stored (before the answer)
   * with no ID-card or phone number; awaiting review when the consultation is premoderated.
   */
  async comment(id: string, input: CommentInput): Promise<{ id: string; status: Comment['status'] }> {
    const c = await this.found(id);
    const status = this.status(c);
    if (status !== 'open') {
      throw new ApiError(409, status === 'upcoming' ? 'not_open_yet' : 'closed', status === 'upcoming' ? `Comments open on ${c.opens}.` : `Comments closed on ${c.closes}.`);
    }
    this.articleIn(c, input.article);
    // A robot filled the hidden field: it is told what a person is told, and nothing is kept.
    if (input.website) return { id: newId(), status: 'pending' };
    const wait = await this.perConsultation.take(id);
    if (wait > 0) throw new ApiError(429, 'rate_limited', `This consultation is taking a great many comments; please try again in ${wait} seconds.`);
    const comment = { id: newId(), status: c.premoderated ? ('pending' as const) : ('approved' as const) };
    await this.db.run(
      'INSERT INTO consultation_comments (id, consultation_id, article, stance, text, name, village, source, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [comment.id, id, input.article, input.stance, scrub(input.text) ?? '…', scrub(input.name) ?? null, scrub(input.village) ?? null, 'online', comment.status, new Date().toISOString()],
    );
    return comment;
  }

  /** Opinions a committee member gathered at a meeting or a visit: counted with the rest, published at once. */
  async gathered(user: User, id: string, input: { article: number; stance: Stance; text: string; source: 'meeting' | 'visit'; on: string; village?: string }): Promise<Comment> {
    const c = await this.managed(user, id);
    this.articleIn(c, input.article);
    const cid = newId();
    await this.db.transaction(async (q) => {
      await q.run(
        'INSERT INTO consultation_comments (id, consultation_id, article, stance, text, village, source, gathered_on, status, moderated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [cid, id, input.article, input.stance, scrub(input.text) ?? '…', scrub(input.village) ?? null, input.source, input.on, 'approved', new Date().toISOString(), new Date().toISOString()],
      );
      await this.audit.record(user, 'consultation-gathered', null, { consultation: id, comment: cid, source: input.source, on: input.on }, q);
    });
    return (await this.commentOf(id, cid))!;
  }

  private async managed(user: User, id: string): Promise<Consultation> {
    const c = await this.found(id);
    if (!this.mayManage(user, c.convention)) throw new ApiError(403, 'forbidden', 'Only the convention’s own committee (or a district administrator) can do this.');
    return c;
  }

  async commentOf(id: string, cid: string): Promise<Comment | undefined> {
    const row = await this.db.one<CommentRow>('SELECT * FROM consultation_comments WHERE consultation_id = ? AND id = ?', [id, cid]);
    return row && toComment(row);
  }

  private async commentFound(id: string, cid: string): Promise<Comment> {
    const comment = await this.commentOf(id, cid);
    if (!comment) throw new ApiError(404, 'not_found', `No comment ${cid} in consultation ${id}.`);
    return comment;
  }

  /** Approve, or reject with a reason. */
  async moderate(user: User, id: string, cid: string, decision: 'approve' | 'reject', reason?: string): Promise<Comment> {
    await this.managed(user, id);
    await this.commentFound(id, cid);
    await this.db.transaction(async (q) => {
      await q.run('UPDATE consultation_comments SET status = ?, reason = ?, moderated_at = ? WHERE id = ?', [decision === 'approve' ? 'approved' : 'rejected', reason ?? null, new Date().toISOString(), cid]);
      await this.audit.record(user, `consultation-${decision}`, null, { consultation: id, comment: cid, reason }, q);
    });
    return (await this.commentOf(id, cid))!;
  }

  /** 采纳 / 部分采纳 / 未采纳, and why: shown under the comment and in the report. */
  async respond(user: User, id: string, cid: string, outcome: Outcome, reason: string): Promise<Comment> {
    await this.managed(user, id);
    const comment = await this.commentFound(id, cid);
    if (comment.status !== 'approved') throw new ApiError(409, 'not_published', 'Approve the comment before responding to it.');
    await this.db.transaction(async (q) => {
      await q.run('UPDATE consultation_comments SET outcome = ?, outcome_reason = ?, responded_at = ? WHERE id = ?', [outcome, reason, new Date().toISOString(), cid]);
      await this.audit.record(user, 'consultation-response', null, { consultation: id, comment: cid, outcome }, q);
    });
    return (await this.commentOf(id, cid))!;
  }

  /**
   * Records the assembly's vote and the statutory steps after it (the consultation must have
   * closed): the draft becomes the convention's version in force, here at once and in every process.
   */
  async adopt(user: User, id: string, input: AdoptionInput): Promise<Consultation> {
    const c = await this.managed(user, id);
    const status = this.status(c);
    if (status === 'adopted') throw new ApiError(409, 'adopted', 'This draft has already been adopted.');
    if (status !== 'closed') throw new ApiError(409, 'still_open', `Record the vote once the consultation has closed (it closes on ${c.closes}).`);
    if (input.review.on < c.closes) throw new ApiError(400, 'invalid_request', 'The review comes after the consultation.', { 'review.on': `on or after ${c.closes}, the day the consultation closed` });
    const year = input.inForce.slice(0, 4);
    const both = (text: { zh: string; en?: string }) => ({ zh: text.zh, en: text.en ?? text.zh });
    const { vote } = input;
    const version: Version = {
      label: input.label ? both(input.label) : { zh: `${year}年修订`, en: `${year} revision` },
      procedure: [
        { step: 'opinions', date: c.closes, consultation: id },
        { step: 'legality-review', date: input.review.on, ...(input.review.by && { note: both({ zh: input.review.by }) }) },
        { step: 'assembly-vote', date: vote.on, note: vote.body === 'assembly' ? { zh: '村民会议', en: 'Villagers’ assembly' } : { zh: '村民代表会议', en: 'Villagers’ representatives' }, votes: { present: vote.present, for: vote.for, against: vote.against, abstain: vote.abstain } },
        { step: 'filed', date: input.filed.on, ...(input.filed.with && { note: both({ zh: input.filed.with }) }) },
        { step: 'published', date: input.published.on },
        { step: 'in-force', date: input.inForce },
      ],
      articles: c.articles.map((a) => ({ number: a.number, part: a.section, ...(a.title && { topic: both(a.title) }), text: both(a.text) })),
    };
    await this.db.transaction(async (q) => {
      await q.run('UPDATE consultations SET adoption = ?, updated_at = ? WHERE id = ?', [JSON.stringify(version), new Date().toISOString(), id]);
      await this.audit.record(user, 'consultation-adopt', null, { consultation: id, convention: c.convention, inForce: input.inForce, votes: version.procedure[2]!.votes }, q);
      await q.notify(CONVENTIONS_TOPIC, `${c.convention} ${VERSIONS_ORIGIN}`);
      await q.notify(CONSULTATIONS_TOPIC, VERSIONS_ORIGIN);
    });
    await this.versions.apply(c.convention);
    await this.announce();
    return (await this.get(id))!;
  }

  /** Any reader flags a published comment for the committee to look at again. */
  async report(id: string, cid: string): Promise<void> {
    const comment = await this.commentFound(id, cid);
    if (comment.status !== 'approved') throw new ApiError(404, 'not_found', `No published comment ${cid}.`);
    await this.db.run('UPDATE consultation_comments SET reports = reports + 1 WHERE id = ?', [cid]);
  }

  /** The published comments (approved, and those gathered at meetings), oldest first. */
  async published(id: string): Promise<Comment[]> {
    return (await this.db.all<CommentRow>("SELECT * FROM consultation_comments WHERE consultation_id = ? AND status = 'approved' ORDER BY created_at, id", [id])).map(toComment);
  }

  /** The committee's queue: comments awaiting review, oldest first, then reported ones. */
  async queue(user: User, id: string): Promise<{ pending: Comment[]; reported: Comment[] }> {
    await this.managed(user, id);
    const rows = (await this.db.all<CommentRow>('SELECT * FROM consultation_comments WHERE consultation_id = ? ORDER BY created_at, id', [id])).map(toComment);
    return { pending: rows.filter((r) => r.status === 'pending'), reported: rows.filter((r) => r.status === 'approved' && r.reports > 0) };
  }

  /** 意见采纳情况: how many opinions, per article and stance, online and from meetings, and what became of them. */
  async summary(id: string) {
    await this.found(id);
    const comments = await this.published(id);
    const count = (list: Comment[]) => ({ total: list.length, support: list.filter((c) => c.stance === 'support').length, oppose: list.filter((c) => c.stance === 'oppose').length, suggest: list.filter((c) => c.stance === 'suggest').length });
    const articles = [...new Set(comments.map((c) => c.article))].sort((a, b) => a - b);
    const { total: _total, ...byStance } = count(comments);
    return {
      total: comments.length,
      online: comments.filter((c) => c.source === 'online').length,
      meeting: comments.filter((c) => c.source !== 'online').length,
      byArticle: Object.fromEntries(articles.map((a) => [String(a), count(comments.filter((c) => c.article === a))])),
      byStance,
      adopted: comments.filter((c) => c.response?.outcome === 'adopted').length,
      partly: comments.filter((c) => c.response?.outcome === 'partly').length,
      notAdopted: comments.filter((c) => c.response?.outcome === 'not_adopted').length,
      responses: comments.flatMap((c) => (c.response ? [{ comment: c.id, article: c.article, outcome: c.response.outcome, reason: c.response.reason }] : [])),
    };
  }
}
