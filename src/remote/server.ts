// The server, seen read-only: what runs there (status) and what it printed (logs). Shared by the
// CLI and the MCP server; every command it sends is a template from commands.ts.
import { posix } from 'node:path';
import { execFile } from 'node:child_process';
import type { ResolvedConfig } from '../config.js';
import { LOGS_DEFAULT_TAIL, LOGS_MAX_TAIL, SEPARATOR, templates, checkName } from './commands.js';
import { defaultStateFile } from '../gitops/reconciler.js';
import { defaultSettings, SshPool, type ExecOptions, type ExecResult, type SshSettings } from './ssh.js';
import { swarmLogs, swarmServices } from './swarm.js';

export interface ServiceState {
  readonly name: string;
  readonly service: string | null;
  readonly image: string;
  readonly state: string;
  readonly health: string | null;
  readonly status: string;
  readonly created: string | null;
  readonly restarts: number | null;
  readonly ports: string[];
  readonly id: string | null;
}

/** What the reconciler recorded (see src/gitops/reconciler.ts). */
export interface ReconcilerState {
  /** The commit of the last run. */
  readonly commit: string;
  readonly time: string;
  readonly ok: boolean;
  readonly exit?: number;
  readonly output?: string;
  /** The last commit applied successfully, and when. */
  readonly applied?: string;
  readonly appliedAt?: string;
  /** What the run healed: drift it undid, what it saved where. */
  readonly healed?: string[];
  readonly durationMs?: number;
}

/** One line of the reconciler's run history (history.jsonl). */
export interface ReconcilerRun {
  readonly time: string;
  readonly stack?: string;
  readonly commit: string;
  readonly event: 'applied' | 'healed' | 'failed';
  readonly ok: boolean;
  readonly exit: number;
  readonly healed: string[];
  readonly durationMs: number;
  readonly output?: string;
}

export interface Status {
  readonly host: string;
  readonly containers: ServiceState[];
  /** The commit checked out on the server, and the one the reconciler last applied. */
  readonly server: { readonly checkout: string | null; readonly applied: ReconcilerState | null };
  readonly local: { readonly branch: string | null; readonly head: string | null; readonly upstream: string | null;
    readonly upstreamRef: string | null };
  /** Commits on the upstream that the server has not applied yet (null: unknown). */
  readonly pending: number | null;
  readonly summary: string;
  /** What could not be found out, and why. */
  readonly problems: string[];
  /** What the reconciler's last run healed (drift undone, old state saved). */
  readonly healed: string[];
}

export interface LogsResult {
  readonly service: string;
  readonly container: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
  readonly note?: string;
}

export class ServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

