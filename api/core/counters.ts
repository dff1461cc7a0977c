import type { Db } from './db.ts';

/**
 * Counts per day, by key — counts only, never who: thumbs up and down on the bot's answers,
 * searches that found nothing. Kept in the store, so every process adds to the same count
 * (one atomic upsert: no lost update when two add at once).
 */
export class DailyCounter {
  constructor(private readonly db: Db, private readonly name: string) {}

  /** The counts of `day` (YYYY-MM-DD, the district's day), by key. */
  async read(day: string): Promise<Record<string, number>> {
    const rows = await this.db.all<{ key: string; count: number }>('SELECT key, count FROM counters WHERE name = ? AND day = ? ORDER BY key', [this.name, day]);
    return Object.fromEntries(rows.map((r) => [r.key, Number(r.count)]));
  }

  /** Adds one to `key` on `day`. A failure is the caller's to ignore: a count is never worth an error page. */
  async add(key: string, day: string): Promise<void> {
    await this.db.run(
      'INSERT INTO counters (name, day, key, count) VALUES (?, ?, ?, 1) ON CONFLICT (name, day, key) DO UPDATE SET count = counters.count + 1',
      [this.name, day, key],
    );
  }
}
