// Events in the runtime store. Every change is written to the audit log in the same transaction.
import { randomBytes } from 'node:crypto';
import type { Db } from '../core/index.ts';
import type { Audit, User } from '../accounts/index.ts';
import { renderMarkdown } from './render.ts';
import type { EventInput, StoredEvent } from './schema.ts';

function fromRow(r: Record<string, unknown>): StoredEvent {
  const descriptionEn = (r.description_en as string | null) ?? undefined;
  return {
    id: r.id as string,
    center: r.center as string,
    title: { zh: r.title_zh as string, ...(r.title_en ? { en: r.title_en as string } : {}) },
    description: { zh: r.description_zh as string, ...(descriptionEn ? { en: descriptionEn } : {}) },
    descriptionHtml: { zh: renderMarkdown(r.description_zh as string), ...(descriptionEn ? { en: renderMarkdown(descriptionEn) } : {}) },
    start: r.start as string,
    end: r.end as string,
    audience: JSON.parse(r.audience as string),
    ...(r.place ? { place: r.place as string } : {}),
    ...(r.capacity ? { capacity: Number(r.capacity) } : {}),
    ...(r.accessibility ? { accessibility: r.accessibility as string } : {}),
    status: r.status as StoredEvent['status'],
    updatedAt: r.updated_at as string,
    sequence: Number(r.sequence),
  };
}

export interface EventQuery {
  from?: string;
  to?: string;
  center?: string;
  audience?: string;
  includeCancelled?: boolean;
  /** At most this many, soonest first (500 at the most). */
  limit?: number;
}

/** The columns an event's fields are stored in, in the order of COLUMNS (shared by insert and update). */
function values(center: string, e: EventInput): unknown[] {
  return [
    center, e.title.zh, e.title.en ?? null, e.description.zh, e.description.en ?? null,
    e.start, e.end, JSON.stringify(e.audience), e.place ?? null, e.capacity ?? null, e.accessibility ?? null,
  ];
}
const COLUMNS = ['center', 'title_zh', 'title_en', 'description_zh', 'description_en', 'start', '"end"', 'audience', 'place', 'capacity', 'accessibility'];

/**
 * Events in the runtime store, on either engine. Every change is written to the audit log in the
 * same transaction, and announced (topic `events`, the event's id) to every process when it
 * commits. An edit reads the event it merges into with the row locked, so two processes editing
 * the same event at once apply one after the other: no lost update.
 */
export class EventStore {
  constructor(private readonly db: Db, private readonly audit: Audit) {}

  async create(user: User, center: string, input: EventInput): Promise<StoredEvent> {
    const id = randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
    const now = new Date().toISOString();
    await this.db.transaction(async (q) => {
      await q.run(
        `INSERT INTO events (id, ${COLUMNS.join(', ')}, status, created_by, created_at, updated_at)
         VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, 'scheduled', ?, ?, ?)`,
        [id, ...values(center, input), user.id, now, now],
      );
      await this.audit.record(user, 'create', id, input, q);
      await q.notify(EVENTS_TOPIC, notice(id, 0));
    });
    return (await this.get(id))!;
  }

  async update(user: User, id: string, patch: Partial<EventInput>): Promise<StoredEvent> {
    await this.db.transaction(async (q) => {
      const row = await q.one(`SELECT * FROM events WHERE id = ?${this.db.forUpdate}`, [id]);
      if (!row) return;
      const current = fromRow(row);
      const merged: EventInput = { ...current, ...patch, title: patch.title ?? current.title, description: patch.description ?? current.description };
      await q.run(
        `UPDATE events SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, sequence = sequence + 1 WHERE id = ?`,
        [...values(patch.center ?? current.center, merged), new Date().toISOString(), id],
      );
      await this.audit.record(user, 'update', id, patch, q);
      await q.notify(EVENTS_TOPIC, notice(id, current.sequence + 1));
    });
    return (await this.get(id))!;
  }

  /** Cancelled events are kept and shown as cancelled. */
  async cancel(user: User, id: string): Promise<StoredEvent> {
    await this.db.transaction(async (q) => {
      const row = await q.one<{ sequence: number }>("UPDATE events SET status = 'cancelled', updated_at = ?, sequence = sequence + 1 WHERE id = ? RETURNING sequence", [new Date().toISOString(), id]);
      await this.audit.record(user, 'cancel', id, null, q);
      if (row) await q.notify(EVENTS_TOPIC, notice(id, Number(row.sequence)));
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<StoredEvent | undefined> {
    const row = await this.db.one('SELECT * FROM events WHERE id = ?', [id]);
    return row && fromRow(row);
  }

  async list(q: EventQuery = {}): Promise<StoredEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const moment = (expr: string) => this.db.moment(expr);
    if (!q.includeCancelled) where.push("status = 'scheduled'");
    // Compared as moments, not strings: an event may be written with another offset than the query.
    if (q.from) (where.push(`${moment('"end"')} >= ${moment('?')}`), params.push(q.from));
    if (q.to) (where.push(`${moment('start')} <= ${moment('?')}`), params.push(q.to));
    if (q.center) (where.push('center = ?'), params.push(q.center));
    if (q.audience) (where.push('audience LIKE ?'), params.push(`%"${q.audience}"%`));
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${moment('start')}, created_at, id LIMIT ?`;
    params.push(Math.min(q.limit ?? 500, 500));
    return (await this.db.all(sql, params)).map(fromRow);
  }
}

/** The topic a changed event is announced on: its id, its sequence after the change, and which process made it. */
export const EVENTS_TOPIC = 'events';
/** This process, in the notices of the changes it makes (it indexes those itself, at once). */
const ORIGIN = randomBytes(6).toString('hex');
const notice = (id: string, sequence: number) => `${id} ${sequence} ${ORIGIN}`;

/** A notice read: the event, its sequence, and whether this process made the change. */
export function readNotice(payload: string): { id: string; sequence: number; own: boolean } {
  const [id = '', sequence = '0', origin = ''] = payload.split(' ');
  return { id, sequence: Number(sequence), own: origin === ORIGIN };
}
