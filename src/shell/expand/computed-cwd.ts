// The directory a command runs in after `cd` to a target the walk could not fix (cwd.ts cwdTrail):
// each target's text is filled in here with what the expansion knows (`$(git rev-parse
// --show-toplevel)` in the directory before it, a script's `$(dirname "$0")`); any part not known
// leaves the directory computed, as before.
import { resolve } from 'node:path';
import type { Scope } from './driver.js';
import { fixedNames, knownValue, namesOf } from './known-vars.js';

/** Variables that change the repository git finds: set anywhere in the text, git's answer there is not fixed. */
const MOVES_GIT = /\bGIT_(?:DIR|WORK_TREE|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|COMMON_DIR)\b/;

/** The directory `trail` (a static directory, then the texts of the `cd` targets after it) ends in, or null. */
export function trailCwd(scope: Scope, start: string | null, words: readonly string[]): string | null {
  let dir = start;
  for (const word of words) {
    // The target is filled in where the later command runs: only with what cannot change between the
    // two (variables the text sets once, no GIT_DIR or work tree that would move git's answer).
    if (dir === null || !fixedNames(scope, namesOf(word)) || MOVES_GIT.test(scope.job.text)) return null;
    const value = knownValue(scope, word, undefined, { cwd: dir });
    // `cd ""`, `cd -`, `cd ~user`: not a directory this reads.
    if (value === null || value === '' || value === '-' || value.startsWith('~')) return null;
    dir = resolve(dir, value);
  }
  return dir;
}