/** Parse docker/compose JSON output: one array, or one object a line (compose versions differ). */
export function parseJsonRecords(text: string): Record<string, unknown>[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[')) {
    const v = JSON.parse(t) as unknown;
    return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  }
  return t.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function labels(v: unknown): Record<string, string> {
  if (v && typeof v === 'object') return v as Record<string, string>;
  const out: Record<string, string> = {};
  if (typeof v === 'string') {
    for (const pair of v.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return out;
}

/** A `docker ps --format '{{json .}}'` record. */
function fromDockerPs(r: Record<string, unknown>): ServiceState {
  const l = labels(r.Labels);
  const status = str(r.Status) ?? '';
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1]?.replace('health: ', '') ?? null;
  return {
    name: str(r.Names) ?? '?',
    service: l['com.docker.compose.service'] ?? null,
    image: str(r.Image) ?? '?',
    state: str(r.State) ?? 'unknown',
    health,
    status,
    created: str(r.CreatedAt),
    restarts: null,
    ports: (str(r.Ports) ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    id: str(r.ID),
  };
}

/** Health.Status from inspect's State JSON, or the word itself; '' when there is no healthcheck. */
function healthOf(text: string): string {
  if (!text.startsWith('{')) return text.trim();
  try {
    const h = (JSON.parse(text) as { Health?: { Status?: unknown } }).Health?.Status;
    return typeof h === 'string' ? h : '';
  } catch {
    return '';
  }
}

export interface ServerOptions {
  readonly pool?: SshPool;
  readonly ssh?: Partial<SshSettings>;
}

export class Server {
  readonly pool: SshPool;
  private readonly ownsPool: boolean;

  constructor(readonly config: ResolvedConfig, options: ServerOptions = {}) {
    if (!config.host) throw new ServerError('no server configured: set "host" in gitops-guard.json (an ssh destination)');
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? new SshPool(defaultSettings({
      hostKeyPolicy: config.hostKeyPolicy,
      connectTimeoutMs: config.connectTimeout * 1000,
      ...(config.identityFile ? { identityFile: config.identityFile } : {}),
      ...(config.sshConfig !== undefined ? { sshConfigFile: config.sshConfig } : {}),
      ...(config.knownHosts ? { knownHostsFiles: config.knownHosts } : {}),
      ...options.ssh,
    }));
  }

  get host(): string {
    return this.config.host!;
  }

  run(command: string, options?: ExecOptions): Promise<ExecResult> {
    return this.pool.run({ host: this.host, user: this.config.user, port: this.config.port }, command, options);
  }

  /** The server's compose directory, when remotePath and a compose file are configured. */
  get composeDir(): string | null {
    const first = this.config.composeFiles[0];
    if (!this.config.remotePath || !first) return null;
    const dir = posix.dirname(first);
    return dir === '.' ? this.config.remotePath : posix.join(this.config.remotePath, dir);
  }

  /** What runs: the compose project's containers, or (reconciler: swarm) the stack's services. */
  async containers(): Promise<ServiceState[]> {
    if (this.config.reconciler.type === 'swarm') return swarmServices(this).catch((e: Error) => { throw new ServerError(e.message); });
    const dir = this.composeDir;
    const r = await this.run(templates.containersWithRestarts(dir), { maxBytes: 8 * 1024 * 1024 });
    if (r.code !== 0) throw new ServerError(`listing containers on ${this.host} failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
    const cut = r.stdout.lastIndexOf(`${SEPARATOR}\n`);
    const listText = cut >= 0 ? r.stdout.slice(0, cut) : r.stdout;
    const restartText = cut >= 0 ? r.stdout.slice(cut + SEPARATOR.length + 1) : '';
    let list: ServiceState[];
    try {
      list = parseJsonRecords(listText).map(fromDockerPs);
    } catch (e) {
      throw new ServerError(`unexpected output from docker on ${this.host}: ${(e as Error).message}`);
    }
    // "ID RESTARTS STATE": STATE is inspect's State as JSON (or, from older templates, a health word).
    const rows = restartText.trim().split('\n').filter(Boolean).map((l) => {
      const [id = '', count = '', ...rest] = l.split(' ');
      return [id, count, healthOf(rest.join(' '))] as const;
    });
    return list.map((c) => {
      const row = c.id ? rows.find(([id]) => id !== undefined && id !== '' && (id.startsWith(c.id!) || c.id!.startsWith(id))) : undefined;
      if (!row) return c;
      const count = Number(row[1]);
      return { ...c, restarts: Number.isFinite(count) ? count : null, health: c.health ?? (row[2] || null) };
    });
  }

  /**
   * Whether `applied` contains `commit` (is it, or a later commit built on it), asked of the server's
   * checkout, which has every commit it applied.
   */
  async contains(applied: string, commit: string): Promise<boolean> {
    if (applied === commit || (applied.length >= 7 && commit.startsWith(applied))) return true;
    if (!this.config.remotePath || !/^[0-9a-f]{7,64}$/.test(applied) || !/^[0-9a-f]{7,64}$/.test(commit)) return false;
    const r = await this.run(templates.isAncestor(this.config.remotePath, commit, applied));
    return r.code === 0;
  }

  /** The reconciler's last result, or null (with why in `problems`). */
  async reconcilerState(problems: string[] = []): Promise<ReconcilerState | null> {
    const r = await this.run(templates.reconcilerState(this.config.stateFile ?? defaultStateFile(this.config)));
    if (r.code !== 0) { problems.push('no reconciler state on the server yet (has gitops-guard reconcile run?)'); return null; }
    try {
      const s = JSON.parse(r.stdout) as ReconcilerState;
      return typeof s.commit === 'string' ? s : null;
    } catch {
      problems.push('the reconciler state file is not valid JSON');
      return null;
    }
  }

  /** The reconciler's last runs, newest first (empty when it has not run or keeps no history). */
  async runs(limit = 20): Promise<ReconcilerRun[]> {
    const r = await this.run(templates.reconcilerHistory(this.config.stateFile ?? defaultStateFile(this.config), limit), { maxBytes: 4 * 1024 * 1024 });
    if (r.code !== 0) throw new ServerError(`reading the reconciler's history on ${this.host} failed: ${r.stderr.trim()}`);
    const out: ReconcilerRun[] = [];
    for (const line of r.stdout.split('\n')) {
      if (!line.trim()) continue;
      try {
        const v = JSON.parse(line) as ReconcilerRun;
        if (typeof v.commit === 'string' && typeof v.time === 'string') out.push({ ...v, healed: Array.isArray(v.healed) ? v.healed : [] });
      } catch { /* a line cut by a full disk: skipped */ }
    }
    return out.reverse();
  }

  async status(): Promise<Status> {
    const problems: string[] = [];
    const [containers, checkout, applied, local] = await Promise.all([
      this.containers(),
      this.config.remotePath
        ? this.run(templates.serverHead(this.config.remotePath)).then((r) => (r.code === 0 ? r.stdout.trim() : (problems.push(`server checkout: ${r.stderr.trim()}`), null)))
        : (problems.push('remotePath is not configured: the server checkout is unknown'), Promise.resolve(null)),
      this.reconcilerState(problems),
      localCommits(this.config.root, this.config.remote, this.config.branch).catch((e: Error) => { problems.push(`local repository: ${e.message}`); return null; }),
    ]);
    const live = applied?.applied || (applied?.ok ? applied.commit : null) || checkout;
    if (applied && !applied.ok) problems.push(`the reconciler's last run (${applied.commit.slice(0, 7)}) failed: ${(applied.output ?? '').split('\n').slice(-3).join(' ')}`);
    let pending: number | null = null;
    if (live && local?.upstream) pending = await countBetween(this.config.root, live, local.upstream);
    const short = (c: string | null | undefined): string => (c ? c.slice(0, 7) : 'unknown');
    const parts = [`live: ${short(live)}`];
    if (local?.upstreamRef) parts.push(`${local.upstreamRef}: ${short(local.upstream)}`);
    if (pending !== null) parts.push(pending === 0 ? 'up to date' : `${pending} commit${pending === 1 ? '' : 's'} not yet applied`);
    const running = containers.filter((c) => c.state === 'running').length;
    parts.push(`${running}/${containers.length} ${this.config.reconciler.type === 'swarm' ? 'services running as specified' : 'containers running'}`);
    return {
      host: this.host,
      containers,
      server: { checkout, applied },
      local: local ?? { branch: null, head: null, upstream: null, upstreamRef: null },
      pending,
      summary: parts.join('; '),
      problems,
      healed: applied?.healed ?? [],
    };
  }

  async logs(service: string, options: { tail?: number; since?: string; grep?: string; followMs?: number; maxBytes?: number } = {}):
    Promise<LogsResult> {
    checkName('service', service);
    const tail = options.tail ?? LOGS_DEFAULT_TAIL;
    if (!(Number.isInteger(tail) && tail >= 0 && tail <= LOGS_MAX_TAIL)) throw new ServerError(`tail must be a whole number from 0 to ${LOGS_MAX_TAIL}`);
    if (this.config.reconciler.type === 'swarm') return this.serviceLogs(service, tail, options);
    const list = await this.run(templates.containers(), { maxBytes: 8 * 1024 * 1024 });
    if (list.code !== 0) throw new ServerError(`listing containers on ${this.host} failed: ${list.stderr.trim()}`);
    const records = parseJsonRecords(list.stdout).map(fromDockerPs);
    const match = records.find((c) => c.service === service) ?? records.find((c) => c.name === service);
    if (!match) {
      const known = [...new Set(records.map((c) => c.service ?? c.name))].sort();
      throw new ServerError(`no container for service "${service}" on ${this.host}${known.length ? ` (there are: ${known.join(', ')})` : ''}`);
    }
    const maxBytes = options.maxBytes ?? 1024 * 1024;
    const r = await this.run(templates.logs(match.id ?? match.name, {
      tail, since: options.since, follow: options.followMs !== undefined,
    }), { maxBytes, ...(options.followMs !== undefined ? { timeoutMs: options.followMs } : {}) });
    if (r.code !== 0 && r.code !== null && !r.timedOut) {
      throw new ServerError(`docker logs for ${service} failed (exit ${r.code}): ${r.stderr.trim()}`);
    }
    const filter = (text: string): string => (options.grep === undefined ? text
      : text.split('\n').filter((l) => l.includes(options.grep!)).join('\n'));
    const notes: string[] = [];
    if (r.truncated) notes.push(`output cut at ${Math.round(maxBytes / 1024)} KiB per stream; narrow it with tail, since or grep`);
    if (r.timedOut) notes.push(`followed for ${options.followMs} ms`);
    return {
      service, container: match.name, stdout: filter(r.stdout), stderr: filter(r.stderr), truncated: r.truncated,
      ...(notes.length ? { note: notes.join('; ') } : {}),
    };
  }

  /** Server.logs for a swarm stack: `docker service logs`. */
  private async serviceLogs(service: string, tail: number, options: { since?: string; grep?: string; followMs?: number; maxBytes?: number }):
    Promise<LogsResult> {
    const maxBytes = options.maxBytes ?? 1024 * 1024;
    const r = await swarmLogs(this, service, {
      tail, since: options.since, follow: options.followMs !== undefined, maxBytes,
      ...(options.followMs !== undefined ? { timeoutMs: options.followMs } : {}),
    }).catch((e: Error) => { throw new ServerError(e.message); });
    const filter = (text: string): string => (options.grep === undefined ? text : text.split('\n').filter((l) => l.includes(options.grep!)).join('\n'));
    const notes = [...(r.truncated ? [`output cut at ${Math.round(maxBytes / 1024)} KiB per stream; narrow it with tail, since or grep`] : []),
      ...(r.timedOut ? [`followed for ${options.followMs} ms`] : [])];
    return { service, container: r.container, stdout: filter(r.stdout), stderr: filter(r.stderr), truncated: r.truncated,
      ...(notes.length ? { note: notes.join('; ') } : {}) };
  }

  close(): void {
    if (this.ownsPool) this.pool.close();
  }
}

/** Output of a git command in the local clone (fixed arguments only); rejects when git fails. */
function localGit(root: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd: root, encoding: 'utf8', timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(stderr.trim() || err.message));
      else resolve(stdout);
    });
  });
}

async function localCommits(root: string, remote: string, followed: string): Promise<Status['local']> {
  // Two git processes side by side (rev-parse takes several names; --abbrev-ref applies to those after it).
  // The server follows the environment's branch: compare with its remote-tracking ref (else HEAD's upstream).
  const tracking = `refs/remotes/${remote}/${followed}`;
  const [here, up] = await Promise.all([
    localGit(root, ['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD']),
    localGit(root, ['rev-parse', tracking, '--abbrev-ref', tracking])
      .catch(() => localGit(root, ['rev-parse', '@{u}', '--abbrev-ref', '@{u}'])).catch(() => null), // no upstream configured
  ]);
  const [head, branch] = here.trim().split('\n');
  const [upstream, upstreamRef] = up ? up.trim().split('\n') : [];
  return { branch: branch ?? null, head: head ?? null, upstream: upstream ?? null, upstreamRef: upstreamRef ?? null };
}

async function countBetween(root: string, from: string, to: string): Promise<number | null> {
  if (!/^[0-9a-f]{7,64}$/.test(from)) return null;
  try {
    return Number((await localGit(root, ['rev-list', '--count', `${from}..${to}`])).trim());
  } catch {
    return null; // the live commit is not in the local clone (fetch first)
  }
}
