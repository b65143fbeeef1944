// Classifying one command in a process that exits right after (`check`, `hook`). This module and
// everything it loads (the guard, the rules, the shell layer, tree-sitter) is the heavy half of the
// executable: the bundle keeps it in its own file, so a command that the fast path settles never
// compiles it (see bin.ts and scripts/bundle.mjs).
import { createRequire } from 'node:module';
import { createGuard } from '../guard.js';
import type { ResolvedConfig } from '../config.js';
import type { Verdict } from '../policy/classify.js';


/**
 * V8 settings for a process that classifies one command and exits, set just before the parser
 * loads (loading the `v8` module costs a cold process a few milliseconds, so it is required only then). tree-sitter's grammar is
 * WebAssembly: V8's optimizing tier compiles it in the background and makes the process wait for
 * that at exit (~850 ms measured here for a docker command); the baseline tier alone parses a
 * command in tens of microseconds. (--single-threaded cannot be set this late: V8 aborts.)
 */
function tuneForOneShot(): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
}

/**
 * Classify `command` under the config already loaded for `cwd` (src/decide.ts); the parser is loaded
 * only if the command needs it, and the fast path is not asked twice.
 */
export async function classifyOnce(command: string, cwd: string, config: ResolvedConfig, fastPathTried: boolean): Promise<Verdict> {
  const guard = await createGuard({ cwd, deferParser: true, beforeParserLoad: tuneForOneShot, resolved: config, fastPath: !fastPathTried });
  return guard.decide(command);
}
