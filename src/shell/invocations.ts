// From a syntax tree to simple commands: decoded words with their source ranges, prefix assignments,
// redirections, and where each command's stdin comes from (a heredoc, a here-string, a file, or the
// command before it in a pipeline). The walk is iterative, so no input can exhaust the JS stack.
import { MAX_TREE_DEPTH, namedChildren, textOf, type Node } from './parse.js';
import { decodeAnsiC, decodeDoubleQuoted, decodeUnquoted, hasUnquotedGlob, type Word } from './words.js';

export type StdinSource =
  /** A heredoc body or here-string. `expands` is false for a quoted heredoc delimiter. */
  | { readonly kind: 'text'; readonly text: string; readonly expands: boolean }
  /** `< path` */
  | { readonly kind: 'file'; readonly path: string | null }
  /** The output of the previous command in a pipeline. */
  | { readonly kind: 'pipe'; readonly from: SimpleCommand }
  /** `< <(cmd)`: the output of the command inside. */
  | { readonly kind: 'process'; readonly text: string }
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
  /** The value as written (for a computed value's static parts: `PATH=bin:$PATH`). */
  readonly text?: string;
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

/** Text inside the tree that the shell will parse again, which tree-sitter leaves unparsed. */
export interface Reparse {
  readonly text: string;
  /** [start, end) in the parsed text of what contains it. */
  readonly start: number;
  readonly end: number;
}

export type WalkResult =
  | {
    readonly ok: true; readonly commands: SimpleCommand[]; readonly reparse?: readonly Reparse[];
    /** Functions defined in the text (name → body): their commands run where they are called. */
    readonly functions?: ReadonlyMap<string, string>;
  }
  | { readonly ok: false; readonly reason: 'too-deep' };

