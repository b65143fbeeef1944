// Parts of a word whose value the guard knows though the shell computes them: `$HOME` (the user's
// home), `$PWD`, `$(pwd)`, `` `pwd` `` and `~+` (the directory the command runs in), and variables the
// text set earlier to a static value (`d=bin; $d/deploy`). So `"$PWD"/bin/deploy`, `"$(pwd)"/bin/deploy`
// and `~+/env.sh` are paths, read like `./bin/deploy`; so are substitutions whose output is static
// (static-substitutions.ts: `$(git rev-parse --git-dir)`, `$(echo .git)`, `$(cd .git && pwd)`).
import { isAbsolute, resolve } from 'node:path';
import { homeDir } from '../invocations.js';
import { PATH_TEXT, VALUE_TEXT } from '../cwd.js';
import { unescapeBackticks } from '../reparse.js';
import { substitutionOutput } from './output.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { staticSubstitution } from './static-substitutions.js';
import { SCRIPT_SOURCE, SCRIPT_ZERO, SCRIPT_ZSH, zeroFixed, zeroSet } from './script-name.js';
import { parameterValue } from './param-ops.js';
import { walkWord } from '../word-walk.js';
import { assignedOnce, onlyPlace } from '../assigned-once.js';
export { onlyPlace };

/**
 * How a text is expanded: `given` values for some variables (one turn of a loop, loop-values.ts);
 * `unsplit` where the shell neither splits nor globs what it expands (an assignment's value, a
 * here-string's word), so a value with blanks or glob characters is still one known text; `cwd`
 * where the text's substitutions run (a variable's value is computed where it was assigned).
 */
interface How {
  readonly given: ReadonlyMap<string, string>;
  readonly unsplit: boolean;
  readonly cwd: string | null;
  /** How many variables' texts deep this is (a value made from another's: `b="$a/x"`). */
  readonly depth: number;
}

/** `$NAME`, `${NAME}`, `$(…)`, `` `…` `` at the start of `rest`: [length, value or null when not known]. */
function expansionAt(scope: Scope, rest: string, how: How): [number, string | null] | null {
  // The positional parameters `set --` gave are variables `1`, `2`, … (set-builtin.ts), a script's `$0` is `0` (script-name.ts).
  const m = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*|[0-9]|[1-9][0-9]*)\}|([0-9]))/.exec(rest);
  const name = m ? (m[1] ?? m[2] ?? m[3])! : '';
  if (m) return [m[0].length, how.given.get(name) ?? known(scope, name, how)];
  if (rest.startsWith('${')) {
    // An operator over a value the text fixes is evaluated as bash does (param-ops.ts); otherwise computed.
    const n = expansionLength(rest);
    if (n === 0) return null;
    return [n, parameterValue(rest.slice(2, n - 1), (v) => how.given.get(v) ?? known(scope, v, how))];
  }
  // `pwd -P` resolves the links of the (logical) directory the walk follows: static-substitutions.ts reads it.
  const pwd = /^(?:\$\(\s*(?:builtin\s+|command\s+)?pwd(?:\s+-L)?\s*\)|`\s*pwd(?:\s+-L)?\s*`)/.exec(rest);
  if (pwd) return [pwd[0].length, how.cwd];
  const sub = substitutionAt(rest);
  if (sub === null) return null;
  // echo/printf print the same wherever they run; the other rows read the directory (static-substitutions.ts).
  const fill = (word: string): string | null => knownValue(scope, word, how.given, { unsplit: false, cwd: how.cwd, depth: how.depth });
  const value = staticSubstitution(scope, sub.inner, how.cwd, fill) ?? substitutionOutput(scope, sub.inner, !how.unsplit);
  return [sub.length, value];
}

