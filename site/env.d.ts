/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's language, from its address (`/zh/…`, `/en/…`). */
    lang: import('../content/schemas/index.ts').Lang;
    /** The interface strings in the page's language (content/i18n), hotline numbers filled in. */
    t: import('../content/i18n/index.ts').Translate;
    /** A page's address in the page's language (or another): `href('policies/dibao/')`. */
    href: (path?: string, lang?: import('../content/schemas/index.ts').Lang) => string;
    /** The validated content, the same the API serves. */
    content: import('../content/loader.ts').Content;
    /** The district's clock. */
    clock: import('../api/core/index.ts').DistrictClock;
    /** Elder mode, decided by the server from the cookie or `?elder=` (on-demand pages). */
    elder: boolean;
    /** The portal's origin for absolute links (PUBLIC_ORIGIN, the request's, or the build's placeholder). */
    origin: string;
    /** The client's address as the server worked it out (trusted proxies only); request time only. */
    clientAddress?: string;
    /** The portal's services (search, bot, accounts, events); request time only, absent in `astro dev`. */
    services?: import('../api/app.ts').Services;
  }
}
