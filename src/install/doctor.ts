// `gitops-guard doctor`: is the guard really in the way of each agent host? For every host whose
// project settings run our hook, it runs the exact command written there (as the host would: through
// sh, in the project, with the host's JSON on stdin), once with a command the policy forbids and once
// with a benign one, and reads the answer as that host reads it. A hook is live when the forbidden
// command is refused by gitops-guard itself (not by the "could not run" fallback), the benign one
// passes, the host's trust gate is passed and nothing in the project switches its hooks off.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runsOurHook } from '../hooks/common.js';
import { ADAPTERS } from '../hooks/index.js';
import { HOST_FACTS, PROBES } from './hosts.js';
import { readJsonc } from './jsonc.js';
import { installedAgents, MCP_NAME } from './plan.js';
import { codexHooks, findCodex } from './codex-app.js';
import { codexHookKeys, trustGate, type TrustCheck } from './trust.js';

export interface ProbeResult {
  readonly command: string;
  readonly exit: number | null;
  /** The host would stop the tool call. */
  readonly blocked: boolean;
  /** What the hook said (its reason, or the start of its output). */
  readonly said: string;
  readonly ms: number;
}

export interface HookCheck {
  /** Which field holds the command (command, bash, powershell; "file" for an executable hook). */
  readonly field: string;
  readonly shell: string;
  readonly forbidden?: ProbeResult;
  readonly benign?: ProbeResult;
  /** Why this command was not run (no pwsh here, for example). */
  readonly skipped?: string;
}

export interface HostReport {
  readonly host: string;
  readonly name: string;
  readonly file: string;
  readonly live: boolean;
  /** Why not live (each with what to do); empty when live. */
  readonly why: string[];
  readonly hooks: HookCheck[];
  readonly trust?: TrustCheck;
  /** The host's MCP entry in the project, when the host reads one from the project. */
  readonly mcp?: { readonly file: string; readonly ok: boolean; readonly detail: string };
}

const read = (path: string): string | undefined => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } };

/** The command strings of ours in a settings file, with the key each sits under. */
function ourCommands(value: unknown, host: string, key = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return runsOurHook(value, host) ? [{ field: key, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v) => ourCommands(v, host, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => ourCommands(v, host, k));
  return [];
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(':').some((d) => d && read(join(d, name)) !== undefined);
}

function runOnce(argv: string[], input: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number):
  Promise<{ exit: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); done({ exit: null, stdout, stderr: stderr + e.message, ms: performance.now() - started }); });
    child.on('close', (code) => { clearTimeout(timer); done({ exit: code, stdout, stderr, ms: performance.now() - started }); });
    child.stdin.on('error', () => { /* a hook that does not read its input */ });
    child.stdin.end(input);
  });
}

/** The reason inside a host-shaped answer, or the first lines of what was printed. */
function said(stdout: string, stderr: string): string {
  try {
    const v = JSON.parse(stdout) as Record<string, any>;
    const reason = v.hookSpecificOutput?.permissionDecisionReason ?? v.permissionDecisionReason ?? v.reason ?? v.agent_message ?? v.errorMessage;
    if (typeof reason === 'string') return reason;
  } catch {
    // Not JSON: the text itself.
  }
  return (stderr.trim() || stdout.trim()).split('\n').slice(0, 6).join('\n');
}

export interface DoctorOptions {
  readonly root: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Hosts to check (default: those whose settings run our hook). */
  readonly agents?: string[];
  readonly timeoutMs?: number;
}

