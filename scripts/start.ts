// `npm start`: build when the build is missing or stale, then serve pages and API on one port.
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../api/app.ts';
import { Bot } from '../api/ask/bot.ts';
import { ConfigError, loadConfig } from '../api/config.ts';
import { ZeroResults } from '../api/search/zero-results.ts';
import { createSearch } from '../search/index.ts';
import { eventDocuments } from '../search/documents.ts';
import { openDb } from '../api/events/db.ts';
import { Staff } from '../api/events/staff.ts';
import { createPortal, type AstroHandler } from '../api/server/portal.ts';
import { StaticFiles } from '../api/server/static-files.ts';
import { ContentError, loadContent } from '../content/loader.ts';
import { build } from './build.ts';
import { contentDir, isBuildCurrent, outDir } from './paths.ts';

async function main() {
  const config = loadConfig();
  if (!isBuildCurrent()) {
    console.log('The site build is missing or out of date: building …');
    build();
  }
  const content = loadContent(contentDir());
  const dist = outDir();
  const pages = new StaticFiles(join(dist, 'client'));
  const entry = join(dist, 'server', 'entry.mjs');
  const astro = existsSync(entry) ? ((await import(pathToFileURL(entry).href)).handler as AstroHandler) : undefined;
  const search = await createSearch(config, content, console.log);
  const bot = await Bot.create(content, config);
  const db = openDb(config.DATA_DIR);
  const staff = new Staff(db, content, search, config.PUBLIC_ORIGIN);
  const events = staff.store.list({ includeCancelled: false });
  await search.index(eventDocuments(content, events));
  console.log(`events: ${events.length} upcoming and past events in ${config.DATA_DIR}`);
  const zeroResults = new ZeroResults(config.DATA_DIR);
  const portal = createPortal({ api: createApp({ config, content, search, zeroResults, bot, db, staff }), pages, astro, locals: { search, content, bot, events: staff.store, staff } });
  const server = serve({ fetch: portal.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Portal ready: http://${info.address}:${info.port}/ (${pages.size} static files, search: ${search.name}, bot: ${bot.mode})`);
  });
  const stop = () => server.close(() => {
    db.close();
    process.exit(0);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  if (error instanceof ConfigError || error instanceof ContentError) console.error(error.message);
  else console.error(`Could not start: ${error.message}`);
  process.exit(1);
});
