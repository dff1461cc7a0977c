import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  conventionSchema,
  parameterSchema,
  placeSchema,
  policySchema,
  programmeSchema,
  serviceSchema,
  slug,
  synonymsSchema,
  questionsSchema,
  botSchema,
  type BotRules,
  type QuestionText,
  type Convention,
  type Parameter,
  type Place,
  type Policy,
  type Programme,
  type Service,
  type Synonyms,
} from './schemas/index.ts';

/** Where each collection lives under the content directory; Astro's content config reads the same table. */
export const COLLECTIONS = {
  places: { file: 'places.yaml' },
  parameters: { file: 'rules/parameters.yaml' },
  programmes: { dir: 'rules/programmes' },
  policies: { dir: 'policies' },
  conventions: { dir: 'conventions' },
  services: { dir: 'services' },
  synonyms: { file: 'synonyms.yaml' },
  questions: { file: 'rules/questions.yaml' },
  bot: { file: 'bot.yaml' },
} as const;

export interface Content {
  places: Map<string, Place>;
  parameters: Map<string, Parameter>;
  programmes: Map<string, Programme>;
  policies: Map<string, Policy>;
  conventions: Map<string, Convention>;
  services: Map<string, Service>;
  /** Search synonyms: groups of terms that mean the same. */
  synonyms: Synonyms;
  /** The self-check's wording, by question id. */
  questions: Record<string, QuestionText>;
  /** The Q&A bot's routing rules and replies (undefined only if the file is missing). */
  bot?: BotRules;
}

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

  function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, file: string, prefix = ''): T | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      issues.push({ file: show(file), field: path || '(root)', reason: issue.message });
    }
    return undefined;
  }

  function readYaml(file: string): unknown {
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch (error) {
      issues.push({ file: show(file), field: '(file)', reason: (error as Error).message.split('\n')[0] });
      return undefined;
    }
  }

  function keyedFile<T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Map<string, T> {
    const file = join(root, name);
    const out = new Map<string, T>();
    if (!existsSync(file)) return out;
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

  function wholeFile<T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T | undefined {
    const file = join(root, name);
    if (!existsSync(file)) return undefined;
    const data = readYaml(file);
    return data === undefined ? undefined : validate(schema, data, file);
  }

  function directory<T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Map<string, T> {
    const dir = join(root, name);
    const out = new Map<string, T>();
    if (!existsSync(dir)) return out;
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

  const content: Content = {
    places: keyedFile(COLLECTIONS.places.file, placeSchema),
    parameters: keyedFile(COLLECTIONS.parameters.file, parameterSchema),
    programmes: directory(COLLECTIONS.programmes.dir, programmeSchema),
    policies: directory(COLLECTIONS.policies.dir, policySchema),
    conventions: directory(COLLECTIONS.conventions.dir, conventionSchema),
    services: directory(COLLECTIONS.services.dir, serviceSchema),
    synonyms: wholeFile(COLLECTIONS.synonyms.file, synonymsSchema) ?? [],
    questions: wholeFile(COLLECTIONS.questions.file, questionsSchema) ?? {},
    bot: wholeFile(COLLECTIONS.bot.file, botSchema),
  };

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
  for (const [id, place] of c.places) {
    if (place.parent) need(c.places.has(place.parent), show(join(root, COLLECTIONS.places.file)), `${id}.parent`, 'place', place.parent);
  }
  for (const [id, p] of c.policies) {
    const where = file(COLLECTIONS.policies.dir, id);
    if (p.programme) need(c.programmes.has(p.programme), where, 'programme', 'programme', p.programme);
    p.parameters.forEach((x, i) => need(c.parameters.has(x), where, `parameters.${i}`, 'parameter', x));
    p.whereToApply.forEach((x, i) => need(c.services.has(x), where, `whereToApply.${i}`, 'service', x));
  }
  for (const [id, p] of c.programmes) {
    const where = file(COLLECTIONS.programmes.dir, id);
    need(c.policies.has(p.guide), where, 'guide', 'policy', p.guide);
    p.parameters.forEach((x, i) => need(c.parameters.has(x), where, `parameters.${i}`, 'parameter', x));
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
