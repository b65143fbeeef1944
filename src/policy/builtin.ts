// The built-in rule packs. `npm run build` validates rules/*.yaml with the zod schema and stores the
// result in dist/rules.json; loading that JSON needs neither zod nor a YAML parser. The rules' examples
// (half of the text) are stored beside it in dist/rules-examples.json, read only by what runs them:
// classifying a command never needs them. If a YAML file changed since (its size or modification time
// differs), the packs are loaded and validated again instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, PACKAGE_ROOT } from '../paths.js';
import type { Rule } from './rules.js';

export const COMPILED_RULES = join(PACKAGE_ROOT, 'dist', 'rules.json');
export const COMPILED_EXAMPLES = join(PACKAGE_ROOT, 'dist', 'rules-examples.json');

export interface CompiledPacks {
  /** What the packs looked like when compiled: name, size and modification time of each file. */
  readonly stamp: string;
  /** The rules, each with empty examples. */
  readonly rules: Rule[];
}

export interface CompiledExamples {
  readonly stamp: string;
  /** Each rule's examples, by rule id. */
  readonly examples: Record<string, Rule['examples']>;
}

/** The two compiled files' contents, as the build writes them. */
export function compiledPacks(rules: readonly Rule[], stamp: string): { packs: CompiledPacks; examples: CompiledExamples } {
  return {
    packs: { stamp, rules: rules.map((r) => ({ ...r, examples: { match: [], not_match: [] } })) },
    examples: { stamp, examples: Object.fromEntries(rules.map((r) => [r.id, r.examples])) },
  };
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

/** The built-in rules; with `examples`, each carries its examples (else they are empty). */
export async function builtinRules(options: { examples?: boolean } = {}): Promise<Rule[]> {
  const files = builtinFiles();
  const stamp = packsStamp(files);
  try {
    const compiled = JSON.parse(readFileSync(COMPILED_RULES, 'utf8')) as CompiledPacks;
    if (compiled.stamp === stamp && !options.examples) return compiled.rules;
    const stored = options.examples ? JSON.parse(readFileSync(COMPILED_EXAMPLES, 'utf8')) as CompiledExamples : null;
    if (compiled.stamp === stamp && stored?.stamp === stamp && compiled.rules.every((r) => stored.examples[r.id])) {
      return compiled.rules.map((r) => ({ ...r, examples: stored.examples[r.id]! }));
    }
  } catch {
    // not built yet
  }
  const { loadPacks } = await import('./rules.js');
  return loadPacks(files);
}
