import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fixed-window limit per key (the client's address): `limit` requests per `windowMs`. Kept in
 * memory; old windows are dropped as they pass.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Seconds to wait when over the limit, or 0 when the request may go ahead. */
  take(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (now - v.start >= this.windowMs) this.windows.delete(k);
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    if (w.count < this.limit) {
      w.count += 1;
      return 0;
    }
    return Math.ceil((w.start + this.windowMs - now) / 1000);
  }
}

/** Thumbs up and down on answers, counted per day — counts only, nothing about who or what. */
export class Feedback {
  constructor(private readonly dir: string) {}

  private file(day: string) {
    return join(this.dir, 'ask', `feedback-${day}.json`);
  }

  read(day: string): { up: number; down: number } {
    const file = this.file(day);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { up: number; down: number }) : { up: 0, down: 0 };
  }

  record(vote: 'up' | 'down', day: string): { up: number; down: number } {
    const counts = this.read(day);
    counts[vote] += 1;
    mkdirSync(join(this.dir, 'ask'), { recursive: true });
    writeFileSync(this.file(day), JSON.stringify(counts));
    return counts;
  }
}
