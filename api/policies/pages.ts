// The data the guide pages show, prepared for the components: every text already in the
// reader's language.
import type { GovernmentService, WithContext } from 'schema-dts';
import type { Content } from '../../content/loader.ts';
import type { Lang } from '../../content/schemas/index.ts';
import { absolute, href, readableDate } from '../core/index.ts';
import { amountRows, type AmountRow } from './amounts.ts';

export interface GuideCard {
  id: string;
  title: string;
  /** One line: who it is for. */
  forWhom: string;
  summary: string;
  url: string;
}

/** The guides of one kind, what residents need most first. */
export function guideCards(content: Content, lang: Lang, kind: 'programme' | 'explainer'): GuideCard[] {
  return [...content.policies]
    .filter(([, p]) => p.kind === kind)
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([id, p]) => ({ id, title: p.title[lang], forWhom: p.forWhom[lang], summary: p.summary[lang], url: href(lang, `policies/${id}/`) }));
}

/** The guides in two groups: one per programme, then the explainers. */
export function guideGroups(content: Content, lang: Lang): GuideCard[][] {
  const cards = (kind: 'programme' | 'explainer') => guideCards(content, lang, kind);
  return [cards('programme'), cards('explainer')].filter((group) => group.length > 0);
}

export interface GuidePage {
  id: string;
  kind: 'programme' | 'explainer';
  title: string;
  summary: string;
  verified: boolean;
  who: string[];
  what: string[];
  amounts: AmountRow[];
  materials: string[];
  steps: { title: string; text: string }[];
  timeLimits: string[];
  offices: { name: string; url: string }[];
  legal: string[];
  faq: { q: string; a: string }[];
  reviewed: string;
}

/** One guide, with the amounts in force on `day`; undefined when there is no such guide. */
export function guidePage(content: Content, id: string, lang: Lang, day: string): GuidePage | undefined {
  const p = content.policies.get(id);
  if (!p) return undefined;
  const pick = (items: { zh: string; en: string }[]) => items.map((item) => item[lang]);
  return {
    id,
    kind: p.kind,
    title: p.title[lang],
    summary: p.summary[lang],
    verified: p.verified,
    who: pick(p.whoCanApply),
    what: pick(p.whatYouGet),
    amounts: amountRows(content, p.parameters, lang, day),
    materials: pick(p.materials),
    steps: p.steps.map((s) => ({ title: s.title[lang], text: s.text[lang] })),
    timeLimits: pick(p.timeLimits),
    offices: p.whereToApply.flatMap((office) => {
      const s = content.services.get(office);
      return s ? [{ name: s.name[lang], url: href(lang, `services/${office}/`) }] : [];
    }),
    legal: p.legalBasis.map((l) => `${l.title[lang]}${l.article ? ` ${l.article[lang]}` : ''}`),
    faq: p.faq.map((f) => ({ q: f.q[lang], a: f.a[lang] })),
    reviewed: readableDate(lang, p.reviewed),
  };
}

/**
 * A programme's guide as schema.org's GovernmentService: the bureau provides it, in the district,
 * through the offices where residents apply. Explainers are not services: none.
 */
export function guideJsonLd(content: Content, id: string, lang: Lang, origin: string): WithContext<GovernmentService> | undefined {
  const p = content.policies.get(id);
  if (!p || p.kind !== 'programme') return undefined;
  const { district } = content;
  const bureau = content.services.get(district.bureau);
  const page = (path: string) => absolute(origin, href(lang, path));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: p.title[lang],
    description: p.summary[lang],
    url: page(`policies/${id}/`),
    audience: { '@type': 'Audience', audienceType: p.forWhom[lang] },
    areaServed: { '@type': 'AdministrativeArea', name: district.name[lang] },
    provider: { '@type': 'GovernmentOrganization', name: bureau?.name[lang] ?? district.name[lang], ...(bureau && { url: page(`services/${district.bureau}/`) }) },
    availableChannel: p.whereToApply.flatMap((office) => {
      const s = content.services.get(office);
      return s ? [{ '@type': 'ServiceChannel' as const, name: s.name[lang], serviceLocation: { '@type': 'GovernmentOffice' as const, name: s.name[lang], url: page(`services/${office}/`) } }] : [];
    }),
  };
}
