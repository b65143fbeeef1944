// The one shape of shell text that needs no parser: a single command made of plain words. When text
// has no quotes, escapes, expansions, globs, operators, redirections, comments or reserved words,
// the shell's parse is exactly "split on blanks", so tree-sitter (and its ~40 ms of start-up in a
// fresh process) is not needed. Everything else goes to the parser. A property test holds the two
// to the same result on every text this accepts.
import type { SimpleCommand } from './invocations.js';
import type { Word } from './words.js';

/**
 * Characters that mean only themselves to bash and to tree-sitter-bash alike. (`@ % + : ,` and a
 * stray `=` are plain to bash, but tree-sitter's grammar reads some of their combinations as
 * syntax or errors, and tree-sitter decides.)
 */
const PLAIN = /^[A-Za-z0-9_=./ \t-]*$/;
const WORD = /^[A-Za-z0-9_./-]+$/;
const ASSIGNMENT = /^([A-Za-z][A-Za-z0-9_]*)=([A-Za-z0-9_./-]*)$/;
const OPTION_VALUE = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*=[A-Za-z0-9_./-]+$/;
/** Words the shell treats as syntax at the start of a command. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until',
  'do', 'done', 'function', 'in', 'time', 'coproc', '!', '[[', ']]', '{', '}']);

/** The command in `text` when it is a single command of plain words; null when it needs the parser. */
export function plainCommand(text: string): SimpleCommand | null {
  if (!PLAIN.test(text)) return null;
  const words: Word[] = [];
  const assignments: { name: string; value: string }[] = [];
  const re = /[^ \t]+/g;
  let first = -1;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[0];
    if (first < 0) first = m.index;
    last = m.index + value.length;
    if (words.length === 0) {
      const a = ASSIGNMENT.exec(value);
      if (a) {
        assignments.push({ name: a[1]!, value: a[2]! });
        continue;
      }
      if (RESERVED.has(value) || !WORD.test(value)) return null;
    } else if (!WORD.test(value) && !OPTION_VALUE.test(value)) {
      return null;
    }
    const slash = value.lastIndexOf('/');
    words.push({ value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: value, start: m.index, end: last });
  }
  if (words.length === 0) return null; // only assignments: a statement, not a command
  return {
    words, assignments, redirects: [], stdin: null, start: first, end: last, cwd: '.',
    env: new Map(),
  };
}
