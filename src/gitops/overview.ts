// Every environment at a glance (`gitops-guard environments`, the MCP environments tool), and the
// judgement promote makes of its source: for each host, the commit it applied, how many commits of
// its branch it has not applied, and whether it is healthy (its reconciler's last run succeeded and
// every service runs and passes its healthcheck). Read-only: a fetch, then the Server's fixed
// commands over SSH. A host that cannot be reached is reported by name with why.
import { simpleGit, type SimpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { allEnvironments, defaultEnvironmentName } from '../environments.js';
import { Fleet } from '../remote/fleet.js';
import type { Server, ServerOptions } from '../remote/server.js';
import { serviceProblem } from './verify.js';
import { engineProblem } from '../kube/status.js';

export interface HostOverview {
  readonly host: string;
  readonly reachable: boolean;
  /** The commit its reconciler last applied (null: none yet, or unreachable). */
  readonly live: string | null;
  /** Commits of the branch head it has not applied (0: up to date; null: unknown). */
  readonly behind: number | null;
  /** Whether it runs the branch head (or a later commit built on it). */
  readonly atHead: boolean;
  /** null when it cannot be reached. */
  readonly healthy: boolean | null;
  readonly services: { readonly running: number; readonly total: number };
  readonly problems: string[];
}

export interface EnvironmentOverview {
  readonly name: string;
  readonly default: boolean;
  readonly branch: string;
  readonly reconciler: string;
  readonly promoteFrom: string | null;
  /** The branch's head on the remote (as fetched), or null when the branch is not there. */
  readonly head: string | null;
  readonly hosts: HostOverview[];
  /** Every host reached, at the head and healthy (null: nothing to ask, no hosts). */
  readonly ok: boolean | null;
  readonly summary: string;
}

const short = (c: string | null | undefined): string => (c ? c.slice(0, 7) : 'none');

/** The remote's head of `branch` as this checkout last fetched it, or null. */
export async function branchHead(git: SimpleGit, config: Pick<ResolvedConfig, 'remote' | 'branch'>): Promise<string | null> {
  return git.raw(['rev-parse', '-q', '--verify', `refs/remotes/${config.remote}/${config.branch}^{commit}`]).then((s) => s.trim() || null, () => null);
}

/** Fetch the branches of `views` from the remote; what went wrong, or null. */
export async function fetchBranches(git: SimpleGit, views: readonly ResolvedConfig[]): Promise<string | null> {
  const byRemote = new Map<string, Set<string>>();
  for (const v of views) byRemote.set(v.remote, (byRemote.get(v.remote) ?? new Set()).add(v.branch));
  for (const [remote, branches] of byRemote) {
    // Branch names that git would read as options are not fetched (config branches are plain names).
    const names = [...branches].filter((b) => !b.startsWith('-'));
    try {
      await git.raw(['fetch', '-q', '--no-auto-maintenance', '--no-write-fetch-head', remote, ...names.map((b) => `+refs/heads/${b}:refs/remotes/${remote}/${b}`)]);
    } catch (e) {
      // One missing branch fails the whole fetch: fetch those that exist one by one.
      const fails: string[] = [];
      for (const b of names) {
        await git.raw(['fetch', '-q', '--no-auto-maintenance', '--no-write-fetch-head', remote, `+refs/heads/${b}:refs/remotes/${remote}/${b}`])
          // A branch not pushed yet is no failure: its head is reported as missing.
          .catch((x: Error) => { if (!/couldn't find remote ref/i.test(x.message)) fails.push(`${b}: ${x.message.trim().split('\n')[0]}`); });
      }
      if (fails.length > 0) return `git fetch ${remote} failed (${fails.join('; ')}); the branch heads are as last fetched: ${(e as Error).message.trim().split('\n')[0]}`;
    }
  }
  return null;
}

/** One host: what it applied, how far behind `head`, and whether it is healthy. */
export async function inspectHost(server: Server, head: string | null, git: SimpleGit): Promise<HostOverview> {
  const problems: string[] = [];
  try {
    const [state, containers] = await Promise.all([server.reconcilerState(problems), server.containers()]);
    const live = state?.applied ?? null;
    const atHead = Boolean(head && live && await server.contains(live, head));
    let behind: number | null = null;
    if (live && head) behind = atHead ? 0 : await git.raw(['rev-list', '--count', `${live}..${head}`]).then((n) => Number(n.trim()), () => null);
    if (state && !state.ok) problems.push(`the reconciler's last run (${short(state.commit)}) failed (exit ${state.exit ?? '?'}): ${(state.output ?? '').trim().split('\n').slice(-2).join(' ')}`);
    for (const c of containers) { const p = serviceProblem(c); if (p) problems.push(p.text); }
    if (containers.length === 0) problems.push('no containers');
    const running = containers.filter((c) => c.state === 'running').length;
    const healthy = Boolean(state?.ok) && containers.length > 0 && containers.every((c) => serviceProblem(c) === null);
    if (!atHead && head) problems.unshift(live ? `runs ${short(live)}, ${behind ?? 'some'} commit(s) behind ${short(head)}` : `has not applied any commit (the branch is at ${short(head)})`);
    return { host: server.host, reachable: true, live, behind, atHead, healthy, services: { running, total: containers.length }, problems };
  } catch (e) {
    return { host: server.host, reachable: false, live: null, behind: null, atHead: false, healthy: null, services: { running: 0, total: 0 },
      problems: [`cannot be reached: ${(e as Error).message}`] };
  }
}

/** One environment: its branch head and each host. */
export async function inspectEnvironment(view: ResolvedConfig, git: SimpleGit, options: ServerOptions = {}): Promise<EnvironmentOverview> {
  const head = await branchHead(git, view);
  const base = { name: view.environment, default: view.environment === defaultEnvironmentName(view.topLevel), branch: view.branch,
    reconciler: view.reconciler.type, promoteFrom: view.promoteFrom ?? null, head };
  if (view.reconciler.type === 'argocd' || view.reconciler.type === 'flux') {
    // No hosts: the engine in the cluster is asked (src/kube), through the Kubernetes API.
    if (head === null) return { ...base, hosts: [], ok: null, summary: `${view.remote}/${view.branch} does not exist yet` };
    const problem = await engineProblem(view, head);
    return { ...base, hosts: [], ok: problem === null, summary: problem ?? `${view.reconciler.type} runs ${short(head)}, healthy` };
  }
  const fleet = new Fleet(view, options);
  try {
    if (fleet.servers.length === 0) return { ...base, hosts: [], ok: null, summary: 'no host configured' };
    const hosts = await Promise.all(fleet.servers.map((s) => inspectHost(s, head, git)));
    const ok = hosts.every((h) => h.reachable && h.atHead && h.healthy === true);
    const bad = hosts.filter((h) => !(h.reachable && h.atHead && h.healthy === true));
    const summary = ok ? `${hosts.length === 1 ? 'its host runs' : `all ${hosts.length} hosts run`} ${short(head)}, healthy`
      : head === null ? `${view.remote}/${view.branch} does not exist yet` : bad.map((h) => `${h.host}: ${h.problems[0] ?? 'not healthy'}`).join('; ');
    return { ...base, hosts, ok, summary };
  } finally {
    fleet.close();
  }
}

/** Every environment, after fetching their branches. */
export async function environmentsOverview(config: ResolvedConfig, options: { fetch?: boolean; server?: ServerOptions } = {}):
  Promise<{ environments: EnvironmentOverview[]; problems: string[] }> {
  const git = simpleGit({ baseDir: config.root });
  const views = allEnvironments(config).map((v) => (config.trust ? { ...v, trust: config.trust } : v));
  const problems: string[] = [];
  if (options.fetch !== false) {
    const failed = await fetchBranches(git, views);
    if (failed) problems.push(failed);
  }
  const environments = await Promise.all(views.map((v) => inspectEnvironment(v, git, options.server ?? {})));
  return { environments, problems };
}
