// Letters to the bureau: a resident writes (contact details sealed, and only if they want a
// personal reply); the township office of the letter's town (or the district's admin) answers,
// forwards, and publishes a publishable letter anonymised; the resident looks the reply up with
// a reference and a check code. Help requests go to the town's office at once, marked urgent.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Content } from '../../content/loader.ts';
import type { Audit, User } from '../accounts/index.ts';
import { ApiError, Limiter, log, redact, type Db, type Sealer } from '../core/index.ts';
import type { Kind, LetterInput } from './schema.ts';

export interface Letter {
  reference: string;
  kind: Kind;
  about?: string;
  town?: string;
  village?: string;
  text: string;
  publish: boolean;
  urgent: boolean;
  help?: { forWhom: 'self' | 'other'; urgency: string };
  hasContact: boolean;
  status: 'received' | 'answered';
  receivedAt: string;
  reply?: string;
  repliedAt?: string;
  published?: { text: string; reply: string; at: string };
}

interface Row {
  reference: string;
  code_hash: string;
  kind: Kind;
  about: string | null;
  town: string | null;
  village: string | null;
  text: string;
  contact: string | null;
  publish: number | boolean;
  urgent: number | boolean;
  help: string | null;
  status: Letter['status'];
  received_at: string;
  reply: string | null;
  replied_at: string | null;
  public_text: string | null;
  public_reply: string | null;
  published_at: string | null;
}

const toLetter = (r: Row): Letter => ({
  reference: r.reference,
  kind: r.kind,
  ...(r.about && { about: r.about }),
  ...(r.town && { town: r.town }),
  ...(r.village && { village: r.village }),
  text: r.text,
  publish: Boolean(Number(r.publish)),
  urgent: Boolean(Number(r.urgent)),
  ...(r.help && { help: JSON.parse(r.help) }),
  hasContact: r.contact !== null,
  status: r.status,
  receivedAt: r.received_at,
  ...(r.reply && { reply: r.reply }),
  ...(r.replied_at && { repliedAt: r.replied_at }),
  ...(r.published_at && { published: { text: r.public_text ?? '', reply: r.public_reply ?? '', at: r.published_at } }),
});

/** A published letter: only the anonymised texts. */
export interface PublishedLetter {
  reference: string;
  kind: Kind;
  town?: string;
  text: string;
  reply: string;
  receivedAt: string;
  publishedAt: string;
}

const toPublished = (r: Row): PublishedLetter => ({ reference: r.reference, kind: r.kind, ...(r.town && { town: r.town }), text: r.public_text ?? '', reply: r.public_reply ?? '', receivedAt: r.received_at, publishedAt: r.published_at! });

/** Letters and digits no one misreads (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const pickFrom = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

/** The commonest Chinese surnames: "张书记", "李组长" name a person; "5组组长" does not. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤杨吴麻滕';

/**
 * A letter's text made fit to publish: ID-card and phone numbers, the writer's own name, names
 * a writer gives ("我叫王某某"), and house numbers and groups ("3组", "12号") replaced.
 */
export function anonymise(text: string, name?: string): string {
  let out = redact(text);
  if (name && name.length >= 2) out = out.split(name).join('某某');
  return out
    .replace(/(我叫|我是|本人|名叫|叫做)\s*[\p{Script=Han}]{2,3}(?=[，,。\s]|$)/gu, '$1某某')
    .replace(/[0-9０-９一二三四五六七八九十]+\s*(组|号|栋|单元|室|门牌)/g, '某$1')
    .replace(new RegExp(`[${SURNAMES}][\\p{Script=Han}]?(老师|书记|主任|村长|组长|干部|镇长)`, 'gu'), '某$1');
}

/** The store's notice when a letter is published (search in every process re-reads the published letters). */
export const LETTERS_TOPIC = 'letters';

/** How many letters one client may send, and look-ups it may try, in ten minutes. */
export const LETTER_LIMITS = { writesPerClient: 20, lookUpsPerClient: 60 };

export class LetterService {
  private readonly writes: Limiter;
  private readonly lookUps: Limiter;
  private readonly listeners: (() => Promise<void>)[] = [];
  /** This process's mark on its notices (it refreshes its own search at once, not on hearing itself). */
  private readonly origin = randomBytes(6).toString('hex');

  constructor(private readonly db: Db, private readonly audit: Audit, private readonly content: Content, private readonly sealer: Sealer, private readonly retentionDays: number, limits: Partial<typeof LETTER_LIMITS> = {}) {
    // Counted per client (behind TRUST_PROXY, a village's shared connection is many clients), in the store on PostgreSQL.
    this.writes = new Limiter(limits.writesPerClient ?? LETTER_LIMITS.writesPerClient, 600, { db, name: 'letter-client' });
    this.lookUps = new Limiter(limits.lookUpsPerClient ?? LETTER_LIMITS.lookUpsPerClient, 600, { db, name: 'letter-look-up' });
  }

