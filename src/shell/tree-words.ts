// Words and simple commands from syntax nodes: decoded words with their source ranges, prefix
// assignments, redirections, and where each command's stdin comes from.
import { namedChildren, textOf, type Node } from './parse.js';
import type { Assignment, Redirect, SimpleCommand, StdinSource } from './invocations.js';
import { expandBraces } from './braces.js';
import { basename, decodeAnsiC, decodeDoubleQuoted, decodeUnquoted, hasUnquotedGlob, type Word } from './words.js';

export const WORDISH = new Set([
  'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'number',
  'simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion',
  'brace_expression',
]);
export const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);

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

/**
 * The words one word-like node becomes: itself, or what brace expansion makes of it (`d{o..o}cker`
 * is `docker`; `{,x}` is `x`, the empty word dropped as bash drops it). An expanded word with quotes
 * or expansions in it is not static; past the expansion limit the word is computed.
 */
export function wordsOf(src: string, node: Node, offset = 0): Word[] {
  const word = wordOf(src, node, offset);
  if (node.type !== 'word' && node.type !== 'concatenation' && node.type !== 'brace_expression') return [word];
  const expanded = expandBraces(word.text);
  if (expanded === null) return [word];
  if (expanded === 'too-many') return [{ ...word, value: null, tail: null }];
  return expanded.filter((t) => t !== '').map((t) => {
    const value = /['"$`]/.test(t) || hasUnquotedGlob(t) ? null : decodeUnquoted(t);
    return { value, tail: value === null ? null : value.slice(value.lastIndexOf('/') + 1), text: word.text, start: word.start, end: word.end };
  });
}

/** The static suffix after the last `/`, when it does not depend on an expansion. */
function tailOf(parts: (string | null)[]): string | null {
  const after: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part === null || part === undefined) return null;
    const slash = part.lastIndexOf('/');
    after.push(slash >= 0 ? part.slice(slash + 1) : part);
    if (slash >= 0) break;
  }
  return after.reverse().join('');
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
    case 'command_substitution':
      // `$()` and `` ` ` `` run nothing and give nothing: `doc$()ker` is `docker`.
      return /^(?:\$\(\s*\)|`\s*`)$/.test(text) ? [''] : [null];
    default:
      return [null];
  }
}


export function assignmentOf(src: string, node: Node, offset: number): Assignment | null {
  const [name, valueNode] = namedChildren(node);
  if (!name || name.type !== 'variable_name') return null;
  const n = textOf(src, name);
  if (!valueNode) return { name: n, value: '', text: '' };
  if (!WORDISH.has(valueNode.type)) return { name: n, value: null, text: textOf(src, valueNode) };
  return { name: n, value: wordOf(src, valueNode, offset).value, text: textOf(src, valueNode) };
}

/**
 * `doc\`true\`ker`: tree-sitter may end a word where a backtick substitution starts, but nothing
 * separates them, so to bash they are one word (computed, as its substitution is).
 */
function joinTouching(words: Word[], at: number): void {
  const a = words[at - 1];
  const b = words[at];
  if (!a || !b || words.length !== at + 1 || a.end !== b.start) return;
  const value = a.value !== null && b.value !== null ? a.value + b.value : null;
  const tail = value !== null ? basename(value) : b.text.includes('/') ? b.tail : null;
  words.splice(at - 1, 2, { value, tail, text: a.text + b.text, start: a.start, end: b.end });
}

/**
 * The words tree-sitter keeps inside a file redirection after its target: `sudo >/dev/null docker ps`
 * is one `file_redirect` holding `/dev/null docker ps`. bash(1): redirections "may precede or appear
 * anywhere within a simple command"; the words after the target are the command's.
 */
export function trailingWords(node: Node): Node[] {
  if (node.type !== 'file_redirect') return [];
  const wordish = node.children.filter((c) => c.named && WORDISH.has(c.type));
  return wordish.slice(1);
}

