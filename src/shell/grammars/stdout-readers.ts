// Programs that only read what is piped into them and print or page it: a command whose output goes
// only to these (or the terminal) has what it prints neither kept nor run (expand/stdout.ts). A
// spelling that makes one write a file or run a command is no reader (`less -o FILE`, `less '+!sh'`,
// LESSOPEN); programs that can do either in any spelling (`tee`, `sed`'s `w` and `e`, `xargs`, `awk`'s
// system()) are not listed. Data only.
import type { OptionGrammar } from '../getopt.js';
import { READERS } from './readers.js';

export interface StdoutReader {
  readonly grammar?: OptionGrammar;
  /** Options that make it write a file, or read commands of its own from one. */
  readonly unsafe?: readonly string[];
  /** Operands it runs as commands of its own (less's `+CMD`: `+!sh`, `+s FILE`, `+|…`). */
  readonly commands?: RegExp;
  /** Variables that give it options or a command to run (`LESS=-oFILE`, `LESSOPEN='|sh %s'`). */
  readonly env?: RegExp;
}

const PLAIN: StdoutReader = {};

/** less(1) and more (which is less on some systems): a log file, lesskey files, initial commands, its variables. */
const PAGER: StdoutReader = {
  grammar: READERS.less!,
  unsafe: ['--log-file', '--LOG-FILE', '-o', '-O', '-k', '--lesskey-file', '--lesskey-src', '--lesskey-content'],
  commands: /^\+/,
  env: /^(?:LESS|MORE)/,
};

export const STDOUT_READERS: Readonly<Record<string, StdoutReader>> = {
  cat: PLAIN, tac: PLAIN, head: PLAIN, tail: PLAIN, wc: PLAIN, grep: PLAIN, egrep: PLAIN, fgrep: PLAIN,
  nl: PLAIN, cut: PLAIN, tr: PLAIN, fold: PLAIN, column: PLAIN,
  less: PAGER, more: PAGER,
};