async function probe(argv: string[], host: string, command: string, root: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ProbeResult> {
  const facts = HOST_FACTS[host]!;
  const r = await runOnce(argv, JSON.stringify(facts.probe(command, root)), root, env, timeoutMs);
  return { command, exit: r.exit, blocked: facts.blocks(r.stdout, r.exit ?? 1), said: said(r.stdout, r.stderr), ms: Math.round(r.ms) };
}

export async function checkHost(host: string, options: DoctorOptions): Promise<HostReport> {
  const { root } = options;
  const adapter = ADAPTERS[host]!;
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), CLAUDE_PROJECT_DIR: root };
  const timeoutMs = options.timeoutMs ?? 20_000;
  const file = adapter.install.file;
  const text = read(join(root, file));
  const why: string[] = [];
  let commands: { field: string; text: string }[] = [];
  if (text === undefined) why.push(`${file} does not exist: run gitops-guard init --agent ${host}`);
  else if (adapter.install.executable) commands = runsOurHook(text, host) ? [{ field: 'file', text: join(root, file) }] : [];
  else {
    try {
      commands = ourCommands(readJsonc(text, file), host);
    } catch (e) {
      why.push(`${(e as Error).message}: ${adapter.name} cannot read its settings, so no hook runs`);
    }
  }
  if (text !== undefined && commands.length === 0 && why.length === 0) why.push(`${file} does not run gitops-guard: run gitops-guard init --agent ${host}`);

  const hooks = await Promise.all(commands.map(async (c): Promise<HookCheck> => {
    const shell = c.field === 'powershell' ? 'pwsh' : c.field === 'file' ? 'exec' : 'sh';
    if (shell === 'pwsh' && !onPath('pwsh', env)) return { field: c.field, shell, skipped: 'pwsh is not installed here, so the PowerShell form was not run' };
    const argv = shell === 'pwsh' ? ['pwsh', '-NoProfile', '-NonInteractive', '-Command', c.text] : shell === 'exec' ? [c.text] : ['sh', '-c', c.text];
    const [forbidden, benign] = await Promise.all([probe(argv, host, PROBES.forbidden, root, env, timeoutMs), probe(argv, host, PROBES.benign, root, env, timeoutMs)]);
    return { field: c.field, shell, forbidden, benign };
  }));
  for (const h of hooks) {
    const label = hooks.length > 1 ? ` (${h.field})` : '';
    if (!h.forbidden || !h.benign) continue;
    const f = h.forbidden;
    if (/gitops-guard could not run/.test(f.said)) {
      why.push(`the hook${label} cannot find gitops-guard (not in node_modules/.bin, not on PATH): npm install -D gitops-guard, or npm install -g gitops-guard`);
    } else if (/could not decide/.test(f.said)) {
      why.push(`the hook${label} blocks everything, because the guard could not decide: ${f.said.replace(/^gitops-guard: blocked, because the guard could not decide: /, '')}`);
    } else if (!f.blocked) {
      why.push(`the hook${label} let "${f.command}" through (exit ${f.exit}): ${f.said || 'no answer'}`);
    } else if (!/gitops-guard blocked this command|gitops-guard needs a person/.test(f.said)) {
      why.push(`the hook${label} blocked "${f.command}", but not with gitops-guard's answer: ${f.said}`);
    }
    if (h.benign.blocked && !/could not (run|decide)/.test(h.benign.said)) why.push(`the hook${label} blocked the harmless "${h.benign.command}": ${h.benign.said}`);
  }
  for (const s of HOST_FACTS[host]!.shadows ?? []) {
    const t = read(join(root, s.file));
    if (t === undefined) continue;
    try {
      const off = s.off(readJsonc(t, s.file));
      if (off) why.push(`${s.file}: ${off}`);
    } catch {
      // Its own parse error is reported with the hook file when it is that file.
    }
  }
  const trust = await askCodex(host, trustGate(host, { root, env, hookFile: text }), root, text, env);
  if (trust && !trust.trusted) why.push(`${trust.gate}: ${trust.detail}. Fix: ${trust.step}`);
  const mcp = mcpEntry(host, root);
  return { host, name: adapter.name, file, live: why.length === 0, why, hooks, ...(trust ? { trust } : {}), ...(mcp ? { mcp } : {}) };
}

/**
 * For Codex, when a codex is on the PATH: its own answer on the hooks' trust (app-server hooks/list),
 * which also knows a hook whose hash no longer matches. The project trust is read from config.toml.
 */
async function askCodex(host: string, trust: TrustCheck | undefined, root: string, hooksJson: string | undefined,
  env: NodeJS.ProcessEnv): Promise<TrustCheck | undefined> {
  const codex = host === 'codex' && trust ? findCodex(env) : undefined;
  if (!codex || !trust) return trust;
  const keys = codexHookKeys(root, hooksJson);
  let listed;
  try {
    listed = await codexHooks(codex, root, env);
  } catch (e) {
    return { ...trust, detail: `${trust.detail} (codex app-server could not be asked: ${(e as Error).message})` };
  }
  const status = keys.map((k) => [k, listed.find((h) => h.key === k)?.trustStatus ?? 'not listed by Codex'] as const);
  const hooksTrusted = status.length > 0 && status.every(([, s]) => s === 'trusted');
  const projectPart = trust.detail.split('; ')[0]!;
  return {
    ...trust, trusted: trust.detail.startsWith('project trusted') && hooksTrusted,
    detail: `${projectPart}; Codex (${codex}) says: ${status.map(([k, s]) => `${k.slice(k.lastIndexOf('/') + 1)} ${s}`).join(', ') || 'no gitops-guard hook'}`,
  };
}

/** Is the MCP server registered where this host reads it, without an npx that waits on the network? */
function mcpEntry(host: string, root: string): HostReport['mcp'] {
  const placement = HOST_FACTS[host]!.mcp;
  if (placement.kind !== 'file') return undefined;
  let entry: { command?: unknown; args?: unknown } | undefined;
  try {
    entry = readJsonc(read(join(root, placement.file)), placement.file)[placement.key]?.[MCP_NAME];
  } catch (e) {
    return { file: placement.file, ok: false, detail: (e as Error).message };
  }
  if (!entry) return { file: placement.file, ok: false, detail: `no gitops-guard MCP server: run gitops-guard init --agent ${host}` };
  if (entry.command === 'npx') {
    return { file: placement.file, ok: false, detail: 'the entry runs npx, which waits on the network when the package is not installed: run gitops-guard init again to replace it' };
  }
  return { file: placement.file, ok: true, detail: `${String(entry.command)} ${Array.isArray(entry.args) ? entry.args.join(' ').slice(0, 60) : ''}`.trim() };
}

/** Check every installed host in parallel. */
export async function checkHosts(options: DoctorOptions): Promise<HostReport[]> {
  const agents = options.agents ?? installedAgents(options.root);
  return Promise.all(agents.map((a) => checkHost(a, options)));
}
