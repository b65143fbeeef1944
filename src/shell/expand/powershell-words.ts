// PowerShell's words as expand/powershell.ts reads them: code split into statements, a statement split into its pipeline's words
// (quotes removed, a script block `{ … }` kept as its code), a command's arguments bound to the
// parameters of grammars/powershell.ts, and the .NET static calls (`[Diagnostics.Process]::Start(…)`)
// in a statement with their arguments.
import type { PsCommand } from '../grammars/powershell.js';

export interface Token {
  /** The word with its quotes removed; a script block's code. */
  readonly value: string;
  /** One plain literal: a bare word, a quoted string with nothing the shell computes in it, or a script block. */
  readonly literal: boolean;
  /** A comma follows: the next token is the next element of the same array. */
  readonly comma: boolean;
  /** A script block: `value` is its code. */
  readonly block?: true;
}

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** The index after the quoted string or group that starts at `i`. */
export function skip(s: string, i: number): number {
  const c = s[i]!;
  if (c === "'") { let j = i + 1; for (; j < s.length; j++) if (s[j] === "'") { if (s[j + 1] === "'") j++; else break; } return j + 1; }
  if (c === '"') { let j = i + 1; for (; j < s.length && s[j] !== '"'; j++) if (s[j] === '`') j++; return j + 1; }
  const close = OPEN[c]!;
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === "'" || s[j] === '"') { j = skip(s, j) - 1; continue; }
    if (s[j] === c) depth++;
    else if (s[j] === close && --depth === 0) return j + 1;
  }
  return s.length;
}

/** The code's statements: split at the `;` and line ends outside quotes, groups and script blocks; comments left out. */
export function statements(code: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < code.length;) {
    const c = code[i]!;
    if (c === '#' && (i === 0 || /\s/.test(code[i - 1]!))) {
      const eol = code.indexOf('\n', i);
      out.push(code.slice(from, i));
      from = i = eol < 0 ? code.length : eol;
    } else if (c === ';' || c === '\n') { out.push(code.slice(from, i)); from = ++i; }
    else i = /['"({[]/.test(c) ? skip(code, i) : i + 1;
  }
  out.push(code.slice(from));
  return out;
}

/**
 * A statement as the shell text that runs the same words: PowerShell's backtick escapes the next character
 * outside single quotes (about_Special_Characters; `d`ocker is docker), where bash would read a substitution.
 */
export function withoutBackticks(stmt: string): string {
  if (!stmt.includes('`')) return stmt;
  let out = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < stmt.length; i++) {
    const c = stmt[i]!;
    if (quote !== "'" && c === '`') {
      const next = stmt[++i];
      if (next === undefined || next === '\n') continue;
      out += /[\w./:=@%+,-]/.test(next) ? next : quote === '"' && !/["$\\`]/.test(next) ? next : `\\${next}`;
      continue;
    }
    if (c === "'" && quote !== '"') quote = quote === "'" ? null : "'";
    else if (c === '"' && quote !== "'") quote = quote === '"' ? null : '"';
    out += c;
  }
  return out;
}

