import { z } from 'zod';
import { localized, slug } from './common.ts';

// The id is the entry's key in `content/places.yaml`, e.g. `bahuang`.

/**
 * A town (镇), street (街道), community (社区) or village (村) of the district, or the district
 * itself. Services, conventions and events point at places by id, so another district deploys
 * the portal by replacing this list, not the code.
 */
export const placeSchema = z.strictObject({
  /** The place's name as residents say it. */
  name: localized,
  /** What kind of place it is; towns and streets are the township level that handles applications. */
  kind: z.enum(['district', 'town', 'street', 'community', 'village']),
  /** The id of the place it belongs to (a village's town); the district has none. */
  parent: slug.optional(),
});
export type Place = z.infer<typeof placeSchema>;
