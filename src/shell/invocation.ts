// The contract between the shell layer and the policy: one invocation per command that will really
// run, with where it runs, how it was reached, and the facts its program's grammar gives.
import type { Redirect, StdinSource } from './invocations.js';
import type { Scan } from './getopt.js';
import type { ContainerCommand } from './programs/container.js';
import type { ForgeCall } from './programs/forge.js';
import type { GitCommand, GitPush } from './programs/git.js';
import type { SshCommand } from './programs/ssh.js';
import type { Transfer } from './programs/transfer.js';
import type { Word } from './words.js';

export type Target = { readonly kind: 'local' } | { readonly kind: 'remote'; readonly host: string };
export const LOCAL: Target = { kind: 'local' };

/** Things the shell layer could not see through; the policy decides what each means. */
export type ShellEvent =
  /** The program name is computed at run time (`$d restart web`). */
  | 'dynamic-command'
  /** The text sent to a server is computed locally (`ssh host "$cmd"`). */
  | 'dynamic-remote-command'
  /** A script that exists but cannot be read or parsed, or stdin from a command whose output is unknown. */
  | 'unreadable-script'
  /** Inline interpreter code that mentions a managed tool in a way that cannot be decided. */
  | 'interpreter-code'
  /** An argument of a program we do not know that reads as a command line of a managed program. */
  | 'embedded-command'
  /** Text that is not valid shell (or holds NUL bytes). */
  | 'bad-input'
  /**
   * A limit ran out (size, nesting, commands, time): what is left unread may be anything the whole
   * input names or computes. The event's text is the whole input.
   */
  | 'limit'
  /**
   * A package manager installs a package that is, or may be, gitops-guard without naming it: a
   * directory whose package.json is named gitops-guard or gives a `gitops-guard` executable, a git
   * URL, a tarball, a computed word, or a package.json that takes gitops-guard from a path or a repository.
   */
  | 'guard-package'
  /** A file the agent host runs by itself is written with hooks of its own (a skill's or subagent's `hooks:` frontmatter). */
  | 'host-hook'
  /** An agent host's session started without the project's hooks (`claude --setting-sources user`, `--settings` with disableAllHooks). */
  | 'host-unguarded';

/**
 * Where a command's standard output ends up (expand/stdout.ts): the terminal; only programs that read
 * and print it (`| head`, `| less`: grammars/stdout-readers.ts); a file; another program, which may keep
 * or run it (`| sh`, `| tee F`); a substitution the shell goes on with; or not known here (text another
 * command runs, a command under a wrapper, after `exec > …`).
 */
export type StdoutGoes = 'terminal' | 'readers' | 'file' | 'program' | 'substitution' | 'unknown';

/** What the program's own grammar says about its command line, parsed once. */
export type ProgramFacts =
  | { readonly kind: 'ssh'; readonly ssh: SshCommand }
  | { readonly kind: 'container'; readonly container: ContainerCommand }
  | { readonly kind: 'transfer'; readonly transfer: Transfer }
  | { readonly kind: 'git'; readonly git: GitCommand; readonly push?: GitPush }
  | { readonly kind: 'forge'; readonly forge: ForgeCall };

export interface Invocation {
  /** The words of the command after wrappers were removed. */
  readonly argv: readonly Word[];
  /** The program's name (basename of argv[0]); null for events. */
  readonly program: string | null;
  readonly target: Target;
  /** Prefix assignments and variables exported earlier in the same script. */
  readonly env: ReadonlyMap<string, string | null>;
  readonly redirects: readonly Redirect[];
  readonly stdin: StdinSource | null;
  /** Where its standard output ends up; absent for events. */
  readonly stdout?: StdoutGoes;
  /** [start, end) in the original input: the command itself, or the outermost command it is nested in. */
  readonly start: number;
  readonly end: number;
  /** How it was reached: `sudo`, `bash -c`, `ssh web1`, `./deploy.sh`, … (outermost first). */
  readonly via: readonly string[];
  /** True when replacing [start, end) with a rewrite replaces exactly this command. */
  readonly spliceable: boolean;
  /** The local directory it runs in (absolute), when known. */
  readonly cwd: string | null;
  /** The local directory a rewrite spliced at [start, end) runs in: the outermost command's. */
  readonly rewriteCwd: string | null;
  /** The program's options as its grammar reads them, when the grammar is known. */
  readonly scan?: Scan;
  /** Files the command writes, removes or changes (absolute; null: computed at run time). */
  readonly writes?: readonly (string | null)[];
  /** Directories it removes or replaces as a whole, with everything under them (`rm -rf .claude`). */
  readonly replaces?: readonly { readonly path: string; readonly how: 'remove' | 'replace' }[];
  /** Links made earlier in the same text (absolute link path → what it leads to), when there are any. */
  readonly links?: ReadonlyMap<string, string>;
  /** Code an interpreter runs, when it talks to a container engine (for the engine-api fact). */
  readonly code?: string;
  /** Facts of the programs the policy is about. */
  readonly facts?: ProgramFacts;
  readonly event?: ShellEvent;
  /** For events: what could not be seen through. */
  readonly detail?: string;
  /** For events: the text that could not be read (the policy decides whether it matters). */
  readonly text?: string;
}
