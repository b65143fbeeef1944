// The shapes of shell text that need no parser: plain commands, alone, in pipelines, with simple
// redirections, or joined by `&&`, `||` or `;`. A plain command is made of plain words, where an argument may also be one whole quoted
// string without expansions or escapes (`cd server && ssh host "docker ps"`, `git commit -m "fix: x"`).
// Outside its quotes such text has no expansions, globs, escapes, heredocs, comments,
// reserved words or declarations, so the shell's parse is "split on blanks and operators, strip the
// quotes", and tree-sitter (and its ~40 ms of start-up in a fresh process) is not needed. Everything
// else goes to the parser. Property tests hold the two to the same commands, words, offsets and
// working directories on every text this takes.
import { nextCwd, SUBSCRIPT_SUBSTITUTION, type Redirect, type SimpleCommand, type StdinSource } from './invocations.js';
import { MAX_INPUT_BYTES } from './parse.js';
import { setsState } from './set-vars.js';
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
 * An argument after the command name may also hold `+ , : @ %` and a later `=` (`chmod +x f`,
 * `--exclude=a,b`, `host:path`, `user@host`, `make CC=gcc`): plain to bash, and single words to
 * tree-sitter in that place (the property tests in test/shell.test.ts hold the two together).
 */
const ARG_WORD = /^[A-Za-z0-9_./+,:@%-][A-Za-z0-9_./+,:@%=-]*$/;
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

/**
 * Redirections the plain lexer reads: an optional descriptor written right before the operator.
 * Descriptor 0 is left to the parser: tree-sitter-bash reads `0>x` as a word 0 and a redirection.
 */
const REDIRECT = /^([1-9]?)(>>|>&|>|<)$/;

/**
 * Lines of a script (a hook, a file a shell runs): a newline after a command ends it as `;` does, and
 * a line that is blank or a comment (`#!/bin/sh`) is nothing; both become text of the same length,
 * so every offset stays the original's. Whatever else a line holds is for the checks below to take
 * or refuse (a `#` later in a line, a trailing `\`, `&&` or `|` before the newline, a heredoc: the parser).
 */
function linesAsList(text: string): string | null {
  let out = '';
  let command = false;
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) out += command ? ';' : ' ';
    command = !/^[ \t]*(?:#|$)/.test(line);
    // A quote left open runs on to the next line: the parser reads that.
    if (command && ((line.split("'").length - 1) % 2 === 1 || (line.split('"').length - 1) % 2 === 1)) return null;
    out += command ? line : ' '.repeat(line.length);
  }
  return out;
}

/**
 * The commands in `text` when it is plain commands, in pipelines with simple redirections
 * (`cmd 2>&1 | tail -n 20`, `ls > out.txt`), joined by `&&`, `||` or `;`; null when it needs the parser.
 */
