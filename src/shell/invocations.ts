// From a syntax tree to simple commands: decoded words with their source ranges, prefix assignments,
// redirections, and where each command's stdin comes from (a heredoc, a here-string, a file, or the
// command before it in a pipeline). The walk is iterative, so no input can exhaust the JS stack.
import { MAX_TREE_DEPTH, type Node } from './parse.js';
import { decodeAnsiC, decodeDoubleQuoted, decodeUnquoted, hasUnquotedGlob, type Word } from './words.js';

export type StdinSource =
  /** A heredoc body or here-string. `expands` is false for a quoted heredoc delimiter. */
  | { readonly kind: 'text'; readonly text: string; readonly expands: boolean }
  /** `< path` */
  | { readonly kind: 'file'; readonly path: string | null }
  /** The output of the previous command in a pipeline. */
  | { readonly kind: 'pipe'; readonly from: SimpleCommand }
  /** Something whose content cannot be known statically (passed on to ssh's remote command). */
  | { readonly kind: 'opaque'; readonly why: string };

export interface Redirect {
  /** The operator as written: `>`, `>>`, `<`, `&>`, `>|`, `<<`, `<<<`, `>&`, … */
  readonly op: string;
  readonly fd: number | null;
  readonly target: Word | null;
}

export interface Assignment {
  readonly name: string;
  readonly value: string | null;
}

export interface SimpleCommand {
  readonly words: Word[];
  readonly assignments: Assignment[];
  readonly redirects: Redirect[];
  stdin: StdinSource | null;
  /** [start, end) in the parsed text. */
  readonly start: number;
  readonly end: number;
  /** The working directory this command runs in, relative to the script's start (null: not static). */
  readonly cwd: string | null;
  /** Variables assigned or exported earlier in the same script (null value: not static). */
  readonly env: ReadonlyMap<string, string | null>;
}

export type WalkResult =
  | { readonly ok: true; readonly commands: SimpleCommand[] }
  | { readonly ok: false; readonly reason: 'too-deep' };

const WORDISH = new Set([
  'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'number',
  'simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion',
  'brace_expression',
]);
const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);

/** Decode one word-like node. Anything that is not a literal makes the value null. */
export function wordOf(node: Node, offset = 0): Word {
  const text = node.text;
  const start = node.startIndex + offset;
  const end = node.endIndex + offset;
  const parts = wordParts(node);
  let value: string | null = '';
  for (const part of parts) {
    if (part === null || value === null) value = null;
    else value += part;
  }
  if (node.type === 'word' && hasUnquotedGlob(text)) {
    return { value: null, tail: null, text, start, end };
  }
  return { value, tail: tailOf(parts), text, start, end };
}

/** The static suffix after the last `/`, when it does not depend on an expansion. */
function tailOf(parts: (string | null)[]): string | null {
  let acc = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part === null || part === undefined) return null;
    acc = part + acc;
    const slash = acc.lastIndexOf('/');
    if (slash >= 0) return acc.slice(slash + 1);
  }
  return acc;
}

function wordParts(node: Node): (string | null)[] {
  switch (node.type) {
    case 'word':
    case 'number':
      return [decodeUnquoted(node.text)];
    case 'raw_string':
      return [node.text.slice(1, -1)];
    case 'ansi_c_string':
      return [decodeAnsiC(node.text.slice(2, -1))];
    case 'string':
    case 'translated_string': {
      const parts: (string | null)[] = [];
      const base = node.startIndex;
      const text = node.text;
      // Copy the literal stretches between expansions straight from the source: tree-sitter does not
      // give every stretch of a double-quoted string its own node.
      let cursor = (node.type === 'translated_string' ? 2 : 1);
      const close = text.length - 1;
      for (let i = 0; i < node.childCount; i++) {
        const child = node.child(i)!;
        if (!child.isNamed || child.type === 'string_content') continue;
        const from = child.startIndex - base;
        if (from > cursor) parts.push(decodeDoubleQuoted(text.slice(cursor, from)));
        parts.push(null);
        cursor = child.endIndex - base;
      }
      if (close > cursor) parts.push(decodeDoubleQuoted(text.slice(cursor, close)));
      return parts;
    }
    case 'concatenation': {
      const parts: (string | null)[] = [];
      for (let i = 0; i < node.childCount; i++) {
        const child = node.child(i)!;
        if (!child.isNamed) {
          parts.push(decodeUnquoted(child.text));
          continue;
        }
        if (child.type === 'word' && hasUnquotedGlob(child.text)) parts.push(null);
        else parts.push(...wordParts(child));
      }
      return parts;
    }
    default:
      return [null];
  }
}

