import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { BUILD_ORIGIN, entityTag, pagePolicy } from '../core/index.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Hashed build assets never change under the same name. */
  immutable: boolean;
  /** Its entity tag, as it is on disk. */
  etag: string;
  /** It holds the build's placeholder origin, which the server replaces with the request's. */
  hasOrigin: boolean;
  /** A page's Content-Security-Policy, with the hashes of its inline scripts and styles. */
  policy?: string;
}

export type Lookup =
  | { kind: 'file'; file: StaticFile }
  | { kind: 'redirect'; location: string }
  | { kind: 'none' };

/**
 * The prerendered site (dist/client), read once into memory at start-up: a few hundred small
 * files, served without touching the disk, and no path from a request ever reaches the file system.
 */
export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(root: string) {
    if (!existsSync(root)) return;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else {
          const key = '/' + relative(root, full).split(sep).join('/');
          const body = readFileSync(full);
          const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
          this.files.set(key, {
            body,
            type,
            immutable: key.startsWith('/_astro/'),
            etag: entityTag(body),
            hasOrigin: type.includes('charset=utf-8') && body.includes(BUILD_ORIGIN),
            ...(type.startsWith('text/html') && { policy: pagePolicy(body.toString('utf8')) }),
          });
        }
      }
    };
    walk(root);
  }

  get size(): number {
    return this.files.size;
  }

  get(key: string): StaticFile | undefined {
    return this.files.get(key);
  }

  /** Finds the file for a URL path: `/zh/` is `/zh/index.html`; `/zh` redirects to `/zh/`. */
  lookup(pathname: string): Lookup {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return { kind: 'none' };
    }
    if (path.endsWith('/')) {
      const file = this.files.get(`${path}index.html`);
      return file ? { kind: 'file', file } : { kind: 'none' };
    }
    const file = this.files.get(path);
    if (file) return { kind: 'file', file };
    if (this.files.has(`${path}/index.html`)) return { kind: 'redirect', location: `${pathname}/` };
    return { kind: 'none' };
  }
}