/** Inside backticks a backslash escapes only `\`, `` ` `` and `$` (bash(1), Command Substitution). */
function unescapeBackticks(body: string): string {
  return body.replace(/\\([\\`$])/g, '$1');
}

/** Variables whose value runs later, and how: a command (`PROMPT_COMMAND`), or a prompt whose substitutions run. */
const RUNS_LATER_VARIABLES: Record<string, (value: string) => string> = {
  PROMPT_COMMAND: (v) => v, PS0: (v) => `: "${v.replace(/"/g, '')}"`, PS1: (v) => `: "${v.replace(/"/g, '')}"`,
  PS2: (v) => `: "${v.replace(/"/g, '')}"`, PS4: (v) => `: "${v.replace(/"/g, '')}"`, BASH_ENV: (v) => `. ${v}`,
  // Commands programs run later from the environment (pagers, editors, preprocessors, ssh for git).
  LESSOPEN: (v) => v.replace(/^\|+-?/, '').replace(/%s/g, 'FILE'), LESSCLOSE: (v) => v.replace(/%s/g, 'FILE'),
  PAGER: (v) => v, MANPAGER: (v) => v, GIT_PAGER: (v) => v, EDITOR: (v) => v, VISUAL: (v) => v, GIT_EDITOR: (v) => v,
  GIT_SSH_COMMAND: (v) => v, GIT_SEQUENCE_EDITOR: (v) => v, GIT_EXTERNAL_DIFF: (v) => v, SUDO_ASKPASS: (v) => v,
};

/** A substitution the shell runs: `$(…)`, backticks, `<(…)`. */
const SUBSTITUTION = /\$\(|`|<\(|>\(/;
/** An array subscript holding a substitution, which arithmetic evaluation runs (`a[$(cmd)]`). */
export const SUBSCRIPT_SUBSTITUTION = /\[[^\]]*(?:\$\(|`)/;

const WORDISH = new Set([
  'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'number',
  'simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion',
  'brace_expression',
]);
const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);

/** Decode one word-like node. Anything that is not a literal makes the value null. */
export function wordOf(src: string, node: Node, offset = 0): Word {
  const text = textOf(src, node);
  const start = node.start + offset;
  const end = node.end + offset;
  const parts = wordParts(src, node);
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

function wordParts(src: string, node: Node): (string | null)[] {
  const text = textOf(src, node);
  switch (node.type) {
    case 'word':
    case 'number':
      return [decodeUnquoted(text)];
    case 'raw_string':
      return [text.slice(1, -1)];
    case 'ansi_c_string':
      return [decodeAnsiC(text.slice(2, -1))];
    case 'translated_string': {
      const inner = node.children.find((c) => c.type === 'string' || c.type === 'raw_string');
      return inner ? wordParts(src, inner) : [null];
    }
    case 'string': {
      const parts: (string | null)[] = [];
      // Copy the literal stretches between expansions straight from the source: tree-sitter does not
      // give every stretch of a double-quoted string its own node.
      let cursor = node.start + 1;
      const close = node.end - 1;
      for (const child of node.children) {
        if (!child.named || child.type === 'string_content') continue;
        if (child.start > cursor) parts.push(decodeDoubleQuoted(src.slice(cursor, child.start)));
        parts.push(null);
        cursor = child.end;
      }
      if (close > cursor) parts.push(decodeDoubleQuoted(src.slice(cursor, close)));
      return parts;
    }
    case 'concatenation': {
      if (hasUnquotedGlob(text.replace(/'[^']*'|"[^"]*"/g, 'x'))) return [null];
      const parts: (string | null)[] = [];
      for (const child of node.children) {
        const t = textOf(src, child);
        if (!child.named) {
          parts.push(decodeUnquoted(t));
          continue;
        }
        parts.push(...wordParts(src, child));
      }
      return parts;
    }
    default:
      return [null];
  }
}

interface Pending {
  node: Node;
  parentType: string | null;
  depth: number;
}

/**
 * Collect every simple command in the tree, in source order, including those inside substitutions,
 * heredoc bodies with substitutions, functions, loops and conditionals.
 */
export function collectCommands(src: string, root: Node, offset = 0): WalkResult {
  const commands: SimpleCommand[] = [];
  const byNode = new Map<Node, SimpleCommand>();
  /** consumer command node → producer command node */
  const pipes: [Node, Node][] = [];
  /** command node → redirects that a surrounding redirected_statement applies to it */
  const outer = new Map<Node, Node[]>();
  let cwd: string | null = '.';
  const env = new Map<string, string | null>();
  // Commands share one snapshot of the variables until an assignment changes them.
  let envSnapshot: ReadonlyMap<string, string | null> = env;
  let envChanged = true;

  const reparse: Reparse[] = [];
  const functions = new Map<string, string>();
  const again = (text: string, n: Node): void => { reparse.push({ text, start: n.start + offset, end: n.end + offset }); };

  const stack: Pending[] = [{ node: root, parentType: null, depth: 0 }];
  while (stack.length > 0) {
    const { node, parentType, depth } = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return { ok: false, reason: 'too-deep' };

    switch (node.type) {
      case 'heredoc_redirect': {
        // In a `<<-` body tree-sitter may leave `\`cmd\`` and `$(cmd)` unparsed; an unquoted heredoc runs them.
        const startNode = node.children.find((c) => c.type === 'heredoc_start');
        const bodyNode = node.children.find((c) => c.type === 'heredoc_body');
        if (startNode && bodyNode && !/['"\\]/.test(textOf(src, startNode))
          && !bodyNode.children.some((c) => c.type === 'command_substitution')) {
          for (const inner of substitutionsIn(textOf(src, bodyNode))) again(inner, bodyNode);
        }
        break;
      }
      case 'function_definition': {
        // The body runs where the function is called (and not at all if it never is).
        const named = namedChildren(node);
        const name = named.find((c) => c.type === 'word');
        const body = named[named.length - 1];
        if (name && body && body !== name) {
          functions.set(textOf(src, name), textOf(src, body));
          continue;
        }
        break;
      }
      case 'command_substitution': {
        // Backticks with escaped backticks inside nest again: tree-sitter reads `\`` as a literal.
        const text = textOf(src, node);
        if (text.startsWith('`') && text.includes('\\`')) {
          again(unescapeBackticks(text.slice(1, -1)), node);
          continue;
        }
        break;
      }
      case 'expansion': {
        // `${x:=`cmd`}`, `${x#$(cmd)}`: tree-sitter keeps the operand as raw text.
        for (const c of node.children) {
          if ((c.type === 'word' || c.type === 'regex') && SUBSTITUTION.test(textOf(src, c))) again(`: ${textOf(src, c)}`, c);
        }
        // `${x@P}` expands the value as a prompt, running its substitutions.
        const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)@P\}$/.exec(textOf(src, node));
        const value = m ? env.get(m[1]!) : undefined;
        if (m && (value === null || (value !== undefined && SUBSTITUTION.test(value)))) again(`: ${value ?? '$computed_prompt'}`, node);
        break;
      }
      case 'raw_string':
      case 'string_content':
      case 'word': {
        const text = textOf(src, node);
        if (SUBSCRIPT_SUBSTITUTION.test(text)) again(`: ${node.type === 'raw_string' ? text.slice(1, -1) : text}`, node);
        break;
      }
      case 'pipeline': {
        const elems = namedStatements(node);
        for (let i = 1; i < elems.length; i++) {
          const consumer = headCommand(elems[i]!);
          const producer = tailCommand(elems[i - 1]!);
          if (consumer && producer) pipes.push([consumer, producer]);
        }
        break;
      }
      case 'redirected_statement': {
        const named = namedChildren(node);
        const body = named[0];
        const redirects = named.slice(1).filter((r) => REDIRECTS.has(r.type));
        if (body) {
          for (const target of redirectTargets(body)) {
            outer.set(target, [...(outer.get(target) ?? []), ...redirects]);
          }
          // `cat <<EOF | ssh host`: tree-sitter puts the rest of the pipeline inside the heredoc node.
          for (const r of redirects) {
            if (r.type !== 'heredoc_redirect') continue;
            for (const c of namedChildren(r)) {
              if (c.type === 'pipeline' && c.children[0]?.type === '|') {
                const first = namedChildren(c)[0];
                const consumer = first ? headCommand(first) : null;
                const producer = tailCommand(body);
                if (consumer && producer) pipes.push([consumer, producer]);
              }
            }
          }
        }
        break;
      }
      case 'command': {
        if (envChanged) { envSnapshot = new Map(env); envChanged = false; }
        const command = buildCommand(src, node, outer.get(node) ?? [], offset, cwd, envSnapshot);
        commands.push(command);
        byNode.set(node, command);
        cwd = nextCwd(command, cwd);
        if (trackAssignments(command, env)) envChanged = true;
        break;
      }
      case 'variable_assignment': {
        // Variables whose value the shell runs later (`PROMPT_COMMAND`, prompts with substitutions).
        const a = assignmentOf(src, node, offset);
        const later = a ? RUNS_LATER_VARIABLES[a.name] : undefined;
        if (a && later) again(later(a.value ?? '$computed'), node);
        if (parentType !== 'command' && parentType !== 'declaration_command' && a) { env.set(a.name, a.value); envChanged = true; }
        break;
      }
      case 'declaration_command':
        if (node.children[0]?.type === 'export' || node.children[0]?.type === 'declare') {
          for (const c of node.children) {
            if (c.type !== 'variable_assignment') continue;
            const a = assignmentOf(src, c, offset);
            if (a) { env.set(a.name, a.value); envChanged = true; }
          }
        }
        break;

      default:
        break;
    }

    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (child.named) stack.push({ node: child, parentType: node.type, depth: depth + 1 });
    }
  }

  for (const [consumerNode, producerNode] of pipes) {
    const consumer = byNode.get(consumerNode);
    const producer = byNode.get(producerNode);
    if (consumer && producer && consumer.stdin === null) consumer.stdin = { kind: 'pipe', from: producer };
  }
  return { ok: true, commands, ...(reparse.length > 0 ? { reparse } : {}), ...(functions.size > 0 ? { functions } : {}) };
}

const STATEMENT_TYPES = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'if_statement',
  'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'negated_command',
  'function_definition', 'test_command', 'declaration_command', 'variable_assignment',
]);

