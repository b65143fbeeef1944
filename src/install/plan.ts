// What `init` adds to a project and `uninstall` takes away, worked out before anything is written:
// every file is read and edited in memory first, and if any of them cannot be edited nothing is
// written at all. Writing is all or none too (applyChanges).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_NAMES } from '../config-file.js';
import { hasHook, runsOurHook } from '../hooks/common.js';
import { ADAPTERS } from '../hooks/index.js';
import { hookCommand, mcpCommand, powershellHookCommand, type Executable } from './command.js';
import { HOST_FACTS, type McpPlacement } from './hosts.js';
import { InstallError, pretty, readJsonc, setJsonc } from './jsonc.js';
import { trustGate, type TrustCheck } from './trust.js';

export interface Change {
  readonly file: string;
  readonly before: string | undefined;
  /** The new text; undefined removes the file. */
  readonly after: string | undefined;
  readonly executable?: boolean;
}

/** An MCP entry for a file outside the project: shown, not written. */
export interface ShownEntry {
  readonly host: string;
  readonly where: string;
  readonly text: string;
}

export interface InitPlan {
  readonly root: string;
  readonly agents: string[];
  readonly changes: Change[];
  /** Files that could not be edited, with why: when there is one, nothing is written. */
  readonly problems: string[];
  readonly shown: ShownEntry[];
  readonly trust: TrustCheck[];
}

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const MCP_NAME = 'gitops-guard';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Hosts whose marker files are in the project. */
export function detectAgents(root: string): string[] {
  return Object.values(ADAPTERS).filter((a) => a.install.markers.some((m) => existsSync(join(root, m)))).map((a) => a.id);
}

/** Hosts whose settings in this project run our hook. */
export function installedAgents(root: string): string[] {
  return Object.values(ADAPTERS).filter((a) => runsOurHook(read(join(root, a.install.file)) ?? '', a.id)).map((a) => a.id);
}

