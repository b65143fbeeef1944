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
import { settleStdout } from './stdout-sinks.js';
import type { Word } from './words.js';
import { cdMove, demoted, withMove, type CdMove } from './cd-moves.js';

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
 * A token is an operator, a redirection, a quoted string (blanks inside), or a run of anything but
 * blanks, quotes and operator characters. Two word tokens that touch (`a"b"`, `"a"b`) are one
 * shell word made of parts: left to the parser. So is a lone `&` (background), and any other
 * redirection (`<<`, `<<<`, `&>`, `>|`, `<(`).
 */
const TOKEN = /&&|\|\||;|\|(?![|&])|(?:(?<=^|[ \t])[1-9])?(?:>>|>&|>(?![|(])|<(?![<(&>]))|"[^"]*"|'[^']*'|[^ \t"'&|;<>]+|["'&|<>]/g;

/** The lexer's state over one text; each step returns false when the text needs the parser. */
class PlainLexer {
  readonly commands: SimpleCommand[] = [];
  private cwd: string | null = '.';
  /** The moves of the directory so far (cd-moves.ts), and the place in its `&&`/`||` chain of the command being read. */
  private moves: readonly CdMove[] = [];
  private inChain = 0;
  private lastMoved = false;
  private words: Word[] = [];
  private assignments: { name: string; value: string; text: string }[] = [];
  private redirects: Redirect[] = [];
  private stdin: StdinSource | null = null;
  private first = -1;
  last = -1;
  /** Where the current command's words end (a redirection after them is not part of the command). */
  private wordsEnd = -1;
  /** The operator that ended the last command, until the next command's first token. */
  operator: string | null = null;
  /** A redirection waiting for its target word. */
  private pending: { op: string; fd: number | null } | null = null;
  /** The command before a `|`, whose output the next one reads. */
  producer: SimpleCommand | null = null;
  /** Whether `&&`/`||` joined commands, and whether any command had a redirection (not both). */
  private chained = false;
  private redirected = false;

  constructor(private readonly text: string) {}

  get started(): boolean {
    return this.first >= 0;
  }

  endCommand(): boolean {
    const words = this.words;
    if (words.length === 0 || this.pending) return false; // nothing, only assignments, or a redirection without target
    // `read PATH`, `printf -v PATH`, `command export PATH=…` set what later names run: the parser's walk tracks them.
    if (setsState(words.map((w) => w.value))) return false;
    const piped = this.producer;
    const command: SimpleCommand = {
      words, assignments: this.assignments, redirects: this.redirects, stdin: this.stdin ?? (piped ? { kind: 'pipe', from: piped } : null),
      start: this.first, end: this.wordsEnd, cwd: this.cwd, env: new Map(), ...(this.moves.length > 0 || this.cwd !== '.' ? { moves: this.moves } : {}),
    };
    // A `cd` that may not run (after `&&`/`||`) or runs in a child shell (a pipeline's): the parser's walk follows it.
    const move = cdMove(command, () => undefined);
    const cwd = nextCwd(command, this.cwd, this.text);
    this.lastMoved = move !== null || cwd !== this.cwd;
    if (this.lastMoved && (this.inChain > 0 || piped)) return false;
    if (move) this.moves = withMove(this.moves, move);
    this.commands.push(command);
    this.cwd = cwd;
    this.words = [];
    this.assignments = [];
    this.redirects = [];
    this.stdin = null;
    this.producer = null;
    this.first = -1;
    return true;
  }

  step(token: string, at: number): boolean {
    if (OPERATOR.test(token) || token === '|') return this.operatorToken(token, at);
    const redirect = REDIRECT.exec(token);
    if (redirect) return this.redirectToken(redirect, at);
    if (at === this.last && this.operator === null && !this.pending) return false;
    this.operator = null;
    if (this.pending) return this.target(token, at);
    return this.word(token, at);
  }

  private operatorToken(token: string, at: number): boolean {
    if (!this.endCommand()) return false;
    if (token === '&&' || token === '||') {
      this.chained = true;
      if (this.redirected) return false;
    }
    this.inChain = token === ';' ? 0 : token === '|' ? this.inChain : this.inChain + 1;
    // Past `;` or `||`, what runs next runs whether the `cd` before worked or not (as the walk's statementActs).
    if (token === ';' || token === '||') this.moves = demoted(this.moves, 'ran', 0);
    if (token === '|') this.producer = this.commands[this.commands.length - 1]!;
    if (token === '|' && this.lastMoved) return false;
    this.operator = token;
    this.last = at + token.length;
    return true;
  }

  private redirectToken(redirect: RegExpExecArray, at: number): boolean {
    // tree-sitter's readings differ from a plain reading in corners (`cmd - 2>&1` drops the `-`,
    // `x-2>y` has descriptor -2, `a && b >x` redirects the whole list): those go to the parser.
    if (this.pending || this.words.length === 0 || this.words[this.words.length - 1]!.value === '-' || this.chained
      || !/[ \t]/.test(this.text[at - 1] ?? '')) return false;
    this.pending = { op: redirect[2]!, fd: redirect[1] ? Number(redirect[1]) : null };
    this.last = at + redirect[0].length;
    return true;
  }

  /** A redirection's target: a plain word (a descriptor for `>&`), or one whole quoted string. */
  private target(token: string, at: number): boolean {
    const pending = this.pending!;
    const quoted = QUOTED.test(token);
    if (!quoted && !WORD.test(token)) return false;
    if (pending.op === '>&' && !/^[0-9]+$/.test(token)) return false;
    const value = quoted ? token.slice(1, -1) : token;
    this.last = at + token.length;
    const slash = value.lastIndexOf('/');
    const target: Word = { value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: at, end: this.last };
    this.redirects.push({ op: pending.op, fd: pending.fd, target });
    this.redirected = true;
    if (pending.op === '<' && (pending.fd === null || pending.fd === 0)) this.stdin = { kind: 'file', path: value };
    this.pending = null;
    return true;
  }

  private word(token: string, at: number): boolean {
    if (this.redirects.length > 0) return false; // words after a redirection: left to the parser
    if (this.first < 0) this.first = at;
    this.last = at + token.length;
    let value = token;
    if (this.words.length === 0) {
      const a = ASSIGNMENT.exec(token);
      if (a) {
        this.assignments.push({ name: a[1]!, value: a[2]!, text: a[2]! });
        return true;
      }
      // A name starting with `-` is no program, and tree-sitter reads some words after it as a test.
      if (RESERVED.has(token) || !WORD.test(token) || token.startsWith('-')) return false;
    } else if (QUOTED.test(token)) {
      // `'a[$(cmd)]'` runs cmd wherever bash evaluates it as arithmetic: the parser's walk reads it.
      if (SUBSCRIPT_SUBSTITUTION.test(token)) return false;
      value = token.slice(1, -1);
    } else if (!ARG_WORD.test(token) && !OPTION_VALUE.test(token)) {
      return false;
    }
    this.wordsEnd = this.last;
    const slash = value.lastIndexOf('/');
    this.words.push({ value, tail: slash >= 0 ? value.slice(slash + 1) : value, text: token, start: at, end: this.last });
    return true;
  }
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
  const lexer = new PlainLexer(text);
  const re = new RegExp(TOKEN);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (!lexer.step(m[0], m.index)) return null;
  const commands = lexer.started ? (lexer.endCommand() ? lexer.commands : null)
    // Nothing at all, or a trailing operator (a syntax error); a trailing `;` just ends the last command.
    : lexer.operator === ';' && !lexer.producer ? lexer.commands : null;
  if (commands) settleStdout(commands);
  return commands;
}
