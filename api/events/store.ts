import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { slug } from '../../content/schemas/index.ts';
import type { User } from './accounts.ts';
import type { Db } from './db.ts';
import { renderMarkdown } from './render.ts';

export const AUDIENCES = ['elderly', 'children', 'families', 'everyone'] as const;
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'expected a date and time with its offset, e.g. 2026-12-05T09:30:00+08:00')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a real date and time');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The event body of POST /api/events (PATCH takes any subset). Titles and descriptions: zh required, en optional. */
export const eventInput = z.strictObject({
  center: slug.optional(),
  title: z.strictObject({ zh: text(120), en: text(120).optional() }),
  description: z.strictObject({ zh: text(5000), en: text(5000).optional() }),
  start: dateTime,
  end: dateTime,
  audience: z.array(z.enum(AUDIENCES)).min(1).max(4),
  place: text(200).optional(),
  capacity: z.number().int().min(1).max(100_000).optional(),
  accessibility: text(500).optional(),
});
export const eventPatch = eventInput.partial();
export type EventInput = z.infer<typeof eventInput>;

export interface EventRecord {
  id: string;
  center: string;
  title: { zh: string; en?: string };
  description: { zh: string; en?: string };
  descriptionHtml: { zh: string; en?: string };
  start: string;
  end: string;
  audience: (typeof AUDIENCES)[number][];
  place?: string;
  capacity?: number;
  accessibility?: string;
  status: 'scheduled' | 'cancelled';
  url: string;
  updatedAt: string;
}

function fromRow(r: Record<string, unknown>): EventRecord {
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
    status: r.status as EventRecord['status'],
    url: `/zh/events/${r.id as string}/`,
    updatedAt: r.updated_at as string,
  };
}

export interface AuditEntry {
  at: string;
  action: string;
  eventId: string | null;
  /** The request body as JSON (for account actions, the account). */
  detail: string | null;
  username: string | null;
}

export interface EventQuery {
  from?: string;
  to?: string;
  center?: string;
  audience?: string;
  includeCancelled?: boolean;
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
  constructor(private readonly db: Db) {}

  /** One line in the audit log: who did what to which event (or account), and when. */
  audit(user: User, action: string, eventId: string | null, detail: unknown) {
    this.db.prepare('INSERT INTO audit (at, user_id, action, event_id, detail) VALUES (?, ?, ?, ?, ?)').run(new Date().toISOString(), user.id, action, eventId, JSON.stringify(detail));
  }

  create(user: User, center: string, input: EventInput): EventRecord {
    const id = randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO events (id, center, title_zh, title_en, description_zh, description_en, start, end, audience, place, capacity, accessibility, status, created_by, created_at, updated_at)
           VALUES (@id, @center, @title_zh, @title_en, @description_zh, @description_en, @start, @end, @audience, @place, @capacity, @accessibility, 'scheduled', @created_by, @now, @now)`,
        )
        .run({ id, now, created_by: user.id, ...columns(center, input) });
      this.audit(user, 'create', id, input);
    })();
    return this.get(id)!;
  }

  update(user: User, id: string, patch: Partial<EventInput>): EventRecord {
    const current = this.get(id)!;
    const merged: EventInput = { ...current, ...patch, title: patch.title ?? current.title, description: patch.description ?? current.description };
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE events SET center = @center, title_zh = @title_zh, title_en = @title_en, description_zh = @description_zh, description_en = @description_en,
             start = @start, end = @end, audience = @audience, place = @place, capacity = @capacity, accessibility = @accessibility, updated_at = @now WHERE id = @id`,
        )
        .run({ id, now: new Date().toISOString(), ...columns(patch.center ?? current.center, merged) });
      this.audit(user, 'update', id, patch);
    })();
    return this.get(id)!;
  }

  /** Cancelled events are kept and shown as cancelled. */
  cancel(user: User, id: string): EventRecord {
    this.db.transaction(() => {
      this.db.prepare("UPDATE events SET status = 'cancelled', updated_at = ? WHERE id = ?").run(new Date().toISOString(), id);
      this.audit(user, 'cancel', id, null);
    })();
    return this.get(id)!;
  }

  get(id: string): EventRecord | undefined {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row && fromRow(row);
  }

  list(q: EventQuery = {}): EventRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!q.includeCancelled) where.push("status = 'scheduled'");
    if (q.from) (where.push('end >= ?'), params.push(q.from));
    if (q.to) (where.push('start <= ?'), params.push(q.to));
    if (q.center) (where.push('center = ?'), params.push(q.center));
    if (q.audience) (where.push('audience LIKE ?'), params.push(`%"${q.audience}"%`));
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start LIMIT 500`;
    return this.db.prepare(sql).all(...params).map((r) => fromRow(r as Record<string, unknown>));
  }

  auditLog(limit = 100): AuditEntry[] {
    return this.db
      .prepare('SELECT audit.at, audit.action, audit.event_id AS eventId, audit.detail, users.username FROM audit LEFT JOIN users ON users.id = audit.user_id ORDER BY audit.id DESC LIMIT ?')
      .all(limit) as AuditEntry[];
  }
}
