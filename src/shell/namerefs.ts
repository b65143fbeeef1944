// bash namerefs (bash(1) PARAMETERS: `declare -n`, `typeset -n`, `local -n`): the name becomes an
// alias of another variable, so assigning, exporting, `read`, `printf -v` or `${r@P}` through it act
// on its target (`declare -n r=PROMPT_COMMAND; r=CMD` sets PROMPT_COMMAND). A nameref declared
// without a target takes the value of its next assignment as the target (`declare -n r; r=x`), and
// `declare +n r` makes it a plain variable again. The walk keeps them in its variable map under keys
// no variable can have (NAMEREF + name → target; '' none yet; null computed), so they reach the text
// run later (`eval`, a function's body) with the rest of the variables.

/** The key prefix of a nameref in a variable map. */
export const NAMEREF = '\u0002';

/** Builtins whose `-n` makes a nameref (`export -n` un-exports, `readonly -n` is a plain variable). */
const DECLARERS: ReadonlySet<string> = new Set(['declare', 'typeset', 'local']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Vars = ReadonlyMap<string, string | null>;

/**
 * The variable an assignment to `name` sets: itself, or the end of its chain of namerefs; null when
 * a nameref on the way points at a name computed at run time.
 */
export function resolveName(env: Vars, name: string): string | null {
  let n = name;
  for (let hop = 0; hop < 10; hop++) {
    const key = NAMEREF + n;
    if (!env.has(key)) return n;
    const target = env.get(key);
    if (target === null || target === undefined) return null;
    if (target === '') return n;
    n = target;
  }
  return null;
}

/** Is `name` a nameref that has no target yet (its next assignment names the target)? */
export function awaitsTarget(env: Vars, name: string): boolean {
  return env.get(NAMEREF + name) === '';
}

/** Any namerefs in this variable map? */
export function hasNamerefs(env: Vars): boolean {
  for (const k of env.keys()) if (k.startsWith(NAMEREF)) return true;
  return false;
}

/** Only the namerefs of a variable map (what a walk of text run later starts from). */
export function namerefsOf(env: Vars): [string, string | null][] {
  return [...env].filter(([k]) => k.startsWith(NAMEREF));
}

/**
 * What a declaration does to namerefs: for `declare -n A=B C` the entries [A, 'B'], [C, ''];
 * `declare +n A` [A, undefined] (a plain variable again). An option word computed at run time may
 * be `-n`: each name then points at an unknown target (null), as does a target that is not one
 * static name. Empty for builtins and options that make none.
 */
export function declaredNamerefs(words: readonly (string | null)[]): [string, string | null | undefined][] {
  const head = words[0];
  if (head === null || head === undefined || !DECLARERS.has(head)) return [];
  let mode: 'set' | 'unset' | 'maybe' | null = null;
  const out: [string, string | null | undefined][] = [];
  for (const w of words.slice(1)) {
    if (w === null) { mode ??= 'maybe'; continue; }
    if (/^-[A-Za-z]*n[A-Za-z]*$/.test(w)) { mode = 'set'; continue; }
    if (/^\+[A-Za-z]*n[A-Za-z]*$/.test(w)) { mode = 'unset'; continue; }
    if (/^[-+]/.test(w)) continue;
    if (mode === null) continue;
    const eq = w.indexOf('=');
    const name = eq < 0 ? w : w.slice(0, eq);
    if (!NAME.test(name)) continue;
    const target = eq < 0 ? '' : w.slice(eq + 1);
    out.push([name, mode === 'unset' ? undefined : mode === 'maybe' || (target !== '' && !NAME.test(target)) ? null : target]);
  }
  return out;
}

/**
 * Namerefs declared in text run as shell later (`eval 'declare -n r=X'`), read without a parser: each
 * name declared so points at an unknown target from here on, so what is assigned through it asks.
 */
export function namerefsInText(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;&|(`])(?:declare|typeset|local)\s+((?:[-+][A-Za-z]+\s+)*)-[A-Za-z]*n[A-Za-z]*\s+((?:[A-Za-z_][A-Za-z0-9_]*(?:=\S*)?\s*)+)/g;
  for (const m of text.matchAll(re)) {
    for (const w of m[2]!.trim().split(/\s+/)) {
      const name = w.split('=')[0]!;
      if (NAME.test(name)) out.push(name);
    }
  }
  return out;
}