function namedStatements(node: Node): Node[] {
  return node.children.filter((c) => c.named && STATEMENT_TYPES.has(c.type));
}

/** The command that reads a statement's stdin. */
function headCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? namedChildren(n)[0] ?? null : inner[0] ?? null;
  }
  return null;
}

/** The command whose stdout is a statement's stdout. */
function tailCommand(node: Node): Node | null {
  let n: Node | null = node;
  for (let guard = 0; n && guard < MAX_TREE_DEPTH; guard++) {
    if (n.type === 'command') return n;
    const inner = namedStatements(n);
    n = n.type === 'redirected_statement' ? namedChildren(n)[0] ?? null : inner[inner.length - 1] ?? null;
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
    for (const c of n.children) if (c.named) stack.push(c);
  }
  return out;
}

function assignmentOf(src: string, node: Node, offset: number): Assignment | null {
  const [name, valueNode] = namedChildren(node);
  if (!name || name.type !== 'variable_name') return null;
  const n = textOf(src, name);
  if (!valueNode) return { name: n, value: '', text: '' };
  if (!WORDISH.has(valueNode.type)) return { name: n, value: null, text: textOf(src, valueNode) };
  return { name: n, value: wordOf(src, valueNode, offset).value, text: textOf(src, valueNode) };
}

