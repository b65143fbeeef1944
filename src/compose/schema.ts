// The Compose Specification's JSON Schema (schema/compose-spec, Apache-2.0), compiled with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../paths.js';

export const COMPOSE_SCHEMA = join(PACKAGE_ROOT, 'schema', 'compose-spec', 'compose-spec.json');

/**
 * Older copies of the schema use draft-04's `id` keyword and a `$schema` URI ajv does not know;
 * drop both. (A string-valued `id` is always the keyword: properties named `id` map to schemas.)
 */
export function normalizeSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeSchema);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'id' || k === '$schema') && typeof v === 'string') continue;
    out[k] = normalizeSchema(v);
  }
  return out;
}

let compiled: ValidateFunction | undefined;

export function composeValidator(): ValidateFunction {
  if (!compiled) {
    const schema = normalizeSchema(JSON.parse(readFileSync(COMPOSE_SCHEMA, 'utf8'))) as Record<string, unknown>;
    const ajv = new (Ajv2019 as unknown as typeof Ajv2019.default)({ strict: false, allErrors: true, validateFormats: false, logger: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}
