// The names a shell gives the script it reads from a file: `$0` (the path it was run by: `bash
// scripts/x.sh`, `./scripts/x.sh` as the kernel hands it to the shebang's shell) and BASH_SOURCE[0]
// (the file being read, a sourced one too). Known only for a script file whose path the text fixes:
// any other text run from a command (`bash -c '…' NAME`, a function, a prompt) starts without them,
// so `$0` there, as at the top level, stays computed.

/** Where the walk keeps `$0` (no shell variable has this name; positional parameters are `1`, `2`, …). */
export const SCRIPT_ZERO = '0';

/** Where it keeps BASH_SOURCE[0]: a key no variable can have, so a text assigning BASH_SOURCE is its own value. */
export const SCRIPT_SOURCE = '\u0005BASH_SOURCE';

/** Where it keeps which shell reads the script file when that is zsh (whose `0=` assigns `$0`). */
export const SCRIPT_ZSH = '\u0005zsh';

/** The variables a text run from another starts with: without the positional parameters and the script's names. */
export function withoutScriptNames(env: ReadonlyMap<string, string | null>): ReadonlyMap<string, string | null> {
  if (![...env.keys()].some(isScriptKey)) return env;
  return new Map([...env].filter(([k]) => !isScriptKey(k)));
}

function isScriptKey(k: string): boolean {
  return /^[0-9]+$/.test(k) || k === SCRIPT_SOURCE || k === SCRIPT_ZSH;
}

/** How a script file is read: the path it is named by, whether it is sourced, and whether the shell reading it is bash. */
export interface ScriptNames { readonly ranAs: string; readonly sourced: boolean; readonly bash: boolean; readonly zsh?: boolean }

/**
 * The variables of a script file read from this text. Sourced (`source`, `.`), it keeps the caller's
 * `$0`; run by a shell or executed, `$0` is its path. BASH_SOURCE is bash's alone (dash and zsh leave
 * it empty, so `dirname "$BASH_SOURCE"` is `.` there): known where bash reads the file, or a file a
 * bash script whose BASH_SOURCE is known sources.
 */
export function scriptNames(env: ReadonlyMap<string, string | null>, names: ScriptNames): ReadonlyMap<string, string | null> {
  const out = new Map(withoutScriptNames(env));
  const zero = env.get(SCRIPT_ZERO);
  if (!names.sourced) out.set(SCRIPT_ZERO, names.ranAs);
  else if (typeof zero === 'string') out.set(SCRIPT_ZERO, zero);
  if (names.sourced ? typeof env.get(SCRIPT_SOURCE) === 'string' : names.bash) out.set(SCRIPT_SOURCE, names.ranAs);
  if (names.sourced ? env.has(SCRIPT_ZSH) : names.zsh === true) out.set(SCRIPT_ZSH, '1');
  return out;
}

/** Commands before which `$0` may have changed: bash 5's BASH_ARGV0 sets it, and text run in the same shell may. */
const MAY_SET_ZERO = /(?:^|[\s;&|(`{])(?:source|\.|eval|BASH_ARGV0)(?=[\s=;]|$)/;

/** zsh assigns `$0` as a variable (`0=path`); bash would run a command so named, which sets nothing. */
const ZERO_ASSIGNED = /(?:^|[\s;&|(`{])0\+?=/;

/**
 * A builtin that sets a variable whose name is computed at run time (`printf -v "${v}0"`,
 * `declare "$n=x"`, `read "$v"`): any variable, BASH_ARGV0 too. A `$` before a word's `=` (or in a
 * word of read's, printf -v's) is such a name; `export PATH="$HOME/bin"` is not.
 */
const COMPUTED_NAME = /(?:^|[\s;&|(`{])(?:printf\s+(?:-\S+\s+)*-v\s*\S*\$|(?:read|mapfile|readarray|getopts)\b[^;&|\n]*\$|(?:declare|typeset|local|export|readonly)\b[^;&|\n]*?(?:^|\s)[^\s=;&|]*\$)/;

/**
 * Is the script's `$0` still the path it was run by at offset `at` of its text: nothing before it
 * sources or evaluates other text, and the text never assigns BASH_ARGV0 however spelled (quotes
 * and backslashes inside the name are removed before bash reads it: `BASH_ARGV""0`, `BASH_ARGV\0`)
 * nor a variable whose name is computed (a function may, wherever defined), nor zsh's `0=`.
 */
export function zeroFixed(text: string, at: number): boolean {
  if (text.replace(/["'\\]/g, '').includes('BASH_ARGV') || ZERO_ASSIGNED.test(text) || COMPUTED_NAME.test(text)) return false;
  return !MAY_SET_ZERO.test(text.slice(0, at));
}

/**
 * `$0` where `zeroFixed` says no: in a script bash reads, after the text set BASH_ARGV0 to a value
 * the walk knows (`env`, where the command runs), that value (in one zsh reads, the last `0=` before
 * it), when nothing else may have
 * set it since (a computed name, zsh's `0=`, text sourced or evaluated before), and it names a path
 * inside the directory it runs in (not absolute, no `..`: a path elsewhere, `/tmp/x/y`, stays asked);
 * else null.
 */
export function zeroSet(text: string, at: number, env: ReadonlyMap<string, string | null>, shell: 'bash' | 'zsh' | null): string | null {
  const value = shell === 'zsh' ? zshZero(text, at) : env.get('BASH_ARGV0');
  if (shell === null || typeof value !== 'string' || !/^[\w@%+=:,.-]+(?:\/[\w@%+=:,.-]+)*$/.test(value) || /(?:^|\/)\.\.(?:\/|$)/.test(value)) return null;
  if ((shell === 'bash' && ZERO_ASSIGNED.test(text)) || COMPUTED_NAME.test(text)) return null;
  return MAY_SET_ZERO.test(text.slice(0, at).replace(/BASH_ARGV0/g, '')) ? null : value;
}

/** zsh's `0=VALUE` before `at`: the last one's value, where every `0=` in the text is such a plain word (else null). */
function zshZero(text: string, at: number): string | null | undefined {
  const all = text.match(new RegExp(ZERO_ASSIGNED, 'g'))?.length ?? 0;
  const plain = [...text.matchAll(/(?:^|[\s;&|(`{])0=([\w@%+=:,./-]+)(?=[\s;&|)]|$)/g)];
  if (all !== plain.length) return null;
  const before = plain.filter((m) => m.index + m[0].length <= at);
  return before.at(-1)?.[1];
}
