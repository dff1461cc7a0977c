// The passages the bot retrieves and quotes: a section of a guide, an article of a convention, a
// centre's description. Each carries the address of its place on the page.
import type { Content } from '../../content/loader.ts';
import { LANGS } from '../../content/schemas/index.ts';
import type { SearchDocument } from '../../search/index.ts';
import { conventionPassages } from '../conventions/index.ts';
import { servicePassages } from '../directory/index.ts';
import { policyPassages } from '../policies/index.ts';

export function passages(content: Content, day: string): SearchDocument[] {
  return LANGS.flatMap((lang) => [...policyPassages(content, lang, day), ...conventionPassages(content, lang), ...servicePassages(content, lang)]);
}

/**
 * What a guide passage's id says (`{lang}:policy:{guide}:{part}`, from policyPassages): its guide
 * and its part (`who`, `steps`, `faq` for every FAQ item…). Undefined for other passages.
 */
export function guidePart(p: SearchDocument): { guide: string; part: string } | undefined {
  if (p.type !== 'policy') return undefined;
  const [, , guide, part] = p.id.split(':');
  return guide && part ? { guide, part: part.replace(/-\d+$/, '') } : undefined;
}
