import type { z } from 'zod';
import {
  botSchema,
  conventionSchema,
  districtSchema,
  parameterSchema,
  placeSchema,
  policySchema,
  programmeSchema,
  questionsSchema,
  serviceSchema,
  synonymsSchema,
  type Service,
} from './schemas/index.ts';

/**
 * Where each kind of content lives under the content folder, and its schema. The loader
 * (`content/loader.ts`) and Astro's collections (`site/content.config.ts`) both read this table,
 * so a new content type is one line here (and its schema).
 *
 * - `dir`: a folder of YAML files, one entry each; the file name is the id.
 * - `file` + `keyed`: one YAML file mapping id → entry.
 * - `file` + `whole`: one YAML file that is the entry.
 */
export const COLLECTIONS = {
  district: { file: 'district.yaml', shape: 'whole', schema: districtSchema },
  places: { file: 'places.yaml', shape: 'keyed', schema: placeSchema },
  parameters: { file: 'rules/parameters.yaml', shape: 'keyed', schema: parameterSchema },
  programmes: { dir: 'rules/programmes', schema: programmeSchema },
  policies: { dir: 'policies', schema: policySchema },
  conventions: { dir: 'conventions', schema: conventionSchema },
  services: { dir: 'services', schema: serviceSchema },
  synonyms: { file: 'synonyms.yaml', shape: 'whole', schema: synonymsSchema },
  questions: { file: 'rules/questions.yaml', shape: 'whole', schema: questionsSchema },
  bot: { file: 'bot.yaml', shape: 'whole', schema: botSchema },
} as const satisfies Record<string, Collection>;

export type Collection =
  | { dir: string; schema: z.ZodTypeAny }
  | { file: string; shape: 'keyed' | 'whole'; schema: z.ZodTypeAny };

type Loaded<C> = C extends { shape: 'whole'; schema: infer S extends z.ZodTypeAny } ? z.output<S> : C extends { schema: infer S extends z.ZodTypeAny } ? Map<string, z.output<S>> : never;

/** All content, validated: a map of entries by id for each folder or keyed file, the entry itself for a whole file. */
export type Content = Omit<{ [K in keyof typeof COLLECTIONS]: Loaded<(typeof COLLECTIONS)[K]> }, 'services'> & {
  /** Centres and offices; at run time with the facts the centres confirmed laid over (api/directory). */
  services: Map<string, Service>;
};
