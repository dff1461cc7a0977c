import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the build goes; tests build elsewhere through PORTAL_OUT_DIR. */
export function outDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env.PORTAL_OUT_DIR ?? 'dist');
}

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env.CONTENT_DIR ?? 'content');
}

const STAMP = '.build-stamp';

/**
 * A fingerprint of everything the build reads: the site, the content, the code the pages import
 * (their controllers in api/, the text handling in search/), the configuration and the locked
 * dependencies. `npm start` rebuilds when it changes.
 */
export function sourceStamp(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else {
      hash.update(path).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  // The pages import the content schemas and loader, so the code under content/ counts even when
  // CONTENT_DIR points at another district's files.
  for (const part of ['site', 'api', 'search', 'content', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) add(join(ROOT, part));
  if (contentDir(env) !== join(ROOT, 'content')) add(contentDir(env));
  hash.update(`PUBLIC_ORIGIN=${env.PUBLIC_ORIGIN ?? ''}`);
  return hash.digest('hex');
}

export function readStamp(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = join(outDir(env), STAMP);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

export function stampPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(outDir(env), STAMP);
}

/**
 * The flags Node runs the server with (`npm start`, the systemd unit in docs/deploy.md, the tests):
 * a young generation of 4 MB semi-spaces instead of 16 keeps some 20 MB less resident, at no
 * throughput we could measure (npm run bench).
 */
export const NODE_FLAGS = ['--max-semi-space-size=4'];

/** The compiled server (see bundle.ts), under the build folder. */
export function serverEntry(env: NodeJS.ProcessEnv = process.env): string {
  return join(outDir(env), 'api', 'start.mjs');
}

/** The build is there, whole: pages and compiled server. */
export function isBuilt(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(join(outDir(env), 'client', 'index.html')) && existsSync(serverEntry(env));
}

export function isBuildCurrent(env: NodeJS.ProcessEnv = process.env): boolean {
  return readStamp(env) === sourceStamp(env) && isBuilt(env);
}
