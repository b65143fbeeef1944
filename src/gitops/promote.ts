// `gitops-guard promote FROM TO`: branch per environment. TO takes the commit FROM runs: refused
// unless every host of FROM applied FROM's branch head and is healthy; then TO's branch is moved to
// that commit by a plain push (`git push REMOTE SHA:refs/heads/TO`), which the remote accepts only as
// a fast-forward; a TO branch with commits FROM lacks is refused before anything is pushed (nothing
// is lost, nothing is forced). Then it waits for TO's hosts as deploy does.
import { simpleGit, type SimpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { Fleet } from '../remote/fleet.js';
import type { ServerOptions } from '../remote/server.js';
import { GitOpsError, type DeployOptions, type DeployResult, type Progress } from './types.js';
import { snapshotAll, waitAll } from './verify.js';
import { classifyPush } from './git-errors.js';
import { envFlag } from './hosts-wait.js';
import { branchHead, fetchBranches, inspectHost, type HostOverview } from './overview.js';
import { kubeReconciler } from '../kube/engine.js';
import { engineProblem } from '../kube/status.js';
import { waitOnEngine } from '../kube/wait.js';

export type PromoteOptions = Pick<DeployOptions, 'dryRun' | 'wait' | 'waitTimeoutMs' | 'pollMs' | 'progress' | 'signal' | 'server' | 'servers'> & {
  /** For reaching FROM's hosts (tests: no agent). */
  readonly serverOptions?: ServerOptions;
};

export interface PromoteResult extends DeployResult {
  readonly from: string;
  readonly to: string;
  /** FROM's branch head: the commit TO takes. */
  readonly head: string;
  /** TO's branch head before (null: the branch did not exist). */
  readonly previous: string | null;
  /** Commits TO's branch moved forward by (0: it was there already). */
  readonly commits: number;
  /** FROM's hosts as checked before the push. */
  readonly checked: HostOverview[];
}

const short = (c: string | null): string => (c ? c.slice(0, 7) : 'none');

const refuse = (message: string): GitOpsError => new GitOpsError(message, 'check');

/** Whether `ancestor` is `descendant` or an ancestor of it: it has no commit `descendant` lacks. (Not
 * merge-base --is-ancestor: simple-git takes a silent exit 1 for success.) */
const isAncestor = (git: SimpleGit, ancestor: string, descendant: string): Promise<boolean> =>
  git.raw(['rev-list', '--count', `${descendant}..${ancestor}`]).then((n) => n.trim() === '0', () => false);

/** The checks that need no server: two environments, two branches, a reconciler whose hosts can be asked. */
function checkPair(from: ResolvedConfig, to: ResolvedConfig): void {
  if (from.environment === to.environment) throw refuse(`promote ${from.environment} ${to.environment}: name two different environments`);
  if (from.branch === to.branch && from.remote === to.remote) {
    throw refuse(`${from.environment} and ${to.environment} both follow ${from.remote}/${from.branch}: promote moves one environment's branch to `
      + 'the commit another runs, so each needs its own "branch" in gitops-guard.json');
  }
  for (const [view, role] of [[from, 'FROM'], [to, 'TO']] as const) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(view.branch) || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(view.remote)) {
      throw refuse(`${role} environment ${view.environment}: branch and remote must be plain names (${view.remote}/${view.branch})`);
    }
  }
  if (from.hosts.length === 0 && !kubeReconciler(from)) {
    throw refuse(`${from.environment} has no host, so whether it runs its branch head and is healthy cannot be checked: set its "host" or "hosts"`);
  }
}

/** Refuse when TO's branch has commits FROM's head lacks: moving it would drop them. */
async function checkFastForward(git: SimpleGit, from: ResolvedConfig, to: ResolvedConfig, head: string, previous: string): Promise<void> {
  if (await isAncestor(git, previous, head)) return;
  const lines = (await git.raw(['log', '--format=%h %s', `${head}..${previous}`])).trim().split('\n').filter(Boolean);
  throw refuse(`${to.remote}/${to.branch} has ${lines.length} commit(s) that ${from.environment}'s head ${short(head)} does not contain `
    + `(${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}): moving ${to.environment} to ${short(head)} would drop them, and `
    + `gitops-guard never force-pushes. Nothing was pushed. Bring them into ${from.branch} first (git switch ${from.branch} && `
    + `git merge ${to.remote}/${to.branch}, then gitops-guard deploy${envFlag(from)} --resume), and promote again once ${from.environment} runs it`);
}

