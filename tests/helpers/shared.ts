import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../api/server/paths.ts';

/** A file of the shared evaluation sets, which sit beside the project (../shared/eval). */
export function evalSet<T>(name: string): T[] {
  return parse(readFileSync(join(ROOT, '..', 'shared', 'eval', name), 'utf8')) as T[];
}
