// Statements in a syntax tree: which simple command reads a statement's stdin, which writes its
// stdout, which commands a redirection after it applies to, and whose words a redirection holds.
import { MAX_TREE_DEPTH, namedChildren, type Node } from './parse.js';

const STATEMENT_TYPES = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'if_statement',
  'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'negated_command',
  'function_definition', 'test_command', 'declaration_command', 'variable_assignment',
]);

export function isStatement(node: Node): boolean {
  return STATEMENT_TYPES.has(node.type);
}

export function namedStatements(node: Node): Node[] {
  return node.children.filter((c) => c.named && STATEMENT_TYPES.has(c.type));
}

/** The command that reads a statement's stdin. */
export function headCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? namedChildren(n)[0] ?? null : inner[0] ?? null;
  }
  return null;
}

/** The command whose stdout is a statement's stdout. */
export function tailCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? namedChildren(n)[0] ?? null : inner[inner.length - 1] ?? null;
  }
  return null;
}

/** The simple command a redirection after `body` ends: through pipelines, lists and `!`; null after a compound. */
export function wordOwner(body: Node): Node | null {
  let n: Node | undefined = body;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    if (n.type !== 'pipeline' && n.type !== 'list' && n.type !== 'negated_command') return null;
    const inner = namedStatements(n);
    n = inner[inner.length - 1];
  }
  return null;
}

/** Commands a redirection on `body` applies to: the command itself, or every command in a compound. */
export function redirectTargets(body: Node): Node[] {
  if (body.type === 'command') return [body];
  if (body.type === 'pipeline') {
    const last = tailCommand(body);
    return last ? [last] : [];
  }
  // tree-sitter reads `a && b > f` as the list redirected; bash redirects its last part only (wordOwner
  // agrees). Where that part holds no command (`a && export X > f`), every command keeps it (fail closed).
  if (body.type === 'list') {
    const last = namedChildren(body).filter((c) => c.type !== 'comment').at(-1);
    const own = last ? redirectTargets(last) : [];
    if (own.length > 0) return own;
  }
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0 && out.length < 10_000) {
    const n = stack.pop()!;
    if (n.type === 'command') { out.push(n); continue; }
    if (n.type === 'command_substitution' || n.type === 'process_substitution') continue;
    for (const c of n.children) if (c.named) stack.push(c);
  }
  return out;
}
