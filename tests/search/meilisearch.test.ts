import { describe, it } from 'vitest';
import { MeiliSearchEngine } from '../../search/meili.ts';
import { conformanceSuite } from './conformance.ts';

// Runs against a real server when one answers (MEILI_HOST, or the default local port); says so
// plainly when it does not.
const host = process.env.MEILI_HOST || 'http://127.0.0.1:7700';
const probe = new MeiliSearchEngine(host, process.env.MEILI_API_KEY, []);
const reachable = await probe.reachable();

if (reachable) {
  conformanceSuite('meilisearch', async () => {
    const engine = new MeiliSearchEngine(host, process.env.MEILI_API_KEY, [['低保', '最低生活保障', 'dibao']], `conformance-${Date.now()}`);
    await engine.configure();
    return engine;
  });
} else {
  console.log(`skipped: no Meilisearch at ${host} (set MEILI_HOST to run the conformance suite against one)`);
  describe('search engine conformance: meilisearch', () => {
    it.skip(`skipped: no Meilisearch at ${host}`, () => {});
  });
}
