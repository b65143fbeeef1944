// PowerShell code (`pwsh -c`, a .ps1 file): its statements are command lines, judged as shell; the
// commands of grammars/powershell.ts are read by their parameters (words and binding in
// powershell-words.ts): those that run a program or code (`Start-Process docker -ArgumentList
// restart,web` is `docker restart web`, `iex "…"` and `Invoke-Command { … }` are more PowerShell,
// `[Diagnostics.Process]::Start("docker","restart web")` the program and its command line), those
// that reach another machine as the ssh command line they amount to (powershell-remote.ts), those
// that write files (`Set-Content`, `Out-File`, `[IO.File]::WriteAllText`) as writes of those files,
// and those that only print run nothing. What such a command is given at run time (a variable,
// `"dock"+"er"`, a subexpression) cannot be read: ask.
import { PS_COMMANDS, PS_PLAIN_COMPARISON, type PsCommand } from '../grammars/powershell.js';
import type { Scope } from './driver.js';
import { quoteForScan } from './code-literals.js';
import { abs } from './written-paths.js';
import { basename } from '../words.js';
import { bind, dotNetCalls, split, statements, withoutBackticks, type Token } from './powershell-words.js';
import { placeOf, remoteCode } from './powershell-remote.js';

const MAX_DEPTH = 8;
const byName = new Map(PS_COMMANDS.flatMap((c) => c.names.map((n) => [n, c] as const)));

/** What a command of the table runs: a shell command line, PowerShell code, nothing, or `computed`. */
function runsOf(cmd: PsCommand, bound: ReadonlyMap<string, Token[]> | null): { shell?: string; code?: string; computed?: true } {
  if (bound === null) return { computed: true };
  const what = bound.get(cmd.what!);
  const args = (cmd.args !== undefined ? bound.get(cmd.args) : undefined) ?? [];
  if (what === undefined) return cmd.file?.some((f) => bound.has(f)) ? { computed: true } : {};
  if (what.length !== 1 || ![...what, ...args].every((t) => t.literal)) return { computed: true };
  if (cmd.runs === 'code') return { code: what[0]!.value };
  if (what[0]!.block || args.some((a) => a.block)) return { computed: true };
  return { shell: [quoteForScan(what[0]!.value), ...args.map((a) => a.value)].join(' ') };
}

