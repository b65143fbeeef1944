// `gitops-guard init`: install the hooks for the agent hosts a project uses, a starter
// gitops-guard.json, and the MCP server in .mcp.json. Keeps everything already in those files,
// changes nothing on a second run, shows a diff and asks before writing (unless --yes); --dry-run
// writes nothing.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '../config-file.js';
import { addMcpServer } from '../hooks/common.js';
import { ADAPTERS } from '../hooks/index.js';
import type { HookAdapter } from '../hooks/types.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard init [--agent NAME]... [--host HOST] [--remote-path PATH] [--yes] [--dry-run]

Install gitops-guard in this project: the pre-execution hook for each agent host it uses (found
from .claude/, .cursor/, .gemini/, .codex/, .github/hooks/, .windsurf/, .clinerules/ …, or named
with --agent), a starter gitops-guard.json, and the MCP server in .mcp.json. Existing settings are
kept; running it again changes nothing. Shows what it will change and asks first.

Options:
  --agent NAME        ${Object.keys(ADAPTERS).join(', ')} (repeatable; default: detected)
  --host HOST         the server that reconciles deployments (ssh destination)
  --remote-path PATH  the server's checkout of this repository
  --command CMD       how hooks run gitops-guard (default: the project's node_modules/.bin/gitops-guard)
  --cwd DIR           the project (default: the git work tree around the current directory)
  -y, --yes           write without asking
  --dry-run           show what would change, write nothing
  -h, --help          show this help
`;

export interface Change {
  readonly file: string;
  readonly before: string | undefined;
  readonly after: string;
  readonly executable?: boolean;
}

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

function sh(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command a host runs. If gitops-guard cannot start at all (not installed, node missing), the
 * shell still answers with this host's block: most hosts let a command run on any failure but a
 * specific one.
 */
export function hookCommand(adapter: HookAdapter, base: string): string {
  const block = adapter.block('gitops-guard could not run, so the command is blocked (is it installed? npm install -D gitops-guard)');
  const fallback = [
    ...(block.stdout ? [`printf '%s\\n' ${sh(block.stdout.trim())}`] : []),
    ...(block.stderr ? [`echo ${sh(block.stderr.trim())} >&2`] : []),
    `exit ${block.exit}`,
  ].join('; ');
  // Exit 2 is gitops-guard's own block, already written in the host's form.
  return `${base} hook ${adapter.id} || { rc=$?; [ "$rc" = 2 ] && exit 2; ${fallback}; }`;
}

function defaultBase(adapter: HookAdapter): string {
  const top = adapter.install.projectDir ?? '"$(git rev-parse --show-toplevel 2>/dev/null || pwd)"';
  return `${top}/node_modules/.bin/gitops-guard`;
}

/** Hosts whose marker files are in the project. */
export function detectAgents(root: string): string[] {
  return Object.values(ADAPTERS).filter((a) => a.install.markers.some((m) => existsSync(join(root, m)))).map((a) => a.id);
}

function findComposeFiles(root: string): string[] {
  const found: string[] = [];
  for (const dir of ['.', ...safeDirs(root)]) {
    for (const name of COMPOSE_NAMES) {
      if (existsSync(join(root, dir, name))) found.push(dir === '.' ? name : `${dir}/${name}`);
    }
  }
  return found.slice(0, 4);
}

function safeDirs(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules').map((d) => d.name).sort();
  } catch {
    return [];
  }
}

function currentBranch(root: string): string | undefined {
  try {
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim();
    return /^ref: refs\/heads\/(.+)$/.exec(head)?.[1];
  } catch {
    return undefined;
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface InitPlan {
  readonly root: string;
  readonly agents: string[];
  readonly changes: Change[];
  /** Files that could not be merged, with why. */
  readonly problems: string[];
}

/** Work out every change init would make. Pure apart from reading files. */
export function planInit(options: { root: string; agents: string[]; host?: string; remotePath?: string; command?: string }): InitPlan {
  const { root } = options;
  const changes: Change[] = [];
  const problems: string[] = [];
  const consider = (file: string, after: () => string, executable?: boolean): void => {
    const before = read(join(root, file));
    try {
      const next = after();
      if (next !== before) changes.push({ file, before, after: next, ...(executable ? { executable } : {}) });
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  };

  for (const id of options.agents) {
    const adapter = ADAPTERS[id]!;
    const command = hookCommand(adapter, options.command ?? defaultBase(adapter));
    consider(adapter.install.file, () => adapter.install.merge(read(join(root, adapter.install.file)), command),
      adapter.install.executable);
  }

  consider('gitops-guard.json', () => {
    const existing = read(join(root, 'gitops-guard.json'));
    const config: Record<string, unknown> = existing ? JSON.parse(existing) as Record<string, unknown> : {
      $schema: './node_modules/gitops-guard/schema/gitops-guard.schema.json',
      composeFiles: findComposeFiles(root),
      branch: currentBranch(root) ?? 'main',
    };
    if (options.host !== undefined) config.host = options.host;
    if (options.remotePath !== undefined) config.remotePath = options.remotePath;
    const next = JSON.stringify(config, null, 2) + '\n';
    return existing !== undefined && JSON.stringify(JSON.parse(existing)) === JSON.stringify(config) ? existing : next;
  });

  consider('.mcp.json', () => addMcpServer(read(join(root, '.mcp.json'))));
  return { root, agents: options.agents, changes, problems };
}

/** A small line diff (longest common subsequence), enough for settings files. */
export function diff(file: string, before: string | undefined, after: string): string {
  const a = before === undefined ? [] : before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${file}`}`, `+++ b/${file}`];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(`  ${a[i]}`); i++; j++; }
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out.join('\n');
}

export function applyPlan(plan: InitPlan): void {
  for (const c of plan.changes) {
    const path = join(plan.root, c.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, c.after);
    if (c.executable) chmodSync(path, 0o755);
  }
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        agent: { type: 'string', multiple: true },
        host: { type: 'string' },
        'remote-path': { type: 'string' },
        command: { type: 'string' },
        cwd: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`gitops-guard init: ${(e as Error).message}\n\n${usage}`);
    return 1;
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(usage);
    return 0;
  }
  const cwd = resolve(v.cwd ?? process.cwd());
  const root = findRepoRoot(cwd) ?? cwd;
  const unknown = (v.agent ?? []).filter((a) => !(a in ADAPTERS));
  if (unknown.length > 0) {
    process.stderr.write(`gitops-guard init: unknown agent ${unknown.map((a) => `"${a}"`).join(', ')}; known: ${Object.keys(ADAPTERS).join(', ')}\n`);
    return 1;
  }
  const agents = v.agent && v.agent.length > 0 ? [...new Set(v.agent)] : detectAgents(root);
  if (agents.length === 0) {
    process.stderr.write(`gitops-guard init: no agent host found in ${root} (no .claude/, .cursor/, .gemini/, …); name one with --agent (${Object.keys(ADAPTERS).join(', ')})\n`);
    return 1;
  }
  const interactive = Boolean(process.stdin.isTTY) && !v.yes && !v['dry-run'];
  const configExists = existsSync(join(root, 'gitops-guard.json'));
  let host = v.host;
  let remotePath = v['remote-path'];
  if (interactive && !configExists) {
    host ??= (await prompt('Server that reconciles deployments (ssh host, empty to skip): ')) || undefined;
    remotePath ??= (await prompt("Server's checkout of this repository (absolute path, empty to skip): ")) || undefined;
  }
  const plan = planInit({
    root, agents,
    ...(host !== undefined ? { host } : {}),
    ...(remotePath !== undefined ? { remotePath } : {}),
    ...(v.command !== undefined ? { command: v.command } : {}),
  });
  const p = paint(useColour(process.stdout));
  process.stdout.write(`gitops-guard init in ${root} for ${agents.join(', ')}\n`);
  for (const problem of plan.problems) process.stderr.write(`${p.red('cannot change')} ${problem}\n`);
  if (plan.changes.length === 0) {
    process.stdout.write('Nothing to change.\n');
    return plan.problems.length > 0 ? 1 : 0;
  }
  for (const c of plan.changes) process.stdout.write(diff(relative(root, join(root, c.file)), c.before, c.after) + '\n');
  if (v['dry-run']) {
    process.stdout.write(`Dry run: ${plan.changes.length} file(s) would change; nothing was written.\n`);
    return 0;
  }
  if (!v.yes) {
    if (!interactive) {
      process.stderr.write('gitops-guard init: not a terminal, so not asking; run again with --yes to write these changes\n');
      return 1;
    }
    const answer = await prompt(`Write ${plan.changes.length} file(s)? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) {
      process.stdout.write('Nothing written.\n');
      return 1;
    }
  }
  applyPlan(plan);
  process.stdout.write(`Wrote ${plan.changes.map((c) => c.file).join(', ')}.\n`);
  return plan.problems.length > 0 ? 1 : 0;
}
