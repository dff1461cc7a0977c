import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../content/collections.ts';

// Astro's collections, from the same table and schemas as the portal's loader (content/loader.ts),
// so Astro checks every file as it builds. The pages read the loader's content through their
// controllers (Astro.locals.content). CONTENT_DIR lets a district, or a test, build from another folder.
const root = resolve(process.env.CONTENT_DIR ?? 'content');

export const collections: Record<string, ReturnType<typeof defineCollection>> = {};
for (const [name, c] of Object.entries(COLLECTIONS)) {
  if ('dir' in c) collections[name] = defineCollection({ loader: glob({ pattern: '*.yaml', base: join(root, c.dir) }), schema: c.schema });
  else if (c.shape === 'keyed') collections[name] = defineCollection({ loader: file(join(root, c.file)), schema: c.schema });
}
