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
