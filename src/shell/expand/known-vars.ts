// Parts of a word whose value the guard knows though the shell computes them: `$HOME` (the user's
// home), `$PWD`, `$(pwd)`, `` `pwd` `` and `~+` (the directory the command runs in), and variables the
// text set earlier to a static value (`d=bin; $d/deploy`). So `"$PWD"/bin/deploy`, `"$(pwd)"/bin/deploy`
// and `~+/env.sh` are paths, read like `./bin/deploy`; so are substitutions whose output is static
// (static-substitutions.ts: `$(git rev-parse --git-dir)`, `$(echo .git)`, `$(cd .git && pwd)`).
import { homeDir } from '../invocations.js';
import { PATH_TEXT } from '../cwd.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { staticSubstitution } from './static-substitutions.js';

/** `$NAME`, `${NAME}`, `$(pwd)`, `` `pwd` `` at the start of `rest`: [length, value or null when not known]. */
function expansionAt(scope: Scope, rest: string, given: ReadonlyMap<string, string>): [number, string | null] | null {
  const m = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})/.exec(rest);
  if (m) return [m[0].length, given.get((m[1] ?? m[2])!) ?? known(scope, (m[1] ?? m[2])!)];
  const pwd = /^(?:\$\(\s*(?:builtin\s+|command\s+)?pwd(?:\s+-[LP])?\s*\)|`\s*pwd(?:\s+-[LP])?\s*`)/.exec(rest);
  if (pwd) return [pwd[0].length, scope.cwd];
  const sub = /^\$\(([^()`$'"\\]*)\)/.exec(rest);
  return sub ? [sub[0].length, staticSubstitution(scope, sub[1]!)] : null;
}

/** A variable's value where the text or the guard knows it (not a prefix assignment of this command: bash expands before it assigns). */
function known(scope: Scope, name: string): string | null {
  const env = scope.command.env.has(name) ? scope.command.env : scope.job.env;
  if (env.has(name)) return env.get(name) ?? null;
  if (name === 'HOME') return homeDir();
  if (name === 'PWD') return scope.cwd;
  return null;
}

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The value of `text` when every part of it is static or known; null when any part is not (another
 * expansion, a glob, an unquoted value that word splitting would cut). `given`: values for some
 * variables (one turn of a loop, loop-values.ts).
 */
export function knownValue(scope: Scope, text: string, given: ReadonlyMap<string, string> = NONE): string | null {
  let out = '';
  let quoted = false;
  let i = 0;
  if (/^~\+(?=\/|$)/.test(text)) {
    if (scope.cwd === null) return null;
    out = scope.cwd;
    i = 2;
  } else if (/^~(?=\/|$)/.test(text)) {
    const h = homeDir();
    if (h === null) return null;
    out = h;
    i = 1;
  }
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') { quoted = !quoted; i++; continue; }
    if (c === "'" && !quoted) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      out += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      const n = text[i + 1];
      if (n === undefined || n === '\n') return null;
      out += quoted && !'$`"\\'.includes(n) ? c + n : n;
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const e = expansionAt(scope, text.slice(i), given);
      if (e === null || e[1] === null) return null;
      if (!quoted && (/[\s*?[]/.test(e[1]) || scope.command.env.has('IFS') || scope.job.env.has('IFS'))) return null;
      out += e[1];
      i += e[0];
      continue;
    }
    if (!quoted && /[*?[{]/.test(c)) return null;
    out += c;
    i++;
  }
  return quoted ? null : out;
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
  return colonParts(text).map((p) => (/[$`]/.test(p) ? knownValue(scope, p) : knownValue(scope, p) ?? p.replace(/^["']|["']$/g, '')))
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
