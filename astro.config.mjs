// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Pages are prerendered; the few that must answer per request opt out with `prerender = false`
// and are served through the adapter's middleware by our own server (api/server/portal.ts).
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  // Unset: a placeholder the server replaces with the request's origin (BUILD_ORIGIN in api/core/addresses.ts).
  site: process.env.PUBLIC_ORIGIN ?? 'https://portal-origin.invalid',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  // Astro's check refused the no-JavaScript Q&A form. Pages that change data (the staff pages)
  // check Sec-Fetch-Site / Origin themselves, as the API does (see docs/decisions/001 and 005).
  security: { checkOrigin: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? '127.0.0.1' },
});
