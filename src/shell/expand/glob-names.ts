// A glob as a command name (`d?cker`, `/usr/bin/d[o]cker`, `*ocker`): bash expands it against a
// directory before it looks the name up, so any file there that matches (a project's docker/ folder,
// /usr/bin/docker after a `cd`) becomes the program. The name is computed at run time (asked about,
// as any computed name), and it is also judged as each program the policy is about that it could
// expand to, and as what it expands to in the directory now.
import { resolve } from 'node:path';
import { commandNames } from '../fastpath.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';

/** More candidates than this: the glob is only asked about (`*` could be any program). */
const MAX_CANDIDATES = 16;
/** More matches in the directory than this: not expanded (as files.ts globFiles). */
const MAX_MATCHES = 64;
/**
 * Directory entries and names one input's globbed command names may be tested against. A bound on
 * work, not time (the same answer on a loaded machine): 1,990 globs after `cd /usr/bin` would test
 * millions. Past it a glob is still asked about, and the input is a limit (bad input).
 */
export const MAX_GLOB_WORK = 200_000;

/** Per expansion: directory listings read once, and the work spent. */
interface GlobState { readonly dirs: Map<string, string[]>; work: number; exhausted: boolean }
const states = new WeakMap<object, GlobState>();

function stateOf(scope: Scope): GlobState {
  let st = states.get(scope.run0);
  if (!st) states.set(scope.run0, st = { dirs: new Map(), work: 0, exhausted: false });
  return st;
}

/** Spend `units` of the input's glob work; false (and a limit, once) when it has run out. */
function spend(scope: Scope, st: GlobState, units: number): boolean {
  st.work += units;
  if (st.work <= MAX_GLOB_WORK) return true;
  if (!st.exhausted) scope.raise('limit', `globbed command names to match against more than ${MAX_GLOB_WORK} names and files`, scope.run0.input);
  st.exhausted = true;
  return false;
}

const namesCache = new WeakMap<object, readonly string[] | null>();
const NO_NAMES = {};

/** commandNames, worked out once per rule set. */
function candidateNames(scope: Scope): readonly string[] | null {
  const key = scope.run0.options.names ?? NO_NAMES;
  if (!namesCache.has(key)) namesCache.set(key, commandNames(scope.run0.options.names));
  return namesCache.get(key)!;
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~', word: '\\w',
};

/** The inside of a bracket expression starting after `[`: its regex and where it ends; null when not one. */
function bracket(text: string, i: number): { re: string; end: number } | null {
  let j = i;
  let negate = false;
  if (text[j] === '!' || text[j] === '^') { negate = true; j++; }
  let body = '';
  for (let first = true; j < text.length; first = false) {
    const c = text[j]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: j };
    const cls = c === '[' ? /^\[:([a-z]+):\]/.exec(text.slice(j)) : null;
    if (cls) {
      const r = CLASSES[cls[1]!];
      if (r === undefined) return null;
      body += r;
      j += cls[0].length;
      continue;
    }
    if (c === '/' || c === "'" || c === '"' || c === '$' || c === '`') return null;
    body += c === '\\' ? '\\\\' : c === '-' ? '-' : c.replace(/[\]^[]/, '\\$&');
    j++;
  }
  return null;
}

