// Builtins that set a variable for the commands after them without an assignment word: `export` and
// the other declarations (also behind `command` or `builtin`), `printf -v NAME`, `read NAME`. A PATH
// set so picks the program of every bare name after it, as `PATH=… name` does.
import type { SimpleCommand } from './invocations.js';
import { setChange, type SetChange } from './set-builtin.js';

const isEmptyChange = (c: SetChange): boolean => c.keyword === undefined && c.positional === undefined;

/** Marks a value read from a file at run time: the path follows (resolved by the expander, which knows what the text wrote). */
export const FROM_FILE = '\u0001';

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
/** Builtins behind `command`/`builtin` that change what later commands run. */
const STATEFUL = new Set(['read', 'printf', 'hash', 'alias', 'mapfile', 'readarray', 'enable', 'unalias', 'command', 'builtin']);
/** `read` options that take a value. */
const READ_VALUED = new Set(['a', 'd', 'i', 'n', 'N', 'p', 't', 'u']);

/** The words after `command` and `builtin` (which run the builtin itself). */
export function builtinWords(command: SimpleCommand): (string | null)[] {
  const words = command.words.map((w) => w.value);
  let i = 0;
  while (words[i] === 'command' || words[i] === 'builtin') {
    i++;
    while (words[i - 1] === 'command' && words[i] === '-p') i++;
  }
  return words.slice(i);
}

/** What `printf FORMAT ARGS…` prints, for formats of `%s`, `%%` and plain text; null otherwise. */
function printed(format: string, args: readonly (string | null)[]): string | null {
  if (/\\/.test(format) || /%(?![s%])/.test(format) || args.some((a) => a === null)) return null;
  const takes = (format.match(/%s/g) ?? []).length;
  let out = '';
  let next = 0;
  do {
    out += format.replace(/%(s|%)/g, (_m, d: string) => (d === '%' ? '%' : args[next++] ?? ''));
  } while (takes > 0 && next < args.length);
  return out;
}

/** A variable set: its name (null: computed at run time), its value, and for an array the text of its elements. */
export type VarSet = [string | null, string | null, (string | null)?];

/** `read [options] NAME…` with the line it reads: one name takes the whole line (`-a NAME`: an array of its fields). */
function readVars(words: readonly (string | null)[], command: SimpleCommand, cwd: string | null): VarSet[] {
  let raw = false;
  let array: string | null | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined || !w.startsWith('-') || w === '-') break;
    if (w === '--') { i++; break; }
    if (w.includes('r')) raw = true;
    const last = w[w.length - 1]!;
    if (READ_VALUED.has(last) && w.length >= 2) { if (last === 'a') array = words[i + 1]; i++; }
  }
  const names = words.slice(i).filter((n) => n === null || /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  const stdin = command.stdin;
  let line: string | null = null;
  if (stdin?.kind === 'text' && !stdin.expands) line = stdin.text.split('\n')[0]!;
  if (array !== undefined) return [[array, null, line === null ? null : line.trim().split(/[ \t]+/).join('\n')]];
  if (names.length === 0) return [];
  if (stdin?.kind === 'file' && stdin.path !== null && cwd !== null) {
    const path = stdin.path.startsWith('/') || cwd === '.' ? stdin.path : `${cwd}/${stdin.path}`;
    return names.map((n, k) => [n, k === 0 && names.length === 1 ? FROM_FILE + (raw ? 'r' : '-') + path : null]);
  }
  const ifs = command.assignments.find((a) => a.name === 'IFS')?.value ?? (command.env.has('IFS') ? command.env.get('IFS') ?? null : ' \t\n');
  if (line === null || ifs === null) return names.map((n) => [n, null]);
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  // Which field a name computed at run time takes is not known: it may take the whole line.
  if (names.some((n) => n === null)) return names.map((n) => [n, n === null ? line : null]);
  const fields = splitFields(line, ifs, names.length);
  return names.map((n, k) => [n, fields?.[k] ?? (fields === null ? null : '')]);
}

/**
 * `line` cut into at most `count` fields at the characters of IFS, as read does (the last takes the
 * rest of the line); null where IFS mixes blanks with other characters, whose rules this leaves to bash.
 */
function splitFields(line: string, ifs: string, count: number): string[] | null {
  if (ifs === '') return [line];
  const blank = [...ifs].every((c) => ' \t\n'.includes(c));
  if (blank) {
    const fields = line.trim().split(/[ \t\n]+/);
    return [...fields.slice(0, count - 1), fields.slice(count - 1).join(' ')];
  }
  if ([...ifs].some((c) => ' \t\n'.includes(c))) return null;
  const out: string[] = [];
  let rest = line;
  while (out.length < count - 1) {
    const at = [...rest].findIndex((c) => ifs.includes(c));
    if (at < 0) break;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** `mapfile [options] [ARRAY]` (MAPFILE by default): an array of the lines it reads. */
function mapfileVars(words: readonly (string | null)[], command: SimpleCommand): VarSet[] {
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined || !w.startsWith('-') || w === '-') break;
    if (w === '--') { i++; break; }
    if (/[CcdnOsu]$/.test(w)) i++;
  }
  const name = i < words.length ? words[i]! : 'MAPFILE';
  const stdin = command.stdin;
  const text = stdin?.kind === 'text' && !stdin.expands ? stdin.text : null;
  // The value of `$a` (and `${a[0]}`) is the first line, with -t without its newline.
  const trim = words.slice(1, i).some((w) => w !== null && /^-[A-Za-z]*t/.test(w));
  const first = text === null ? null : trim ? text.split('\n')[0]! : text.slice(0, text.indexOf('\n') + 1 || undefined);
  return [[name, first, text]];
}

