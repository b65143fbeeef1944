// A local command inside `for NAME in WORDS` loops whose words expand the loop variables: judged once
// per turn with each turn's values filled in (`for p in packages/a packages/b; do make -C "$p" test;
// done` is `make -C packages/a test`, then `make -C packages/b test`), as bash runs it.
import { setOnlyByLoop } from '../assigned-once.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { namesOf, withKnownVars } from './known-vars.js';

/** Most turns tried for one command (one per combination of the loops' values). */
const MAX_TURNS = 16;

/**
 * The command's words once per turn of the loops around it, or null when no computed word expands a
 * variable that only its loop sets (or there are more turns than are worth trying).
 */
export function loopTurns(scope: Scope, words: readonly Word[]): Word[][] | null {
  const loops = scope.command.loops;
  if (!loops || !scope.local) return null;
  const names = new Set(words.filter((w) => w.value === null).flatMap((w) => namesOf(w.text))
    .filter((n) => loops.get(n) && setOnlyByLoop(scope.job.text, n)));
  if (names.size === 0) return null;
  let turns: Map<string, string>[] = [new Map()];
  for (const n of names) {
    turns = turns.flatMap((t) => loops.get(n)!.map((v) => new Map([...t, [n, v]])));
    if (turns.length > MAX_TURNS) return null;
  }
  return turns.map((values) => words.map((w) => (w.value !== null ? w : withKnownVars(scope, w, values))));
}
