// A local command inside `for NAME in WORDS` loops whose words, or whose directory, take the loop
// variables: judged once per turn with each turn's values filled in, as bash runs it (`for p in
// packages/a packages/b; do make -C "$p" test; done` is `make -C packages/a test`, then `make -C
// packages/b test`; `for d in packages/*; do (cd "$d" && npm test); done` is `npm test` in each
// package). A glob among the words is read against the directory where nothing ran before the loop.
import { basename } from 'node:path';
import { setOnlyByLoop } from '../assigned-once.js';
import { globFiles } from '../files.js';
import { MAX_LOOP_VALUES, type LoopBinding } from '../loop-values.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { trailCwd, trailStart } from './computed-cwd.js';
import { namesOf, withKnownVars } from './known-vars.js';

/** Most turns tried for one command (one per combination of the loops' values). */
const MAX_TURNS = 16;

/** One turn: the command's words, and (where a `cd` in the body went to a loop value) the directory it runs in. */
export interface LoopTurn {
  readonly words: Word[];
  readonly cwd?: string | null;
}

/**
 * The command once per turn of the loops around it, or null when neither a computed word nor a `cd`
 * before it in the loop's body expands a variable that only its loop sets, or there are more turns
 * than are worth trying (then it stays computed: asked about where that matters).
 */
export function loopTurns(scope: Scope, words: readonly Word[]): LoopTurn[] | null {
  const loops = scope.command.loops;
  if (!loops || !scope.local) return null;
  const from = scope.command.cwd === null ? scope.command.cwdFrom : undefined;
  // A `cd` text met in a loop's body names that turn's value; one met before the loop does not.
  const inBody = (n: string, at: number): boolean => { const t = loops.get(n)?.trailFrom; return t !== undefined && at >= t; };
  const cdNames = (from ?? []).flatMap((text, at) => namesOf(text).filter((n) => inBody(n, at)));
  const values = new Map<string, readonly string[]>();
  for (const n of [...words.filter((w) => w.value === null).flatMap((w) => namesOf(w.text)), ...cdNames]) {
    const v = values.has(n) || !setOnlyByLoop(scope.job.text, n) ? null : loopValues(scope, loops.get(n));
    if (v) values.set(n, v);
  }
  if (values.size === 0) return null;
  let turns: Map<string, string>[] = [new Map()];
  for (const [n, vs] of values) {
    turns = turns.flatMap((t) => vs.map((v) => new Map([...t, [n, v]])));
    if (turns.length > MAX_TURNS) return null;
  }
  const moved = cdNames.some((n) => values.has(n)) && from !== undefined;
  return turns.map((given) => ({
    words: words.map((w) => (w.value !== null ? w : withKnownVars(scope, w, given))),
    ...(moved ? { cwd: turnCwd(scope, from, given, inBody) } : {}),
  }));
}

/** The directory a turn's command runs in: its trail with the turn's values filled into the targets met in the body. */
function turnCwd(scope: Scope, from: readonly string[], given: ReadonlyMap<string, string>, inBody: (n: string, at: number) => boolean): string | null {
  const start = trailStart(scope.job.cwd, from[0]!);
  const at = (i: number): ReadonlyMap<string, string> => new Map([...given].filter(([n]) => inBody(n, i + 1)));
  return trailCwd(scope, start, from.slice(1), at);
}

/**
 * The values a loop gives its variable: its static words, and what each glob matches in the
 * directory the loop starts in. Only in a loop that starts the input, so that nothing the text runs
 * can have changed the directory before bash expands the glob; a glob that matches nothing (bash
 * keeps the pattern as the word) or too much leaves the variable computed.
 */
function loopValues(scope: Scope, binding: LoopBinding | undefined): readonly string[] | null {
  const words = binding?.words;
  if (!words) return null;
  const out: string[] = [];
  for (const w of words) {
    if (!w.glob) { out.push(w.value); continue; }
    const cwd = scope.job.cwd;
    if (!binding.first || scope.job.source !== 'input' || cwd === null) return null;
    const hits = globFiles(scope.files, cwd, w.value, MAX_LOOP_VALUES);
    if (hits === null || hits.length === 0) return null;
    const dir = w.value.slice(0, w.value.lastIndexOf('/') + 1);
    out.push(...hits.map((h) => dir + basename(h)));
  }
  return out.length <= MAX_LOOP_VALUES ? out : null;
}
