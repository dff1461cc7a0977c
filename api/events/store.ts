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
    ...(r.capacity ? { capacity: r.capacity as number } : {}),
    ...(r.accessibility ? { accessibility: r.accessibility as string } : {}),
    status: r.status as StoredEvent['status'],
    updatedAt: r.updated_at as string,
    sequence: r.sequence as number,
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

/** The columns an event's fields are stored in (shared by insert and update). */
function columns(center: string, e: EventInput) {
  return {
    center,
    title_zh: e.title.zh, title_en: e.title.en ?? null,
    description_zh: e.description.zh, description_en: e.description.en ?? null,
    start: e.start, end: e.end, audience: JSON.stringify(e.audience),
    place: e.place ?? null, capacity: e.capacity ?? null, accessibility: e.accessibility ?? null,
  };
}

/** Events in SQLite, every change written to the audit log in the same transaction. */
export class EventStore {
  constructor(private readonly db: Db, private readonly audit: Audit) {}

  create(user: User, center: string, input: EventInput): StoredEvent {
    const id = randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO events (id, center, title_zh, title_en, description_zh, description_en, start, end, audience, place, capacity, accessibility, status, created_by, created_at, updated_at)
           VALUES (@id, @center, @title_zh, @title_en, @description_zh, @description_en, @start, @end, @audience, @place, @capacity, @accessibility, 'scheduled', @created_by, @now, @now)`,
        )
        .run({ id, now, created_by: user.id, ...columns(center, input) });
      this.audit.record(user, 'create', id, input);
    })();
    return this.get(id)!;
  }

  update(user: User, id: string, patch: Partial<EventInput>): StoredEvent {
    const current = this.get(id)!;
    const merged: EventInput = { ...current, ...patch, title: patch.title ?? current.title, description: patch.description ?? current.description };
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE events SET center = @center, title_zh = @title_zh, title_en = @title_en, description_zh = @description_zh, description_en = @description_en,
             start = @start, end = @end, audience = @audience, place = @place, capacity = @capacity, accessibility = @accessibility, updated_at = @now, sequence = sequence + 1 WHERE id = @id`,
        )
        .run({ id, now: new Date().toISOString(), ...columns(patch.center ?? current.center, merged) });
      this.audit.record(user, 'update', id, patch);
    })();
    return this.get(id)!;
  }

  /** Cancelled events are kept and shown as cancelled. */
  cancel(user: User, id: string): StoredEvent {
    this.db.transaction(() => {
      this.db.prepare("UPDATE events SET status = 'cancelled', updated_at = ?, sequence = sequence + 1 WHERE id = ?").run(new Date().toISOString(), id);
      this.audit.record(user, 'cancel', id, null);
    })();
    return this.get(id)!;
  }

  get(id: string): StoredEvent | undefined {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row && fromRow(row);
  }

  list(q: EventQuery = {}): StoredEvent[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!q.includeCancelled) where.push("status = 'scheduled'");
    // Compared as moments, not strings: an event may be written with another offset than the query.
    if (q.from) (where.push('julianday(end) >= julianday(?)'), params.push(q.from));
    if (q.to) (where.push('julianday(start) <= julianday(?)'), params.push(q.to));
    if (q.center) (where.push('center = ?'), params.push(q.center));
    if (q.audience) (where.push('audience LIKE ?'), params.push(`%"${q.audience}"%`));
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY julianday(start), rowid LIMIT ?`;
    params.push(Math.min(q.limit ?? 500, 500));
    return this.db.prepare(sql).all(...params).map((r) => fromRow(r as Record<string, unknown>));
  }
}
