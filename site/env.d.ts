/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Elder mode, decided by the server from the cookie or `?elder=` (on-demand pages only). */
    elder?: boolean;
    /** The portal's search engine, shared with the API (absent in `astro dev`). */
    search?: import('../search/index.ts').SearchEngine;
    /** The validated content, as the API loaded it (absent in `astro dev`). */
    content?: import('../content/loader.ts').Content;
    /** The Q&A bot, shared with the API (absent in `astro dev`). */
    bot?: import('../api/ask/bot.ts').Bot;
    /** The event store (absent in `astro dev`). */
    events?: import('../api/events/store.ts').EventStore;
    /** Sign-in and publishing for the staff pages, shared with the API (absent in `astro dev`). */
    staff?: import('../api/events/staff.ts').Staff;
  }
}
