import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Counts per day, by key — counts only, never who: thumbs up and down on the bot's answers,
 * searches that found nothing. One small JSON file a day under `DATA_DIR/<name>/`, which an
 * editor can read: `zero-results-2026-12-01.json`.
 */
export class DailyCounter {
  private readonly dir: string;

  constructor(dataDir: string, name: string, private readonly prefix: string) {
    this.dir = join(dataDir, name);
  }

  private file(day: string) {
    return join(this.dir, `${this.prefix}-${day}.json`);
  }

  read(day: string): Record<string, number> {
    const file = this.file(day);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  }

  /** Adds one to `key` on `day` (YYYY-MM-DD, the district's day) and returns that day's counts. */
  add(key: string, day: string): Record<string, number> {
    const counts = this.read(day);
    counts[key] = (counts[key] ?? 0) + 1;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(day), JSON.stringify(counts, null, 1));
    return counts;
  }
}
