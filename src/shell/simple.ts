// The one shape of shell text that needs no parser: a single command made of plain words, where an
// argument may also be one whole quoted string of plain characters (`ssh host "docker ps"`). Such
// text has no expansions, globs, escapes, operators, redirections, comments or reserved words, so the
// shell's parse is "split on blanks, strip the quotes", and tree-sitter (and its ~40 ms of start-up in
// a fresh process) is not needed. Everything else goes to the parser. A property test holds the two
// to the same result on every text this accepts.
import type { SimpleCommand } from './invocations.js';
import type { Word } from './words.js';

/**
 * Characters that mean only themselves to bash and to tree-sitter-bash alike. (`@ % + : ,` and a
 * stray `=` are plain to bash, but tree-sitter's grammar reads some of their combinations as
 * syntax or errors, and tree-sitter decides.) The quotes are checked word by word below.
 */
const PLAIN = /^[A-Za-z0-9_=./ \t'"-]*$/;
const WORD = /^[A-Za-z0-9_./-]+$/;
/** A whole argument in double or single quotes, with only plain characters inside (spaces too). */
const QUOTED = /^(?:"[A-Za-z0-9_=./ \t-]*"|'[A-Za-z0-9_=./ \t-]*')$/;
const ASSIGNMENT = /^([A-Za-z][A-Za-z0-9_]*)=([A-Za-z0-9_./-]*)$/;
const OPTION_VALUE = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*=[A-Za-z0-9_./-]+$/;
/**
 * Words the shell treats as syntax at the start of a command, and the builtins tree-sitter-bash
 * reads as declarations rather than commands.
 */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until',
  'do', 'done', 'function', 'in', 'time', 'coproc', '!', '[[', ']]', '{', '}',
  'export', 'declare', 'local', 'readonly', 'typeset', 'unset', 'unsetenv']);

/** The command in `text` when it is a single command of plain words; null when it needs the parser. */
export function plainCommand(text: string): SimpleCommand | null {
  if (!PLAIN.test(text)) return null;
  const words: Word[] = [];
  const assignments: { name: string; value: string }[] = [];
  // A token is a quoted string (blanks inside) or a run of anything but blanks and quotes. Two tokens
  // that touch (`a"b"`, `"a"b`) are one shell word made of parts: left to the parser.
  const re = /"[^"]*"|'[^']*'|[^ \t"']+|["']/g;
  let first = -1;
  let last = -1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const token = m[0];
    if (m.index === last) return null;
    if (first < 0) first = m.index;
    last = m.index + token.length;
    let value = token;
    if (words.length === 0) {
      const a = ASSIGNMENT.exec(token);
      if (a) {
        assignments.push({ name: a[1]!, value: a[2]! });
        continue;
      }
      if (RESERVED.has(token) || !WORD.test(token)) return null;
    } else if (QUOTED.test(token)) {
      value = token.slice(1, -1);
    } else if (!WORD.test(token) && !OPTION_VALUE.test(token)) {
      return null;
    }
    const slash = value.lastIndexOf('/');
    words.push({ value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: m.index, end: last });
  }
  if (words.length === 0) return null; // only assignments: a statement, not a command
  return {
    words, assignments, redirects: [], stdin: null, start: first, end: last, cwd: '.',
    env: new Map(),
  };
}