interface Pending {
  node: Node;
  depth: number;
}

/**
 * Collect every simple command in the tree, in source order, including those inside substitutions,
 * heredoc bodies with substitutions, functions, loops and conditionals.
 */
export function collectCommands(root: Node, offset = 0): WalkResult {
  const commands: SimpleCommand[] = [];
  const byNode = new Map<number, SimpleCommand>();
  /** consumer command node id → producer command node id */
  const pipes: [number, number][] = [];
  /** command node id → redirects that a surrounding redirected_statement applies to it */
  const outer = new Map<number, Node[]>();
  let cwd: string | null = '.';
  const env = new Map<string, string | null>();

  const stack: Pending[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return { ok: false, reason: 'too-deep' };

    switch (node.type) {
      case 'pipeline': {
        const elems = namedStatements(node);
        for (let i = 1; i < elems.length; i++) {
          const consumer = headCommand(elems[i]!);
          const producer = tailCommand(elems[i - 1]!);
          if (consumer && producer) pipes.push([consumer.id, producer.id]);
        }
        break;
      }
      case 'redirected_statement': {
        const body = node.namedChild(0);
        const redirects: Node[] = [];
        for (let i = 1; i < node.namedChildCount; i++) {
          const r = node.namedChild(i)!;
          if (REDIRECTS.has(r.type)) redirects.push(r);
        }
        if (body) {
          for (const target of redirectTargets(body)) {
            outer.set(target.id, [...(outer.get(target.id) ?? []), ...redirects]);
          }
          // `cat <<EOF | ssh host`: tree-sitter puts the rest of the pipeline inside the heredoc node.
          for (const r of redirects) {
            if (r.type !== 'heredoc_redirect') continue;
            for (let i = 0; i < r.namedChildCount; i++) {
              const c = r.namedChild(i)!;
              if (c.type === 'pipeline' && c.child(0)?.type === '|') {
                const first = c.namedChild(0);
                const consumer = first ? headCommand(first) : null;
                const producer = tailCommand(body);
                if (consumer && producer) pipes.push([consumer.id, producer.id]);
              }
            }
          }
        }
        break;
      }
      case 'command': {
        const command = buildCommand(node, outer.get(node.id) ?? [], offset, cwd, env);
        commands.push(command);
        byNode.set(node.id, command);
        cwd = nextCwd(command, cwd);
        trackAssignments(command, env);
        break;
      }
      case 'declaration_command':
        if (node.child(0)?.type === 'export' || node.child(0)?.type === 'declare') {
          for (let i = 0; i < node.namedChildCount; i++) {
            const c = node.namedChild(i)!;
            if (c.type === 'variable_assignment') {
              const a = assignmentOf(c, offset);
              if (a) env.set(a.name, a.value);
            }
          }
        }
        break;
      case 'variable_assignment': {
        // A bare `NAME=value` statement (not a command prefix, which buildCommand reads itself).
        if (node.parent?.type !== 'command' && node.parent?.type !== 'declaration_command') {
          const a = assignmentOf(node, offset);
          if (a) env.set(a.name, a.value);
        }
        break;
      }
      default:
        break;
    }

    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i)!;
      if (child.isNamed) stack.push({ node: child, depth: depth + 1 });
    }
  }

  for (const [consumerId, producerId] of pipes) {
    const consumer = byNode.get(consumerId);
    const producer = byNode.get(producerId);
    if (consumer && producer && consumer.stdin === null) consumer.stdin = { kind: 'pipe', from: producer };
  }
  return { ok: true, commands };
}

const STATEMENT_TYPES = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'if_statement',
  'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'negated_command',
  'function_definition', 'test_command', 'declaration_command', 'variable_assignment',
]);

function namedStatements(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i)!;
    if (STATEMENT_TYPES.has(c.type)) out.push(c);
  }
  return out;
}

/** The command that reads a statement's stdin. */
function headCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? n.namedChild(0) : inner[0] ?? null;
  }
  return null;
}

/** The command whose stdout is a statement's stdout. */
function tailCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? n.namedChild(0) : inner[inner.length - 1] ?? null;
  }
  return null;
}

