// The deciding parser: web-tree-sitter running tree-sitter-bash's wasm grammar (shipped in dist/).
// tree-sitter never throws on bad input; it marks ERROR and MISSING nodes, which callers must check.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Node as TsNode, Parser, Tree } from 'web-tree-sitter';
import { budget } from './clock.js';

/**
 * A syntax node copied out of the wasm tree. Every property read on a web-tree-sitter node is a
 * call into WebAssembly; the walk reads each node many times, so the tree is copied once, in one
 * cursor pass, and freed.
 */
export interface Node {
  readonly type: string;
  readonly named: boolean;
  /** [start, end) as JS string indices. */
  readonly start: number;
  readonly end: number;
  readonly children: readonly Node[];
}

/** Leaves share one empty list. */
const NO_CHILDREN: readonly Node[] = Object.freeze([]);

/** The text of a node, from the source it was parsed from. */
export function textOf(src: string, node: Node): string {
  return src.slice(node.start, node.end);
}

/** Named children only (no punctuation or keywords). */
export function namedChildren(node: Node): Node[] {
  return node.children.filter((c) => c.named);
}

/** Inputs larger than this (in UTF-8 bytes) are not parsed. */
export const MAX_INPUT_BYTES = 64 * 1024;
/** Syntax nodes nested deeper than this make the input "too deeply nested". */
export const MAX_TREE_DEPTH = 256;
/**
 * The parser's work limit: tree-sitter reports progress every 100 of its operations, so this bounds
 * the work of one parse the same way on any machine and at any load. Valid text of the size limit
 * takes under 2,000 reports; text past it is a limit that ran out.
 */
export const PARSE_WORK_LIMIT = 3000;
/**
 * A backstop only, far above what the work limit admits on a loaded machine: error recovery can cost
 * more per operation (costlyShape catches the shapes known to), and the backstop bounds what is not known.
 */
export const PARSE_DEADLINE_MS = 2000;

let parser: Parser | undefined;
let loading: Promise<Parser> | undefined;

/** Load the grammar once per process. Everything after this is synchronous. */
export function loadParser(): Promise<Parser> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // The CommonJS build of the runtime: a one-shot process then never starts the ES module loader.
    // Hand the runtime its wasm bytes directly: its own loader goes through fs/promises and URL
    // resolution, which costs a cold process a few milliseconds.
    const { Language, Parser } = require('web-tree-sitter') as typeof import('web-tree-sitter');
    const runtime = readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'));
    await Parser.init({ wasmBinary: runtime });
    // The grammar ships in dist/ (scripts/bundle.mjs); from a source checkout not yet built, the package.
    const shipped = join(PACKAGE_ROOT, 'dist', 'tree-sitter-bash.wasm');
    const wasm = readFileSync(existsSync(shipped) ? shipped : require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const language = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  return loading;
}

export function parserLoaded(): boolean {
  return parser !== undefined;
}

/** Text prepared for parsing, with a way back to offsets in the caller's original text. */
export interface Prepared {
  readonly text: string;
  /** Offsets (in `text`) where a backslash-newline was removed. */
  readonly cuts: readonly number[];
}

/**
 * Join backslash-newline line continuations, as the shell does before it splits words, so that
 * `doc\⏎ker` is one word. Inside single quotes a backslash is literal, so those are left alone.
 */
/**
 * A heredoc delimiter quoted in part (`<<E"O"F`, `<<E\OF`) means a quoted delimiter to bash, which
 * tree-sitter cannot read; `<<'EOF'` (`<<\EOF`) means the same and has the same length.
 */