function findComposeFiles(root: string): string[] {
  const dirs = ['.'];
  try {
    dirs.push(...readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules').map((d) => d.name).sort());
  } catch {
    // An unreadable top: only its own files.
  }
  const found: string[] = [];
  for (const dir of dirs) {
    for (const name of COMPOSE_NAMES) if (existsSync(join(root, dir, name))) found.push(dir === '.' ? name : `${dir}/${name}`);
  }
  return found.slice(0, 4);
}

function currentBranch(root: string): string | undefined {
  const head = read(join(root, '.git', 'HEAD'))?.trim();
  return head ? /^ref: refs\/heads\/(.+)$/.exec(head)?.[1] : undefined;
}

/** Files edited in memory, each read once; several edits of one file (Gemini: hook and MCP) chain. */
class Draft {
  private readonly files = new Map<string, { before: string | undefined; after: string | undefined; executable?: boolean }>();
  readonly problems: string[] = [];
  constructor(readonly root: string) {}

  text(file: string): string | undefined {
    return this.files.has(file) ? this.files.get(file)!.after : read(join(this.root, file));
  }

  edit(file: string, change: (text: string | undefined) => string | undefined, executable?: boolean): void {
    const before = this.files.has(file) ? this.files.get(file)!.before : read(join(this.root, file));
    try {
      const after = change(this.text(file));
      this.files.set(file, { before, after, ...(executable ? { executable } : {}) });
    } catch (e) {
      this.problems.push(e instanceof InstallError || (e as Error).message.startsWith(file) ? (e as Error).message : `${file}: ${(e as Error).message}`);
    }
  }

  changes(): Change[] {
    return [...this.files.entries()].filter(([, f]) => f.after !== f.before).map(([file, f]) => ({ file, ...f }));
  }
}

/** Is this MCP entry one that init wrote (today's or an older npx one)? */
function isOurMcpEntry(entry: unknown): boolean {
  return JSON.stringify(entry ?? null).includes('gitops-guard');
}

/** Add (or bring up to date) the gitops-guard MCP server in a project file. */
function addMcp(text: string | undefined, placement: Extract<McpPlacement, { kind: 'file' }>, exe: Executable): string {
  const settings = readJsonc(text, placement.file);
  const servers: unknown = settings[placement.key];
  if (servers !== undefined && (typeof servers !== 'object' || servers === null || Array.isArray(servers))) {
    throw new InstallError(`${placement.file}: "${placement.key}" is not an object; fix it, or add the MCP server by hand`);
  }
  const entry = { ...(placement.withType ? { type: 'stdio' } : {}), ...mcpCommand(exe) };
  const existing = (servers as Record<string, unknown> | undefined)?.[MCP_NAME];
  if (existing !== undefined) {
    // Ours from an earlier init (npx, which hangs offline when not installed) is replaced; a
    // person's own entry under that name is kept.
    const old = existing as { command?: unknown };
    if (!(old.command === 'npx' && isOurMcpEntry(existing))) return text!;
  }
  if (text === undefined || text.trim() === '') return pretty({ [placement.key]: { [MCP_NAME]: entry } });
  return setJsonc(text, servers === undefined ? [placement.key] : [placement.key, MCP_NAME],
    servers === undefined ? { [MCP_NAME]: entry } : entry);
}

/** The entry for an MCP file outside the project: the absolute executable and this project. */
function shownMcp(host: string, placement: Extract<McpPlacement, { kind: 'shown' }>, exe: Executable, root: string): ShownEntry {
  const args = ['mcp', '--cwd', root];
  const q = (s: string): string => JSON.stringify(s);
  const text = placement.format === 'toml'
    ? `[mcp_servers.${MCP_NAME}]\ncommand = ${q(exe.path)}\nargs = [${args.map(q).join(', ')}]\n`
    : pretty({ mcpServers: { [MCP_NAME]: { command: exe.path, args } } });
  return { host, where: placement.where, text };
}

export interface InitOptions {
  readonly root: string;
  readonly agents: string[];
  readonly exe: Executable;
  readonly host?: string;
  readonly remotePath?: string;
  /** Run this instead of finding the executable (init --command). */
  readonly command?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Every change init would make, and what it would only show. Reads files, writes none. */
export function planInit(options: InitOptions): InitPlan {
  const { root, exe } = options;
  const draft = new Draft(root);
  const cmd = { exe, ...(options.command !== undefined ? { base: options.command } : {}) };
  for (const id of options.agents) {
    const adapter = ADAPTERS[id]!;
    const powershell = adapter.install.powershell ? powershellHookCommand(adapter, cmd) : undefined;
    draft.edit(adapter.install.file, (text) => adapter.install.merge(text, hookCommand(adapter, cmd),
      powershell !== undefined ? { powershell } : {}), adapter.install.executable);
  }

  const configName = CONFIG_NAMES.find((n) => existsSync(join(root, n)));
  if (configName !== undefined && configName !== 'gitops-guard.json') {
    if (options.host !== undefined || options.remotePath !== undefined) {
      draft.problems.push(`${configName}: init edits only gitops-guard.json; set host and remotePath in ${configName} by hand`);
    }
  } else {
    draft.edit('gitops-guard.json', (text) => {
      if (text !== undefined) {
        const config = readJsonc(text, 'gitops-guard.json');
        let next = text;
        if (options.host !== undefined && config.host !== options.host) next = setJsonc(next, ['host'], options.host);
        if (options.remotePath !== undefined && config.remotePath !== options.remotePath) next = setJsonc(next, ['remotePath'], options.remotePath);
        return next;
      }
      const composeFiles = findComposeFiles(root);
      return pretty({
        ...(exe.kind === 'project' ? { $schema: './node_modules/gitops-guard/schema/gitops-guard.schema.json' } : {}),
        ...(options.host !== undefined ? { host: options.host } : {}),
        ...(options.remotePath !== undefined ? { remotePath: options.remotePath } : {}),
        ...(composeFiles.length > 0 ? { composeFiles } : {}),
        branch: currentBranch(root) ?? 'main',
      });
    });
  }

  const shown: ShownEntry[] = [];
  const placed = new Set<string>();
  for (const id of options.agents) {
    const placement = HOST_FACTS[id]!.mcp;
    if (placement.kind === 'shown') shown.push(shownMcp(id, placement, exe, root));
    else if (!placed.has(placement.file)) {
      placed.add(placement.file);
      draft.edit(placement.file, (text) => addMcp(text, placement, exe));
    }
  }

  const env = options.env ?? process.env;
  const trust = options.agents.map((id) => trustGate(id, { root, env, hookFile: draft.text(ADAPTERS[id]!.install.file) }))
    .filter((t): t is TrustCheck => t !== undefined);
  return { root, agents: options.agents, changes: draft.changes(), problems: draft.problems, shown, trust };
}

/** Remove every entry of ours from a hooks file; what is left of an object init made is dropped. */
function removeHooks(text: string, file: string, host: string, top: readonly string[]): string | undefined {
  const settings = readJsonc(text, file);
  let next = text;
  const hooks = settings.hooks;
  if (hooks && typeof hooks === 'object' && !Array.isArray(hooks)) {
    for (const [event, list] of Object.entries(hooks as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      const ours = list.map((entry, i) => (hasHook(entry, host) ? i : -1)).filter((i) => i >= 0);
      if (ours.length === 0) continue;
      if (ours.length === list.length) next = setJsonc(next, ['hooks', event], undefined);
      else for (const i of ours.reverse()) next = setJsonc(next, ['hooks', event, i], undefined);
    }
    const left = readJsonc(next, file).hooks;
    if (left && typeof left === 'object' && Object.keys(left).length === 0) next = setJsonc(next, ['hooks'], undefined);
  }
  const rest = Object.keys(readJsonc(next, file)).filter((k) => !top.includes(k));
  return rest.length === 0 ? undefined : next;
}

function removeMcp(text: string, placement: Extract<McpPlacement, { kind: 'file' }>): string | undefined {
  const settings = readJsonc(text, placement.file);
  const servers = settings[placement.key];
  if (!servers || typeof servers !== 'object' || !isOurMcpEntry(servers[MCP_NAME])) return text;
  let next = setJsonc(text, [placement.key, MCP_NAME], undefined);
  if (Object.keys(readJsonc(next, placement.file)[placement.key] ?? {}).length === 0) next = setJsonc(next, [placement.key], undefined);
  return Object.keys(readJsonc(next, placement.file)).length === 0 ? undefined : next;
}

/** Top-level keys init adds beside the hooks (Cursor's and Copilot's "version"). */
const TOP_KEYS: Readonly<Record<string, readonly string[]>> = { cursor: ['version'], copilot: ['version'] };

/** What uninstall takes away: our hook entries, our MCP entries, and files that held only those. */
export function planUninstall(root: string, agents: string[]): InitPlan {
  const draft = new Draft(root);
  for (const id of agents) {
    const adapter = ADAPTERS[id]!;
    const file = adapter.install.file;
    draft.edit(file, (text) => {
      if (text === undefined || !runsOurHook(text, id)) return text;
      if (adapter.install.executable) {
        // A script init wrote whole (Cline): removed if it is still ours alone.
        const ours = adapter.install.merge(undefined, text.split('\n').find((l) => runsOurHook(l, id)) ?? '');
        if (ours === text) return undefined;
        throw new InstallError(`${file} holds more than the gitops-guard hook; remove the gitops-guard line by hand`);
      }
      return removeHooks(text, file, id, TOP_KEYS[id] ?? []);
    });
    const placement = HOST_FACTS[id]!.mcp;
    if (placement.kind === 'file') draft.edit(placement.file, (text) => (text === undefined ? text : removeMcp(text, placement)));
  }
  return { root, agents, changes: draft.changes(), problems: draft.problems, shown: [], trust: [] };
}

/**
 * Write every change or none: each new text goes to a temporary file beside its target first, and
 * only when all are written are they renamed into place; a failure puts back what was renamed.
 */
export function applyChanges(root: string, changes: readonly Change[]): void {
  const staged: { path: string; tmp?: string; change: Change }[] = [];
  const done: { path: string; change: Change }[] = [];
  try {
    for (const change of changes) {
      const path = join(root, change.file);
      if (change.after === undefined) { staged.push({ path, change }); continue; }
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.gitops-guard-${process.pid}.tmp`;
      writeFileSync(tmp, change.after);
      const mode = change.executable ? 0o755 : existsSync(path) ? statSync(path).mode & 0o7777 : undefined;
      if (mode !== undefined) chmodSync(tmp, mode);
      staged.push({ path, tmp, change });
    }
    for (const s of staged) {
      if (s.tmp) renameSync(s.tmp, s.path);
      else rmSync(s.path, { force: true });
      done.push(s);
    }
  } catch (e) {
    for (const s of staged) if (s.tmp && existsSync(s.tmp)) unlinkSync(s.tmp);
    for (const d of done.reverse()) {
      if (d.change.before === undefined) rmSync(d.path, { force: true });
      else writeFileSync(d.path, d.change.before);
    }
    throw new InstallError(`could not write ${changes.map((c) => c.file).join(', ')} (${(e as Error).message}); nothing was changed`);
  }
}

/** A small line diff (longest common subsequence), enough for settings files. */
export function diff(file: string, before: string | undefined, after: string | undefined): string {
  const a = before === undefined ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === undefined ? [] : after.replace(/\n$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${file}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${file}`}`];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(`  ${a[i]}`); i++; j++; }
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out.join('\n');
}