/** FROM's hosts must all run `head` and be healthy; else a refusal naming each host and why. */
async function checkSource(git: SimpleGit, from: ResolvedConfig, to: ResolvedConfig, head: string, serverOptions: ServerOptions): Promise<HostOverview[]> {
  const fleet = new Fleet(from, serverOptions);
  let hosts: HostOverview[];
  try {
    hosts = await Promise.all(fleet.servers.map((s) => inspectHost(s, head, git)));
  } finally {
    fleet.close();
  }
  const bad = hosts.filter((h) => !(h.reachable && h.atHead && h.healthy === true));
  if (bad.length === 0) return hosts;
  throw refuse(`refusing to promote ${from.environment} -> ${to.environment}: ${from.environment} must run its head ${short(head)} `
    + `(${from.remote}/${from.branch}) healthy on every host first, and ${bad.map((h) => `${h.host} ${h.problems.join(', ') || 'is not healthy'}`).join('; ')}. `
    + `Nothing was pushed. Finish ${from.environment} first (gitops-guard deploy${envFlag(from)} --resume waits for ${short(head)}; `
    + `gitops-guard environments shows each host), then promote again`);
}

/** An Argo CD or Flux FROM: its engine must report `head` applied and healthy (src/kube); it has no hosts to list. */
async function checkEngine(from: ResolvedConfig, to: ResolvedConfig, head: string): Promise<HostOverview[]> {
  const problem = await engineProblem(from, head);
  if (problem === null) return [];
  throw refuse(`refusing to promote ${from.environment} -> ${to.environment}: ${from.environment} must run its head ${short(head)} `
    + `(${from.remote}/${from.branch}) healthy first, and ${problem}. Nothing was pushed. Finish ${from.environment} first `
    + `(gitops-guard deploy${envFlag(from)} --resume waits for ${short(head)}), then promote again`);
}

export async function promote(from: ResolvedConfig, to: ResolvedConfig, options: PromoteOptions = {}): Promise<PromoteResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: from.root });
  progress('check', `promoting ${from.environment} (${from.branch}) to ${to.environment} (${to.branch})`);
  checkPair(from, to);
  progress('fetch', `fetching ${[...new Set([from.remote, to.remote])].join(', ')}`);
  const failed = await fetchBranches(git, [from, to]);
  if (failed) throw new GitOpsError(failed, 'fetch');
  const head = await branchHead(git, from);
  if (!head) throw refuse(`${from.remote}/${from.branch} does not exist: deploy to ${from.environment} first`);
  const previous = await branchHead(git, to);
  if (previous && previous !== head) await checkFastForward(git, from, to, head, previous);
  progress('check', `checking that every host of ${from.environment} runs ${short(head)} and is healthy`);
  const checked = kubeReconciler(from) ? await checkEngine(from, to, head) : await checkSource(git, from, to, head, options.serverOptions ?? {});
  const subject = (await git.raw(['log', '-1', '--format=%s', head])).trim();
  const commits = previous === head ? 0 : Number((await git.raw(['rev-list', '--count', previous ? `${previous}..${head}` : head])).trim());
  const message = `promote ${from.environment} -> ${to.environment}: ${short(head)} ${subject}`;
  const base = { from: from.environment, to: to.environment, head, previous, commits, checked, message, files: [] as string[] };
  if (options.dryRun) {
    progress('push', `dry run: would move ${to.remote}/${to.branch} from ${short(previous)} to ${short(head)} (${commits} commit(s))`);
    return { ...base, commit: null, pushedAt: null, dryRun: true };
  }
  const waitOn: DeployOptions = options;
  const before = await snapshotAll(waitOn);
  if (previous === head) {
    progress('push', `${to.remote}/${to.branch} is at ${short(head)} already: nothing to push, waiting for ${to.environment}`);
  } else {
    progress('push', `pushing ${short(head)} to ${to.remote}/${to.branch} (a fast-forward of ${commits} commit(s), never forced)`);
    try {
      await git.raw(['push', to.remote, `${head}:refs/heads/${to.branch}`]);
    } catch (e) {
      const p = classifyPush((e as Error).message);
      throw new GitOpsError(`git push of ${short(head)} to ${to.remote}/${to.branch} was refused (${p.reason}${p.remote.length ? `; remote: ${p.remote.join(' ')}` : ''}). `
        + `${p.kind === 'behind' ? `Someone moved ${to.branch} meanwhile: ` : ''}nothing was changed on ${to.branch}; `
        + `see gitops-guard environments, then promote again`, 'push');
    }
  }
  const pushedAt = new Date().toISOString();
  const result: PromoteResult = { ...base, commit: head, pushedAt, dryRun: false };
  if (options.wait !== false && kubeReconciler(to)) return { ...result, verify: await waitOnEngine(to, head, waitOn) };
  if (options.wait === false || !options.server) return result;
  return { ...result, verify: await waitAll(to, head, pushedAt, before, waitOn) };
}
