// How an agent host starts gitops-guard: the command text `init` writes into each host's settings.
//
// The command finds the executable when it runs, in this order: the project's own install
// (node_modules/.bin), then `gitops-guard` on the PATH (a global install), then, only when init
// itself ran from a copy that is neither (npx's cache), that copy's absolute path. So one committed
// settings file works for a teammate with a local install, one with a global install, and the
// person who tried it through npx. If none is there, the shell answers with the host's own block
// (most hosts let a command run when a hook fails in any other way). On hosts whose hook runs for
// every tool (Copilot, Cline), that fallback blocks only the shell tools: a file read must not be
// refused because the guard is missing.
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import type { HookAdapter } from '../hooks/types.js';

/** How the running gitops-guard is installed, as `init` reports it. */
export type InstallKind = 'project' | 'global' | 'npx' | 'other';

export interface Executable {
  readonly kind: InstallKind;
  /** The bundled executable of the running copy (dist/gitops-guard.cjs). */
  readonly path: string;
}

/** Which copy is running: the project's, a global one (on PATH), npx's cache, or another. */
export function runningExecutable(packageRoot: string, root: string, env: NodeJS.ProcessEnv = process.env): Executable {
  const path = join(packageRoot, 'dist', 'gitops-guard.cjs');
  const real = (p: string): string => { try { return realpathSync(p); } catch { return p; } };
  const self = real(path);
  if (self === real(join(root, 'node_modules', 'gitops-guard', 'dist', 'gitops-guard.cjs'))) return { kind: 'project', path };
  if (self.includes(`${sep}_npx${sep}`)) return { kind: 'npx', path };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'gitops-guard');
    if (existsSync(candidate) && real(candidate) === self) return { kind: 'global', path };
  }
  return { kind: 'other', path };
}

export function describeInstall(exe: Executable): string {
  switch (exe.kind) {
    case 'project': return "the hooks run this project's node_modules/.bin/gitops-guard (else one on PATH)";
    case 'global': return "the hooks run gitops-guard from PATH (a global install), or the project's node_modules/.bin/gitops-guard where there is one";
    case 'npx': return `you ran init through npx: the hooks run the project's node_modules/.bin/gitops-guard, else gitops-guard on PATH, else npx's cached copy ${exe.path}, which npm may delete; install it for good with npm install -D gitops-guard (or npm install -g gitops-guard)`;
    case 'other': return "the hooks run the project's node_modules/.bin/gitops-guard, else gitops-guard on PATH: neither is this copy, so install it (npm install -D gitops-guard, or -g)";
  }
}

