// The built-in rule packs. `npm run build` validates rules/*.yaml with the zod schema and stores the
// result in dist/rules.json; loading that JSON needs neither zod nor a YAML parser. If the YAML files
// changed since (their hash differs), they are loaded and validated again instead.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, PACKAGE_ROOT } from '../paths.js';
import type { Rule } from './rules.js';

export const COMPILED_RULES = join(PACKAGE_ROOT, 'dist', 'rules.json');

export interface CompiledPacks {
  readonly hash: string;
  readonly rules: Rule[];
}

/** The built-in pack files, in load order. */
export function builtinFiles(): string[] {
  return readdirSync(BUILTIN_RULES).filter((n) => /\.ya?ml$/.test(n) && !/\.cases\.ya?ml$/.test(n)).sort()
    .map((n) => join(BUILTIN_RULES, n));
}

/** A hash of the pack files' names and contents. */
export function packsHash(files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.slice(BUILTIN_RULES.length)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export async function builtinRules(): Promise<Rule[]> {
  const files = builtinFiles();
  const hash = packsHash(files);
  try {
    const compiled = JSON.parse(readFileSync(COMPILED_RULES, 'utf8')) as CompiledPacks;
    if (compiled.hash === hash) return compiled.rules;
  } catch {
    // not built yet
  }
  const { loadPacks } = await import('./rules.js');
  return loadPacks(files);
}
