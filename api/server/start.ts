// `npm start`: build when the build is missing or stale, then serve pages and API on one port.
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError } from '../../content/loader.ts';
import { createApp } from '../app.ts';
import { ConfigError, loadConfig } from '../core/index.ts';
import { build } from './build.ts';
import { isBuildCurrent, outDir } from './paths.ts';
import { createPortal, type AstroHandler } from './portal.ts';
import { createServices } from './services.ts';
import { StaticFiles } from './static-files.ts';

async function main() {
  const config = loadConfig();
  if (!isBuildCurrent()) {
    console.log('The site build is missing or out of date: building …');
    build();
  }
  const dist = outDir();
  const pages = new StaticFiles(join(dist, 'client'));
  const entry = join(dist, 'server', 'entry.mjs');
  const astro = existsSync(entry) ? ((await import(pathToFileURL(entry).href)).handler as AstroHandler) : undefined;
  const services = await createServices(config, console.log);
  const portal = createPortal({ api: createApp(services), pages, astro, services });
  const server = serve({ fetch: portal.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Portal ready: http://${info.address}:${info.port}/ (${pages.size} static files, search: ${services.search.name}, bot: ${services.bot.mode})`);
  });
  const stop = () =>
    server.close(() => {
      void services.close().finally(() => process.exit(0));
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  if (error instanceof ConfigError || error instanceof ContentError) console.error(error.message);
  else console.error(`Could not start: ${error.message}`);
  process.exit(1);
});
