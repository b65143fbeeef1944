// Command substitutions in a path whose output the guard can compute (known-vars.ts fills them in):
// git's path queries in the repository the working directory is in (git-repo.ts: `rev-parse
// --git-dir`, `--absolute-git-dir`, `--git-common-dir`, `--show-toplevel`, `--git-path P`, which
// takes hooks/ from core.hooksPath), echo and printf of plain words, `realpath`/`readlink -f` of one,
// `dirname P`, `cd DIR && pwd`; a word of these made of expansions the caller knows (`dirname "$0"`,
// `cd "$(dirname "${BASH_SOURCE[0]}")" && pwd`) is filled in first. Any other substitution stays computed (null): the decision is no weaker than before.
import { dirname, join, resolve } from 'node:path';
import { findRepo, hookDirs, type GitPlace } from '../git-repo.js';
import type { Scope } from './driver.js';
import { envOf } from './git-place.js';
import { textPathDirs } from './known-vars.js';

type Row = (scope: Scope, cwd: string, args: readonly string[]) => string | null;

/** The repository git finds from `cwd` (no GIT_DIR or work tree named at run time), or null. */
function place(scope: Scope, cwd: string): GitPlace {
  const env = envOf(scope);
  const gitDir = env('GIT_DIR');
  const workTree = env('GIT_WORK_TREE');
  return { cwd, env, ...(gitDir !== undefined ? { gitDir } : {}), ...(workTree !== undefined ? { workTree } : {}) };
}

/** `git rev-parse QUERY`: the path git prints. */
const revParse: Row = (scope, cwd, args) => {
  if (args[0] !== 'rev-parse' || args.length < 2 || args.length > 3) return null;
  const where = place(scope, cwd);
  const found = findRepo(scope.files, where);
  if (!found.ok || found.value === null) return null;
  const repo = found.value;
  switch (args.length === 2 ? args[1] : `${args[1]} P`) {
    case '--git-dir': case '--absolute-git-dir': return repo.gitDir;
    case '--git-common-dir': return repo.commonDir;
    case '--show-toplevel': return repo.workTree;
    case '--git-path P': {
      const p = args[2]!;
      if (p === 'hooks' || p.startsWith('hooks/')) {
        const dirs = hookDirs(scope.files, where);
        if (!dirs.ok || dirs.value === null || dirs.value.dirs.length !== 1) return null;
        return join(dirs.value.dirs[0]!, p.slice('hooks'.length));
      }
      // hooks, config, info, objects, refs … are shared from the common directory (gitrepository-layout(5)).
      return join(/^(?:HEAD|index|logs\/HEAD)$/.test(p) ? repo.gitDir : repo.commonDir, p);
    }
    default: return null;
  }
};

/**
 * `path` (from `cwd`) with its links resolved, as realpath(1) and `readlink -f` print it: `lnk/..` is
 * the parent of where lnk leads. A last part that does not exist yet is kept; null when more is missing.
 */
function physical(scope: Scope, cwd: string, path: string): string | null {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const real = scope.files.realpath;
  if (!real) return resolve(full);
  const whole = real(full);
  if (whole !== null) return whole;
  const up = real(dirname(full));
  return up === null ? null : join(up, full.slice(full.lastIndexOf('/') + 1));
}

const ROWS: Readonly<Record<string, Row>> = {
  git: revParse,
  echo: (_s, _c, args) => (args.length === 1 && !args[0]!.startsWith('-') ? args[0]! : null),
  printf: (_s, _c, args) => (args.length === 2 && args[0] === '%s' ? args[1]! : null),
  realpath: (s, cwd, args) => (args.length === 1 && !args[0]!.startsWith('-') ? physical(s, cwd, args[0]!) : null),
  readlink: (s, cwd, args) => (args.length === 2 && args[0] === '-f' ? physical(s, cwd, args[1]!) : null),
  // The directory the walk follows is the logical one (bash's default); `pwd -P` resolves its links.
  pwd: (s, cwd, args) => (args.length === 0 || (args.length === 1 && args[0] === '-L') ? cwd : args.length === 1 && args[0] === '-P' ? physical(s, cwd, '.') : null),
  dirname: (_s, _c, args) => (args.length === 1 && !args[0]!.startsWith('-') ? dirname(args[0]!) : null),
};