export function buildCommand(
  src: string,
  node: Node,
  outerRedirects: Node[],
  offset: number,
  cwd: string | null,
  env: ReadonlyMap<string, string | null>,
  /** Of the outer redirections, those that end this command (it is the statement's last), so the words inside them are its own. */
  ownedOuter: ReadonlySet<Node> = new Set(outerRedirects),
): SimpleCommand {
  const words: Word[] = [];
  const assignments: Assignment[] = [];
  const redirectNodes: Node[] = [];
  /** Descriptors tree-sitter read as a word: `0</dev/null docker ps` is a command `0` and a redirection `<`. */
  const fds = new Map<Node, number>();
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
      } else if (w) words.push(...wordsOf(src, w, offset));
    } else if (REDIRECTS.has(c.type)) {
      redirectNodes.push(c);
    } else if (WORDISH.has(c.type)) {
      const before = words.length;
      words.push(...wordsOf(src, c, offset));
      joinTouching(words, before);
    }
  }
  const firstOuter = outerRedirects[0];
  if (firstOuter && ownedOuter.has(firstOuter)) {
    // A number that touches the redirection after the command is its descriptor (`ls 0<f`, `0<f cmd`).
    const last = [...kids].reverse().find((c) => c.named);
    const number = last?.type === 'command_name' ? namedChildren(last)[0] : last;
    if (last && number?.type === 'number' && last.end === firstOuter.start && textOf(src, number) === textOf(src, last)) {
      words.pop();
      fds.set(firstOuter, Number(textOf(src, number)));
    }
  }
  const ownCount = redirectNodes.length;
  redirectNodes.push(...outerRedirects);
  // `cat <<EOF > x.sh`: tree-sitter keeps the redirections after a heredoc's start inside its node.
  const nested = (r: Node): Node[] => (r.type === 'heredoc_redirect' ? namedChildren(r).filter((c) => c.type !== 'heredoc_redirect' && REDIRECTS.has(c.type)) : []);
  const withWords = [...redirectNodes.slice(0, ownCount), ...outerRedirects.filter((r) => ownedOuter.has(r))];
  for (let i = 0; i < redirectNodes.length; i++) redirectNodes.splice(i + 1, 0, ...nested(redirectNodes[i]!));
  let end = node.end;
  for (const r of withWords.flatMap((x) => [x, ...nested(x)])) {
    for (const w of trailingWords(r)) {
      words.push(...wordsOf(src, w, offset));
      end = Math.max(end, w.end);
    }
  }

  const { redirects, stdin } = readRedirects(src, redirectNodes, offset, fds);
  return {
    words,
    assignments,
    redirects,
    stdin,
    start: node.start + offset,
    end: end + offset,
    cwd,
    env,
  };
}

/** The redirections of a command, and where its stdin comes from. */
function readRedirects(src: string, redirectNodes: readonly Node[], offset: number, fds: ReadonlyMap<Node, number>): { redirects: Redirect[]; stdin: StdinSource | null } {
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
      const target = namedChildren(r).find((c) => WORDISH.has(c.type));
      const w = target ? wordOf(src, target, offset) : null;
      redirects.push({ op: '<<<', fd: null, target: w });
      // A here-string is the word plus a newline. A value computed at run time is read as the text it
      // is computed from (inside its double quotes): `sh <<< "$(echo docker ps)"` runs what that makes.
      stdin = { kind: 'text', text: w === null ? '' : (w.value ?? computedText(w.text)) + '\n', expands: w?.value === null, ...(w?.value === null ? { word: w.text } : {}) };
    } else {
      let fd: number | null = fds.get(r) ?? null;
      let op = '';
      let target: Word | null = null;
      for (const c of r.children) {
        if (c.type === 'file_descriptor') fd = Number(textOf(src, c));
        else if (!c.named) op += textOf(src, c) + (textOf(src, c) === '<' && src[c.end] === '\t' ? '>' : '');
        // The first word is the target; any after it are the command's (trailingWords).
        else if (WORDISH.has(c.type) && target === null) target = wordOf(src, c, offset);
      }
      redirects.push({ op, fd, target });
      if ((op === '<' || op === '<>') && (fd === null || fd === 0)) {
        stdin = target && target.value === null && /^<\(.*\)$/s.test(target.text)
          ? { kind: 'process', text: target.text.slice(2, -1) }
          : { kind: 'file', path: target?.value ?? null };
      }
      // `<&3`: a descriptor opened elsewhere (`exec 3<>/dev/tcp/…`); what it holds is not in the text.
      if (op === '<&' && (fd === null || fd === 0) && target?.value !== '0' && target?.value !== '-') {
        stdin = { kind: 'opaque', why: `reads file descriptor ${target?.value ?? target?.text ?? '?'}, opened where its content cannot be known` };
      }
    }
  }
  return { redirects, stdin };
}

/** A computed word as the shell text it is made from: the inside of a double-quoted word. */
function computedText(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
