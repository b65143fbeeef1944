// The Compose Specification's JSON Schema (schema/compose-spec, Apache-2.0), with the keys the
// specification added after that copy (additions.json), compiled with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../paths.js';

export const COMPOSE_SCHEMA_DIR = join(PACKAGE_ROOT, 'schema', 'compose-spec');
export const COMPOSE_SCHEMA = join(COMPOSE_SCHEMA_DIR, 'compose-spec.json');

/** One property the specification added after the shipped copy of its schema. */
export interface SchemaAddition {
  /** JSON Pointer to a `properties` object in the schema. */
  readonly at: string;
  readonly key: string;
  readonly schema: Record<string, unknown>;
  /** The upstream commit that added it. */
  readonly upstream: string;
}

/** Where the shipped schema came from (schema/compose-spec/SOURCE.json). */
export interface SchemaSource {
  readonly upstream: { readonly commit: string; readonly date: string };
  readonly taken: { readonly npm?: string };
}

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

/** The object a JSON Pointer names, or undefined. */
export function pointer(root: unknown, at: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const raw of at.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? node as Record<string, unknown> : undefined;
}

/** Apply the additions a schema lacks; an addition whose place is gone is an error in the shipped data. */
export function applyAdditions(schema: unknown, additions: readonly SchemaAddition[]): void {
  for (const a of additions) {
    const props = pointer(schema, a.at);
    if (!props) throw new Error(`schema/compose-spec/additions.json: ${a.at} is not an object in compose-spec.json (key ${a.key})`);
    if (!(a.key in props)) props[a.key] = a.schema;
  }
}

export function readAdditions(): SchemaAddition[] {
  return (JSON.parse(readFileSync(join(COMPOSE_SCHEMA_DIR, 'additions.json'), 'utf8')) as { additions: SchemaAddition[] }).additions;
}

let source: SchemaSource | undefined;
export function schemaSource(): SchemaSource {
  source ??= JSON.parse(readFileSync(join(COMPOSE_SCHEMA_DIR, 'SOURCE.json'), 'utf8')) as SchemaSource;
  return source;
}

let compiled: ValidateFunction | undefined;

export function composeValidator(): ValidateFunction {
  if (!compiled) {
    const schema = normalizeSchema(JSON.parse(readFileSync(COMPOSE_SCHEMA, 'utf8'))) as Record<string, unknown>;
    applyAdditions(schema, readAdditions());
    const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false, allErrors: true, validateFormats: false, logger: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}
