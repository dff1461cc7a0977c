import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import compression from 'compression';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { languageDetector } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { LANGS } from '../../content/schemas/index.ts';
import { BUILD_ORIGIN, DATA_POLICY, elderCookie, elderOn, ELDER_COOKIE, entityTag, href, log, nodeClientAddress, originOf, pagePolicy, readBody, stillFresh, unreadRequest } from '../core/index.ts';
import type { Services } from '../app.ts';
import type { StaticFile, StaticFiles } from './static-files.ts';

/** Astro's Node middleware: renders on-demand pages, calls `next` when no route matches. */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void, locals: object) => Promise<void>;

export interface PortalParts {
  /** The API app (createApp), answering `/api/*`. */
  api: { fetch: (request: Request, env: HttpBindings) => Response | Promise<Response> };
  /** The prerendered pages and assets. */
  pages: StaticFiles;
  /** On-demand pages, when the build has any. */
  astro?: AstroHandler;
  /** The services on-demand pages read through `Astro.locals.services`. */
  services?: Services;
}

/**
 * Elder mode on a prerendered page, decided by the server so it works without JavaScript: a
 * `?elder=on|off` link sets the cookie; the cookie marks the page before it is sent.
 */
function elderFor(c: Context): boolean {
  const asked = c.req.query('elder');
  if (asked === 'on' || asked === 'off') {
    setCookie(c, ELDER_COOKIE, asked, elderCookie);
    return asked === 'on';
  }
  return elderOn(getCookie(c, ELDER_COOKIE));
}

/** A body with its ETag, or 304 with none when the reader's copy is already this. */
function validated(c: Context, body: string | Uint8Array<ArrayBuffer>, status: 200 | 404, headers: Record<string, string>, tag = entityTag(typeof body === 'string' ? body : Buffer.from(body))): Response {
  if (status === 200 && stillFresh(c.req.raw.headers, tag)) {
    const { 'Content-Type': _type, ...kept } = headers;
    return c.body(null, 304, { ...kept, ETag: tag });
  }
  return c.body(body, status, { ...headers, ETag: tag });
}

/** A prerendered text with the request's origin where the build wrote its placeholder. */
function withOrigin(c: Context, text: string, publicOrigin: string | undefined): string {
  return text.includes(BUILD_ORIGIN) ? text.replaceAll(BUILD_ORIGIN, originOf(publicOrigin, c.req.url)) : text;
}

function sendPage(c: Context, file: StaticFile, publicOrigin: string | undefined, status: 200 | 404 = 200, elder = elderFor(c)): Response {
  const html = withOrigin(c, file.body.toString('utf8'), publicOrigin);
  const body = elder ? html.replace('data-elder="off"', 'data-elder="on"') : html;
  return validated(c, body, status, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', Vary: 'Cookie, Accept-Encoding', 'Content-Security-Policy': file.policy ?? pagePolicy(body) });
}

function sendAsset(c: Context, file: StaticFile, publicOrigin: string | undefined): Response {
  const headers = { 'Content-Type': file.type, 'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600' };
  if (file.hasOrigin) return validated(c, withOrigin(c, file.body.toString('utf8'), publicOrigin), 200, headers);
  return validated(c, new Uint8Array(file.body) as Uint8Array<ArrayBuffer>, 200, headers, file.etag);
}

/** The most a form posted to a page may send. */
const PAGE_BODY_BYTES = 64 * 1024;
// Astro writes on-demand pages straight to the Node response, past Hono's middleware: these are
// what secureHeaders would have done for it.
const PAGE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'SAMEORIGIN', 'Cache-Control': 'no-cache' };

/**
 * The one process: API under `/api`, prerendered pages from memory, on-demand pages through
 * Astro, and a real 404 page for everything else.
 */