function quoteDelimiters(input: string): string {
  if (!input.includes('<<')) return input;
  return input.replace(/<<(-?)([A-Za-z0-9_]*)(["'])([A-Za-z0-9_]+)\3([A-Za-z0-9_]*)/g,
    (m, dash: string, a: string, _q: string, b: string, c: string) => (a === '' && c === '' ? m : `<<${dash}'${a}${b}${c}'`))
    // A backslash inside the word quotes it too (`<<E\OF`): moved to its front, `<<\EOF`, which tree-sitter reads.
    .replace(/<<(-?)([A-Za-z0-9_]+)\\([A-Za-z0-9_])([A-Za-z0-9_]*)/g, (_m, dash: string, a: string, b: string, c: string) => `<<${dash}\\${a}${b}${c}`);
}

/**
 * A heredoc body line that starts with an escaped `\$(` (`cat <<EOF⏎\$(x)⏎EOF`: a literal `$(x)` to bash)
 * is an error to tree-sitter, as is any body line that starts with `\` and a word and `(`. Where a heredoc is,
 * such a line start is spelled `xx(` (the same length): literal text either way, and outside a heredoc a line
 * that bash refuses either way.
 */
function escapedLineDollars(input: string): string {
  if (!input.includes('<<') || !input.includes('\\$(')) return input;
  return input.replace(/(^|\n)([ \t]*)\\\$\(/g, '$1$2xx(');
}

/**
 * What tree-sitter cannot read, written (outside quotes, at the same length) as what it can:
 * - an empty command substitution runs nothing and gives nothing (`doc$()ker` is `docker`), but
 *   tree-sitter reads `$()` as a command with a missing name: `$''`, and empty backticks `''`;
 * - `<>` opens a file for reading and writing, which tree-sitter does not know: `> ` on a
 *   descriptor of its own (a write), `<` and a tab on stdin (what reads it, and opens it for writing);
 *   so a tab typed after a plain `<` is written as the space it means, and the mark stays unique.
 */
function readableSpellings(input: string): string {
  if (!input.includes('$()') && !input.includes('``') && !input.includes('<>') && !input.includes('<\t')) return input;
  let out = '';
  let double = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '\\') { out += input.slice(i, i + 2); i++; continue; }
    if (c === "'" && !double) {
      const j = input.indexOf("'", i + 1);
      const end = j < 0 ? input.length : j + 1;
      out += input.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '"') double = !double;
    if (!double && input.startsWith('$()', i)) { out += "$''"; i += 2; continue; }
    if (!double && input.startsWith('``', i)) { out += "''"; i += 1; continue; }
    if (!double && input.startsWith('<\t', i)) { out += '< '; i += 1; continue; }
    if (!double && input.startsWith('<>', i)) {
      // On a descriptor of its own (`1<>f`) it is a write; on stdin (`<>f`, `0<>f`) the file is read.
      const fd = /(?:^|[^\w])(\d+)$/.exec(out)?.[1];
      // A tab after `<` marks the read-write open (tree-words.ts reads it as `<>`: the file is created).
      out += fd !== undefined && fd !== '0' ? '> ' : '<\t';
      i += 1;
      continue;
    }
    out += c;
  }
  return out;
}

export function joinContinuations(raw: string): Prepared {
  const input = readableSpellings(escapedLineDollars(quoteDelimiters(raw)));
  if (!input.includes('\\\n')) return { text: input, cuts: [] };
  let out = '';
  const cuts: number[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (single) {
      if (c === "'") single = false;
      out += c;
      continue;
    }
    if (c === '\\') {
      if (input[i + 1] === '\n') {
        cuts.push(out.length);
        i++;
        continue;
      }
      out += c;
      if (i + 1 < input.length) out += input[++i];
      continue;
    }
    if (c === "'" && !double) single = true;
    else if (c === '"') double = !double;
    else if (c === '#' && !double && (out === '' || /[\s;&|()<>]/.test(out[out.length - 1]!))) {
      // A comment runs to the end of its line, a backslash before the newline included.
      const nl = input.indexOf('\n', i);
      const end = nl < 0 ? input.length : nl;
      out += input.slice(i, end);
      i = end - 1;
      continue;
    }
    out += c;
  }
  return { text: out, cuts };
}

/** Map an offset in prepared text back to the original input. */
export function toOriginal(prepared: Prepared, offset: number): number {
  let shift = 0;
  for (const cut of prepared.cuts) {
    if (cut <= offset) shift += 2;
    else break;
  }
  return offset + shift;
}

export type ParseFailure =
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'syntax'; readonly at: number }
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'timeout' };

/**
 * Parse shell text and hand the tree to `use`; the tree is freed afterwards whatever happens.
 * Requires `loadParser()` to have resolved.
 */
export function withTree<T>(text: string, use: (root: Node) => T): T | ParseFailure {
  if (text.length > MAX_INPUT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return { kind: 'too-large', bytes: Buffer.byteLength(text, 'utf8') };
  }
  if (!parser) throw new Error('gitops-guard: the shell parser is not loaded (callers check parserLoaded() first)');
  const outOfTime = budget(PARSE_DEADLINE_MS);
  let timedOut = false;
  let work = 0;
  let tree: Tree | null = null;
  try {
    tree = parser.parse(text, null, {
      progressCallback: () => {
        if (++work > PARSE_WORK_LIMIT || outOfTime()) timedOut = true;
        return timedOut as unknown as void;
      },
    });
    if (timedOut || !tree) return { kind: 'timeout' };
    const root = tree.rootNode;
    if (root.hasError) return { kind: 'syntax', at: firstErrorOffset(root) };
    const copy = copyTree(tree);
    if (copy === null) return { kind: 'too-deep' };
    return use(copy);
  } finally {
    tree?.delete();
    parser.reset();
  }
}

