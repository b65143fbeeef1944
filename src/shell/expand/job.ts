// The expansion's data: the options a caller gives, the jobs of the queue (text to read, where it runs
// and how it was reached) and the result. The driver (driver.ts) works through them.
import type { ScriptFiles } from '../files.js';
import type { StdinSource } from '../invocations.js';
import type { Invocation, Target } from '../invocation.js';
import type { ManagedNames } from '../fastpath.js';

export interface ExpandOptions {
  /** Absolute directory the command runs in. */
  readonly cwd: string;
  readonly files: ScriptFiles;
  /** How many times text may be parsed again inside text (default 12). */
  readonly maxDepth?: number;
  /** How many commands one input may expand to (default 2000). */
  readonly maxCommands?: number;
  /** How long one input may take, in milliseconds (default 1500: a backstop behind the work limits; a 13-deep `sh -c` nesting took 0.6 s on a machine at load 16). */
  readonly budgetMs?: number;
  /** Could this text name a program the policy is about? (From the rule set; decides which code strings are read.) */
  readonly mentions: (text: string) => boolean;
  /** Does this text start like a command line of such a program? (For arguments of unknown programs.) */
  readonly startsCommand?: (text: string) => boolean;
  /** The rule set's names, which a glob as a command name is tested against (default: the built-in rules'). */
  readonly names?: ManagedNames | null;
}

export interface Job {
  readonly text: string;
  readonly target: Target;
  readonly depth: number;
  /** Range in the original input for text that is not the input itself. */
  readonly origin: { start: number; end: number } | null;
  /** Whether the origin command consists of exactly this job's text, so it may be replaced whole. */
  readonly spliceable: boolean;
  readonly cwd: string | null;
  readonly stdin: StdinSource | null;
  readonly via: readonly string[];
  /**
   * Where the text came from: parse failures in script files ask; a string literal of a code file
   * that is not shell is data; elsewhere they are bad input.
   */
  readonly source: 'input' | 'string' | 'script' | 'code';
  readonly env: ReadonlyMap<string, string | null>;
  /** The directory of the outermost command (where a rewrite of it would run); undefined: this is the input. */
  readonly rewriteCwd?: string | null;
  /** The text is the input spelled again for the parser (respell.ts). */
  readonly respelled?: true;
  /** The text is the body of a function or alias judged where it is defined: its name. */
  readonly definition?: string;
}

/** What the expansion needs from the caller to go on: the parser, when text needs it. */
export type ExpandResult =
  | { readonly kind: 'done'; readonly invocations: Invocation[] }
  | { readonly kind: 'needs-parser' };

/** Wrappers peeled off one command before it counts as nested too deep. */
export const MAX_WRAPPERS = 32;