/** PowerShell code: each statement judged as a command line, the table's commands by what they do. */
export function scanPowerShell(scope: Scope, code: string, label: string, depth = 0): void {
  // Aliases the code makes (Set-Alias NAME VALUE): a later statement starting with NAME runs VALUE.
  const aliases = new Map<string, string>();
  for (const raw of statements(code)) {
    const stmt = aliased(raw.trim().replace(/^[&.]\s+(?=\{)|^&\s*/, ''), aliases);
    if (stmt === '' || stmt.startsWith('#') || PS_PLAIN_COMPARISON.test(stmt)) continue;
    const pipeline = split(stmt);
    const first = pipeline[0]?.[0];
    // `& $cmd …`, `& ("dock"+"er") …`: the call operator runs a command named at run time.
    if (/^&/.test(raw.trim()) && first?.literal === false) scope.raise('interpreter-code', `${label} calls a command it names at run time: \`${raw.trim()}\``, raw.trim());
    // `& { … }`, `. { … }`: a script block called here runs its code.
    if (/^[&.]/.test(raw.trim()) && first?.block && pipeline.length === 1) { more(scope, first.value, `${label} &`, depth); continue; }
    if (dotNet(scope, stmt, label, depth)) continue;
    const cmds = pipeline.map((words) => (words[0]?.literal && !words[0].block ? byName.get(words[0].value.toLowerCase()) : undefined));
    if (pipeline.length === 1 && cmds[0]?.names.includes('set-alias')) noteAlias(cmds[0], pipeline[0]!, aliases);
    if (pipeline.length === 1 && cmds[0] !== undefined) {
      if (runTable(scope, cmds[0], bind(cmds[0], pipeline[0]!.slice(1)), label, depth)) continue;
    }
    // `"…" | Out-File F`: the file is written.
    pipeline.forEach((words, k) => { const c = cmds[k]; if (pipeline.length > 1 && c?.runs === 'writes') writes(scope, c, bind(c, words.slice(1))); });
    // `"…" | iex`: what the command before it writes is the code it runs.
    for (let k = 1; k < pipeline.length; k++) {
      if (cmds[k]?.runs !== 'code' || pipeline[k]!.length > 1) continue;
      const before = pipeline[k - 1]!;
      const text = cmds[k - 1]?.runs === 'prints' && before.length === 2 ? before[1] : before.length === 1 ? before[0] : undefined;
      if (text?.literal && depth < MAX_DEPTH) scanPowerShell(scope, text.value, `${label} | ${pipeline[k]![0]!.value}`, depth + 1);
      else scope.raise('interpreter-code', `${label} runs PowerShell code it builds at run time: \`${stmt}\``, stmt);
    }
    // The script blocks of `if`, `foreach`, `function`, `ForEach-Object { … }`: their code may run here.
    for (const t of pipeline.flat()) if (t.block) more(scope, t.value, label, depth);
    scope.nested(withoutBackticks(stmt), label, { spliceable: false });
  }
}

/** The statement with an alias made earlier in the code in place of its first word. */
function aliased(stmt: string, aliases: ReadonlyMap<string, string>): string {
  const first = /^[^\s;|(){}'"]+/.exec(stmt)?.[0];
  const value = first === undefined ? undefined : aliases.get(first.toLowerCase());
  return value === undefined ? stmt : quoteForScan(value) + stmt.slice(first!.length);
}

/** `Set-Alias NAME VALUE` (sal, New-Alias, nal): NAME runs VALUE from here on. */
function noteAlias(cmd: PsCommand, words: readonly Token[], aliases: Map<string, string>): void {
  const bound = bind(cmd, words.slice(1));
  const name = bound?.get('name');
  const value = bound?.get('value');
  if (name?.length === 1 && value?.length === 1 && name[0]!.literal && value[0]!.literal) aliases.set(name[0]!.value.toLowerCase(), value[0]!.value);
}

/** More PowerShell code, to a depth. */
function more(scope: Scope, code: string, label: string, depth: number): void {
  if (depth < MAX_DEPTH) scanPowerShell(scope, code, label, depth + 1);
  else scope.raise('interpreter-code', `${label} nests PowerShell code too deeply`);
}

/**
 * The table's .NET calls in a statement, each judged as its row; true when the statement is nothing
 * but such a call (kept in a variable, cast, its result's members used), so it is not also read as shell.
 */
function dotNet(scope: Scope, stmt: string, label: string, depth: number): boolean {
  const calls = dotNetCalls(stmt).filter((c) => byName.has(c.name));
  for (const c of calls) runTable(scope, byName.get(c.name)!, bind(byName.get(c.name)!, c.args, false), label, depth);
  const only = calls.length === 1 && /^(?:\$[\w:]+\s*=\s*)?(?:\[[\w.]+\]\s*)*$/.test(stmt.slice(0, calls[0]!.start))
    && /^(?:\s*\.\s*\w+(?:\(\s*\))?)*\s*$/.test(stmt.slice(calls[0]!.end));
  return only;
}

/** A command of the table with its arguments bound; true when that is all the statement does. */
function runTable(scope: Scope, cmd: PsCommand, bound: ReadonlyMap<string, Token[]> | null, label: string, depth: number): boolean {
  const name = `${label} ${cmd.names[0]}`;
  if (cmd.runs === 'prints') return true;
  if (cmd.runs === 'writes') return writes(scope, cmd, bound);
  const place = bound === null ? ({ kind: 'here' } as const) : placeOf(cmd, bound);
  if (place.kind === 'unknown') { scope.raise('interpreter-code', `${name} ${place.why}`); return true; }
  if (cmd.runs === 'session') {
    if (place.kind === 'ssh') for (const line of place.lines) scope.nested(line, name, { spliceable: false });
    else scope.raise('interpreter-code', `${name} opens a session on a machine the text does not name`);
    return true;
  }
  const run = runsOf(cmd, bound);
  if (run.computed) scope.raise('interpreter-code', `${name} runs what it is given at run time`);
  if (run.shell !== undefined) scope.nested(run.shell, name, { spliceable: false });
  if (run.code === undefined) return true;
  if (place.kind === 'ssh') for (const line of place.lines) scope.nested(remoteCode(line, run.code), name, { spliceable: false });
  else more(scope, run.code, name, depth);
  return true;
}

/** The files a writing command names, as writes of this command (inline code's, as code-writes.ts emits them); false when they cannot be read. */
function writes(scope: Scope, cmd: PsCommand, bound: ReadonlyMap<string, Token[]> | null): boolean {
  if (bound === null) return false;
  const name = cmd.writesName !== undefined ? bound.get(cmd.writesName) : undefined;
  const paths = (cmd.writes ?? []).flatMap((p) => bound.get(p) ?? []).map((t) => t.literal && !t.block ? t.value : null);
  if (name !== undefined) paths.splice(0, paths.length, ...(paths.length > 0 ? paths : ['.']).map((p) => (p !== null && name.length === 1 && name[0]!.literal ? `${p}/${name[0]!.value}` : null)));
  if (scope.local && paths.length > 0) scope.emit(scope.argv, basename(scope.argv[0]?.value ?? 'pwsh'), { writes: paths.map((p) => (p === null ? null : abs(p, scope.cwd))) });
  return true;
}
