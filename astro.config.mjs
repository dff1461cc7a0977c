// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Pages are prerendered; the few that must answer per request opt out with `prerender = false`
// and are served through the adapter's middleware by our own server (api/portal.ts).
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  site: process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  // The only page that accepts a POST is the Q&A form, which changes nothing on the server; the
  // API checks the origin of state-changing requests itself (see docs/decisions/001).
  security: { checkOrigin: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? '127.0.0.1' },
});
