import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/index.ts';
import type { Place } from '../../content/schemas/index.ts';
import { pick } from './pages.ts';

export type ServiceEntry = CollectionEntry<'services'>;

/** The name of a place id in `lang`, or undefined for an unknown or missing id. */
export async function placeName(lang: Lang, id: string | null | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const place = await getEntry('places', id);
  return place ? pick(lang, place.data.name) : undefined;
}

/** The district, then its towns and streets, in the order of content/places.yaml: for filters and grouping. */
export async function townOptions(lang: Lang) {
  // Typed by hand: Astro's generated collection types resolve to `any` under this tsconfig.
  const places: { id: string; data: Place }[] = await getCollection('places');
  return places
    .filter((p) => p.data.kind === 'district' || p.data.kind === 'town' || p.data.kind === 'street')
    .map((p) => ({ id: p.id, name: pick(lang, p.data.name) }));
}

/** Entries grouped under their town or street; entries whose town is unknown come last. */
export function groupByTown<T>(rows: T[], townOf: (row: T) => string | null | undefined, towns: { id: string; name: string }[], unknown: string) {
  const groups = towns.map((town) => ({ id: town.id, name: town.name, rows: rows.filter((r) => townOf(r) === town.id) }));
  const known = new Set(towns.map((t) => t.id));
  groups.push({ id: 'other', name: unknown, rows: rows.filter((r) => !known.has(townOf(r) ?? '')) });
  return groups.filter((g) => g.rows.length > 0);
}
