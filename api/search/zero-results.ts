import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../log.ts';

/**
 * Counts, per day, the searches that found nothing — the query text only (with any ID-card or
 * phone number removed), never who asked — so editors can add the words residents use.
 * One small JSON file per day under DATA_DIR/search/.
 */
export class ZeroResults {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'search');
  }

  private file(day: string) {
    return join(this.dir, `zero-results-${day}.json`);
  }

  read(day: string): Record<string, number> {
    const file = this.file(day);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  }

  record(query: string, at = new Date()): void {
    const day = at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const text = redact(query.trim().toLowerCase()).slice(0, 100);
    const counts = this.read(day);
    counts[text] = (counts[text] ?? 0) + 1;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(day), JSON.stringify(counts, null, 1));
  }
}
