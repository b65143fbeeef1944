// The directory a command runs in after `cd` to a target the walk could not fix (cwd.ts cwdTrail):
// each target's text is filled in here with what the expansion knows (`$(git rev-parse
// --show-toplevel)` in the directory before it, a script's `$(dirname "$0")`); any part not known
// leaves the directory computed, as before.
import { resolve } from 'node:path';
import type { Scope } from './driver.js';
import { knownValue } from './known-vars.js';

/** The directory `trail` (a static directory, then the texts of the `cd` targets after it) ends in, or null. */
export function trailCwd(scope: Scope, start: string | null, words: readonly string[]): string | null {
  let dir = start;
  for (const word of words) {
    if (dir === null) return null;
    const value = knownValue(scope, word, undefined, { cwd: dir });
    // `cd ""`, `cd -`, `cd ~user`: not a directory this reads.
    if (value === null || value === '' || value === '-' || value.startsWith('~')) return null;
    dir = resolve(dir, value);
  }
  return dir;
}
