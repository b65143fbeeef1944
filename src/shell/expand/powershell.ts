// PowerShell code (`pwsh -c`, a .ps1 file): its statements are command lines, judged as shell; the
// commands of grammars/powershell.ts that run what they are given are read by their parameters
// (`Start-Process docker -ArgumentList restart,web` is `docker restart web`, `iex "…"` is more
// PowerShell), and those that only print run nothing. What such a command is given at run time
// (a variable, `"dock"+"er"`, a subexpression) cannot be read: ask.
import { PS_COMMANDS, type PsCommand } from '../grammars/powershell.js';
import type { Scope } from './driver.js';
import { quoteForScan } from './code-literals.js';

interface Token {
  /** The word with its quotes removed. */
  readonly value: string;
  /** One plain literal: a bare word or a quoted string with nothing the shell computes in it. */
  readonly literal: boolean;
  /** A comma follows: the next token is the next element of the same array. */
  readonly comma: boolean;
}

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** The index after the quoted string or group that starts at `i`. */
function skip(s: string, i: number): number {
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

/** A word's value and whether it is one plain literal. */
function wordOf(raw: string): { value: string; literal: boolean } {
  if (/^'(?:[^']|'')*'$/.test(raw)) return { value: raw.slice(1, -1).replace(/''/g, "'"), literal: true };
  if (/^"(?:[^"`$]|`.)*"$/.test(raw)) return { value: raw.slice(1, -1).replace(/`(.)/g, '$1'), literal: true };
  return { value: raw, literal: /^[^'"`$(){}@+\[\]]+$/.test(raw) };
}

/** The statement's words (whitespace and commas between them), and its top-level pipes. */
function split(stmt: string): Token[][] {
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

/** The command's arguments by parameter (positional ones as 0, 1, …), each a list of tokens; null when a parameter is unknown. */
function bind(cmd: PsCommand, words: readonly Token[]): Map<string | number, Token[]> | null {
  const bound = new Map<string | number, Token[]>();
  let position = 0;
  for (let k = 0; k < words.length; k++) {
    const p = words[k]!.literal ? parameter(cmd, words[k]!.value) : undefined;
    if (p === null) return null;
    if (p !== undefined && cmd.switches?.includes(p)) continue;
    const key = p ?? position++;
    if (p !== undefined) k++;
    const value: Token[] = [];
    for (; k < words.length; k++) { value.push(words[k]!); if (!words[k]!.comma) break; }
    bound.set(key, value);
  }
  return bound;
}

/** What a command of the table runs: a shell command line, PowerShell code, nothing, or `computed`. */
function runsOf(cmd: PsCommand, words: readonly Token[]): { shell?: string; code?: string; computed?: true } {
  if (cmd.runs === 'prints') return {};
  const bound = bind(cmd, words);
  if (bound === null) return { computed: true };
  const what = bound.get(cmd.what!) ?? bound.get(0);
  const args = (cmd.args !== undefined ? bound.get(cmd.args) ?? bound.get(1) : undefined) ?? [];
  if (what === undefined) return {};
  if (what.length !== 1 || ![...what, ...args].every((t) => t.literal)) return { computed: true };
  if (cmd.runs === 'code') return { code: what[0]!.value };
  return { shell: [quoteForScan(what[0]!.value), ...args.map((a) => a.value)].join(' ') };
}

const byName = new Map(PS_COMMANDS.flatMap((c) => c.names.map((n) => [n, c] as const)));

/** PowerShell code: each statement judged as a command line, the table's commands by what they run. */
export function scanPowerShell(scope: Scope, code: string, label: string, depth = 0): void {
  for (const raw of code.split(/[;\n]/)) {
    const stmt = raw.trim().replace(/^&\s*/, '');
    if (stmt === '' || stmt.startsWith('#')) continue;
    const pipeline = split(stmt);
    // `& $cmd …`, `& ("dock"+"er") …`: the call operator runs a command named at run time.
    if (/^&/.test(raw.trim()) && pipeline[0]?.[0]?.literal === false) scope.raise('interpreter-code', `${label} calls a command it names at run time: \`${raw.trim()}\``, raw.trim());
    const cmds = pipeline.map((words) => (words[0]?.literal ? byName.get(words[0].value.toLowerCase()) : undefined));
    if (pipeline.length === 1 && cmds[0] !== undefined) {
      runTable(scope, cmds[0], pipeline[0]!.slice(1), label, depth);
      continue;
    }
    // `"…" | iex`: what the command before it writes is the code it runs.
    for (let k = 1; k < pipeline.length; k++) {
      if (cmds[k]?.runs !== 'code' || pipeline[k]!.length > 1) continue;
      const before = pipeline[k - 1]!;
      const text = cmds[k - 1]?.runs === 'prints' && before.length === 2 ? before[1] : before.length === 1 ? before[0] : undefined;
      if (text?.literal && depth < 8) scanPowerShell(scope, text.value, `${label} | ${pipeline[k]![0]!.value}`, depth + 1);
      else scope.raise('interpreter-code', `${label} runs PowerShell code it builds at run time: \`${stmt}\``, stmt);
    }
    scope.nested(stmt, label, { spliceable: false });
  }
}

function runTable(scope: Scope, cmd: PsCommand, words: readonly Token[], label: string, depth: number): void {
  const run = runsOf(cmd, words);
  if (run.computed) scope.raise('interpreter-code', `${label}: \`${cmd.names[0]}\` runs what it is given at run time`);
  if (run.shell !== undefined) scope.nested(run.shell, `${label} ${cmd.names[0]}`, { spliceable: false });
  if (run.code !== undefined) {
    if (depth < 8) scanPowerShell(scope, run.code, `${label} ${cmd.names[0]}`, depth + 1);
    else scope.raise('interpreter-code', `${label} nests Invoke-Expression too deeply`);
  }
}