export function plainCommands(source: string): SimpleCommand[] | null {
  // Past the size limit the parser's answer ("larger than 64 KiB") applies, whatever the shape.
  if (source.length > MAX_INPUT_BYTES) return null;
  const text = source.includes('\n') ? linesAsList(source) : source;
  if (text === null || !PLAIN.test(text)) return null;
  const commands: SimpleCommand[] = [];
  let cwd: string | null = '.';
  let words: Word[] = [];
  let assignments: { name: string; value: string; text: string }[] = [];
  let redirects: Redirect[] = [];
  let stdin: StdinSource | null = null;
  let first = -1;
  let last = -1;
  /** Where the current command's words end (a redirection after them is not part of the command). */
  let wordsEnd = -1;
  /** The operator that ended the last command, until the next command's first token. */
  let operator: string | null = null;
  /** A redirection waiting for its target word. */
  let pending: { op: string; fd: number | null } | null = null;
  /** The command before a `|`, whose output the next one reads. */
  let producer: SimpleCommand | null = null;
  /** Whether `&&`/`||` joined commands, and whether any command had a redirection (not both). */
  let chained = false;
  let redirected = false;
  const endCommand = (): boolean => {
    if (words.length === 0 || pending) return false; // nothing, only assignments, or a redirection without target
    // `read PATH`, `printf -v PATH`, `command export PATH=…` set what later names run: the parser's walk tracks them.
    if (setsState(words.map((w) => w.value))) return false;
    const piped = producer;
    const command: SimpleCommand = { words, assignments, redirects, stdin: stdin ?? (piped ? { kind: 'pipe', from: piped } : null), start: first, end: wordsEnd, cwd, env: new Map() };
    commands.push(command);
    cwd = nextCwd(command, cwd);
    words = [];
    assignments = [];
    redirects = [];
    stdin = null;
    producer = null;
    first = -1;
    return true;
  };
  // A token is an operator, a redirection, a quoted string (blanks inside), or a run of anything but
  // blanks, quotes and operator characters. Two word tokens that touch (`a"b"`, `"a"b`) are one
  // shell word made of parts: left to the parser. So is a lone `&` (background), and any other
  // redirection (`<<`, `<<<`, `&>`, `>|`, `<(`).
  const re = /&&|\|\||;|\|(?![|&])|(?:(?<=^|[ \t])[1-9])?(?:>>|>&|>(?![|(])|<(?![<(&>]))|"[^"]*"|'[^']*'|[^ \t"'&|;<>]+|["'&|<>]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const token = m[0];
    if (OPERATOR.test(token) || token === '|') {
      if (!endCommand()) return null;
      if (token === '&&' || token === '||') chained = true;
      if (token === '&&' || token === '||' ? redirected : false) return null;
      if (token === '|') producer = commands[commands.length - 1]!;
      operator = token;
      last = m.index + token.length;
      continue;
    }
    const redirect = REDIRECT.exec(token);
    if (redirect) {
      // tree-sitter's readings differ from a plain reading in corners (`cmd - 2>&1` drops the `-`,
      // `x-2>y` has descriptor -2, `a && b >x` redirects the whole list): those go to the parser.
      if (pending || words.length === 0 || words[words.length - 1]!.value === '-' || chained
        || !/[ \t]/.test(text[m.index - 1] ?? '')) return null;
      pending = { op: redirect[2]!, fd: redirect[1] ? Number(redirect[1]) : null };
      last = m.index + token.length;
      continue;
    }
    if (m.index === last && operator === null && !pending) return null;
    operator = null;
    if (pending) {
      // The target: a plain word (a descriptor for `>&`), or one whole quoted string.
      const quoted = QUOTED.test(token);
      if (!quoted && !WORD.test(token)) return null;
      if (pending.op === '>&' && !/^[0-9]+$/.test(token)) return null;
      const value = quoted ? token.slice(1, -1) : token;
      last = m.index + token.length;
      const slash = value.lastIndexOf('/');
      const target: Word = { value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: m.index, end: last };
      redirects.push({ op: pending.op, fd: pending.fd, target });
      redirected = true;
      if (pending.op === '<' && (pending.fd === null || pending.fd === 0)) stdin = { kind: 'file', path: value };
      pending = null;
      continue;
    }
    if (redirects.length > 0) return null; // words after a redirection: left to the parser
    if (first < 0) first = m.index;
    last = m.index + token.length;
    let value = token;
    if (words.length === 0) {
      const a = ASSIGNMENT.exec(token);
      if (a) {
        assignments.push({ name: a[1]!, value: a[2]!, text: a[2]! });
        continue;
      }
      // A name starting with `-` is no program, and tree-sitter reads some words after it as a test.
      if (RESERVED.has(token) || !WORD.test(token) || token.startsWith('-')) return null;
    } else if (QUOTED.test(token)) {
      // `'a[$(cmd)]'` runs cmd wherever bash evaluates it as arithmetic: the parser's walk reads it.
      if (SUBSCRIPT_SUBSTITUTION.test(token)) return null;
      value = token.slice(1, -1);
    } else if (!ARG_WORD.test(token) && !OPTION_VALUE.test(token)) {
      return null;
    }
    wordsEnd = last;
    const slash = value.lastIndexOf('/');
    words.push({ value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: m.index, end: last });
  }
  if (first >= 0) return endCommand() ? commands : null;
  // Nothing at all, or a trailing operator (a syntax error); a trailing `;` just ends the last command.
  return operator === ';' && !producer ? commands : null;
}