  /** Counts one letter from a client (API and form alike): the seconds to wait, or 0. */
  writeWait(client: string): Promise<number> {
    return this.writes.take(client);
  }

  /** Counts one look-up from a client (guessing codes is slow): the seconds to wait, or 0. */
  lookUpWait(client: string): Promise<number> {
    return this.lookUps.take(client);
  }

  /** Calls `listener` when a letter is published, here or in another process. */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Follows the letters other processes publish. */
  async follow(): Promise<void> {
    await this.db.listen(LETTERS_TOPIC, (payload) => {
      if (payload !== this.origin) void this.announce();
    });
    await this.announce();
  }

  private async announce(): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener();
      } catch (error) {
        log(`letters: could not refresh search: ${(error as Error).message}`);
      }
    }
  }

  /** The town a user answers for: a township office's account, its town; an admin, every town (`'*'`); anyone else, none. */
  scopeOf(user: User): string | undefined {
    if (user.role === 'admin') return '*';
    const office = user.center ? this.content.services.get(user.center) : undefined;
    return office?.type === 'civil-affairs-office' && office.town ? office.town : undefined;
  }

  private inScope(user: User, letter: { town?: string | null }): boolean {
    const scope = this.scopeOf(user);
    return scope === '*' || (scope !== undefined && scope === letter.town);
  }

  /** Takes a letter (stored before the answer): its reference and a check code, shown once. */
  async submit(input: LetterInput): Promise<{ reference: string; code: string; status: 'received' }> {
    if (input.town && !this.content.places.has(input.town)) throw new ApiError(400, 'invalid_request', `No town ${input.town}.`, { town: 'no such town or street' });
    const code = pickFrom(6);
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const reference = `${day}-${pickFrom(5)}`;
    if (input.website) return { reference, code, status: 'received' };
    const contact = input.contact && (input.contact.name || input.contact.phone) ? this.sealer.seal(JSON.stringify(input.contact)) : null;
    const urgent = input.kind === 'help';
    await this.db.run(
      'INSERT INTO letters (reference, code_hash, kind, about, town, village, text, contact, publish, urgent, help, status, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [reference, hashCode(code), input.kind, input.about ?? null, input.town ?? null, input.village ?? null, redact(input.text), contact, input.publish ? 1 : 0, urgent ? 1 : 0, input.help ? JSON.stringify(input.help) : null, 'received', new Date().toISOString()],
    );
    return { reference, code, status: 'received' };
  }

  private async row(reference: string): Promise<Row | undefined> {
    return this.db.one<Row>('SELECT * FROM letters WHERE reference = ?', [reference]);
  }

  /** The resident's look-up: the status and the reply, or 404 for a wrong reference or code alike. */
  async lookUp(reference: string, code: string): Promise<Letter> {
    const row = await this.row(reference);
    const given = Buffer.from(hashCode(code));
    if (!row || !timingSafeEqual(Buffer.from(row.code_hash), given)) throw new ApiError(404, 'not_found', 'No letter with that reference and code.');
    return toLetter(row);
  }

  /** The queue of a user's scope: urgent first, then the oldest; 403 for an account with no town. */
  async queue(user: User): Promise<Letter[]> {
    const scope = this.scopeOf(user);
    if (!scope) throw new ApiError(403, 'forbidden', 'Only a township office’s account or a district administrator answers letters.');
    const rows =
      scope === '*'
        ? await this.db.all<Row>("SELECT * FROM letters WHERE status = 'received' ORDER BY urgent DESC, received_at, reference")
        : await this.db.all<Row>("SELECT * FROM letters WHERE status = 'received' AND town = ? ORDER BY urgent DESC, received_at, reference", [scope]);
    return rows.map(toLetter);
  }

  private async managed(user: User, reference: string): Promise<Row> {
    const row = await this.row(reference);
    if (!row) throw new ApiError(404, 'not_found', `No letter ${reference}.`);
    if (!this.inScope(user, row)) throw new ApiError(403, 'forbidden', 'This letter is for another town’s office.');
    return row;
  }

  /** The name the writer gave (taken out of what is published), from the sealed contact. */
  private writerName(row: Row): string | undefined {
    return row.contact ? (JSON.parse(this.sealer.open(row.contact)) as { name?: string }).name : undefined;
  }

  /** One letter of the user's scope (404 unknown, 403 another town's). */
  async get(user: User, reference: string): Promise<Letter> {
    return toLetter(await this.managed(user, reference));
  }

  /** What would be published: the letter and a reply with names, numbers and addresses removed (nothing is saved). */
  async preview(user: User, reference: string, reply: string): Promise<{ text: string; reply: string }> {
    const row = await this.managed(user, reference);
    const name = this.writerName(row);
    return { text: anonymise(row.text, name), reply: anonymise(reply, name) };
  }

  /** The letters of the user's scope answered most recently. */
  async answered(user: User, limit = 20): Promise<Letter[]> {
    const scope = this.scopeOf(user);
    if (!scope) return [];
    const rows =
      scope === '*'
        ? await this.db.all<Row>("SELECT * FROM letters WHERE status = 'answered' ORDER BY replied_at DESC LIMIT ?", [limit])
        : await this.db.all<Row>("SELECT * FROM letters WHERE status = 'answered' AND town = ? ORDER BY replied_at DESC LIMIT ?", [scope, limit]);
    return rows.map(toLetter);
  }

  /** The resident's name and phone, for the staff of the letter's town only; each view in the log. */
  async contact(user: User, reference: string): Promise<{ name?: string; phone?: string } | undefined> {
    const row = await this.managed(user, reference);
    if (!row.contact) return undefined;
    await this.db.transaction(async (q) => {
      await q.run('INSERT INTO contact_views (letter, user_id, at) VALUES (?, ?, ?)', [reference, user.id, new Date().toISOString()]);
      await this.audit.record(user, 'letter-contact-view', null, { letter: reference }, q);
    });
    return JSON.parse(this.sealer.open(row.contact));
  }

  /** Replies (closing the letter); with `publish`, a publishable letter and its reply go public, anonymised. */
  async reply(user: User, reference: string, text: string, publish = false): Promise<Letter> {
    const row = await this.managed(user, reference);
    if (publish && !Number(row.publish)) throw new ApiError(409, 'not_publishable', 'The resident did not allow this letter to be published.');
    const name = this.writerName(row);
    const now = new Date().toISOString();
    await this.db.transaction(async (q) => {
      await q.run("UPDATE letters SET status = 'answered', reply = ?, replied_at = ? WHERE reference = ?", [redact(text), now, reference]);
      if (publish) await q.run('UPDATE letters SET public_text = ?, public_reply = ?, published_at = ? WHERE reference = ?', [anonymise(row.text, name), anonymise(text, name), now, reference]);
      await this.audit.record(user, publish ? 'letter-reply-publish' : 'letter-reply', null, { letter: reference }, q);
      if (publish) await q.notify(LETTERS_TOPIC, this.origin);
    });
    if (publish) await this.announce();
    return toLetter((await this.row(reference))!);
  }

  /** Sends a letter to another town's office. */
  async forward(user: User, reference: string, town: string): Promise<Letter> {
    const row = await this.managed(user, reference);
    const place = this.content.places.get(town);
    if (!place || (place.kind !== 'town' && place.kind !== 'street')) throw new ApiError(400, 'invalid_request', `No town or street ${town}.`, { town: 'no such town or street' });
    await this.db.transaction(async (q) => {
      await q.run('UPDATE letters SET town = ? WHERE reference = ?', [town, reference]);
      await this.audit.record(user, 'letter-forward', null, { letter: reference, from: row.town, to: town }, q);
    });
    return toLetter((await this.row(reference))!);
  }

  /** Deletes the contact details of letters answered more than the retention period ago; how many. */
  async purge(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.retentionDays * 86_400_000).toISOString();
    return this.db.run("UPDATE letters SET contact = NULL, contact_deleted_at = ? WHERE contact IS NOT NULL AND status = 'answered' AND replied_at < ?", [now.toISOString(), before]);
  }

  /** Published letters with their replies, the newest first (only the anonymised texts). */
  async published(): Promise<PublishedLetter[]> {
    const rows = await this.db.all<Row>('SELECT * FROM letters WHERE published_at IS NOT NULL ORDER BY published_at DESC');
    return rows.map(toPublished);
  }

  /** One published letter, or undefined. */
  async publishedOne(reference: string): Promise<PublishedLetter | undefined> {
    const row = await this.db.one<Row>('SELECT * FROM letters WHERE reference = ? AND published_at IS NOT NULL', [reference]);
    return row && toPublished(row);
  }

  /** Received, answered, median days to reply; per kind, per town, per month. */
  async stats() {
    const rows = await this.db.all<{ kind: Kind; town: string | null; status: string; received_at: string; replied_at: string | null }>('SELECT kind, town, status, received_at, replied_at FROM letters');
    const days = rows.filter((r) => r.replied_at).map((r) => (Date.parse(r.replied_at!) - Date.parse(r.received_at)) / 86_400_000).sort((a, b) => a - b);
    const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
    const count = (key: (r: (typeof rows)[number]) => string) => {
      const out: Record<string, { received: number; answered: number }> = {};
      for (const r of rows) {
        const k = key(r);
        out[k] ??= { received: 0, answered: 0 };
        out[k].received++;
        if (r.status === 'answered') out[k].answered++;
      }
      return out;
    };
    return {
      received: rows.length,
      answered: rows.filter((r) => r.status === 'answered').length,
      medianDaysToReply: median === null ? null : Math.round(median * 10) / 10,
      byKind: count((r) => r.kind),
      byTown: count((r) => r.town ?? 'district'),
      byMonth: count((r) => r.received_at.slice(0, 7)),
    };
  }
}