/** A glob's last path segment as a regex; null when some part of it is computed otherwise. */
function segmentRegex(seg: string): RegExp | null {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '$' || c === '`') return null;
    if (c === '\\') { re += (seg[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); i++; continue; }
    if (c === "'" || c === '"') {
      const close = seg.indexOf(c, i + 1);
      if (close < 0) return null;
      const inner = seg.slice(i + 1, close);
      if (c === '"' && /[$`\\]/.test(inner)) return null;
      re += inner.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i = close;
      continue;
    }
    if (c === '*') { re += '[^/]*'; continue; }
    if (c === '?') { re += '[^/]'; continue; }
    if (c === '[') {
      const b = bracket(seg, i + 1);
      if (b) { re += b.re; i = b.end; continue; }
    }
    re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try { return new RegExp(`^${re}$`); } catch { return null; }
}

const GLOB = /[*?[]/;
const unquotedGlob = (seg: string): boolean => GLOB.test(seg.replace(/'[^']*'|"[^"]*"|\\./g, ''));

/** A command word that is a glob: its path segments as patterns (null: a plain segment) and its name's pattern. */
function globOf(text: string): { segments: (RegExp | string)[]; name: RegExp; dir: string | null } | null {
  if (/[$`]/.test(text)) return null;
  const parts = text.split('/');
  const segments: (RegExp | string)[] = [];
  for (const seg of parts) {
    if (!unquotedGlob(seg)) {
      // A plain segment with quotes or escapes is not worth spelling out: the glob is only asked about.
      if (/["'\\]/.test(seg)) return null;
      segments.push(seg);
      continue;
    }
    const re = segmentRegex(seg);
    if (re === null) return null;
    segments.push(re);
  }
  if (!segments.some((x) => typeof x !== 'string')) return null;
  const last = segments[segments.length - 1]!;
  const name = typeof last === 'string' ? new RegExp(`^${last.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) : last;
  const dirText = text.slice(0, text.lastIndexOf('/') + 1);
  return { segments, name, dir: unquotedGlob(dirText) ? null : dirText };
}

/**
 * What the glob matches now, segment by segment, sorted as bash sorts them; [] when nothing, too many,
 * or the work bound is spent (each directory is listed once per input, every entry tested counts).
 */
function matchesNow(scope: Scope, st: GlobState, segments: readonly (RegExp | string)[], dotted: readonly boolean[]): string[] {
  if (scope.cwd === null || !scope.local || !scope.files.list) return [];
  let found = [''];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const slash = i < segments.length - 1 ? '/' : '';
    const next: string[] = [];
    for (const base of found) {
      if (typeof seg === 'string') { next.push(base + seg + slash); continue; }
      const path = resolve(scope.cwd, base === '' ? '.' : base);
      let listed = st.dirs.get(path);
      if (listed === undefined) st.dirs.set(path, listed = scope.files.list(path) ?? []);
      if (!spend(scope, st, listed.length)) return [];
      for (const n of listed.filter((x) => seg.test(x) && (dotted[i] || !x.startsWith('.'))).sort()) next.push(base + n + slash);
    }
    if (next.length > MAX_MATCHES) return [];
    found = next;
  }
  // A plain last segment: bash keeps only the paths that exist.
  return typeof segments[segments.length - 1] === 'string' ? found.filter((p) => scope.files.read(resolve(scope.cwd!, p)).kind !== 'missing') : found;
}

/**
 * Read a command whose name is a glob. Returns the words to go on with when the glob matches files in
 * its directory now, [] when it was read here, and null when the name is not a glob (computed otherwise).
 */
export function globCommand(scope: Scope, head: Word): Word[] | null {
  const g = globOf(head.text);
  if (g === null) return null;
  const rest = scope.argv.slice(1);
  const st = stateOf(scope);
  const names = candidateNames(scope);
  const candidates = names === null || !spend(scope, st, names.length) ? [] : names.filter((n) => g.name.test(n));
  if (candidates.length <= MAX_CANDIDATES) {
    for (const n of candidates) {
      // Each is a command read in full (a runner's payload, a script): counted as that much work.
      if (!spend(scope, st, 64)) break;
      const value = (g.dir ?? '') + n;
      scope.sub([{ ...head, value, tail: n }, ...rest], `glob ${head.text}`);
    }
  }
  scope.raise('dynamic-command', `the command name \`${head.text}\` is a glob the shell expands at run time`);
  const now = st.exhausted ? [] : matchesNow(scope, st, g.segments, head.text.split('/').map((x) => x.startsWith('.')));
  if (now.length === 0) return [];
  return [...now.map((value) => ({ ...head, value, tail: value.slice(value.lastIndexOf('/') + 1) })), ...rest];
}