/**
 * `let NAME=5 'a = b, NAME += 1' NAME++`: each variable an argument's expressions assign; a plain
 * decimal assigned with `=` as the whole argument is static, anything else computed.
 */
function letVars(words: readonly (string | null)[]): VarSet[] {
  const out: VarSet[] = [];
  for (const w of words.slice(1)) {
    if (w === null) continue;
    const whole = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(0|[1-9][0-9]*)\s*$/.exec(w);
    if (whole) { out.push([whole[1]!, whole[2]!]); continue; }
    for (const m of w.matchAll(/(?<![=!<>A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\s*(?:(?:[-+*/%&^|]|<<|>>)?=(?!=)|\+\+|--)/g)) out.push([m[1]!, null]);
    for (const m of w.matchAll(/(?:\+\+|--)\s*([A-Za-z_][A-Za-z0-9_]*)/g)) out.push([m[1]!, null]);
  }
  return out;
}

/** `getopts OPTSTRING NAME [ARG…]`: NAME gets the first option's letter (`?` when OPTSTRING lacks it); computed when the arguments are not given. */
function getoptsVars(words: readonly (string | null)[]): VarSet[] {
  const [, optstring, name, first] = words;
  if (name === undefined) return [];
  if (optstring === null || optstring === undefined || first === undefined || first === null) return [[name, null]];
  const letter = /^-([^-])/.exec(first)?.[1];
  if (letter === undefined) return [[name, '?']];
  return [[name, optstring.replace(/^:/, '').includes(letter) && letter !== ':' ? letter : '?']];
}

/** The variables this command sets for the commands after it (null value: not static). */
export function varsSet(command: SimpleCommand, cwd: string | null): VarSet[] {
  const words = builtinWords(command);
  const head = words[0];
  if (head === undefined || head === null) return [];
  if (DECLARATIONS.has(head)) {
    const out: VarSet[] = [];
    for (const w of words.slice(1)) {
      const eq = w?.indexOf('=') ?? -1;
      if (w && eq > 0 && !w.startsWith('-')) out.push([w.slice(0, eq), w.slice(eq + 1)]);
    }
    return out;
  }
  if (head === 'printf') {
    const v = words.indexOf('-v');
    const name = v > 0 ? words[v + 1] : undefined;
    if (name === undefined || name === '') return [];
    const format = words[v + 2];
    return [[name, format === undefined || format === null ? null : printed(format, words.slice(v + 3))]];
  }
  if (head === 'read') return readVars(words, command, cwd);
  if (head === 'let') return letVars(words);
  if (head === 'getopts') return getoptsVars(words);
  if (head === 'mapfile' || head === 'readarray') return mapfileVars(words, command);
  return [];
}

/** Does this command set shell state the plain lexer does not track (see plain.ts)? */
export function setsState(words: readonly (string | null)[]): boolean {
  const head = words[0];
  if (head === 'read' || head === 'mapfile' || head === 'readarray' || head === 'let' || head === 'getopts') return true;
  // `set -k` and the positional parameters (set-builtin.ts); `set -euo pipefail` changes neither.
  if (head === 'shift' || head === 'set' && setChange(words) !== null && !isEmptyChange(setChange(words)!)) return true;
  // zsh: `hash NAME=PATH` and `autoload NAME` define what a later name runs (zsh-state.ts).
  // bash: `history -s LINE` stores a line that `fc -s` runs again (shell-state.ts).
  if (head === 'history' && (words[1] === '-s' || words[1] === '-r' || words[1] === '-n') || head === 'fc' && words[1] === '-R') return true;
  // zsh: `print -s LINE` stores it in the history too.
  if (head === 'print' && words[1] !== undefined && words[1] !== null && /^-[A-Za-z]*[sS][A-Za-z]*$/.test(words[1])) return true;
  // bash's programmable completion runs `-C` commands, `-F` functions and `-W` word lists later (shell-state.ts).
  if (head === 'complete' || head === 'compgen') return true;
  // A command or widget a key runs later: `bind -x 'KEYSEQ: CMD'`, zsh's `zle -N NAME FUNC`.
  if (head === 'bind' && words.some((w) => w !== null && /^-[A-Za-z]*x/.test(w)) || head === 'zle' && words[1] === '-N') return true;
  if (head === 'autoload' || head === 'hash' && words.some((w) => w !== null && /^[^-=][^=]*=/.test(w))) return true;
  if (head === 'printf') return words.some((w) => w !== null && /^-[A-Za-z]*v/.test(w));
  if (head !== 'command' && head !== 'builtin') return false;
  const inner = words.slice(1).find((w) => w !== '-p');
  return inner !== undefined && (inner === null || DECLARATIONS.has(inner) || STATEFUL.has(inner));
}
