// The district's places (content/places.yaml): towns and streets, the communities and villages
// in them. Lists and filters group by town; search filters by it.
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';

export interface TownOption {
  id: string;
  name: string;
}

/** The name of a place id in `lang`, or undefined for an unknown or missing id. */
export function placeName(content: Content, lang: Lang, id: string | null | undefined): string | undefined {
  return id ? content.places.get(id)?.name[lang] : undefined;
}

/** The towns and streets (the township level, where residents apply), in the order of places.yaml. */
export function townOptions(content: Content, lang: Lang): TownOption[] {
  return [...content.places].filter(([, p]) => p.kind === 'town' || p.kind === 'street').map(([id, p]) => ({ id, name: p.name[lang] }));
}

/** The district, then its towns and streets: for filters where "the whole district" is a choice. */
export function districtAndTowns(content: Content, lang: Lang): TownOption[] {
  return [...content.places].filter(([, p]) => p.kind === 'district' || p.kind === 'town' || p.kind === 'street').map(([id, p]) => ({ id, name: p.name[lang] }));
}

/** The town or street a place belongs to: itself, or a village's or community's parent. */
export function townOfPlace(content: Content, placeId: string): string | undefined {
  const place = content.places.get(placeId);
  if (!place) return undefined;
  if (place.kind === 'village' || place.kind === 'community') return place.parent;
  return placeId;
}

/** Entries grouped under their town or street; entries whose town is unknown come last, under `unknown`. */
export function groupByTown<T>(rows: T[], townOf: (row: T) => string | null | undefined, towns: TownOption[], unknown: string) {
  const groups = towns.map((town) => ({ id: town.id, name: town.name, rows: rows.filter((r) => townOf(r) === town.id) }));
  const known = new Set(towns.map((t) => t.id));
  groups.push({ id: 'other', name: unknown, rows: rows.filter((r) => !known.has(townOf(r) ?? '')) });
  return groups.filter((g) => g.rows.length > 0);
}