/** A word's value and whether it is one plain literal. */
function wordOf(raw: string): { value: string; literal: boolean; block?: true } {
  if (/^'(?:[^']|'')*'$/.test(raw)) return { value: raw.slice(1, -1).replace(/''/g, "'"), literal: true };
  if (/^"(?:[^"`$]|`.)*"$/.test(raw)) return { value: raw.slice(1, -1).replace(/`(.)/g, '$1'), literal: true };
  if (raw.startsWith('{') && skip(raw, 0) === raw.length && raw.endsWith('}')) return { value: raw.slice(1, -1), literal: true, block: true };
  // (An `@` is splatting or an array only at the start: `bob@host` is a plain word.)
  return { value: raw, literal: /^(?!@)[^'"`$(){}+\[\]]+$/.test(raw) };
}

/** The statement's words (whitespace and commas between them), and its top-level pipes. */
export function split(stmt: string): Token[][] {
  const pipeline: Token[][] = [[]];
  let i = 0;
  while (i < stmt.length) {
    const c = stmt[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '|') { pipeline.push([]); i++; continue; }
    let j = i;
    while (j < stmt.length && !/[\s,|]/.test(stmt[j]!)) j = /['"({[]/.test(stmt[j]!) ? skip(stmt, j) : j + 1;
    const word = wordOf(stmt.slice(i, j));
    while (j < stmt.length && /[ \t]/.test(stmt[j]!)) j++;
    const comma = stmt[j] === ',';
    pipeline[pipeline.length - 1]!.push({ ...word, comma });
    i = comma ? j + 1 : j;
  }
  return pipeline.filter((p) => p.length > 0);
}

/** A parameter word (`-FilePath`, `-fi:x`) as the command's full parameter name; undefined when it is not one, null when unknown. */
function parameter(cmd: PsCommand, word: string): string | null | undefined {
  const m = /^-([A-Za-z][\w-]*):?$/.exec(word);
  if (!m) return undefined;
  const name = m[1]!.toLowerCase();
  const all = [...cmd.params, ...(cmd.switches ?? []), ...Object.keys(cmd.aliases ?? {})];
  const hits = new Set((all.includes(name) ? [name] : all.filter((p) => p.startsWith(name))).map((p) => cmd.aliases?.[p] ?? p));
  return hits.size === 1 ? [...hits][0]! : null;
}

/**
 * The command's arguments by parameter, each a list of tokens (an array's elements); positional ones bound
 * to the `positions` not given by name. Null when a parameter is unknown.
 */
export function bind(cmd: PsCommand, words: readonly Token[], named = true): Map<string, Token[]> | null {
  const bound = new Map<string, Token[]>();
  const positional: Token[][] = [];
  for (let k = 0; k < words.length; k++) {
    const p = named && words[k]!.literal && !words[k]!.block ? parameter(cmd, words[k]!.value) : undefined;
    if (p === null) return null;
    if (p !== undefined && cmd.switches?.includes(p)) continue;
    if (p !== undefined) k++;
    const value: Token[] = [];
    for (; k < words.length; k++) { value.push(words[k]!); if (!words[k]!.comma) break; }
    if (p !== undefined) bound.set(p, value);
    else if (cmd.block !== undefined && value.length === 1 && value[0]!.block && !bound.has(cmd.block)) bound.set(cmd.block, value);
    else positional.push(value);
  }
  // (PowerShell refuses a positional argument with no place; one left over is not bound.)
  const free = (cmd.positions ?? []).filter((n) => !bound.has(n));
  positional.forEach((v, i) => { if (i < free.length) bound.set(free[i]!, v); });
  return bound;
}

/** A .NET static call in a statement: its table name (`[diagnostics.process]::start`), its arguments, and where it ends. */
export interface DotNetCall {
  readonly name: string;
  readonly args: readonly Token[];
  readonly start: number;
  readonly end: number;
}

/** The `[Type]::Method(…)` calls in a statement (the type's `System.` left off, as PowerShell allows). */
export function dotNetCalls(stmt: string): DotNetCall[] {
  const calls: DotNetCall[] = [];
  for (const m of stmt.matchAll(/\[(?:system\.)?([\w.]+)\]::(\w+)\s*\(/gi)) {
    const open = m.index + m[0].length - 1;
    const end = skip(stmt, open);
    calls.push({ name: `[${m[1]}]::${m[2]}`.toLowerCase(), args: argumentsOf(stmt.slice(open + 1, end - 1)), start: m.index, end });
  }
  return calls;
}

/** A call's comma-separated arguments, each one token (a plain literal, or computed when it is more than one word). */
function argumentsOf(text: string): Token[] {
  const pipeline = split(text);
  if (pipeline.length > 1) return [{ value: text, literal: false, comma: false }];
  const args: Token[] = [];
  let group: Token[] = [];
  const close = (): void => {
    if (group.length > 0) args.push(group.length === 1 ? { ...group[0]!, comma: false } : { value: group.map((g) => g.value).join(' '), literal: false, comma: false });
    group = [];
  };
  // A comma ends an argument; words not parted by one are an expression (`"a" + $b`).
  for (const t of pipeline[0] ?? []) { group.push(t); if (t.comma) close(); }
  close();
  return args;
}
