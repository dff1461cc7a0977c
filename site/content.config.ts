import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { isAbsolute, join, resolve } from 'node:path';
import { COLLECTIONS } from '../content/loader.ts';
import {
  conventionSchema,
  parameterSchema,
  placeSchema,
  policySchema,
  programmeSchema,
  serviceSchema,
} from '../content/schemas/index.ts';

// The same schemas the API's loader uses (content/loader.ts); CONTENT_DIR lets a district, or a
// test, build from another content folder.
const contentDir = process.env.CONTENT_DIR ?? 'content';
const root = isAbsolute(contentDir) ? contentDir : resolve(contentDir);
const yamlIn = (dir: string) => glob({ pattern: '*.yaml', base: join(root, dir) });

export const collections = {
  places: defineCollection({ loader: file(join(root, COLLECTIONS.places.file)), schema: placeSchema }),
  parameters: defineCollection({ loader: file(join(root, COLLECTIONS.parameters.file)), schema: parameterSchema }),
  programmes: defineCollection({ loader: yamlIn(COLLECTIONS.programmes.dir), schema: programmeSchema }),
  policies: defineCollection({ loader: yamlIn(COLLECTIONS.policies.dir), schema: policySchema }),
  conventions: defineCollection({ loader: yamlIn(COLLECTIONS.conventions.dir), schema: conventionSchema }),
  services: defineCollection({ loader: yamlIn(COLLECTIONS.services.dir), schema: serviceSchema }),
};