/** A command substitution at the start of `rest`: its length and the command inside (a backtick body unescaped). */
function substitutionAt(rest: string): { length: number; inner: string } | null {
  if (rest.startsWith('`')) {
    const end = /^`((?:[^`\\]|\\.)*)`/s.exec(rest);
    return end ? { length: end[0].length, inner: unescapeBackticks(end[1]!) } : null;
  }
  if (!rest.startsWith('$(') || rest.startsWith('$((')) return null;
  // The closing parenthesis, past quoted text and nested parentheses (bounded by the text's length).
  let depth = 0;
  let quote: string | null = null;
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\' && quote !== "'") { i++; continue; }
    if (quote !== null) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { length: i + 1, inner: rest.slice(2, i) };
  }
  return null;
}

/**
 * A variable's value where the text or the guard knows it (not a prefix assignment of this command:
 * bash expands before it assigns): a static value, or a computed one whose text is static here
 * (`x=$(echo …)`, `h=$(git rev-parse --git-path hooks)` in the directory it was assigned in).
 */
function known(scope: Scope, name: string, how: How): string | null {
  if (name === SCRIPT_ZERO && !zeroFixed(scope.job.text, scope.command.start)) {
    const shell = scope.job.env.has(SCRIPT_ZSH) ? 'zsh' : typeof scope.job.env.get(SCRIPT_SOURCE) === 'string' ? 'bash' : null;
    return zeroSet(scope.job.text, scope.command.start, scope.command.env, shell);
  }
  // A text that assigns BASH_SOURCE does not change what bash reports: neither value is certain.
  if (name === 'BASH_SOURCE') return scope.env.has(name) ? null : scriptSource(scope);
  const env = scope.command.env.has(name) ? scope.command.env : scope.job.env;
  if (env.has(name)) {
    const value = env.get(name) ?? null;
    const stored = value === null && how.depth < MAX_DEPTH ? env.get(VALUE_TEXT + name) : undefined;
    if (typeof stored !== 'string') return value;
    const cut = stored.indexOf('\u0000');
    const cwd = assignedIn(scope, stored.slice(0, cut));
    const text = stored.slice(cut + 1);
    // An array (`a=(x y)`): `$a` is its element 0, when that is a plain word (not `[k]=v`).
    const array = text.startsWith('(') ? /^\(\s*([^\s()[\]]+)(?:\s[^()]*)?\)$/s.exec(text) : undefined;
    if (array === null) return null;
    return knownValue(scope, array ? array[1]! : text, how.given, { unsplit: true, cwd, depth: how.depth + 1 });
  }
  if (name === 'HOME') return homeDir();
  if (name === 'PWD') return how.cwd;
  return null;
}

function scriptSource(scope: Scope): string | null {
  const source = scope.env.get(SCRIPT_SOURCE);
  return typeof source === 'string' ? source : null;
}

/** The directory a value was assigned in (relative to the text's start, as a command's cwd is; '' not static), as the Scope resolves a command's. */
function assignedIn(scope: Scope, at: string): string | null {
  if (at === '') return null;
  if (at === scope.command.cwd) return scope.cwd;
  if (scope.target.kind === 'remote') return null;
  return scope.job.cwd === null ? (isAbsolute(at) ? at : null) : resolve(scope.job.cwd, at);
}

/** Variables whose computed values are read through others' at most this deep. */
const MAX_DEPTH = 4;

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The value of `text` when every part of it is static or known; null when any part is not (another
 * expansion, a glob, an unquoted value that word splitting would cut, unless `unsplit`). `given`:
 * values for some variables (one turn of a loop, loop-values.ts).
 */
export function knownValue(scope: Scope, text: string, given: ReadonlyMap<string, string> = NONE, opts: Partial<Omit<How, 'given'>> = {}): string | null {
  const how: How = { given, unsplit: opts.unsplit ?? false, cwd: opts.cwd === undefined ? scope.cwd : opts.cwd, depth: opts.depth ?? 0 };
  let out = '';
  let i = 0;
  if (/^~\+(?=\/|$)/.test(text)) {
    if (how.cwd === null) return null;
    out = how.cwd;
    i = 2;
  } else if (/^~(?=\/|$)/.test(text)) {
    const h = homeDir();
    if (h === null) return null;
    out = h;
    i = 1;
  }
  return walkWord(text, {
    expansion: (rest, quoted) => {
      const e = expansionAt(scope, rest, how);
      if (e === null || e[1] === null) return null;
      if (!quoted && !how.unsplit && (/[\s*?[]/.test(e[1]) || scope.command.env.has('IFS') || scope.job.env.has('IFS'))) return null;
      return { length: e[0], value: e[1] };
    },
    ...(how.unsplit ? {} : { plain: (c: string) => !/[*?[{]/.test(c) }),
  }, i, out);
}

/**
 * Does the text fix each of these variables where it is used (HOME, PWD, a loop's turn, or one plain
 * assignment before anything conditional), and each variable a computed value among them is made of?
 * Where a value is run as a command (a here-string into a shell, ssh's command), only such values are filled in.
 */
export function fixedNames(scope: Scope, names: readonly string[], loop: ReadonlyMap<string, string> = NONE, depth = 0): boolean {
  return names.every((n) => {
    if (n === 'HOME' || n === 'PWD' || loop.has(n)) return true;
    if (!assignedOnce(scope.job.text, n)) return false;
    const stored = (scope.command.env.has(n) ? scope.command.env : scope.job.env).get(VALUE_TEXT + n);
    return typeof stored !== 'string' || (depth < MAX_DEPTH && fixedNames(scope, namesOf(stored.slice(stored.indexOf('\u0000') + 1)), loop, depth + 1));
  });
}

/** The variables a text expands (`$NAME`, `${NAME…}`). */
export function namesOf(text: string): string[] {
  return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/** The word with its known parts (see above) replaced by their values, when that makes it static. */
export function withKnownVars(scope: Scope, w: Word, given: ReadonlyMap<string, string> = NONE): Word {
  if (w.value !== null && !w.text.startsWith('~+')) return w;
  if (w.value === null && !/[$`]/.test(w.text)) return w;
  const value = knownValue(scope, w.text, given);
  if (value === null) return w;
  return { ...w, value, tail: basename(value) };
}

