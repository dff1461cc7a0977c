// Adopted drafts as versions of their convention: laid over content/conventions (the YAML stays
// what a district ships with) at start, at once in the process that records an adoption, and
// through the store's notices in every other. Search and the bot re-read the convention.
import { randomBytes } from 'node:crypto';
import type { Content } from '../../content/loader.ts';
import type { Convention } from '../../content/schemas/index.ts';
import type { SearchEngine } from '../../search/index.ts';
import { conventionDocuments } from '../conventions/index.ts';
import { log, type Db } from '../core/index.ts';

export const CONVENTIONS_TOPIC = 'conventions';
/** This process, in its own notices: it lays its own adoptions over in the request. */
export const VERSIONS_ORIGIN = randomBytes(6).toString('hex');

export type Version = Convention['versions'][number];

/** Is `id` one of a convention's documents (`{lang}:convention:{convention}` or `…:{article}`)? */
export const ofConvention = (convention: string) => (id: string) => {
  const rest = id.split(':').slice(1);
  return rest[0] === 'convention' && rest[1] === convention;
};

export class ConventionVersions {
  /** Each convention's versions as content/conventions ships them. */
  private readonly base = new Map<string, { versions: Version[]; verified: boolean }>();
  private readonly listeners: ((convention: string) => Promise<void>)[] = [];

  constructor(private readonly db: Db, private readonly content: Content, private readonly search: SearchEngine) {
    for (const [id, c] of content.conventions) this.base.set(id, { versions: c.versions, verified: c.verified });
  }

  /** Calls `listener` with each convention whose version in force changes (here or in another process). */
  onChange(listener: (convention: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Lays every adopted draft over its convention, and follows other processes' adoptions. */
  async follow(): Promise<number> {
    const rows = await this.db.all<{ convention: string }>('SELECT DISTINCT convention FROM consultations WHERE adoption IS NOT NULL');
    for (const r of rows) await this.apply(r.convention);
    await this.db.listen(
      CONVENTIONS_TOPIC,
      (payload) => {
        const [convention = '', origin] = payload.split(' ');
        if (origin !== VERSIONS_ORIGIN) void this.apply(convention);
      },
      () => void Promise.all([...this.base.keys()].map((id) => this.apply(id))),
    );
    return rows.length;
  }

  /** Reads a convention's adopted drafts and makes the latest in force: pages, search and the bot. */
  async apply(convention: string): Promise<void> {
    const base = this.base.get(convention);
    const c = this.content.conventions.get(convention);
    if (!base || !c) return;
    try {
      const rows = await this.db.all<{ adoption: string }>('SELECT adoption FROM consultations WHERE convention = ? AND adoption IS NOT NULL', [convention]);
      const adopted = rows.map((r) => JSON.parse(r.adoption) as Version).sort((a, b) => inForceOf(a).localeCompare(inForceOf(b)));
      const before = new Set(this.documentIds(convention));
      // A version the village adopted here is its own text: no longer a sample.
      this.content.conventions.set(convention, { ...c, versions: [...base.versions, ...adopted], verified: base.verified || adopted.length > 0 });
      const docs = (['zh', 'en'] as const).flatMap((lang) => conventionDocuments(this.content, lang)).filter((d) => ofConvention(convention)(d.id));
      const gone = [...before].filter((id) => !docs.some((d) => d.id === id));
      if (gone.length) await this.search.remove(gone);
      await this.search.index(docs);
      for (const listener of this.listeners) await listener(convention);
    } catch (error) {
      log(`conventions: could not lay the adopted version of ${convention} over: ${(error as Error).message}`);
    }
  }

  private documentIds(convention: string): string[] {
    return (['zh', 'en'] as const).flatMap((lang) => conventionDocuments(this.content, lang)).map((d) => d.id).filter(ofConvention(convention));
  }
}

const inForceOf = (v: Version) => v.procedure.find((s) => s.step === 'in-force')?.date ?? '';
