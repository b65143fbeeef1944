// The built-in rule packs. `npm run build` validates rules/*.yaml with the zod schema and stores the
// result in dist/rules.json; loading that JSON needs neither zod nor a YAML parser. If a YAML file
// changed since (its size or modification time differs), they are loaded and validated again instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, PACKAGE_ROOT } from '../paths.js';
import type { Rule } from './rules.js';

export const COMPILED_RULES = join(PACKAGE_ROOT, 'dist', 'rules.json');

export interface CompiledPacks {
  /** What the packs looked like when compiled: name, size and modification time of each file. */
  readonly stamp: string;
  readonly rules: Rule[];
}

/** The built-in pack files, in load order. */
export function builtinFiles(): string[] {
  return readdirSync(BUILTIN_RULES).filter((n) => /\.ya?ml$/.test(n) && !/\.cases\.ya?ml$/.test(n)).sort()
    .map((n) => join(BUILTIN_RULES, n));
}

/** The pack files' names, sizes and modification times. */
export function packsStamp(files: readonly string[]): string {
  return files.map((f) => {
    const st = statSync(f);
    return `${f.slice(BUILTIN_RULES.length)}:${st.size}:${st.mtimeMs}`;
  }).join('\n');
}

export async function builtinRules(): Promise<Rule[]> {
  const files = builtinFiles();
  const stamp = packsStamp(files);
  try {
    const compiled = JSON.parse(readFileSync(COMPILED_RULES, 'utf8')) as CompiledPacks;
    if (compiled.stamp === stamp) return compiled.rules;
  } catch {
    // not built yet
  }
  const { loadPacks } = await import('./rules.js');
  return loadPacks(files);
}
