/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Elder mode, decided by the server from the cookie or `?elder=` (on-demand pages only). */
    elder?: boolean;
  }
}