/** A filled word's value that stays one plain word when the text is split again. */
const PLAIN_WORD = /^[A-Za-z0-9_./%:=@+-]+$/;

/** `inner` with each word's value filled in by `fill`; null when a word is not known or not one plain word. */
function filled(inner: string, fill: (word: string) => string | null): string | null {
  const words = shellWords(inner);
  if (words === null) return null;
  const out: string[] = [];
  for (const w of words) {
    if (w === '&&' || w === ';') { out.push(w); continue; }
    const value = /[$`'"\\]/.test(w) ? fill(w) : w;
    if (value === null || !PLAIN_WORD.test(value)) return null;
    out.push(value);
  }
  return out.join(' ');
}

/** The words of a simple command line, quotes and substitutions kept whole; `;` a word of its own; null when unbalanced. */
function shellWords(text: string): string[] | null {
  const words: string[] = [];
  let cur = '';
  // The quote open at each level of `$(…)` (a substitution starts unquoted inside its parent's quotes).
  const quotes: (string | null)[] = [null];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const quote = quotes[quotes.length - 1]!;
    if (c === '\\' && quote !== "'") { cur += c + (text[i + 1] ?? ''); i++; continue; }
    if (quote === "'") { if (c === "'") quotes[quotes.length - 1] = null; }
    else if (c === '$' && text[i + 1] === '(') { quotes.push(null); cur += '$('; i++; continue; }
    else if (c === ')' && quote === null && quotes.length > 1) quotes.pop();
    else if (c === '"') quotes[quotes.length - 1] = quote === null ? '"' : null;
    else if (c === "'" && quote === null) quotes[quotes.length - 1] = "'";
    else if (quote === null && quotes.length === 1 && (c === ' ' || c === '\t' || c === ';')) {
      if (cur !== '') words.push(cur);
      if (c === ';') words.push(';');
      cur = '';
      continue;
    }
    cur += c;
  }
  if (quotes.length !== 1 || quotes[0] !== null) return null;
  if (cur !== '') words.push(cur);
  return words;
}

/** Does the text make NAME something other than the program a row stands for (a function, an alias, a PATH of its own)? */
function redefined(scope: Scope, name: string): boolean {
  return scope.run0.functions.has(name) || scope.run0.aliases.has(name) || textPathDirs(scope) !== undefined;
}

/**
 * The output of the substitution `$(INNER)` run in `cwd` (one line, no trailing newline), or null
 * when not computed here; `fill`: the value of a word with expansions, where the caller knows it.
 */
export function staticSubstitution(scope: Scope, inner: string, cwd: string | null = scope.cwd, fill?: (word: string) => string | null): string | null {
  if (cwd === null) return null;
  const given = inner.trim();
  const text = fill === undefined || !/[$`'"\\]/.test(given) ? given : filled(given, fill);
  if (text === null) return null;
  // `cd DIR && pwd`
  const cd = /^cd\s+([A-Za-z0-9_./-]+)\s*(?:&&|;)\s*pwd(?:\s+(-[LP]))?$/.exec(text);
  if (cd && (redefined(scope, 'cd') || redefined(scope, 'pwd'))) return null;
  if (cd) return cd[2] === '-P' ? physical(scope, cwd, cd[1]!) : resolve(cwd, cd[1]!);
  if (!/^[A-Za-z0-9_./%:=@+ \t-]+$/.test(text)) return null;
  const [name, ...args] = text.split(/[ \t]+/);
  if (name !== undefined && redefined(scope, name)) return null;
  const row = name === undefined ? undefined : ROWS[name];
  return row ? row(scope, cwd, args) : null;
}
