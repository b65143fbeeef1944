// What the walk over a syntax tree (invocations.ts) gives: simple commands with their decoded words,
// prefix assignments, redirections and stdin, text the shell parses again, and the walk's result.
import type { Word } from './words.js';
import type { LoopValues } from './loop-values.js';
import type { CdMove } from './cd-moves.js';

export type StdinSource =
  /**
   * A heredoc body or here-string. `expands` is false for a quoted heredoc delimiter. `word`: a
   * here-string's word as written, which the shell expands without splitting or globbing.
   */
  | { readonly kind: 'text'; readonly text: string; readonly expands: boolean; readonly word?: string }
  /** `< path` */
  | { readonly kind: 'file'; readonly path: string | null }
  /** The output of the previous command in a pipeline. */
  | { readonly kind: 'pipe'; readonly from: SimpleCommand }
  /** `< <(cmd)`: the output of the command inside. */
  | { readonly kind: 'process'; readonly text: string }
  /** Something whose content cannot be known statically (passed on to ssh's remote command). */
  | { readonly kind: 'opaque'; readonly why: string };

/**
 * Where a command's standard output goes, where the text says (absent: the shell's own, the terminal
 * at the top of the input; a redirection of the command's own comes first): into the command after it
 * in a pipeline, into a substitution whose text the shell goes on with, or somewhere not known here
 * (after `exec > …`, into what no command is).
 */
export type Stdout =
  | { readonly kind: 'pipe'; readonly to: SimpleCommand }
  | { readonly kind: 'substitution' }
  | { readonly kind: 'unknown' };

export interface Redirect {
  /** The operator as written: `>`, `>>`, `<`, `&>`, `>|`, `<<`, `<<<`, `>&`, … */
  readonly op: string;
  readonly fd: number | null;
  readonly target: Word | null;
}

export interface Assignment {
  readonly name: string;
  readonly value: string | null;
  /** The value as written (for a computed value's static parts: `PATH=bin:$PATH`). */
  readonly text?: string;
}

export interface SimpleCommand {
  readonly words: Word[];
  readonly assignments: Assignment[];
  readonly redirects: Redirect[];
  stdin: StdinSource | null;
  stdout?: Stdout;
  /** [start, end) in the parsed text. */
  readonly start: number;
  readonly end: number;
  /** The working directory this command runs in, relative to the script's start (null: not static). */
  readonly cwd: string | null;
  /**
   * Where `cwd` is null because a `cd` went to a directory computed at run time: the last static
   * directory and the texts of the `cd` targets since, which the expansion may know (cwd.ts cwdTrail).
   */
  readonly cwdFrom?: readonly string[];
  /** The moves of the directory before it in the text (cd-moves.ts), when there are any: where it runs is worked out from them. */
  readonly moves?: readonly CdMove[];
  /** Variables assigned or exported earlier in the same script (null value: not static). */
  readonly env: ReadonlyMap<string, string | null>;
  /** Stands for a definition (`NAME() {…}`), not a call: the function's body is not run here. */
  readonly defines?: true;
  /** May run after commands written later in the text: in a loop, or in a background job (`… &`). */
  readonly later?: true;
  /** Variables of the `for … in` loops around it, with what each binds (loop-values.ts). */
  readonly loops?: LoopValues;
}

/** Text inside the tree that the shell will parse again, which tree-sitter leaves unparsed. */
export interface Reparse {
  readonly text: string;
  /** [start, end) in the parsed text of what contains it. */
  readonly start: number;
  readonly end: number;
}

export type WalkResult =
  | {
    readonly ok: true; readonly commands: SimpleCommand[]; readonly reparse?: readonly Reparse[];
    /** Functions defined in the text (name → body): their commands run where they are called. */
    readonly functions?: ReadonlyMap<string, string>;
    /**
     * Assignments made under a condition to a variable already set ([start, end) in the text): the
     * variable may keep its earlier value, so the text is read once more without them.
     */
    readonly unsure?: readonly (readonly [number, number])[];
  }
  | { readonly ok: false; readonly reason: 'too-deep' }
  /** Text bash refuses that tree-sitter accepts (`{ ls; } >f docker`: a word after a compound's redirection). */
  | { readonly ok: false; readonly reason: 'syntax'; readonly at: number };
