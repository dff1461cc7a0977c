// What centre staff can do with events — publish, edit, cancel — with the rules that guard it, in
// one place: the JSON API and the staff pages (forms that work without JavaScript) both call this.
// Search follows every change within the same request.
import type { Content } from '../../content/loader.ts';
import type { SearchEngine } from '../../search/index.ts';
import type { Audit, User } from '../accounts/index.ts';
import { ApiError, href, isUnavailable, log, type Db } from '../core/index.ts';
import { eventDocuments } from './documents.ts';
import type { EventInput, EventRecord, StoredEvent } from './schema.ts';
import { EventStore, EVENTS_TOPIC, readNotice, type EventQuery } from './store.ts';

/** A stored event with the address of its page. */
const withPage = (e: StoredEvent): EventRecord => ({ ...e, url: href('zh', `events/${e.id}/`) });

export class EventService {
  private readonly store: EventStore;
  /** Grows with every change this process indexes (its own or another's): what is built from the events (a calendar) is current while it stays the same. */
  version = 0;
  /** The sequence of each event as last indexed here: a late notice of an older change is skipped. */
  private readonly indexed = new Map<string, number>();

  constructor(private readonly db: Db, audit: Audit, private readonly content: Content, private readonly search: SearchEngine) {
    this.store = new EventStore(db, audit);
  }

  /**
   * Indexes every stored event, then follows the changes any process makes (LISTEN/NOTIFY on
   * PostgreSQL): within a moment of a commit elsewhere, this process's search has it too. When
   * notifications may have been missed (the listening connection was lost), everything is read again.
   */
  async follow(): Promise<number> {
    const docs = await this.documents();
    await this.search.index(docs);
    await this.db.listen(
      EVENTS_TOPIC,
      (payload) => {
        // This process's own changes are indexed by the request that made them.
        const { id, sequence, own } = readNotice(payload);
        if (!own && (this.indexed.get(id) ?? -1) < sequence) void this.refresh(id);
      },
      () => void this.resync(),
    );
    return docs.length;
  }

  /** Brings this process's search up to date with one stored event. */
  private async refresh(id: string): Promise<void> {
    try {
      const event = await this.store.get(id);
      if (event) await this.reindex(event);
    } catch (error) {
      log(`events: could not follow a change to ${id}: ${(error as Error).message}`);
    }
  }

  private async resync(): Promise<void> {
    try {
      for (const event of await this.store.list({ includeCancelled: true })) await this.reindex(event);
    } catch (error) {
      log(`events: could not read the events again: ${(error as Error).message}`);
    }
  }

  /** Published events (cancelled ones too with `includeCancelled`), by start. */
  async list(query: EventQuery = {}): Promise<EventRecord[]> {
    return (await this.store.list(query)).map(withPage);
  }

  /**
   * For pages that show events beside other things (the home page, a centre's page, the list):
   * the events, or undefined while the store does not answer, so the page still serves.
   */
  async shown(query: EventQuery = {}): Promise<EventRecord[] | undefined> {
    try {
      return await this.list(query);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      log(`events: the store does not answer (${(error as Error).message}); pages show none`);
      return undefined;
    }
  }

  async get(id: string): Promise<EventRecord | undefined> {
    const event = await this.store.get(id);
    return event && withPage(event);
  }

  /** The centres a user may publish for: their own, or every centre for an admin. */
  centres(user: User): string[] {
    if (user.role === 'admin') return [...this.content.services.keys()];
    return user.center ? [user.center] : [];
  }

  /** The events a user looks after, cancelled and past ones included, by start. */
  async eventsFor(user: User): Promise<EventRecord[]> {
    return (await this.store.list({ includeCancelled: true, ...(user.role === 'admin' ? {} : { center: user.center ?? '-' }) })).map(withPage);
  }

  /** An event the user may change: 404 when there is none, 403 when it is another centre's. */
  async editable(user: User, id: string): Promise<EventRecord> {
    const event = await this.store.get(id);
    if (!event) throw new ApiError(404, 'not_found', `No event ${id}.`);
    if (user.role !== 'admin' && event.center !== user.center) throw new ApiError(403, 'forbidden', 'You can only change your own centre’s events.');
    return withPage(event);
  }

  async create(user: User, input: EventInput): Promise<EventRecord> {
    const center = this.allowedCentre(user, input.center ?? user.center ?? undefined);
    checkTimes(input.start, input.end);
    return this.reindex(await this.store.create(user, center, input));
  }

  async update(user: User, id: string, patch: Partial<EventInput>): Promise<EventRecord> {
    const current = await this.editable(user, id);
    if (patch.center) this.allowedCentre(user, patch.center);
    checkTimes(patch.start ?? current.start, patch.end ?? current.end);
    return this.reindex(await this.store.update(user, id, patch));
  }

  /** Cancelled events are kept and shown as cancelled; search drops them. */
  async cancel(user: User, id: string): Promise<EventRecord> {
    await this.editable(user, id);
    return this.reindex(await this.store.cancel(user, id));
  }

  /** The search documents of every event that is not cancelled, for the index at start-up. */
  async documents(): Promise<ReturnType<typeof eventDocuments>> {
    return eventDocuments(this.content, await this.store.list());
  }

  private allowedCentre(user: User, center: string | undefined): string {
    if (!center || !this.content.services.has(center)) throw new ApiError(400, 'invalid_request', 'Unknown centre.', { center: 'no such centre' });
    if (user.role !== 'admin' && center !== user.center) throw new ApiError(403, 'forbidden', 'You can only publish for your own centre.', { center: 'not your centre' });
    return center;
  }

  /** Search follows the store; a search failure is logged and does not undo the saved write. */
  private async reindex(stored: StoredEvent): Promise<EventRecord> {
    this.version += 1;
    this.indexed.set(stored.id, Math.max(stored.sequence, this.indexed.get(stored.id) ?? -1));
    const event = withPage(stored);
    const docs = eventDocuments(this.content, [event]);
    try {
      if (event.status === 'cancelled') await this.search.remove(docs.map((d) => d.id));
      else await this.search.index(docs);
    } catch (error) {
      log(`search: could not update event ${event.id}: ${(error as Error).message}`);
    }
    return event;
  }
}

function checkTimes(start: string, end: string) {
  if (Date.parse(end) <= Date.parse(start)) throw new ApiError(400, 'invalid_request', 'The event must end after it starts.', { end: 'must be after start' });
}