/** A single-quoted shell word. */
export function sh(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const TOP = '"$(git rev-parse --show-toplevel 2>/dev/null || pwd)"';

/** sh that sets $g to the executable, or leaves it empty. */
export function findExecutable(topExpr: string, exe: Executable): string {
  const last = exe.kind === 'npx' || exe.kind === 'other' ? ` || { [ -x ${sh(exe.path)} ] && g=${sh(exe.path)}; }` : '';
  return `g=${topExpr}/node_modules/.bin/gitops-guard; [ -x "$g" ] || g=$(command -v gitops-guard)${last} || g=`;
}

/** A grep -E pattern matching a `"toolName": "<shell tool>"` pair, or one whose value is escaped. */
function shellToolPattern(tools: readonly string[]): string {
  return `"toolName"[[:space:]]*:[[:space:]]*"((${tools.join('|')})"|[^"]*\\\\)`;
}

export interface HookCommandOptions {
  readonly exe: Executable;
  /** Replace the executable lookup with this command (init --command). */
  readonly base?: string;
}

/**
 * The sh command a host runs. Exit 0 or 2 from gitops-guard is its answer, already in the host's
 * form; anything else means it could not run, and the host's block follows.
 */
export function hookCommand(adapter: HookAdapter, options: HookCommandOptions): string {
  const block = adapter.block('gitops-guard could not run, so the command is blocked (is it installed? npm install -D gitops-guard)');
  const fallback = [
    ...(block.stdout ? [`printf '%s\\n' ${sh(block.stdout.trim())}`] : []),
    ...(block.stderr ? [`echo ${sh(block.stderr.trim())} >&2`] : []),
    `exit ${block.exit}`,
  ].join('; ');
  // With --command, that command is run as given ($g only says "there is one").
  const find = options.base === undefined ? findExecutable(adapter.install.projectDir ?? TOP, options.exe) : 'g=1';
  const run = options.base === undefined ? `"$g" hook ${adapter.id}` : `${options.base} hook ${adapter.id}`;
  const tools = adapter.install.fallbackShellTools;
  if (!tools) {
    return `${find}; if [ -n "$g" ]; then ${run}; rc=$?; if [ "$rc" = 0 ] || [ "$rc" = 2 ]; then exit "$rc"; fi; fi; ${fallback}`;
  }
  // gitops-guard reads the host's JSON itself (and blocks if it never ends). Only when it could not
  // start is the JSON read here, with a time limit where `timeout` exists: the tool passes when a
  // plain tool name is there and none is a shell tool (or escaped).
  return `${find}; if [ -n "$g" ]; then ${run}; rc=$?; if [ "$rc" = 0 ] || [ "$rc" = 2 ]; then exit "$rc"; fi; fi; `
    + `if command -v timeout >/dev/null 2>&1; then in=$(timeout 5 cat); else in=$(cat); fi; `
    + `if printf '%s' "$in" | grep -Eq '"toolName"[[:space:]]*:[[:space:]]*"[A-Za-z0-9_.-]+"' `
    + `&& ! printf '%s' "$in" | grep -Eq ${sh(shellToolPattern(tools))}; then exit 0; fi; ${fallback}`;
}

/** A single-quoted PowerShell string. */
function ps(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * The PowerShell twin of hookCommand, for hosts that run hooks with PowerShell on Windows (Copilot).
 * Undefined with --command, whose text is for sh.
 */
export function powershellHookCommand(adapter: HookAdapter, options: HookCommandOptions): string | undefined {
  if (options.base !== undefined) return undefined;
  const block = adapter.block('gitops-guard could not run, so the command is blocked (is it installed? npm install -D gitops-guard)');
  const tools = adapter.install.fallbackShellTools ?? [];
  const lookup = [
    '$top = git rev-parse --show-toplevel 2>$null',
    'if (-not $top) { $top = (Get-Location).Path }',
    '$g = $null',
    `foreach ($c in @((Join-Path $top 'node_modules/.bin/gitops-guard.cmd'), (Join-Path $top 'node_modules/.bin/gitops-guard'))) { if (Test-Path $c) { $g = $c; break } }`,
    'if (-not $g) { $found = Get-Command gitops-guard -ErrorAction SilentlyContinue; if ($found) { $g = $found.Source } }',
    ...(options.exe.kind === 'npx' || options.exe.kind === 'other' ? [`if (-not $g -and (Test-Path ${ps(options.exe.path)})) { $g = ${ps(options.exe.path)} }`] : []),
  ].join('; ');
  return [
    '$in = [Console]::In.ReadToEnd()',
    lookup,
    `if ($g) { $in | & $g hook ${adapter.id}; if ($LASTEXITCODE -eq 0 -or $LASTEXITCODE -eq 2) { exit $LASTEXITCODE } }`,
    ...(tools.length > 0 ? [
      '$tool = $null',
      'try { $tool = ($in | ConvertFrom-Json).toolName } catch { $tool = $null }',
      `if ($tool -is [string] -and $tool -match '^[A-Za-z0-9_.-]+$' -and @(${tools.map(ps).join(', ')}) -notcontains $tool) { exit 0 }`,
    ] : []),
    ...(block.stdout ? [`[Console]::Out.WriteLine(${ps(block.stdout.trim())})`] : []),
    ...(block.stderr ? [`[Console]::Error.WriteLine(${ps(block.stderr.trim())})`] : []),
    `exit ${block.exit}`,
  ].join('; ');
}

/**
 * The MCP server entry: the installed executable found as the hooks find it, or an immediate
 * failure with the fix. Never npx, which waits on the network when the package is not installed.
 */
export function mcpCommand(exe: Executable): { command: string; args: string[] } {
  return {
    command: 'sh',
    args: ['-c', `${findExecutable(TOP, exe)}; [ -n "$g" ] && exec "$g" mcp; `
      + `echo 'gitops-guard is not installed in this project or on PATH: npm install -D gitops-guard' >&2; exit 127`],
  };
}
