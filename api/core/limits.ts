import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type pg from 'pg';
import type { Db } from './db.ts';
import { refusedWrite } from './errors.ts';

/**
 * At most `points` per key (a client's address, an account) in a window of `seconds`, counted by
 * rate-limiter-flexible. On PostgreSQL the counts live in the `rate_limits` table, so every
 * process shares one count (an atomic upsert per hit); on SQLite, whose file one process holds,
 * in that process's memory. Without a store (tests of a route alone), in memory.
 */
export class Limiter {
  private readonly store: RateLimiterAbstract;

  constructor(readonly points: number, seconds: number, shared?: { db: Db; name: string }) {
    this.store =
      shared?.db.engine === 'postgres'
        ? new RateLimiterPostgres({ storeClient: shared.db.native as pg.Pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, keyPrefix: shared.name, points, duration: seconds })
        : new RateLimiterMemory({ points, duration: seconds });
  }

  /** Counts one for `key`: the seconds to wait when this one is over the limit, else 0. */
  async take(key: string): Promise<number> {
    try {
      await this.store.consume(key);
      return 0;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      // The shared count lives in the store (PostgreSQL): a read-only one refuses it as any write.
      throw refusedWrite(refused);
    }
  }

  /** The seconds to wait when the limit for `key` is already used up (counting nothing), else 0. */
  async wait(key: string): Promise<number> {
    const state = await this.store.get(key);
    return state && state.consumedPoints >= this.points ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  }
}