export function createPortal({ api, pages, astro, services }: PortalParts) {
  const portal = new Hono<{ Bindings: HttpBindings }>();
  const trust = services?.trust ?? (() => false);
  const publicOrigin = services?.config.PUBLIC_ORIGIN;

  portal.use(async (c, next) => {
    const started = performance.now();
    await next();
    // A page Astro rendered was written straight to the socket: its status is the socket's.
    const outgoing = c.env?.outgoing;
    const status = outgoing?.headersSent ? outgoing.statusCode : c.res.status;
    log(`${c.req.method} ${c.req.path} ${status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  // `same-origin` rather than `no-referrer`: nothing is sent to other sites, and a form posted on
  // this site carries a real `Origin` (with `no-referrer` browsers send `Origin: null`), which the
  // CSRF check of browsers without `Sec-Fetch-Site` relies on.
  portal.use(secureHeaders({ crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: false, referrerPolicy: 'same-origin' }));
  // Pages carry their own policy (the hashes of their inline scripts); everything else runs nothing.
  portal.use(async (c, next) => {
    await next();
    if (!c.env?.outgoing?.headersSent && !c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', DATA_POLICY);
  });

  portal.all('/api/*', (c) => api.fetch(c.req.raw, c.env));

  // Pages are read (GET, HEAD) and their forms posted (POST); nothing else is done to them.
  portal.use('*', async (c, next) => {
    if (['GET', 'HEAD', 'POST'].includes(c.req.method)) return next();
    return c.text('405 · 网页只能打开和提交表单 / A page can only be read or have its form sent.', 405, { Allow: 'GET, HEAD, POST' });
  });

  // A form posted to a page (the letter, the comment, the staff forms) is a few kilobytes: it is
  // read here within its limit, as the API's bodies are, and handed to Astro already read (Astro
  // takes a string `req.body`, as left by a body parser, instead of reading the socket).
  portal.post('*', async (c, next) => {
    const incoming = c.env?.incoming;
    if (!unreadRequest(incoming)) return next();
    const body = await readBody(incoming, PAGE_BODY_BYTES);
    if (body === 'too_large') return c.text(`413 · 表单内容太长（最多 ${PAGE_BODY_BYTES / 1024} KB）/ The form is too long (at most ${PAGE_BODY_BYTES / 1024} KB).`, 413);
    if (body === 'cut_off') return c.text('400 · 表单没有传完 / The form was cut off before its end.', 400);
    (incoming as IncomingMessage & { body?: string }).body = body.toString('utf8');
    return next();
  });

  // The reader's language from Accept-Language: the first listed we have, Chinese by default.
  portal.get('/', languageDetector({ order: ['header'], supportedLanguages: [...LANGS], fallbackLanguage: 'zh', caches: false }), (c) => {
    c.header('Vary', 'Accept-Language');
    return c.redirect(href(c.get('language') as (typeof LANGS)[number]), 302);
  });

  portal.on(['GET', 'HEAD'], '*', async (c, next) => {
    const found = pages.lookup(c.req.path);
    if (found.kind === 'redirect') return c.redirect(`${found.location}${new URL(c.req.url).search}`, 301);
    if (found.kind === 'file') return found.file.type.startsWith('text/html') ? sendPage(c, found.file, publicOrigin) : sendAsset(c, found.file, publicOrigin);
    return next();
  });

  portal.all('*', async (c) => {
    // On-demand pages live under a language, and the sitemap (it lists the events) at the root.
    const inLanguage = LANGS.some((lang) => c.req.path.startsWith(`/${lang}/`)) || c.req.path === '/sitemap.xml';
    const elder = elderFor(c);
    if (astro && inLanguage) {
      const { incoming, outgoing } = c.env;
      // The origin from the request as Hono read it (Astro, rightly, does not trust the Host header).
      const locals = { services, elder, clientAddress: nodeClientAddress(incoming, trust), origin: originOf(publicOrigin, c.req.url) };
      for (const [name, value] of Object.entries(PAGE_HEADERS)) outgoing.setHeader(name, value);
      for (const cookie of c.res.headers.getSetCookie()) outgoing.appendHeader('Set-Cookie', cookie);
      const handled = await new Promise<boolean>((resolve, reject) => {
        astro(incoming, outgoing, () => resolve(false), locals).then(() => resolve(true), reject);
      });
      if (handled) return RESPONSE_ALREADY_SENT;
    }
    const notFound = pages.get('/404.html');
    return notFound ? sendPage(c, notFound, publicOrigin, 404, elder) : c.text('Not found', 404);
  });

  return portal;
}

/**
 * The portal on a port. Answers are compressed where they leave, on the Node response, for
 * pages Astro writes straight to it as for everything Hono answers: compressing a Hono answer in
 * Hono would turn its body into a web stream first, which costs more than the rest of a small
 * API answer.
 */
export function servePortal(portal: { fetch: (request: Request, env: HttpBindings) => Response | Promise<Response> }, at: { port: number; hostname?: string }, onListening?: (info: AddressInfo) => void): Server {
  const answer = getRequestListener(portal.fetch as Parameters<typeof getRequestListener>[0]);
  const compressed = compression();
  // A client that asks for no encoding gets none: it is answered without the compressor's hooks on
  // the response, which cost a small answer a tenth of its time. Vary still says the answer
  // depends on Accept-Encoding, as the compressor would.
  const server = createServer((req, res) => {
    if (req.headers['accept-encoding']) return compressed(req as never, res as never, () => void answer(req, res));
    res.setHeader('Vary', 'Accept-Encoding');
    void answer(req, res);
  });
  server.listen(at.port, at.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