/** Commands a redirection on `body` applies to: the command itself, or every command in a compound. */
function redirectTargets(body: Node): Node[] {
  if (body.type === 'command') return [body];
  if (body.type === 'pipeline') {
    const last = tailCommand(body);
    return last ? [last] : [];
  }
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0 && out.length < 10_000) {
    const n = stack.pop()!;
    if (n.type === 'command') { out.push(n); continue; }
    if (n.type === 'command_substitution' || n.type === 'process_substitution') continue;
    for (let i = 0; i < n.namedChildCount; i++) stack.push(n.namedChild(i)!);
  }
  return out;
}

function assignmentOf(node: Node, offset: number): Assignment | null {
  const name = node.namedChild(0);
  if (!name || name.type !== 'variable_name') return null;
  const valueNode = node.namedChild(1);
  if (!valueNode) return { name: name.text, value: '' };
  if (!WORDISH.has(valueNode.type)) return { name: name.text, value: null };
  return { name: name.text, value: wordOf(valueNode, offset).value };
}

function buildCommand(
  node: Node,
  outerRedirects: Node[],
  offset: number,
  cwd: string | null,
  env: ReadonlyMap<string, string | null>,
): SimpleCommand {
  const words: Word[] = [];
  const assignments: Assignment[] = [];
  const redirectNodes: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i)!;
    if (c.type === 'variable_assignment') {
      const a = assignmentOf(c, offset);
      if (a) assignments.push(a);
    } else if (c.type === 'command_name') {
      const w = c.namedChild(0);
      if (w) words.push(wordOf(w, offset));
    } else if (REDIRECTS.has(c.type)) {
      redirectNodes.push(c);
    } else if (WORDISH.has(c.type)) {
      words.push(wordOf(c, offset));
    }
  }
  redirectNodes.push(...outerRedirects);

  const redirects: Redirect[] = [];
  let stdin: StdinSource | null = null;
  for (const r of redirectNodes) {
    if (r.type === 'heredoc_redirect') {
      let body = '';
      let delimiter = '';
      for (let i = 0; i < r.namedChildCount; i++) {
        const c = r.namedChild(i)!;
        if (c.type === 'heredoc_body') body = c.text;
        if (c.type === 'heredoc_start') delimiter = c.text;
      }
      const expands = !/['"\\]/.test(delimiter);
      stdin = { kind: 'text', text: body, expands };
      redirects.push({ op: r.child(0)?.text ?? '<<', fd: null, target: null });
    } else if (r.type === 'herestring_redirect') {
      const target = r.namedChild(r.namedChildCount - 1);
      const w = target ? wordOf(target, offset) : null;
      redirects.push({ op: '<<<', fd: null, target: w });
      // A here-string is the word plus a newline; an unknown value still tells us stdin is not a tty.
      stdin = { kind: 'text', text: w?.value === null || w === null ? '' : w.value + '\n', expands: w?.value === null };
    } else {
      let fd: number | null = null;
      let op = '';
      let target: Word | null = null;
      for (let i = 0; i < r.childCount; i++) {
        const c = r.child(i)!;
        if (c.type === 'file_descriptor') fd = Number(c.text);
        else if (!c.isNamed) op += c.text;
        else if (WORDISH.has(c.type)) target = wordOf(c, offset);
      }
      redirects.push({ op, fd, target });
      if (op === '<' && (fd === null || fd === 0)) stdin = { kind: 'file', path: target?.value ?? null };
    }
  }
  return {
    words,
    assignments,
    redirects,
    stdin,
    start: node.startIndex + offset,
    end: node.endIndex + offset,
    cwd,
    env: new Map(env),
  };
}

function nextCwd(command: SimpleCommand, cwd: string | null): string | null {
  const name = command.words[0]?.value;
  if (name !== 'cd' && name !== 'pushd') return cwd;
  const args = command.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
  const dir = args[0];
  if (!dir) return null; // `cd` alone goes home: not the project
  if (dir.value === null || dir.value === '-' || dir.value.startsWith('~')) return null;
  if (dir.value.startsWith('/')) return dir.value;
  return cwd === null ? null : cwd === '.' ? dir.value : `${cwd}/${dir.value}`;
}

function trackAssignments(command: SimpleCommand, env: Map<string, string | null>): void {
  if (command.words[0]?.value !== 'export') return;
  for (const w of command.words.slice(1)) {
    const eq = w.value?.indexOf('=') ?? -1;
    if (w.value && eq > 0) env.set(w.value.slice(0, eq), w.value.slice(eq + 1));
  }
}
