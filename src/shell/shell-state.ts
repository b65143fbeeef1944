// State a shell keeps that decides what a later word runs, set by what reads as a plain assignment or
// command: zsh's `functions[f]=BODY`, `commands[ls]=PATH`, `hash ls=PATH`, `path=(DIR $path)` and
// `autoload NAME` from `fpath` (zshparam(1), zshbuiltins(1)); bash's `PROMPT_COMMAND[1]=f` (run before
// each prompt) and `history -s LINE`, which `fc -s` runs again. Each gives the walk a function body, a
// variable, or text to read again.
import { namedChildren, textOf, type Node } from './parse.js';
import { COMPLETION_BUILTINS, COMPLETION_GRAMMAR, DEFINING_ARRAYS, TIED_ARRAYS, WRITING_ARRAYS } from './grammars/shell-hooks.js';
import { getopt } from './getopt.js';
import { RUNS_LATER_VARIABLES } from './reparse.js';
import { wordOf } from './tree-words.js';
import { resolveName } from './namerefs.js';
import type { SimpleCommand } from './invocations.js';
import type { Word } from './words.js';

export interface SpecialAssignment {
  /** Functions it defines (name → body). */
  readonly functions: readonly [string, string][];
  /** A variable it sets (the scalar a tied array stands for). */
  readonly env?: readonly [string, string | null];
  /** Text the shell runs later because of it. */
  readonly again?: string;
  /** A file it writes (zsh's `mapfile[FILE]=TEXT`): the path and the text, null where computed. */
  readonly write?: readonly [string | null, string | null];
}

/** A write an assignment makes (`mapfile[FILE]=TEXT`), as `printf %s TEXT > FILE` at the assignment's place. */
export function assignedWrite(node: Node, offset: number, [path, text]: readonly [string | null, string | null], cwd: string | null,
  env: ReadonlyMap<string, string | null>): SimpleCommand {
  const at = { start: node.start + offset, end: node.end + offset };
  const word = (value: string | null): Word => ({ value, tail: value, text: value === null ? '"$computed"' : quoted(value), ...at });
  return { words: [word('printf'), word('%s'), word(text)], assignments: [], redirects: [{ op: '>', fd: null, target: word(path) }], stdin: null, ...at, cwd, env };
}

function quoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The value of an assignment's value node, when it is one static word. */
function valueOf(src: string, node: Node | undefined, offset: number): string | null {
  if (!node) return '';
  if (node.type === 'array') return null;
  return wordOf(src, node, offset).value;
}

/** `$(command -v docker)`, `$(which docker)`, `$(type -P docker)`: the path of the program named, which runs as that program. */
function lookedUp(src: string, node: Node | undefined): string | null {
  const m = node ? /^"?(?:\$\(|`)\s*(?:command\s+-v|which|type\s+-P)\s+([\w.+-]+)\s*(?:\)|`)"?$/.exec(textOf(src, node)) : null;
  return m ? m[1]! : null;
}

/** `NAME[KEY]=VALUE` and `ARRAY=(…)` that define what runs later; null for any other assignment. */
export function specialAssignment(src: string, node: Node, offset: number, env: ReadonlyMap<string, string | null>): SpecialAssignment | null {
  const [target, valueNode] = namedChildren(node);
  if (!target) return null;
  if (target.type === 'subscript') {
    const [base, index] = namedChildren(target);
    // Through a nameref the target's element is set (namerefs.ts); a computed target may be any.
    const name = resolveName(env, base ? textOf(src, base) : '');
    if (name === null) return { functions: [], again: '$computed_variable_name' };
    const key = index ? wordOf(src, index, offset).value : null;
    const value = valueOf(src, valueNode, offset);
    const define = DEFINING_ARRAYS[name];
    if (define) return { functions: key === null ? [] : [[key, define(key, value ?? lookedUp(src, valueNode) ?? '$computed')]] };
    if (WRITING_ARRAYS.has(name)) return { functions: [], write: [key, value] };
    const later = RUNS_LATER_VARIABLES[name];
    if (later) return { functions: [], again: later(value ?? '$computed') };
    return null;
  }
  // `BASH_CMDS+=([ls]=PATH)`: each keyed element defines what its key runs.
  const defining = DEFINING_ARRAYS[textOf(src, target)];
  if (defining && valueNode?.type === 'array') {
    const keyed = namedChildren(valueNode).map((c) => /^\[([^\]]+)\]=(.*)$/s.exec(wordOf(src, c, offset).value ?? textOf(src, c)));
    return { functions: keyed.flatMap((m) => (m ? [[m[1]!, defining(m[1]!, m[2] || '$computed')] as [string, string]] : [])) };
  }
  const tied = TIED_ARRAYS[textOf(src, target)];
  if (!tied || valueNode?.type !== 'array') return null;
  const parts = namedChildren(valueNode).map((c) => {
    const t = textOf(src, c);
    if (t === `$${textOf(src, target)}` || t === `\${${textOf(src, target)}[@]}`) return env.get(tied) ?? `$${tied}`;
    return wordOf(src, c, offset).value ?? '$computed';
  });
  return { functions: [], env: [tied, parts.join(':')] };
}