const namedById: boolean[] = [];

/** Copy the tree into plain objects with one cursor walk; null when nested deeper than the limit. */
function copyTree(tree: Tree): Node | null {
  const language = tree.language;
  const types = language.types;
  const cursor = tree.walk();
  type Mutable = { type: string; named: boolean; start: number; end: number; children: Node[] };
  const make = (): Mutable => {
    const id = cursor.nodeTypeId;
    // Whether a node is named depends only on its type: ask the grammar once per type, not per node.
    let named = namedById[id];
    if (named === undefined) named = namedById[id] = language.nodeTypeIsNamed(id);
    return { type: types[id] ?? 'ERROR', named, start: cursor.startIndex, end: cursor.endIndex, children: NO_CHILDREN as Node[] };
  };
  try {
    const root = make();
    const parents: Mutable[] = [root];
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = make();
      const parent = parents[parents.length - 1]!;
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(node);
      if (cursor.gotoFirstChild()) {
        parents.push(node);
        if (parents.length > MAX_TREE_DEPTH) return null;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || parents.length <= 1) return root;
        parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

function firstErrorOffset(root: TsNode): number {
  const stack: TsNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) return node.startIndex;
    if (!node.hasError) continue;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
  return 0;
}

/** Heredoc operators (`<<`, `<<-`) with no delimiter word after them, and `${` or `{` never closed, past which text is costly. */
const MAX_COSTLY_OPENERS = 32;

/**
 * Shapes whose error recovery costs tree-sitter far more per operation than valid text (measured: 250
 * `<<` with no delimiter take longer than the whole size limit of valid text; unclosed `${` grow the
 * same way, and so do unclosed `{`: 20,000 × `{a,`, one word bash reads as written, cost 2,400 reports of
 * recovery, 0.1 ms each). None is ordinary shell past a few, so text with more than MAX_COSTLY_OPENERS of
 * them is a limit that ran out before it is parsed; why, or null.
 */
export function costlyShape(text: string): string | null {
  let heredocs = 0;
  let braces = 0;
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) {
      // A run of `<`: `<<` (or `<<-`) then blanks then the delimiter word, quoted or not; `<<<` a
      // here-string; four or more are no operator bash has (each pair counts as a heredoc without a word).
      let run = 1;
      while (text.charCodeAt(i + run) === 60) run++;
      let j = i + run;
      i = j - 1;
      if (run >= 4) { heredocs += run >> 1; continue; }
      if (run !== 2) continue;
      if (text.charCodeAt(j) === 45) j++;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      if (!/[\w'"\\$.~@%+:/,=-]/.test(text[j] ?? '')) heredocs++;
    } else if (c === 123) {
      opens++;
      if (text.charCodeAt(i - 1) === 36) braces++;
    } else if (c === 125) closes++;
  }
  if (heredocs > MAX_COSTLY_OPENERS) return `holds more than ${MAX_COSTLY_OPENERS} heredoc operators without a delimiter`;
  if (braces - closes > MAX_COSTLY_OPENERS) return `holds more than ${MAX_COSTLY_OPENERS} \`\${\` never closed`;
  if (opens - closes > MAX_COSTLY_OPENERS) return `holds more than ${MAX_COSTLY_OPENERS} \`{\` never closed`;
  return null;
}

/**
 * Roughly how many commands `text` could hold, counted up to `stop`: each separator, pipe,
 * newline, pair of backticks or `$(` with a `)` to close it can start one (quoted ones are counted
 * too). Text dense with them (`$(x) $(x) …`, `` `x` `x` … ``, `$x;$x;…`) costs tree-sitter more than
 * the whole time budget and would end past the command limit anyway, so the expander stops there
 * before parsing. An unclosed `$(` starts nothing (the shell refuses the text; the parser says so fast).
 */
export function commandStarts(text: string, stop: number): number {
  let separators = 0;
  let backticks = 0;
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ; & | newline
    if (c === 59 || c === 38 || c === 124 || c === 10) separators++;
    else if (c === 96) backticks++;
    else if (c === 36 && text.charCodeAt(i + 1) === 40) opens++;
    else if (c === 41) closes++;
    if (separators + (backticks >> 1) + Math.min(opens, closes) > stop) break;
  }
  return separators + (backticks >> 1) + Math.min(opens, closes);
}
