// The values a `for NAME in WORDS` loop gives its variable: the loop's body runs once with each
// (bash(1) for). A static word is its value; a plain glob (`packages/*`) is kept as its pattern, which
// the expansion may read against the directory (expand/loop-turns.ts). `for NAME; do` (the positional
// parameters), any other computed word, or more words than are worth trying leave the variable computed.
import { namedChildren, textOf, type Node } from './parse.js';
import { WORDISH, wordsOf } from './tree-words.js';
import { hasUnquotedGlob } from './words.js';

/** Most values of one loop tried. */
export const MAX_LOOP_VALUES = 16;

/** One word of a loop: a static value, or (`glob`) a pattern bash expands where the loop starts. */
export interface LoopWord {
  readonly value: string;
  readonly glob?: true;
}

/** What a `for … in` loop binds its variable to. */
export interface LoopBinding {
  /** The loop's words; null when any is computed otherwise. */
  readonly words: readonly LoopWord[] | null;
  /** Nothing in the text runs before the loop (it starts the text): what a glob matches now, it matches then. */
  readonly first: boolean;
  /**
   * The length of the cd trail (cwd.ts cwdTrail) where the body starts, when every turn starts in the
   * same directory (the body moves the shell's directory only inside child shells): a `cd` text at
   * this place of a trail or later was met in the body, so it names that turn's value of the variable.
   */
  readonly trailFrom?: number;
}

/** Variables bound by the `for` loops around a command. */
export type LoopValues = ReadonlyMap<string, LoopBinding>;

/** A glob with only `*` and `?` in its last path segment and nothing quoted or expanded, not matching dot names. */
const PLAIN_GLOB = /^(?:[\w.@+-]*\/)*(?!\.)[\w.@+-]*[*?][\w.@+*?-]*$/;

/** The loop's values when every word is static (no glob); null otherwise. */
export function staticValues(binding: LoopBinding | undefined): readonly string[] | null {
  const words = binding?.words;
  return words && words.every((w) => !w.glob) ? words.map((w) => w.value) : null;
}

/** Where a loop starts: the cd trail's length (1: a static directory; undefined: no trail can be followed). */
export interface LoopStart {
  readonly trail: number | undefined;
  /** Is NAME a function the text defined (its call may move the directory)? */
  readonly defined: (name: string) => boolean;
  /** The type of the node the loop is in. */
  readonly parent: string | null;
}

/** A `&` that sends a job to the background (not `&&`, `>&`, `&>`), anywhere in the text. */
const BACKGROUND = /(?<![&>|])&(?![&>])/;

/** Redirections after the loop that make no file and start nothing (`2>&1`, `> /dev/null`), then the statement's end. */
const QUIET_REDIRECTS = /^(?:[ \t]*(?:\d*>&\d+|\d*>>?[ \t]*\/dev\/null|&>>?[ \t]*\/dev\/null)(?![\w/.-]))+[ \t]*(?:$|;|&&|\|\||\n)/;

/**
 * Does the loop start the text and run before anything else does? Not in a pipeline or a background
 * job, whose other parts start beside it, nor behind a redirection that makes a file or starts a
 * process substitution before the loop expands its words.
 */
function startsText(src: string, node: Node, offset: number, parent: string | null): boolean {
  if (offset !== 0 || src.slice(0, node.start).trim() !== '' || BACKGROUND.test(src)) return false;
  const rest = src.slice(node.end);
  if (parent === 'redirected_statement') return QUIET_REDIRECTS.test(rest);
  return (parent === 'program' || parent === 'list') && !/^\s*\|(?!\|)/.test(rest);
}

/** The variable a `for … in` statement sets, what it binds it to, and the body that sees it; null for other loops. */
export function loopBinding(src: string, node: Node, offset: number, start: LoopStart): { name: string; binding: LoopBinding; body?: Node } | null {
  if (node.type !== 'for_statement' || node.children[0]?.type !== 'for') return null;
  const variable = namedChildren(node)[0];
  if (variable?.type !== 'variable_name') return null;
  const name = src.slice(variable.start, variable.end);
  const body = loopBody(node);
  const first = startsText(src, node, offset, start.parent);
  const trailFrom = body && start.trail !== undefined && keepsCwd(src, body, start.defined) ? { trailFrom: start.trail } : {};
  const at = node.children.findIndex((c) => c.type === 'in');
  const words = at < 0 ? null : loopWords(src, node.children.slice(at + 1), offset);
  return { name, binding: { words, first, ...trailFrom }, ...(body ? { body } : {}) };
}

function loopWords(src: string, nodes: readonly Node[], offset: number): LoopWord[] | null {
  const words: LoopWord[] = [];
  for (const c of nodes) {
    if (c.type === 'do_group' || c.type === 'compound_statement') break;
    if (!c.named) continue;
    if (!WORDISH.has(c.type)) return null;
    for (const w of wordsOf(src, c, offset)) {
      if (w.value !== null && !hasUnquotedGlob(w.text)) words.push({ value: w.value });
      else if (c.type === 'word' && PLAIN_GLOB.test(w.text)) words.push({ value: w.text, glob: true });
      else return null;
    }
  }
  return words.length > 0 && words.length <= MAX_LOOP_VALUES ? words : null;
}

/** The loop body's node, whose commands see the binding. */
export function loopBody(node: Node): Node | undefined {
  return node.children.find((c) => c.type === 'do_group' || c.type === 'compound_statement');
}

/** Nodes whose commands run in a child shell: a `cd` there leaves the loop's directory alone. */
const CHILD_SHELLS = new Set(['subshell', 'command_substitution', 'process_substitution']);

/** Commands that move the shell's directory, or run text that may. */
const MOVES_CWD = new Set(['cd', 'pushd', 'popd', 'eval', 'source', '.', 'exec', 'builtin', 'command']);

/**
 * Does every turn of the body start where the loop did: no command outside a child shell that may
 * move the shell's directory (`cd`, a function the text defined, text run in this shell), and no
 * function defined in it? Fails closed: any such command, or a command whose name is computed.
 */
function keepsCwd(src: string, body: Node, defined: (name: string) => boolean): boolean {
  const stack: Node[] = [body];
  for (let seen = 0; stack.length > 0; seen++) {
    const n = stack.pop()!;
    if (seen > 10_000 || n.type === 'function_definition') return false;
    if (CHILD_SHELLS.has(n.type)) continue;
    if (n.type === 'command') {
      const head = n.children.find((c) => c.type === 'command_name');
      const name = head ? textOf(src, head) : '';
      if (!/^[\w./@+-]+$/.test(name) || MOVES_CWD.has(name) || defined(name)) return false;
    }
    stack.push(...n.children);
  }
  return true;
}
