// For bench/load.ts: GET /api/search over HTTP on its own process, the embedded engine as the
// portal builds it but without the portal's memory of recent answers (every request is searched),
// over the real corpus grown to SIZE documents (bench/corpus.ts). Prints `listening <port>`.
import { serve } from '@hono/node-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DailyCounter, DistrictClock, openDb, createRouter } from '../api/core/index.ts';
import { contentDocuments, searchRoutes } from '../api/search/index.ts';
import { loadContent } from '../content/loader.ts';
import { EmbeddedSearch, learnDomainWords } from '../search/index.ts';
import { syntheticCorpus } from './corpus.ts';

const size = Number(process.argv[2] ?? 0);
const content = loadContent();
learnDomainWords(content);
const clock = new DistrictClock(content.district.timeZone);
const real = contentDocuments(content, clock.day());
const engine = new EmbeddedSearch(content.synonyms, content.district.soundFolds);
await engine.index(size > real.length ? syntheticCorpus(real, size) : real);
const zeroResults = new DailyCounter(await openDb({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-search-server-')) }), 'zero-results');
const app = createRouter().basePath('/api').route('/', searchRoutes({ search: engine, content, zeroResults, clock }));
const { documents } = await engine.stats();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening ${info.port} ${documents}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
