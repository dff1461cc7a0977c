// `npm run index`: rebuilds the search index from the content, with progress, and prints what it
// holds. With MEILI_HOST set this pushes settings and documents to Meilisearch; the embedded
// index lives in the server process and is rebuilt at every start, so here it is a check.
import { ContentError, loadContent } from '../../content/loader.ts';
import { ConfigError, DistrictClock, loadConfig } from '../core/index.ts';
import { buildSearch } from './build.ts';

try {
  const config = loadConfig();
  const content = loadContent(config.CONTENT_DIR);
  const search = await buildSearch(config, content, new DistrictClock(content.district.timeZone).day(), console.log);
  const stats = await search.stats();
  console.log(`index ready: ${stats.documents} documents in the ${stats.engine} engine`);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof ContentError ? error.message : `Indexing failed: ${(error as Error).message}`);
  process.exit(1);
}