function buildCommand(
  src: string,
  node: Node,
  outerRedirects: Node[],
  offset: number,
  cwd: string | null,
  env: ReadonlyMap<string, string | null>,
): SimpleCommand {
  const words: Word[] = [];
  const assignments: Assignment[] = [];
  const redirectNodes: Node[] = [];
  const kids = node.children;
  for (let k = 0; k < kids.length; k++) {
    const c = kids[k]!;
    if (!c.named) continue;
    // `0<<<x`, `3>file`: a number touching the redirection after it is its descriptor, not a word.
    const next = kids[k + 1];
    if (c.type === 'number' && next && REDIRECTS.has(next.type) && next.start === c.end) continue;
    if (c.type === 'variable_assignment') {
      const a = assignmentOf(src, c, offset);
      if (a) assignments.push(a);
    } else if (c.type === 'command_name') {
      const w = namedChildren(c)[0];
      // `$ ls` is a literal `$` and then `ls` to bash; tree-sitter reads one expansion `$ls`.
      const dollar = w && w.type === 'simple_expansion' ? /^\$(\s+)(\S+)$/.exec(textOf(src, w)) : null;
      if (w && dollar) {
        words.push({ value: '$', tail: '$', text: '$', start: w.start + offset, end: w.start + offset + 1 });
        const at = w.start + offset + 1 + dollar[1]!.length;
        words.push({ value: dollar[2]!, tail: dollar[2]!, text: dollar[2]!, start: at, end: w.end + offset });
      } else if (w) words.push(wordOf(src, w, offset));
    } else if (REDIRECTS.has(c.type)) {
      redirectNodes.push(c);
    } else if (WORDISH.has(c.type)) {
      words.push(wordOf(src, c, offset));
    }
  }
  redirectNodes.push(...outerRedirects);

  const redirects: Redirect[] = [];
  let stdin: StdinSource | null = null;
  for (const r of redirectNodes) {
    if (r.type === 'heredoc_redirect') {
      let body = '';
      let delimiter = '';
      for (const c of r.children) {
        if (c.type === 'heredoc_body') body = textOf(src, c);
        if (c.type === 'heredoc_start') delimiter = textOf(src, c);
      }
      const expands = !/['"\\]/.test(delimiter);
      stdin = { kind: 'text', text: body, expands };
      redirects.push({ op: r.children[0] ? textOf(src, r.children[0]) : '<<', fd: null, target: null });
    } else if (r.type === 'herestring_redirect') {
      const named = namedChildren(r);
      const target = named[named.length - 1];
      const w = target ? wordOf(src, target, offset) : null;
      redirects.push({ op: '<<<', fd: null, target: w });
      // A here-string is the word plus a newline; an unknown value still tells us stdin is not a tty.
      stdin = { kind: 'text', text: w?.value === null || w === null ? '' : w.value + '\n', expands: w?.value === null };
    } else {
      let fd: number | null = null;
      let op = '';
      let target: Word | null = null;
      for (const c of r.children) {
        if (c.type === 'file_descriptor') fd = Number(textOf(src, c));
        else if (!c.named) op += textOf(src, c);
        else if (WORDISH.has(c.type)) target = wordOf(src, c, offset);
      }
      redirects.push({ op, fd, target });
      if (op === '<' && (fd === null || fd === 0)) {
        stdin = target && target.value === null && /^<\(.*\)$/s.test(target.text)
          ? { kind: 'process', text: target.text.slice(2, -1) }
          : { kind: 'file', path: target?.value ?? null };
      }
    }
  }
  return {
    words,
    assignments,
    redirects,
    stdin,
    start: node.start + offset,
    end: node.end + offset,
    cwd,
    env,
  };
}

/** The working directory after `command` runs in `cwd` (`cd`, `pushd`); null when not static. */
export function nextCwd(command: SimpleCommand, cwd: string | null): string | null {
  const name = command.words[0]?.value;
  if (name !== 'cd' && name !== 'pushd') return cwd;
  const args = command.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
  const dir = args[0];
  if (!dir) return null; // `cd` alone goes home: not the project
  if (dir.value === null || dir.value === '-') return null;
  // `~/x` is the user's home, as the shell running the command (this user's) expands it.
  if (dir.value === '~' || dir.value.startsWith('~/')) return homeDir() === null ? null : homeDir() + dir.value.slice(1);
  if (dir.value.startsWith('~')) return null;
  if (dir.value.startsWith('/')) return dir.value;
  return cwd === null ? null : cwd === '.' ? dir.value : `${cwd}/${dir.value}`;
}

/** `export NAME=value` as a plain command. Returns whether anything changed. */
function trackAssignments(command: SimpleCommand, env: Map<string, string | null>): boolean {
  if (command.words[0]?.value !== 'export') return false;
  let changed = false;
  for (const w of command.words.slice(1)) {
    const eq = w.value?.indexOf('=') ?? -1;
    if (w.value && eq > 0) { env.set(w.value.slice(0, eq), w.value.slice(eq + 1)); changed = true; }
  }
  return changed;
}

/** The home directory `~` stands for, when the environment says. */
export function homeDir(): string | null {
  const h = process.env.HOME;
  return h && h.startsWith('/') ? h.replace(/\/+$/, '') || '/' : null;
}

/** The commands of `` `…` `` and `$(…)` substitutions in text (balanced parentheses; bounded). */
function substitutionsIn(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < 100; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) break;
      out.push(text.slice(i + 1, j));
      i = j;
    } else if (text.startsWith('$(', i) && !text.startsWith('$((', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out.push(text.slice(i + 2, j));
      i = j;
    }
  }
  return out;
}
