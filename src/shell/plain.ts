// The shapes of shell text that need no parser: plain commands, alone or joined by `&&`, `||` or
// `;`. A plain command is made of plain words, where an argument may also be one whole quoted
// string without expansions or escapes (`cd server && ssh host "docker ps"`, `git commit -m "fix: x"`).
// Outside its quotes such text has no expansions, globs, escapes, pipes, redirections, comments,
// reserved words or declarations, so the shell's parse is "split on blanks and operators, strip the
// quotes", and tree-sitter (and its ~40 ms of start-up in a fresh process) is not needed. Everything
// else goes to the parser. Property tests hold the two to the same commands, words, offsets and
// working directories on every text this takes.
import { nextCwd, SUBSCRIPT_SUBSTITUTION, type SimpleCommand } from './invocations.js';
import { MAX_INPUT_BYTES } from './parse.js';
import type { Word } from './words.js';

/** Printable ASCII and tab: which of it is special is decided token by token below. */
const PLAIN = /^[\x20-\x7e\t]*$/;
/**
 * An unquoted word: only characters that mean themselves to bash and to tree-sitter-bash alike.
 * (`@ % + : ,` and a stray `=` are plain to bash, but tree-sitter's grammar reads some of their
 * combinations as syntax or errors, and tree-sitter decides.)
 */
const WORD = /^[A-Za-z0-9_./-]+$/;
/**
 * A whole argument in quotes: in double quotes anything printable but the characters that stay
 * special there (`$`, backtick, backslash, `!`); in single quotes anything printable.
 */
const QUOTED = /^(?:"(?:(?![$`\\!"])[\x20-\x7e\t])*"|'[^']*')$/;
const ASSIGNMENT = /^([A-Za-z][A-Za-z0-9_]*)=([A-Za-z0-9_./-]*)$/;
const OPTION_VALUE = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*=[A-Za-z0-9_./-]+$/;
const OPERATOR = /^(?:&&|\|\||;)$/;
/**
 * Words the shell treats as syntax at the start of a command, and the builtins tree-sitter-bash
 * reads as declarations rather than commands.
 */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until',
  'do', 'done', 'function', 'in', 'time', 'coproc', '!', '[[', ']]', '{', '}',
  'export', 'declare', 'local', 'readonly', 'typeset', 'unset', 'unsetenv']);

/** The commands in `text` when it is plain commands joined by `&&`, `||` or `;`; null when it needs the parser. */
export function plainCommands(text: string): SimpleCommand[] | null {
  // Past the size limit the parser's answer ("larger than 64 KiB") applies, whatever the shape.
  if (text.length > MAX_INPUT_BYTES || !PLAIN.test(text)) return null;
  const commands: SimpleCommand[] = [];
  let cwd: string | null = '.';
  let words: Word[] = [];
  let assignments: { name: string; value: string; text: string }[] = [];
  let first = -1;
  let last = -1;
  /** The operator that ended the last command, until the next command's first token. */
  let operator: string | null = null;
  const endCommand = (): boolean => {
    if (words.length === 0) return false; // nothing, or only assignments (a statement, not a command)
    const command: SimpleCommand = { words, assignments, redirects: [], stdin: null, start: first, end: last, cwd, env: new Map() };
    commands.push(command);
    cwd = nextCwd(command, cwd);
    words = [];
    assignments = [];
    first = -1;
    return true;
  };
  // A token is an operator, a quoted string (blanks inside), or a run of anything but blanks, quotes
  // and operator characters. Two word tokens that touch (`a"b"`, `"a"b`) are one shell word made of
  // parts: left to the parser. So is any lone `&` or `|` (background, pipe).
  const re = /&&|\|\||;|"[^"]*"|'[^']*'|[^ \t"'&|;]+|["'&|]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const token = m[0];
    if (OPERATOR.test(token)) {
      if (!endCommand()) return null;
      operator = token;
      last = m.index + token.length;
      continue;
    }
    if (m.index === last && operator === null) return null;
    operator = null;
    if (first < 0) first = m.index;
    last = m.index + token.length;
    let value = token;
    if (words.length === 0) {
      const a = ASSIGNMENT.exec(token);
      if (a) {
        assignments.push({ name: a[1]!, value: a[2]!, text: a[2]! });
        continue;
      }
      if (RESERVED.has(token) || !WORD.test(token)) return null;
    } else if (QUOTED.test(token)) {
      // `'a[$(cmd)]'` runs cmd wherever bash evaluates it as arithmetic: the parser's walk reads it.
      if (SUBSCRIPT_SUBSTITUTION.test(token)) return null;
      value = token.slice(1, -1);
    } else if (!WORD.test(token) && !OPTION_VALUE.test(token)) {
      return null;
    }
    const slash = value.lastIndexOf('/');
    words.push({ value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: m.index, end: last });
  }
  if (first >= 0) return endCommand() ? commands : null;
  // Nothing at all, or a trailing `&&` or `||` (a syntax error); a trailing `;` just ends the last command.
  return operator === ';' ? commands : null;
}
