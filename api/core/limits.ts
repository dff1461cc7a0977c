import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * At most `points` per key (a client's address, an account) in a window of `seconds`, counted by
 * rate-limiter-flexible. Kept in this process's memory for now; its stores for PostgreSQL and
 * Redis take the same calls, so several processes can share one count.
 */
export class Limiter {
  private readonly store: RateLimiterAbstract;

  constructor(readonly points: number, seconds: number) {
    this.store = new RateLimiterMemory({ points, duration: seconds });
  }

  /** Counts one for `key`: the seconds to wait when this one is over the limit, else 0. */
  async take(key: string): Promise<number> {
    try {
      await this.store.consume(key);
      return 0;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      throw refused;
    }
  }

  /** The seconds to wait when the limit for `key` is already used up (counting nothing), else 0. */
  async wait(key: string): Promise<number> {
    const state = await this.store.get(key);
    return state && state.consumedPoints >= this.points ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  }
}
