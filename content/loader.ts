import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, type Collection, type Content } from './collections.ts';
import { t, type UiKey } from './i18n/index.ts';
import { slug } from './schemas/index.ts';

export { COLLECTIONS, type Content } from './collections.ts';

/** One thing wrong with one content file. */
export interface ContentIssue {
  file: string;
  field: string;
  reason: string;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(
      `${issues.length} content error(s):\n` +
        issues.map((i) => `  ${i.file}: field "${i.field}": ${i.reason}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * Reads and validates every content file with the same zod schemas Astro's collections use,
 * then checks the references between files. Throws one ContentError listing every problem, so an
 * editor sees them all at once.
 */
export function loadContent(contentDir: string = DEFAULT_CONTENT_DIR): Content {
  const issues: ContentIssue[] = [];
  const root = resolve(contentDir);
  const show = (path: string) => relative(process.cwd(), path) || path;

  function validate(schema: z.ZodTypeAny, data: unknown, file: string, prefix = ''): unknown {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      issues.push({ file: show(file), field: path || '(root)', reason: issue.message });
    }
    return undefined;
  }

  function readYaml(file: string): unknown {
    if (!existsSync(file)) {
      issues.push({ file: show(file), field: '(file)', reason: 'the file is missing' });
      return undefined;
    }
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch (error) {
      issues.push({ file: show(file), field: '(file)', reason: (error as Error).message.split('\n')[0] });
      return undefined;
    }
  }

  function keyedFile(name: string, schema: z.ZodTypeAny): Map<string, unknown> {
    const file = join(root, name);
    const out = new Map<string, unknown>();
    const data = readYaml(file);
    if (data === undefined) return out;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      issues.push({ file: show(file), field: '(root)', reason: 'expected a mapping of id to entry' });
      return out;
    }
    for (const [id, entry] of Object.entries(data)) {
      if (!slug.safeParse(id).success) {
        issues.push({ file: show(file), field: id, reason: 'an id must be lower-case letters, digits and hyphens' });
        continue;
      }
      const parsed = validate(schema, entry, file, id);
      if (parsed !== undefined) out.set(id, parsed);
    }
    return out;
  }

  function wholeFile(name: string, schema: z.ZodTypeAny): unknown {
    const file = join(root, name);
    const data = readYaml(file);
    return data === undefined ? undefined : validate(schema, data, file);
  }

  function directory(name: string, schema: z.ZodTypeAny): Map<string, unknown> {
    const dir = join(root, name);
    const out = new Map<string, unknown>();
    if (!existsSync(dir)) {
      issues.push({ file: show(dir), field: '(folder)', reason: 'the folder is missing' });
      return out;
    }
    for (const entry of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const file = join(dir, entry);
      const id = entry.replace(/\.ya?ml$/, '');
      if (!slug.safeParse(id).success) {
        issues.push({ file: show(file), field: '(file name)', reason: 'a file name must be lower-case letters, digits and hyphens' });
        continue;
      }
      const data = readYaml(file);
      if (data === undefined) continue;
      const parsed = validate(schema, data, file);
      if (parsed !== undefined) out.set(id, parsed);
    }
    return out;
  }

  const read = (c: Collection) => ('dir' in c ? directory(c.dir, c.schema) : c.shape === 'keyed' ? keyedFile(c.file, c.schema) : wholeFile(c.file, c.schema));
  const content = Object.fromEntries(Object.entries(COLLECTIONS).map(([name, c]) => [name, read(c)])) as Content;

  checkReferences(content, root, show, issues);
  if (issues.length > 0) throw new ContentError(issues);
  return content;
}

/** Every id one file names in another must exist; a dangling link would be a broken page. */
function checkReferences(c: Content, root: string, show: (p: string) => string, issues: ContentIssue[]): void {
  const file = (dir: string, id: string) => show(join(root, dir, `${id}.yaml`));
  const need = (ok: boolean, where: string, field: string, what: string, id: string) => {
    if (!ok) issues.push({ file: where, field, reason: `no ${what} with id "${id}"` });
  };
  // A whole file that failed to load is already reported; its references cannot be checked.
  const district = c.district as Content['district'] | undefined;
  if (district) {
    const where = show(join(root, COLLECTIONS.district.file));
    need(c.places.get(district.place)?.kind === 'district', where, 'place', 'district in places.yaml', district.place);
    need(c.services.get(district.bureau)?.type === 'bureau', where, 'bureau', 'bureau in services', district.bureau);
    if (district.letters.helpGuide) need(c.policies.has(district.letters.helpGuide), where, 'letters.helpGuide', 'policy', district.letters.helpGuide);
  }
  for (const [id, place] of c.places) {
    if (place.parent) need(c.places.has(place.parent), show(join(root, COLLECTIONS.places.file)), `${id}.parent`, 'place', place.parent);
  }
  for (const [id, p] of c.policies) {
    const where = file(COLLECTIONS.policies.dir, id);
    if (p.programme) need(c.programmes.has(p.programme), where, 'programme', 'programme', p.programme);
    p.parameters.forEach((x, i) => need(c.parameters.has(x), where, `parameters.${i}`, 'parameter', x));
    p.whereToApply.forEach((x, i) => need(c.services.has(x), where, `whereToApply.${i}`, 'service', x));
  }
  for (const [id, p] of c.policies) checkCrossReferences(p, file(COLLECTIONS.policies.dir, id), issues);
  for (const [id, p] of c.programmes) {
    const where = file(COLLECTIONS.programmes.dir, id);
    need(c.policies.has(p.guide), where, 'guide', 'policy', p.guide);
    p.parameters.forEach((x, i) => need(c.parameters.has(x), where, `parameters.${i}`, 'parameter', x));
    p.insteadOf?.programmes.forEach((x, i) => need(c.programmes.has(x), where, `insteadOf.programmes.${i}`, 'programme', x));
  }
  for (const [id, s] of c.services) {
    const where = file(COLLECTIONS.services.dir, id);
    if (s.town) need(c.places.has(s.town), where, 'town', 'place', s.town);
    if (s.community) need(c.places.has(s.community), where, 'community', 'place', s.community);
  }
  for (const [id, conv] of c.conventions) {
    const where = file(COLLECTIONS.conventions.dir, id);
    need(c.places.has(conv.place), where, 'place', 'place', conv.place);
    const current = new Set(conv.versions.at(-1)?.articles.map((a) => a.number));
    conv.posterArticles.forEach((n, i) => {
      if (!current.has(n)) issues.push({ file: where, field: `posterArticles.${i}`, reason: `no article ${n} in the current version` });
    });
    conv.versions.forEach((v, vi) => {
      const seen = new Set<number>();
      v.articles.forEach((a, ai) => {
        if (seen.has(a.number)) issues.push({ file: where, field: `versions.${vi}.articles.${ai}.number`, reason: `article ${a.number} appears twice` });
        seen.add(a.number);
      });
    });
  }
}

const loaded = new Map<string, Content>();

/**
 * The content of a folder (`content` under the working directory when unset), read and checked
 * once per process: the build renders hundreds of pages from it. (Relative to the working
 * directory, not this file: the pages' bundle runs from elsewhere.)
 */
export function contentOf(contentDir?: string): Content {
  const dir = resolve(contentDir ?? 'content');
  let content = loaded.get(dir);
  if (!content) loaded.set(dir, (content = loadContent(dir)));
  return content;
}

// A guide's sections, by the headings readers see: what its text may point at by name.
const SECTION_KEYS: UiKey[] = ['policy.who', 'policy.what', 'policy.amounts', 'policy.materials', 'policy.steps', 'policy.timeLimits', 'policy.where', 'policy.legal', 'policy.faq'];
const POSITION = { zh: /下方|上方|本页下|本页上|下文|上文/, en: /\b(see|shown|listed|given|figures?)\b[^.;:]{0,40}\b(below|above)\b/i };
const NAMED = { zh: /见“([^”]+)”/g, en: /(?:under|see) “([^”]+)”/gi };

/**
 * Every cross-reference in a guide must be true. "Below" and "above" are refused (the layout moves:
 * the FAQ that said "本页下方" sat under the table it meant); a section named in quotation marks
 * must be one the guide has, by its heading.
 */
function checkCrossReferences(policy: unknown, where: string, issues: ContentIssue[], path: string[] = []): void {
  if (typeof policy === 'string') {
    const lang = path.at(-1);
    if (lang !== 'zh' && lang !== 'en') return;
    const field = path.join('.');
    if (POSITION[lang].test(policy)) issues.push({ file: where, field, reason: `points at a place on the page (“${POSITION[lang].exec(policy)![0]}”): name the section instead, e.g. “${t(lang, 'policy.what')}”` });
    const headings = new Set(SECTION_KEYS.map((key) => t(lang, key)));
    for (const [, name] of policy.matchAll(NAMED[lang])) {
      if (!headings.has(name!)) issues.push({ file: where, field, reason: `names a section “${name}” that guides do not have (${[...headings].join(', ')})` });
    }
    return;
  }
  if (Array.isArray(policy)) policy.forEach((item, i) => checkCrossReferences(item, where, issues, [...path, String(i)]));
  else if (policy && typeof policy === 'object') for (const [key, value] of Object.entries(policy)) checkCrossReferences(value, where, issues, [...path, key]);
}
