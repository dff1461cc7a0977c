// The data the convention pages show, prepared for the components in the reader's language.
import type { Legislation, WithContext } from 'schema-dts';
import QRCode from 'qrcode';
import { HTML_LANG, t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import { conventionSchema, type Convention, type Lang } from '../../content/schemas/index.ts';
import { absolute, href, readableDate } from '../core/index.ts';
import { districtAndTowns, groupByTown, placeName, townOfPlace } from '../places/index.ts';
import { diffArticles } from './diff.ts';
import { fingerprint, groupedFingerprint } from './fingerprint.ts';

export const CONVENTION_KINDS = conventionSchema.shape.kind.options;

export interface ConventionCard {
  id: string;
  title: string;
  kind: Convention['kind'];
  place?: string;
  summary: string;
  verified: boolean;
  url: string;
}

/** The conventions, filtered by kind and town, grouped under their town (the district's own first). */
export function conventionGroups(content: Content, lang: Lang, filter: { kind?: Convention['kind']; town?: string }) {
  const rows = [...content.conventions]
    .map(([id, c]) => ({ town: townOfPlace(content, c.place), card: { id, title: c.title[lang], kind: c.kind, place: placeName(content, lang, c.place), summary: c.summary[lang], verified: c.verified, url: href(lang, `conventions/${id}/`) } satisfies ConventionCard }))
    .filter((r) => (!filter.kind || r.card.kind === filter.kind) && (!filter.town || r.town === filter.town));
  return groupByTown(rows, (r) => r.town, districtAndTowns(content, lang), t(lang, 'place.unknownTown')).map((g) => ({ ...g, rows: g.rows.map((r) => r.card) }));
}

/** Every convention as a card, in the order of its town. */
export function conventionCards(content: Content, lang: Lang): ConventionCard[] {
  return conventionGroups(content, lang, {}).flatMap((g) => g.rows);
}

type Article = Convention['versions'][number]['articles'][number];
/** An article in the reader's language; `textLang` when the English is the Chinese text itself (a village adopted it in Chinese only). */
const articleView = (lang: Lang, a: Article) => ({
  number: a.number,
  topic: a.topic?.[lang],
  text: a.text[lang],
  ...(lang !== 'zh' && a.text[lang] === a.text.zh && /\p{Script=Han}/u.test(a.text.zh) && { textLang: 'zh-Hans' }),
});

/**
 * One convention's page: the articles in force by part (or of an earlier version, `version` from
 * 1), its song, cases, each version's record and fingerprint, and what the last revision changed.
 */
export function conventionPage(content: Content, id: string, lang: Lang, origin: string | URL, version?: number) {
  const c = content.conventions.get(id);
  if (!c) return undefined;
  const place = placeName(content, lang, c.place);
  const shown = version === undefined ? c.versions.length : version;
  if (shown < 1 || shown > c.versions.length) return undefined;
  const current = c.versions[shown - 1]!;
  const previous = c.versions[shown - 2];
  const page = href(lang, `conventions/${id}/`);
  const inForce = current.procedure.find((s) => s.step === 'in-force')?.date;
  const url = absolute(origin, href(lang, `conventions/${id}/`));
  const articleLabel = (n: number) => t(lang, 'convention.article', { n });
  return {
    id,
    title: c.title[lang],
    summary: c.summary[lang],
    kind: c.kind,
    place,
    verified: c.verified,
    demonstration: c.demonstration,
    version: current.label[lang],
    /** An earlier version is shown: where the one in force is. */
    old: shown < c.versions.length ? { current: page } : undefined,
    inForce: inForce && readableDate(lang, inForce),
    parts: (['general', 'specific'] as const)
      .map((part) => ({ part, articles: current.articles.filter((a) => a.part === part).map((a) => articleView(lang, a)) }))
      .filter((p) => p.articles.length > 0),
    song: c.song && { title: c.song.title[lang], lines: c.song.lines.map((l) => l[lang]) },
    cases: c.cases.map((x) => ({ title: x.title[lang], text: x.text[lang] })),
    history: c.versions.map((v, i) => {
      const hex = fingerprint(v);
      return {
        label: v.label[lang],
        current: i === c.versions.length - 1,
        shown: i === shown - 1,
        url: i === c.versions.length - 1 ? page : `${page}?version=${i + 1}`,
        fingerprint: groupedFingerprint(hex),
        fingerprintHex: hex,
        text: `/api/conventions/${id}/versions/${i + 1}/text`,
        steps: v.procedure.map((s) => ({
          date: readableDate(lang, s.date),
          step: s.step,
          note: s.note?.[lang],
          votes: s.votes && t(lang, 'step.votes', s.votes),
          consultation: s.consultation && href(lang, `consultations/${s.consultation}/`),
        })),
      };
    }),
    changes: previous && {
      from: previous.label[lang],
      to: current.label[lang],
      list: diffArticles(previous.articles, current.articles).map((ch) => ({ number: ch.number, kind: ch.kind, before: ch.before?.text[lang], after: ch.after?.text[lang] })),
    },
    reviewed: readableDate(lang, c.reviewed),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: c.title[lang],
      abstract: c.summary[lang],
      url,
      inLanguage: HTML_LANG[lang],
      legislationType: t(lang, `convention.kind.${c.kind}`),
      ...(place && { spatialCoverage: { '@type': 'AdministrativeArea', name: place } }),
      ...(inForce && { legislationDate: inForce }),
      legislationLegalForce: shown < c.versions.length ? 'NotInForce' : 'InForce',
      hasPart: current.articles.map((a) => ({ '@type': 'Legislation', name: articleLabel(a.number), url: `${url}#article-${a.number}`, text: a.text[lang] })),
    } satisfies WithContext<Legislation>,
  };
}

/**
 * The printable poster: the articles chosen for it (or the first five specific rules) and a QR
 * code to the convention's page on the public site, made offline.
 */
export async function posterPage(content: Content, id: string, lang: Lang, origin: string | URL) {
  const c = content.conventions.get(id);
  if (!c) return undefined;
  const current = c.versions.at(-1)!;
  const listed = c.posterArticles.filter((n) => current.articles.some((a) => a.number === n));
  // The chosen articles that the version in force still has, else its first five specific rules.
  const chosen = listed.length > 0 ? listed : current.articles.filter((a) => a.part === 'specific').slice(0, 5).map((a) => a.number);
  const url = absolute(origin, href(lang, `conventions/${id}/`));
  return {
    id,
    title: c.title[lang],
    place: placeName(content, lang, c.place),
    version: current.label[lang],
    verified: c.verified,
    articles: chosen.flatMap((n) => current.articles.filter((a) => a.number === n)).map((a) => articleView(lang, a)),
    fingerprint: groupedFingerprint(fingerprint(current)),
    url,
    qr: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  };
}
