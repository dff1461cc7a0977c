// The portal's process: pages and API on one port. `npm run build` compiles this file (with what it
// imports) to dist/api/start.mjs, which `npm start` runs with plain Node after building when stale.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError } from '../../content/loader.ts';
import { createApp } from '../app.ts';
import { cannotWrite, ConfigError, loadConfig } from '../core/index.ts';
import { isBuilt, isBuildCurrent, outDir } from './paths.ts';
import { createPortal, servePortal, type AstroHandler } from './portal.ts';
import { createServices } from './services.ts';
import { StaticFiles } from './static-files.ts';

async function main() {
  const config = loadConfig();
  if (!isBuilt()) {
    console.error('The build is missing: run `npm run build` (or `npm start`, which builds first).');
    process.exit(1);
  }
  const dist = outDir();
  const pages = new StaticFiles(join(dist, 'client'));
  const entry = join(dist, 'server', 'entry.mjs');
  const astro = existsSync(entry) ? ((await import(pathToFileURL(entry).href)).handler as AstroHandler) : undefined;
  const services = await createServices(config, console.log);
  const portal = createPortal({ api: createApp(services), pages, astro, services });
  const server = servePortal(portal, { port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Portal ready: http://${info.address}:${info.port}/ (${pages.size} static files, search: ${services.search.name}, bot: ${services.bot.mode}; started in ${process.uptime().toFixed(1)} s, ${Math.round(process.memoryUsage().rss / 1e6)} MB)`);
    // Hashing the sources takes a moment: after the portal answers, not before (npm start's
    // prestart has already rebuilt a stale build).
    setImmediate(() => isBuildCurrent() || console.warn('The sources changed since the last build: run `npm run build` to serve them.'));
  });
  // Graceful stop: no new connections, the requests in flight answered (idle keep-alive connections
  // closed at once), then the store closed, so nothing acknowledged is cut off. A request still
  // running after ten seconds is dropped.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then closing the store …`);
    server.close(() => {
      void services.close().then(
        () => (console.log('Stopped.'), process.exit(0)),
        (error: Error) => (console.error(`Closing the store failed: ${error.message}`), process.exit(1)),
      );
    });
    setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  if (error instanceof ConfigError || error instanceof ContentError) console.error(error.message);
  else if (cannotWrite(error)) console.error(`Could not start: the store in DATA_DIR (${process.env.DATA_DIR ?? 'data'}) cannot be written (${((error.cause as Error | undefined) ?? error).message}). Is its disk full or read-only?`);
  else console.error(`Could not start: ${error.message}`);
  process.exit(1);
});