/** An unquoted glob word (`.cl?ude/settings.json`) as the pattern it is, for the written-path checks (null value otherwise). */
export function asGlob(w: Word): Word {
  return w.value === null && /^[^'"$`\\]*[*?[][^'"$`\\]*$/.test(w.text) ? { ...w, value: w.text, tail: basename(w.text) } : w;
}

/**
 * A path computed at run time that ends in text the text fixes (`"$d/pre-commit"`, `"${h,,}/.claude/settings.json"`)
 * as the glob `/**` + that tail: any directory may come before it, so the written-path checks can
 * tell whether the tail may be a guarded file (policy/guarded.ts globGuarded). Other words are kept.
 */
export function asComputedTail(w: Word): Word {
  if (w.value !== null) return w;
  // `"${f:-WORD}"` of a variable not known is WORD where f is unset (or empty): that path is judged.
  const fallback = /^("?)\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]([^$`'"\\{}]+)\}\1$/.exec(w.text);
  const tail = fallback ? `/${fallback[2]!}` : staticTail(w.text);
  // Under a tool's own directory the static parts before the expansions count too (`.claude/settings$s.json`).
  const glob = fallback ? w : expansionGlob(w);
  if (glob !== w || tail === '' || tail === '/' || tail === null) return glob;
  const value = tail.startsWith('/') ? `/**${tail}` : `/**/*${tail}`;
  return { ...w, value, tail: basename(value) };
}

/**
 * A path with an expansion under a directory of tools' own files (`".git/hooks/$f"`,
 * `"$HOME/.claude/$f"`, `.claude/settings$s.json`, `node_modules/x/$f`) as the glob of what it may be, each expansion any name. A
 * path computed whole (`"$d/$f"`) says nothing of where it lands and is kept as it is, and so is one in
 * a project's ordinary directories (`"build/$name"`): reading those as globs would ask of every copy.
 */
