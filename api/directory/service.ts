// Centres keeping their own entry true: a centre's staff (or the bureau's admin) change its facts;
// each change is in the store at once, in the audit log with the old and the new value, revertible
// by an admin, and laid over content/services for every reader in this process (pages, the API,
// the HSDS export, the self-check's office, search) and, through the store's notices, in every other.
import { randomBytes } from 'node:crypto';
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { Service } from '../../content/schemas/index.ts';
import type { SearchEngine } from '../../search/index.ts';
import type { Audit, User } from '../accounts/index.ts';
import { ApiError, log, type Db, type DistrictClock, type Queries } from '../core/index.ts';
import { serviceDocuments } from './documents.ts';
import { baseValue, FACT_FIELDS, withFacts, type Confirmed, type FactField, type FactsPatch } from './facts.ts';
import type { ServiceChange } from './hsds.ts';

export const SERVICES_TOPIC = 'services';
/** This process, in the notices of the changes it makes: it lays those over and indexes them itself, in the request. */
const ORIGIN = randomBytes(6).toString('hex');

/** One change in the log: which fact of which centre, from what to what. */
export interface FactChange {
  service: string;
  field: FactField;
  old: unknown;
  new: unknown;
}

interface ChangeRow {
  id: number;
  at: string;
  action: string;
  detail: string;
  role: string | null;
}

interface FactRow {
  service_id: string;
  field: string;
  value: string;
  confirmed_on: string;
  confirmed_by: 'centre' | 'bureau';
}

export class DirectoryService {
  /** Each service as content/services ships it, before any confirmed fact. */
  private readonly base = new Map<string, Service>();
  /** Each service's logged changes, oldest first (the HSDS metadata and `last_modified`). */
  private readonly history = new Map<string, ServiceChange[]>();
  /** Told of each service whose facts now read differently (the bot re-reads its passages). */
  private readonly listeners: ((id: string) => Promise<void>)[] = [];

  constructor(private readonly db: Db, private readonly audit: Audit, private readonly content: Content, private readonly search: SearchEngine, private readonly clock: DistrictClock) {
    for (const [id, s] of content.services) this.base.set(id, s);
  }