/** zsh `hash NAME=PATH` and `autoload NAME` (its body is the file NAME in a directory of `fpath`). */
export function commandDefinitions(command: SimpleCommand): [string, string][] {
  const [head, ...rest] = command.words;
  const out: [string, string][] = [];
  if (head?.value === 'hash') {
    for (const w of rest) {
      const m = w.value === null ? null : /^([^=\s-][^=\s]*)=(.+)$/s.exec(w.value);
      if (m) out.push([m[1]!, `${quoted(m[2]!)} "$@"`]);
    }
  }
  if (head?.value === 'autoload') {
    const fpath = command.env.get('FPATH');
    if (fpath === undefined) return out;
    // The directories the text names; the rest (`$fpath` as it was) hold the system's functions.
    const dirs = (fpath ?? '').split(':').filter((d) => d !== '' && !/[$`]/.test(d));
    for (const w of rest) {
      if (dirs.length === 0 || w.value === null || w.value.startsWith('-') || w.value.startsWith('+')) continue;
      out.push([w.value, dirs.map((d) => `. ${quoted(`${d}/${w.value}`)}`).join('; ')]);
    }
  }
  return out;
}

/** zsh's `print -s` / `print -S` (with other option letters beside them): the arguments go to the history. */
const PRINT_TO_HISTORY = /^-[A-Za-z]*[sS][A-Za-z]*$/;

/**
 * Lines `history -s` (bash) and `print -s`/`-S` (zsh) store, which `fc -s`, `fc -e -` (and zsh's
 * `r`) execute again (bash(1) fc); at a prompt `!!` or Up and Enter run them too.
 */
export class History {
  private readonly lines: string[] = [];

  /**
   * Record this command's line; the text to judge: a line stored in the history (it runs whenever
   * the shell's history is recalled, so it is judged where it is stored), or what fc re-executes.
   */
  see(command: SimpleCommand): string | null {
    const [head, ...rest] = command.words.map((w) => w.value);
    const stores = head === 'history' && rest[0] === '-s' ? 1
      : head === 'print' && rest[0] !== undefined && rest[0] !== null && PRINT_TO_HISTORY.test(rest[0]) ? 1 : 0;
    if (stores > 0) {
      const line = rest.slice(stores).filter((v, i) => i > 0 || v !== '--').map((v) => v ?? '$computed').join(' ');
      this.lines.push(line);
      return line;
    }
    // `history -r FILE` / `-n FILE` (zsh: `fc -R FILE`) append the file's lines, read here as a script sourced from where it runs.
    if ((head === 'history' && (rest[0] === '-r' || rest[0] === '-n') || head === 'fc' && rest[0] === '-R') && rest.length > 1) {
      const file = rest[1];
      const cwd = command.cwd;
      const path = file === null || file === undefined || cwd === null ? null : file.startsWith('/') || cwd === '.' ? file : `${cwd}/${file}`;
      this.lines.push(path === null ? '. $computed' : `. ${quoted(path)}`);
      return null;
    }
    const lists = rest.some((v) => v !== null && /^-[A-Za-z]*l/.test(v));
    if (this.lines.length === 0 || !(head === 'fc' && !lists || head === 'r')) return null;
    // `fc -s OLD=NEW` (zsh's `r OLD=NEW`): the line runs with the first OLD replaced by NEW (bash(1) fc).
    const edits = rest.flatMap((v) => (v !== null && /^[^-=][^=]*=/s.test(v) ? [v.split(/=(.*)/s) as [string, string]] : []));
    return this.lines.map((l) => edits.reduce((line, [from, to]) => line.replace(from, () => to), l)).join('\n');
  }
}

/**
 * Text a line editor runs later on a key: zsh's `zle -N NAME [FUNC]` makes FUNC (else NAME) a widget,
 * run when a key bound to it is pressed (its body is given back through `body`); bash's
 * `bind -x 'KEYSEQ: COMMAND'` runs COMMAND on that key (bash(1) bind).
 */
export function keyCommands(command: SimpleCommand, body: (name: string) => string | undefined): string[] {
  const [head, ...rest] = command.words.map((w) => w.value);
  if (head === 'zle' && rest[0] === '-N' && rest[1]) {
    const text = body(rest[2] ?? rest[1]);
    return text === undefined ? [] : [text];
  }
  if (head !== undefined && head !== null && COMPLETION_BUILTINS.has(head)) return completionCommands(rest, body);
  if (head === 'bind' && rest.some((v) => v !== null && /^-[A-Za-z]*x/.test(v))) {
    return rest.filter((v) => v !== null && !v.startsWith('-')).map((v) => v!.replace(/^\s*"(?:[^"\\]|\\.)*"\s*:\s*/, '').replace(/^(["'])(.*)\1$/s, '$2'));
  }
  return [];
}

/** What `complete`/`compgen` run on completion: `-C` commands, `-F` functions, `-W` word lists expanded. */
function completionCommands(args: readonly (string | null)[], body: (name: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const o of getopt(args, COMPLETION_GRAMMAR).options) {
    if (o.name === '-C') out.push(o.value ?? '$computed');
    if (o.name === '-W' && o.value) out.push(`: ${o.value}`);
    const fn = o.name === '-F' && o.value ? body(o.value) : undefined;
    if (fn !== undefined) out.push(fn);
  }
  return out;
}
