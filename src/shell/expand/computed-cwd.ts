// The directory a command runs in after `cd` to a target the walk could not fix (cwd.ts cwdTrail):
// each target's text is filled in here with what the expansion knows (`$(git rev-parse
// --show-toplevel)` in the directory before it, a script's `$(dirname "$0")`, one turn's value of a
// loop variable); any part not known leaves the directory computed, as before.
import { isAbsolute, resolve } from 'node:path';
import type { Scope } from './driver.js';
import { fixedNames, knownValue, namesOf } from './known-vars.js';
import { searchesCdpath } from '../cwd.js';

/** Variables that change the repository git finds: set anywhere in the text, git's answer there is not fixed. */
const MOVES_GIT = /\bGIT_(?:DIR|WORK_TREE|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|COMMON_DIR)\b/;

const NONE: ReadonlyMap<string, string> = new Map();

/** The trail's static directory (relative to the text's start, as a command's cwd is) where the text runs in `jobCwd`. */
export function trailStart(jobCwd: string | null, first: string): string | null {
  if (first === '.') return jobCwd;
  return jobCwd === null ? (isAbsolute(first) ? first : null) : resolve(jobCwd, first);
}

/**
 * The directory `trail` (a static directory, then the texts of the `cd` targets after it) ends in, or
 * null. `given(i)`: values the `i`th target's text is filled in with (one turn of the loops it is in).
 */
export function trailCwd(scope: Scope, start: string | null, words: readonly string[], given: (i: number) => ReadonlyMap<string, string> = () => NONE): string | null {
  let dir = start;
  for (const [i, word] of words.entries()) {
    const value = dir === null ? null : targetValue(scope, dir, word, given(i));
    if (dir === null || value === null || searchesCdpath(value, scope.job.text)) return null;
    dir = resolve(dir, value);
    // A `cd` to what is no directory fails, and what runs after it (past `;`) runs where the shell was.
    if (!isDirectory(scope, dir)) return null;
  }
  return dir;
}

/** The value of a computed `cd` target's text, filled in where the shell is in `dir`; null when not known here. */
export function targetValue(scope: Scope, dir: string, word: string, given: ReadonlyMap<string, string> = NONE): string | null {
  // The target is filled in where the later command runs: only with what cannot change between the
  // two (variables the text sets once, no GIT_DIR or work tree that would move git's answer).
  if (!fixedNames(scope, namesOf(word), given) || MOVES_GIT.test(scope.job.text)) return null;
  const value = knownValue(scope, word, given, { cwd: dir });
  // `cd ""`, `cd -`, `cd ~user`: not a directory this reads; `cd -P` (a directory so named, matched by a glob) is an option.
  return value === null || value === '' || value.startsWith('-') || value.startsWith('~') ? null : value;
}

export function isDirectory(scope: Scope, path: string): boolean {
  const { files } = scope;
  const listed = files.entries ? files.entries(path) : files.list ? files.list(path) : null;
  return listed !== null;
}