  /** Calls `listener` with each service whose facts change, here or in another process (and, at follow, each with any). */
  onChange(listener: (id: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Lays every confirmed fact over the YAML, and follows the changes other processes make. */
  async follow(): Promise<number> {
    const rows = await this.db.all<FactRow>('SELECT service_id, field, value, confirmed_on, confirmed_by FROM service_facts');
    const ids = new Set(rows.map((r) => r.service_id));
    for (const id of ids) this.apply(id, rows.filter((r) => r.service_id === id));
    for (const id of ids) for (const listener of this.listeners) await listener(id);
    await this.loadHistory();
    await this.search.index((['zh', 'en'] as const).flatMap((lang) => serviceDocuments(this.content, lang).filter((d) => ids.has(d.id.split(':')[2]!))));
    await this.db.listen(
      SERVICES_TOPIC,
      (payload) => {
        const [id = '', origin] = payload.split(' ');
        if (origin !== ORIGIN) void this.reload(id);
      },
      () => void Promise.all([...this.base.keys()].map((id) => this.reload(id))),
    );
    return rows.length;
  }

  /** The logged changes to one service, oldest first. */
  changes(id: string): readonly ServiceChange[] {
    return this.history.get(id) ?? [];
  }

  /** Whether a user may change a service: an admin any; a centre's staff their own centre (offices and the bureau are the admin's). */
  mayEdit(user: User, id: string): boolean {
    const s = this.base.get(id);
    if (!s) return false;
    if (user.role === 'admin') return true;
    return user.center === id && s.type !== 'civil-affairs-office' && s.type !== 'bureau';
  }

  /** Changes any subset of a service's facts: 404 for no such service, 403 for someone else's; the updated service. */
  async patch(user: User, id: string, patch: FactsPatch): Promise<Service> {
    if (!this.base.has(id)) throw new ApiError(404, 'not_found', `No centre or office ${id}.`);
    if (!this.mayEdit(user, id)) throw new ApiError(403, 'forbidden', 'You can only change your own centre’s entry (the bureau changes the township offices and its own).');
    const by = user.role === 'admin' ? 'bureau' : 'centre';
    const on = this.clock.day();
    await this.db.transaction(async (q) => {
      const current = await this.current(id, q);
      for (const field of FACT_FIELDS) {
        if (!(field in patch)) continue;
        const value = patch[field];
        await this.write(q, user, id, field, value, on, by);
        await this.audit.record(user, 'service-update', null, { service: id, field, old: current.get(field) ?? baseValue(this.base.get(id)!, field), new: value } satisfies FactChange, q);
      }
      await q.notify(SERVICES_TOPIC, `${id} ${ORIGIN}`);
    });
    await this.reload(id);
    return this.content.services.get(id)!;
  }

  /** Admins only: puts one logged change back (the old value; the YAML's when that is what it was); the service's id. */
  async revert(user: User, auditId: number): Promise<string> {
    if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only district administrators can revert a change.');
    const entry = await this.audit.entry(auditId);
    if (!entry || entry.action !== 'service-update' || !entry.detail) throw new ApiError(404, 'not_found', `No change ${auditId} to a centre’s entry.`, { change: 'no such change' });
    const change = JSON.parse(entry.detail) as FactChange;
    const base = this.base.get(change.service);
    if (!base) throw new ApiError(404, 'not_found', `No centre or office ${change.service}.`);
    await this.db.transaction(async (q) => {
      const current = await this.current(change.service, q);
      if (JSON.stringify(change.old) === JSON.stringify(baseValue(base, change.field))) {
        await q.run('DELETE FROM service_facts WHERE service_id = ? AND field = ?', [change.service, change.field]);
      } else {
        await this.write(q, user, change.service, change.field, change.old, this.clock.day(), 'bureau');
      }
      await this.audit.record(user, 'service-revert', null, { service: change.service, field: change.field, old: current.get(change.field) ?? baseValue(base, change.field), new: change.old, reverts: auditId }, q);
      await q.notify(SERVICES_TOPIC, `${change.service} ${ORIGIN}`);
    });
    await this.reload(change.service);
    return change.service;
  }

  private async current(id: string, q: Queries): Promise<Map<FactField, unknown>> {
    const rows = await q.all<FactRow>(`SELECT field, value FROM service_facts WHERE service_id = ?${this.db.forUpdate}`, [id]);
    return new Map(rows.map((r) => [r.field as FactField, JSON.parse(r.value)]));
  }

  private async write(q: Queries, user: User, id: string, field: FactField, value: unknown, on: string, by: 'centre' | 'bureau') {
    await q.run(
      `INSERT INTO service_facts (service_id, field, value, confirmed_on, confirmed_by, user_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id, field) DO UPDATE SET value = excluded.value, confirmed_on = excluded.confirmed_on, confirmed_by = excluded.confirmed_by, user_id = excluded.user_id, updated_at = excluded.updated_at`,
      [id, field, JSON.stringify(value), on, by, user.id, new Date().toISOString()],
    );
  }

  /** Reads every logged change to the directory (a district's few hundred) and files them by service. */
  private async loadHistory(): Promise<void> {
    const rows = await this.db.all<ChangeRow>(
      "SELECT audit.id, audit.at, audit.action, audit.detail, users.role FROM audit LEFT JOIN users ON users.id = audit.user_id WHERE audit.action IN ('service-update', 'service-revert') ORDER BY audit.id",
    );
    this.history.clear();
    for (const row of rows) {
      const detail = JSON.parse(row.detail) as FactChange;
      const change: ServiceChange = {
        entry: Number(row.id),
        at: row.at,
        action: row.action === 'service-revert' ? 'revert' : 'update',
        field: detail.field,
        old: detail.old,
        new: detail.new,
        by: row.action === 'service-update' && row.role !== 'admin' ? 'centre' : 'bureau',
      };
      this.history.set(detail.service, [...(this.history.get(detail.service) ?? []), change]);
    }
  }

  /** Reads one service's facts from the store and lays them over its YAML here; search and the change history follow. */
  private async reload(id: string): Promise<void> {
    try {
      this.apply(id, await this.db.all<FactRow>('SELECT service_id, field, value, confirmed_on, confirmed_by FROM service_facts WHERE service_id = ?', [id]));
      await this.loadHistory();
      const docs = (['zh', 'en'] as const).flatMap((lang) => serviceDocuments(this.content, lang).filter((d) => d.id === `${lang}:service:${id}`));
      await this.search.index(docs);
      for (const listener of this.listeners) await listener(id);
    } catch (error) {
      log(`directory: could not follow a change to ${id}: ${(error as Error).message}`);
    }
  }

  private apply(id: string, rows: FactRow[]): void {
    const base = this.base.get(id);
    if (!base) return;
    const facts = new Map<FactField, Confirmed>(rows.filter((r) => (FACT_FIELDS as string[]).includes(r.field)).map((r) => [r.field as FactField, { value: JSON.parse(r.value), on: r.confirmed_on, by: r.confirmed_by }]));
    this.content.services.set(id, facts.size > 0 ? withFacts(base, facts, (lang, key) => t(lang, `service.spoken.${key}`)) : base);
  }
}
