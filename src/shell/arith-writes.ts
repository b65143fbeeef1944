// Variables bash's arithmetic sets (`((NAME=5))`, `$((NAME+=1))`, `((NAME++))`, a C-style for's
// parts): an assignment without an assignment word, so a variable whose value runs later may be
// set this way too (`export BASH_ENV; ((BASH_ENV=5))` makes bash source ./5).
import { namedChildren, textOf, type Node } from './parse.js';

const ASSIGNING = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
/** Nodes below an arithmetic context at most this deep are read (the tree's depth is bounded elsewhere). */
const MAX_DEPTH = 64;

/** Does this node hold an arithmetic expression whose assignments set variables? */
export function isArithmetic(node: Node): boolean {
  if (node.type === 'arithmetic_expansion' || node.type === 'c_style_for_statement') return true;
  return node.type === 'compound_statement' && node.children[0]?.type === '((';
}

/** The variables the arithmetic in `node` sets: [name, value] (null: computed; a plain decimal assigned with `=` is static). */
export function arithmeticAssignments(src: string, node: Node): [string, string | null][] {
  const out: [string, string | null][] = [];
  const visit = (n: Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const [left, op, right] = n.children;
    if (n.type === 'binary_expression' && left?.type === 'variable_name' && op && ASSIGNING.has(op.type)) {
      const value = op.type === '=' && right?.type === 'number' && /^(?:0|[1-9][0-9]*)$/.test(textOf(src, right)) ? textOf(src, right) : null;
      out.push([textOf(src, left), value]);
    }
    if ((n.type === 'postfix_expression' || n.type === 'unary_expression') && n.children.some((c) => c.type === '++' || c.type === '--')) {
      const name = n.children.find((c) => c.type === 'variable_name' || c.type === 'word');
      if (name) out.push([textOf(src, name), null]);
    }
    // A C-style for's `i=0` is read by the walk as the assignment it is.
    for (const c of namedChildren(n)) if (!isArithmetic(c) && c.type !== 'variable_assignment') visit(c, depth + 1);
  };
  visit(node, 0);
  return out;
}
