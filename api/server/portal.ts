import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { LANGS, type Lang } from '../../content/schemas/index.ts';
import { ELDER_COOKIE, elderCookieOn } from '../routes/prefs.ts';
import { log } from '../log.ts';
import { gzipResponse } from './node-gzip.ts';
import type { StaticFile, StaticFiles } from './static-files.ts';

/** Astro's Node middleware: renders on-demand pages, calls `next` when no route matches. */
export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
  locals: App.Locals,
) => Promise<void>;

export interface PortalParts {
  /** The API app (createApp), answering `/api/*`. */
  api: { fetch: (request: Request, env: HttpBindings) => Response | Promise<Response> };
  /** The prerendered pages and assets. */
  pages: StaticFiles;
  /** On-demand pages, when the build has any. */
  astro?: AstroHandler;
  /** Shared services on-demand pages read through `Astro.locals` (the search engine). */
  locals?: Omit<App.Locals, 'elder'>;
}

/** The reader's language from Accept-Language: the first listed we have, Chinese by default. */
export function preferredLang(header: string | undefined): Lang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { primary: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.map((x) => x.primary).find((p) => (LANGS as readonly string[]).includes(p ?? '')) as Lang) ?? 'zh';
}

/**
 * Elder mode on a prerendered page, decided by the server so it works without JavaScript: a
 * `?elder=on|off` link sets the cookie; the cookie marks the page before it is sent.
 */
function elderFor(c: Context): boolean {
  const asked = c.req.query('elder');
  if (asked === 'on' || asked === 'off') {
    setCookie(c, ELDER_COOKIE, asked, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax' });
    return asked === 'on';
  }
  return elderCookieOn(getCookie(c, ELDER_COOKIE));
}

function sendPage(c: Context, file: StaticFile, status: 200 | 404 = 200): Response {
  const html = file.body.toString('utf8');
  const body = elderFor(c) ? html.replace('data-elder="off"', 'data-elder="on"') : html;
  return c.body(body, status, {
    'Content-Type': file.type,
    'Cache-Control': 'no-cache',
    Vary: 'Cookie, Accept-Encoding',
  });
}

function sendAsset(c: Context, file: StaticFile): Response {
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.type,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  });
}

/**
 * The one process: API under `/api`, prerendered pages from memory, on-demand pages through
 * Astro, and a real 404 page for everything else.
 */
export function createPortal({ api, pages, astro, locals: shared = {} }: PortalParts) {
  const portal = new Hono<{ Bindings: HttpBindings }>();

  portal.use(async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  // `same-origin` rather than `no-referrer`: nothing is sent to other sites, and a form posted on
  // this site carries a real `Origin` (with `no-referrer` browsers send `Origin: null`), which the
  // CSRF check of browsers without `Sec-Fetch-Site` relies on.
  portal.use(secureHeaders({ crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: false, referrerPolicy: 'same-origin' }));
  portal.use(compress());

  portal.all('/api/*', (c) => api.fetch(c.req.raw, c.env));

  portal.get('/', (c) => {
    c.header('Vary', 'Accept-Language');
    return c.redirect(`/${preferredLang(c.req.header('Accept-Language'))}/`, 302);
  });

  portal.on(['GET', 'HEAD'], '*', async (c, next) => {
    const found = pages.lookup(c.req.path);
    if (found.kind === 'redirect') {
      const query = new URL(c.req.url).search;
      return c.redirect(`${found.location}${query}`, 301);
    }
    if (found.kind === 'file') {
      return found.file.type.startsWith('text/html') ? sendPage(c, found.file) : sendAsset(c, found.file);
    }
    return next();
  });

  portal.all('*', async (c) => {
    const inLanguage = LANGS.some((lang) => c.req.path.startsWith(`/${lang}/`));
    if (astro && inLanguage) {
      const locals: App.Locals = { ...shared, elder: elderFor(c) };
      const res = c.env.outgoing;
      // What Hono's middleware would have added, since Astro writes to the Node response itself.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'same-origin');
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader('Cache-Control', 'no-cache');
      gzipResponse(res, c.req.header('Accept-Encoding'));
      const handled = await new Promise<boolean>((resolve, reject) => {
        astro(c.env.incoming, c.env.outgoing, () => resolve(false), locals).then(() => resolve(true), reject);
      });
      if (handled) return RESPONSE_ALREADY_SENT;
    }
    const notFound = pages.get('/404.html');
    return notFound ? sendPage(c, notFound, 404) : c.text('Not found', 404);
  });

  return portal;
}
