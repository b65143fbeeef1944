// The values a `for NAME in WORDS` loop gives its variable, when every word is static: the loop's
// body runs once with each (bash(1) for). `for NAME; do` (the positional parameters), a computed or
// globbed word, or more words than are worth trying leave the variable computed.
import { namedChildren, type Node } from './parse.js';
import { WORDISH, wordsOf } from './tree-words.js';
import { hasUnquotedGlob } from './words.js';

/** Most values of one loop tried. */
const MAX_LOOP_VALUES = 16;

/** Variables bound by the `for` loops around a command, each with its static values (null: computed). */
export type LoopValues = ReadonlyMap<string, readonly string[] | null>;

/** The variable a `for … in` statement sets and its values (null when any is not static); null for other loops. */
export function loopBinding(src: string, node: Node, offset: number): { name: string; values: string[] | null } | null {
  if (node.type !== 'for_statement' || node.children[0]?.type !== 'for') return null;
  const variable = namedChildren(node)[0];
  if (variable?.type !== 'variable_name') return null;
  const name = src.slice(variable.start, variable.end);
  const at = node.children.findIndex((c) => c.type === 'in');
  if (at < 0) return { name, values: null };
  const values: string[] = [];
  for (const c of node.children.slice(at + 1)) {
    if (c.type === 'do_group' || c.type === 'compound_statement') break;
    if (!c.named) continue;
    if (!WORDISH.has(c.type)) return { name, values: null };
    for (const w of wordsOf(src, c, offset)) {
      if (w.value === null || hasUnquotedGlob(w.text)) return { name, values: null };
      values.push(w.value);
    }
  }
  return { name, values: values.length > 0 && values.length <= MAX_LOOP_VALUES ? values : null };
}

/** The loop body's node, whose commands see the binding. */
export function loopBody(node: Node): Node | undefined {
  return node.children.find((c) => c.type === 'do_group' || c.type === 'compound_statement');
}