function expansionGlob(w: Word): Word {
  const parts = staticParts(w.text);
  if (parts === null) return w;
  const components = parts.split('/').map((c) => c.replace(/\0+/g, '*'));
  if (!components.slice(0, -1).some((c) => /^\.[^./*]/.test(c) || c === 'node_modules')) return w;
  const value = components.join('/');
  return { ...w, value, tail: basename(value) };
}

/** `text` with quotes removed and each expansion a NUL; null when it cannot be read. */
function staticParts(text: string): string | null {
  return walkWord(text, {
    expansion: (rest) => {
      const length = expansionLength(rest);
      return length === 0 ? null : { length, value: '\0' };
    },
  });
}

/** The length of the expansion at the start of `rest` (`$NAME`, `$1`, `${…}`, `$(…)`, `` `…` ``), or 0. */
function expansionLength(rest: string): number {
  const plain = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(rest);
  if (plain) return plain[0].length;
  if (rest.startsWith('${')) {
    let depth = 0;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '{') depth++;
      else if (rest[i] === '}' && --depth === 0) return i + 1;
    }
    return 0;
  }
  if (rest.startsWith('$((')) { const end = rest.indexOf('))'); return end < 0 ? 0 : end + 2; }
  return substitutionAt(rest)?.length ?? 0;
}

/** What follows the last expansion in `text`, quotes removed; null when nothing is expanded or it cannot be read. */
function staticTail(text: string): string | null {
  const parts = staticParts(text);
  const last = parts === null ? -1 : parts.lastIndexOf('\0');
  return last < 0 ? null : parts!.slice(last + 1);
}

/** `text` cut at the colons the shell leaves in its value, each part quoted as it stands (`"$(pwd):$PATH"` → `"$(pwd)"`, `"$PATH"`). */
function colonParts(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quote !== "'") { cur += c + (text[i + 1] ?? ''); i++; continue; }
    if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote && depth === 0) quote = null;
    else if (quote !== "'" && c === '$' && text[i + 1] === '(') depth++;
    else if (quote !== "'" && c === ')' && depth > 0) depth--;
    if (c === ':' && depth === 0) { parts.push(quote ? cur + quote : cur); cur = quote ?? ''; continue; }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

/**
 * The directories of a PATH value the text fixes or the guard knows (`.`, `bin`, `$PWD`, `$(pwd)`,
 * `~+/bin`), in order; parts computed at run time (`$PATH`, the user's own) are left out.
 */
export function knownPathDirs(scope: Scope, value: string | null, text: string): string[] {
  if (value !== null) return value.split(':').filter((d) => d !== '');
  // A directory named through a variable's computed value is left out, as before such values were read:
  // on it bash finds the user's own tools (`PYENV_ROOT="$HOME/.pyenv"; PATH="$PYENV_ROOT/bin:$PATH"` in
  // ~/.bashrc), which are not the text's to judge as scripts.
  const asWritten = (p: string): string | null => knownValue(scope, p, NONE, { depth: MAX_DEPTH });
  return colonParts(text).map((p) => (/[$`]/.test(p) ? asWritten(p) : asWritten(p) ?? p.replace(/^["']|["']$/g, '')))
    .filter((d): d is string => d !== null && d !== '');
}

/** The directories the text puts on this command's PATH (its prefix assignment, else what the text exported); undefined: the text sets none. */
export function textPathDirs(scope: Scope): string[] | undefined {
  const a = scope.command.assignments.find((x) => x.name === 'PATH');
  if (a) return knownPathDirs(scope, a.value, a.text ?? '');
  const env = scope.env.get('PATH');
  if (typeof env === 'string') return knownPathDirs(scope, env, env);
  const text = env === null ? scope.env.get(PATH_TEXT) : undefined;
  return typeof text === 'string' ? knownPathDirs(scope, null, text) : undefined;
}

/**
 * The command's environment with the computed values of the variables `names` matches filled in where
 * the text fixes them (`GIT_TRACE2_EVENT="$PWD/x" git status`, `export T=$(pwd)/x; git log`): a prefix
 * assignment expanded where the command runs, an earlier one as that variable reads here; `~+/x`, which
 * bash expands in an assignment, as the directory the command runs in.
 */
export function filledEnv(scope: Scope, names: RegExp): ReadonlyMap<string, string | null> {
  let out: Map<string, string | null> | undefined;
  for (const [k, v] of scope.env) {
    const here = v !== null && /^~\+(?:\/[^'"$`\\]*)?$/.test(v);
    if ((v !== null && !here) || !names.test(k)) continue;
    const own = scope.command.assignments.findLast((a) => a.name === k);
    const value = here ? knownValue(scope, v!, NONE, { unsplit: true })
      : own ? (own.text === undefined ? null : knownValue(scope, own.text, NONE, { unsplit: true })) : knownValue(scope, `$${k}`, NONE, { unsplit: true });
    if (value === null) continue;
    out ??= new Map(scope.env);
    out.set(k, value);
  }
  return out ?? scope.env;
}
