// The official Open Referral HSDS 3.0 JSON Schemas, read from ../shared/standards/hsds-3.0/ (never
// copied in), compiled with ajv twice: as published, and with `additionalProperties: false` forced
// on every object, as the specification's own check does.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../api/server/paths.ts';

export const HSDS_DIR = join(ROOT, '..', 'shared', 'standards', 'hsds-3.0');
const BASE = 'https://hsds.example/3.0/';

type Json = unknown;

/** Every object schema made closed: a property the specification does not define fails. */
function strictly(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(strictly);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, strictly(value)])) as Record<string, Json>;
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const read = (file: string) => JSON.parse(readFileSync(join(HSDS_DIR, file), 'utf8')) as Json;

export type Mode = 'as published' | 'strict';
export const MODES: Mode[] = ['as published', 'strict'];

/** A validator for one schema file (`service.json`, `compiled/service_with_definitions.json`, …) in one mode. */
export function hsdsValidators(mode: Mode): (file: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const prepare = mode === 'strict' ? strictly : (s: Json) => s;
  for (const file of readdirSync(HSDS_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) ajv.addSchema(prepare(read(file)) as object, `${BASE}${file}`);
  for (const file of readdirSync(join(HSDS_DIR, 'compiled'))) ajv.addSchema(prepare(read(`compiled/${file}`)) as object, `${BASE}compiled/${file}`);
  const page = (read('openapi.json') as { components: { schemas: { Page: object } } }).components.schemas.Page;
  ajv.addSchema(prepare(page) as object, `${BASE}page`);
  return (file) => ajv.getSchema(`${BASE}${file}`)!;
}

/** Each error as "path message", for a failure that says what is wrong. */
export const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
