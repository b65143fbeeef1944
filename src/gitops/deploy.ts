// The GitOps loop from the developer's side: validate → commit "deploy: …" → push → verify, plus
// history and rollback by `git revert`. Nothing here resets, force-pushes, or discards a commit: on
// every failure the local commits and work tree stay as they were, and the error says what to run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { simpleGit, type SimpleGit, type StatusResult } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { formatProblem, validateFiles } from '../compose/validate.js';
import type { ReconcilerRun, ReconcilerState, Server, ServiceState } from '../remote/server.js';
import { templates } from '../remote/commands.js';
import { swarmProblem } from '../remote/swarm.js';
import { reconcilerEnv, stackName } from './reconciler.js';
import { unitName } from './install.js';
import { classifyPush, IDENTITY_UNKNOWN, identityMessage, pushMessage } from './git-errors.js';
import { kubeReconciler, type EngineStatus } from '../kube/engine.js';
import { waitOnEngine } from '../kube/wait.js';
import { forHost, verifyEvery, type HostVerify } from './hosts-wait.js';

export class GitOpsError extends Error {
  constructor(message: string, readonly step: string) {
    super(message);
    this.name = 'GitOpsError';
  }
}

export type Step = 'check' | 'validate' | 'stage' | 'commit' | 'fetch' | 'push' | 'trigger' | 'wait' | 'health' | 'revert';

export interface Progress {
  (step: Step, message: string): void;
}

export interface DeployOptions {
  /** What changed, for the commit message (the prefix is added once). */
  readonly message?: string;
  /** IaC files to stage (default: the changed ones among the compose files' directories). */
  readonly files?: readonly string[];
  /** An empty commit that makes the server re-apply: `deploy: restart [service]`. */
  readonly restart?: boolean;
  readonly service?: string;
  readonly dryRun?: boolean;
  /** Verify on the server after the push (default true when a host is configured). */
  readonly wait?: boolean;
  readonly waitTimeoutMs?: number;
  readonly pollMs?: number;
  readonly progress?: Progress;
  /** For verification; created from the config when absent. */
  readonly server?: Server;
  /** Every server of the environment (several hosts): the wait ends when each one applied the commit and is healthy. */
  readonly servers?: readonly Server[];
  /** Give up waiting (for MCP cancellation). */
  readonly signal?: AbortSignal;
  /** Finish an interrupted deploy: push the commits not pushed yet (or, with none, wait for upstream). */
  readonly resume?: boolean;
  /** When the pushed commit fails to apply or comes up unhealthy: commit, push and wait for its revert (default: config revertOnFailure). */
  readonly revertOnFailure?: boolean;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly commit: string;
  readonly appliedAt: string | null;
  readonly services: ServiceState[];
  /** Services whose containers were created after the push. */
  readonly recreated?: string[];
  /** What is wrong, and what to look at. */
  readonly problems: string[];
  /** The wait ran out before the server applied the commit. */
  readonly pending: boolean;
  /** Argo CD / Flux environments: the engine's fields as last read (src/kube). */
  readonly engine?: EngineStatus;
  /** With several hosts: each one's answer (the problems above name the host). */
  readonly hosts?: HostVerify[];
}

export interface DeployResult {
  readonly commit: string | null;
  readonly message: string;
  readonly files: string[];
  readonly pushedAt: string | null;
  readonly dryRun: boolean;
  readonly verify?: VerifyResult;
  /** How to undo it. */
  readonly rollback?: string;
  /** With revertOnFailure: the revert that was committed, pushed and waited for after this one failed. */
  readonly revert?: DeployResult;
}

export function deployMessage(config: ResolvedConfig, message: string): string {
  const prefix = config.commitPrefix;
  const m = message.trim();
  if (m === '') throw new GitOpsError('the deploy message is empty: say what changed', 'check');
  return m.startsWith(prefix) || m.startsWith(prefix.trimEnd()) ? m : `${prefix}${m}`;
}

/** IaC paths: the compose files' directories (relative to the repository top). */
function iacDirs(config: ResolvedConfig): string[] {
  return [...new Set(config.composeFiles.map((f) => posix.dirname(f)))];
}

/** The repository's top and git directory, found the way git finds them: `.git` (a directory, or a
 * file naming one, as in worktrees) in `dir` or the nearest parent. No process. */
export function findRepository(dir: string): { top: string; gitDir: string } | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const dotGit = join(d, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return { top: d, gitDir: dotGit };
      const named = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      if (named) return { top: d, gitDir: resolve(d, named) };
    } catch { /* not here */ }
    if (dirname(d) === d) return null;
  }
}

/** The status, or a GitOpsError when this is not a git repository. */
function readStatus(git: SimpleGit, config: ResolvedConfig): Promise<StatusResult> {
  return git.status().catch(() => {
    throw new GitOpsError(`${config.root} is not a git repository (or has no commits yet)`, 'check');
  });
}

/** Deploy branch, upstream, nothing in progress: from the status and the git directory. */
function preflight(status: StatusResult, config: ResolvedConfig): { branch: string; upstream: string } {
  const repo = findRepository(config.root);
  if (!repo) throw new GitOpsError(`${config.root} is not a git repository`, 'check');
  for (const [marker, what] of [['MERGE_HEAD', 'a merge'], ['rebase-merge', 'a rebase'], ['rebase-apply', 'a rebase'],
    ['CHERRY_PICK_HEAD', 'a cherry-pick'], ['REVERT_HEAD', 'a revert']] as const) {
    if (existsSync(join(repo.gitDir, marker))) {
      throw new GitOpsError(`${repo.top} is in the middle of ${what}: finish it (or abort it) before deploying`, 'check');
    }
  }
  const branch = status.current;
  if (status.detached || !branch || branch === 'HEAD') {
    throw new GitOpsError(`HEAD is detached: check out ${config.branch} first (git switch ${config.branch})`, 'check');
  }
  if (branch !== config.branch) {
    throw new GitOpsError(`you are on "${branch}", not the deploy branch "${config.branch}": merge your change into ${config.branch} first`, 'check');
  }
  if (!status.tracking) throw new GitOpsError(`${branch} has no upstream: push it once with git push -u ${config.remote} ${branch}`, 'check');
  if (status.tracking !== `${config.remote}/${config.branch}`) {
    // The fetch, the push and the behind check must all talk about the same remote branch.
    throw new GitOpsError(`${branch} tracks ${status.tracking}, but gitops-guard.json deploys to ${config.remote}/${config.branch}: `
      + `set "remote" (and "branch") to match, or git branch -u ${config.remote}/${config.branch}`, 'check');
  }
  return { branch, upstream: status.tracking };
}

/**
 * Fetch (verbosely: simple-git waits 50 ms after a command that prints nothing). Says whether any
 * remote-tracking ref moved: when none did, what `git status` read beside the fetch still holds.
 */
async function fetch(git: SimpleGit, config: ResolvedConfig): Promise<{ moved: boolean }> {
  try {
    const r = await git.fetch(['-v', '--no-auto-maintenance', '--no-write-fetch-head', config.remote, config.branch]);
    return { moved: r.updated.length + r.branches.length + r.deleted.length > 0 };
  } catch (e) {
    throw new GitOpsError(`git fetch ${config.remote} failed: ${(e as Error).message.trim()}`, 'fetch');
  }
}

/** Refuse (before any commit is made) when the branch is behind or has diverged. */
async function checkUpToDate(git: SimpleGit, config: ResolvedConfig, upstream: string,
  known?: { ahead: number; behind: number }): Promise<void> {
  const [ahead, behind] = known ? [known.ahead, known.behind]
    : (await git.raw(['rev-list', '--left-right', '--count', `HEAD...${upstream}`])).trim().split(/\s+/).map(Number);
  if ((behind ?? 0) > 0 && (ahead ?? 0) > 0) {
    throw new GitOpsError(`${config.branch} and ${upstream} have diverged (${ahead} local, ${behind} remote commits): `
      + `run git pull --rebase --autostash, check the result, then deploy again`, 'fetch');
  }
  if ((behind ?? 0) > 0) {
    throw new GitOpsError(`${upstream} has ${behind} commit(s) you do not have (someone deployed): run git pull --rebase --autostash, then deploy again`, 'fetch');
  }
}

/** Settle all, then throw the first failure in the order given (so errors come out in step order). */
async function inOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Commits on the branch that its upstream does not have, oldest first. */
async function unpushedCommits(git: SimpleGit, upstream: string): Promise<{ sha: string; subject: string }[]> {
  const out = (await git.raw(['log', '--reverse', '--format=%H%x09%s', `${upstream}..HEAD`])).trim();
  return out === '' ? [] : out.split('\n').map((l) => { const [sha = '', ...rest] = l.split('\t'); return { sha, subject: rest.join('\t') }; });
}

const listCommits = (cs: { sha: string; subject: string }[]): string =>
  cs.slice(0, 5).map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join(', ') + (cs.length > 5 ? `, and ${cs.length - 5} more` : '');

export async function deploy(config: ResolvedConfig, options: DeployOptions): Promise<DeployResult> {
  if (options.resume) return resume(config, options);
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  let message: string;
  if (options.restart) {
    if (options.service !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(options.service)) {
      throw new GitOpsError(`"${options.service}" is not a service name`, 'check');
    }
    message = deployMessage(config, options.message ?? `restart${options.service ? ` ${options.service}` : ''}`);
  } else {
    message = deployMessage(config, options.message ?? '');
  }
  // Independent reads run together: the status (which also answers the repository checks), the
  // fetch, and validation (CPU work in this process, while the git processes run). Failures are
  // still reported in step order.
  progress('validate', `validating ${config.composeFiles.join(', ') || '(no compose files configured)'}`);
  progress('fetch', `fetching ${config.remote}`);
  const fetched = fetch(git, config);
  const checked = readStatus(git, config).then((status) => ({ status, ...preflight(status, config) }));
  // Validation is CPU work on this thread: it starts on the next turn of the event loop, once
  // simple-git (several promise hops per command) has started the git processes, not before.
  const validated = new Promise((started) => setImmediate(started)).then(() => validateFiles(config.root, config.composeFiles))
    .catch((e: unknown) => {
      // A file the validator cannot take (an alias bomb, nesting past its limit): the user's file, not a bug.
      throw new GitOpsError(`the compose files cannot be validated; nothing was committed: ${(e as Error)?.message ?? String(e)}`, 'validate');
    });
  const [{ status, upstream }, validation, { moved }] = await inOrder([checked, validated, fetched] as const);
  // Ahead and behind from the status read beside the fetch hold when the fetch moved no ref.
  const known = moved ? undefined : { ahead: status.ahead, behind: status.behind };
  if (!validation.ok) {
    throw new GitOpsError(`the compose files are not valid; nothing was committed:\n${validation.problems
      .filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`, 'validate');
  }

  // An interrupted deploy (killed after its commit, or a push that failed) is finished, not buried.
  if (status.ahead > 0) {
    const unpushed = await unpushedCommits(git, upstream);
    if (unpushed.length > 0) {
      throw new GitOpsError(`${unpushed.length} commit(s) on ${config.branch} are not pushed yet (${listCommits(unpushed)}): `
        + 'an earlier deploy stopped after its commit, or its push failed. Finish it first: gitops-guard deploy --resume '
        + '(pushes them and waits for the server); your changes in the work tree stay as they are', 'check');
    }
  }

  let files: string[] = [];
  if (!options.restart) {
    const changed = [...status.modified, ...status.not_added, ...status.deleted, ...status.created, ...status.renamed.map((r) => r.to)];
    if (options.files && options.files.length > 0) {
      files = options.files.map((f) => f.replace(/^\.\//, ''));
      const missing = files.filter((f) => !changed.includes(f) && !status.staged.includes(f));
      if (missing.length > 0) throw new GitOpsError(`nothing changed in ${missing.join(', ')}`, 'stage');
    } else {
      const dirs = iacDirs(config);
      files = [...new Set([...changed, ...status.staged])].filter((f) => dirs.some((d) => d === '.' ? config.composeFiles.includes(f) : f.startsWith(`${d}/`)));
    }
    if (files.length === 0) {
      const waiting = options.server ? await notApplied(config, options.server, upstream).catch(() => null) : null;
      if (waiting) {
        throw new GitOpsError(`nothing new to deploy, but ${waiting.slice(0, 7)} on ${upstream} is pushed and the server has not applied it yet: `
          + 'gitops-guard deploy --resume waits for it (or gitops-guard status shows what the server runs)', 'stage');
      }
      throw new GitOpsError('nothing to deploy: no changes in the IaC files; to make the server apply again as it is, use restart', 'stage');
    }
  }
  const otherStaged = status.staged.filter((f) => !files.includes(f));
  if (otherStaged.length > 0) {
    throw new GitOpsError(`other changes are already staged (${otherStaged.join(', ')}): commit or unstage them first (git restore --staged ${otherStaged.join(' ')})`, 'stage');
  }

  if (options.dryRun) {
    await checkUpToDate(git, config, upstream, known);
    progress('commit', `dry run: would commit ${files.length ? files.join(', ') : '(empty commit)'} as "${message}" and push to ${upstream}`);
    return { commit: null, message, files, pushedAt: null, dryRun: true };
  }

  progress('stage', files.length ? `staging ${files.join(', ')}` : 'an empty commit');
  // `git commit -- FILES` takes tracked files as they are in the work tree; only new files need
  // `git add` first. Staging only touches the index, so it runs beside the behind/diverged check;
  // when the check refuses, the new files are unstaged again, leaving the index as it was.
  const untracked = files.filter((f) => status.not_added.includes(f));
  const staging = untracked.length > 0 ? git.raw(['add', '--verbose', '--', ...untracked]) : Promise.resolve('');
  try {
    await inOrder([checkUpToDate(git, config, upstream, known), staging] as const);
  } catch (e) {
    if (untracked.length > 0) await staging.then(() => git.raw(['reset', '-q', '--', ...untracked]), () => '').catch(() => undefined);
    throw e;
  }
  progress('commit', message);
  let committed;
  try {
    committed = await git.commit(message, files.length > 0 ? files : [], options.restart ? { '--allow-empty': null } : {});
  } catch (e) {
    // Nothing was committed: the new files go back to untracked, as they were.
    if (untracked.length > 0) await git.raw(['reset', '-q', '--', ...untracked]).catch(() => undefined);
    throw commitFailure(e, config);
  }

  progress('push', `pushing to ${config.remote}/${config.branch}`);
  const before = await snapshotAll(options);
  let commit: string;
  try {
    // simple-git commits with core.abbrev=40, so the summary carries the full hash.
    const full = /^[0-9a-f]{40}$/.test(committed.commit) ? Promise.resolve(committed.commit) : git.revparse(['HEAD']).then((c) => c.trim());
    [commit] = await inOrder([full, git.push(config.remote, config.branch)] as const);
  } catch (e) {
    commit = (await git.revparse(['HEAD'])).trim();
    throw new GitOpsError(pushMessage(classifyPush((e as Error).message), config.remote, config.branch, commit), 'push');
  }
  const pushedAt = new Date().toISOString();
  const result: DeployResult = { commit, message, files, pushedAt, dryRun: false, rollback: `gitops-guard rollback ${commit.slice(0, 7)}` };
  if (onEngine(config, options)) return { ...result, verify: await waitOnEngine(config, commit, options) };
  if (options.wait === false || !options.server) return result;
  return withRevert(config, { ...result, verify: await waitAll(config, commit, pushedAt, before, options) }, options);
}

/** Argo CD and Flux environments are waited on through the Kubernetes API (src/kube), not over SSH. */
const onEngine = (config: ResolvedConfig, options: { wait?: boolean }): boolean => options.wait !== false && kubeReconciler(config) !== null;

/** A short reason for a revert's message, from what verify found. */
function whyFailed(v: VerifyResult): string {
  const first = v.problems[0] ?? 'failed';
  const m = /^the reconciler failed to apply [0-9a-f]{7} \(exit (\d+)\)/.exec(first) ?? /^the reconciler on \S+ failed \(exit (\d+)\)/.exec(first);
  if (m) return `failed to apply, reconciler exit ${m[1]}`;
  const unhealthy = v.problems.filter((p) => / is (unhealthy|exited|dead|still starting|restarting|created)/.test(p) || / restarted \d+ time/.test(p));
  const text = (unhealthy.length ? unhealthy.join(', ') : first).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * With revertOnFailure: when the pushed commit failed to apply or came up unhealthy (not merely
 * still pending), commit `deploy: revert <sha> (<why>)`, push it and wait for it. Git stays the one
 * source of truth: the server only ever runs what a pushed commit says.
 */
async function withRevert(config: ResolvedConfig, r: DeployResult, options: DeployOptions | Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'>): Promise<DeployResult> {
  const v = r.verify;
  const wanted = options.revertOnFailure ?? config.revertOnFailure ?? false;
  if (!wanted || !v || v.ok || v.pending || !r.commit || !options.server) return r;
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  const short = r.commit.slice(0, 7);
  const message = deployMessage(config, `revert ${short} (${whyFailed(v)})`);
  progress('revert', `${short} failed on the server: ${message}`);
  try {
    await git.raw(['revert', '--no-edit', r.commit]);
  } catch (e) {
    await git.raw(['revert', '--abort']).catch(() => undefined);
    return { ...r, verify: { ...v, problems: [...v.problems, `revertOnFailure: git revert ${short} did not apply (${(e as Error).message.trim().split('\n')[0]}); `
      + `nothing was changed. Fix forward, or: gitops-guard rollback ${short}`] } };
  }
  try {
    await git.raw(['commit', '--amend', '-m', message]);
  } catch (e) {
    throw commitFailure(e, config);
  }
  const commit = (await git.revparse(['HEAD'])).trim();
  const before = await snapshotAll(options);
  progress('push', `pushing the revert ${commit.slice(0, 7)}`);
  try {
    await git.push(config.remote, config.branch);
  } catch (e) {
    return { ...r, verify: { ...v, problems: [...v.problems, pushMessage(classifyPush((e as Error).message), config.remote, config.branch, commit, 'The revert')] } };
  }
  const pushedAt = new Date().toISOString();
  const reverted: DeployResult = { commit, message, files: r.files, pushedAt, dryRun: false,
    verify: await waitAll(config, commit, pushedAt, before, options) };
  return { ...r, revert: reverted };
}

/** The upstream commit when the server's reconciler has not applied it (or a later one), else null. */
async function notApplied(config: ResolvedConfig, server: Server, upstream: string): Promise<string | null> {
  const git = simpleGit({ baseDir: config.root });
  const sha = (await git.revparse([upstream])).trim();
  const state = await server.reconcilerState();
  if (state?.applied && await server.contains(state.applied, sha)) return null;
  return sha;
}

/**
 * Finish an interrupted deploy: push the commits the upstream does not have (a deploy killed after
 * its commit, or a push that failed), or, when everything is pushed, wait until the server has
 * applied the upstream commit. Never commits anything new.
 */
export async function resume(config: ResolvedConfig, options: Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'>): Promise<DeployResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  progress('fetch', `fetching ${config.remote}`);
  const [{ upstream }] = await inOrder([readStatus(git, config).then((st) => ({ status: st, ...preflight(st, config) })),
    fetch(git, config)] as const);
  await checkUpToDate(git, config, upstream);
  const unpushed = await unpushedCommits(git, upstream);
  const before = await snapshotAll(options);
  let commit: string;
  let message: string;
  let files: string[] = [];
  if (unpushed.length > 0) {
    commit = unpushed.at(-1)!.sha;
    message = unpushed.at(-1)!.subject;
    files = [...new Set((await git.raw(['diff', '--name-only', upstream, 'HEAD'])).split('\n').filter(Boolean))];
    if (options.dryRun) {
      progress('push', `dry run: would push ${listCommits(unpushed)}`);
      return { commit: null, message, files, pushedAt: null, dryRun: true };
    }
    progress('push', `pushing ${listCommits(unpushed)} to ${config.remote}/${config.branch}`);
    try {
      await git.push(config.remote, config.branch);
    } catch (e) {
      throw new GitOpsError(pushMessage(classifyPush((e as Error).message), config.remote, config.branch, commit), 'push');
    }
  } else {
    commit = (await git.revparse([upstream])).trim();
    message = (await git.raw(['log', '-1', '--format=%s', commit])).trim();
    progress('push', `nothing to push: waiting for ${commit.slice(0, 7)} (${message}), already on ${upstream}`);
    if (options.dryRun) return { commit: null, message, files, pushedAt: null, dryRun: true };
  }
  const pushedAt = new Date().toISOString();
  const result: DeployResult = { commit, message, files, pushedAt, dryRun: false, rollback: `gitops-guard rollback ${commit.slice(0, 7)}` };
  if (onEngine(config, options)) return { ...result, verify: await waitOnEngine(config, commit, options) };
  if (options.wait === false || !options.server) return result;
  return withRevert(config, { ...result, verify: await waitAll(config, commit, pushedAt, before, options) }, options);
}

/** A failed commit as a situation to fix: git's own words, and what to run. */
function commitFailure(e: unknown, config: ResolvedConfig): GitOpsError {
  const text = (e as Error)?.message ?? String(e);
  if (IDENTITY_UNKNOWN.test(text)) return new GitOpsError(identityMessage(config.root), 'commit');
  return new GitOpsError(`git commit failed; nothing was committed:\n  ${text.trim().split('\n').slice(-6).join('\n  ')}`, 'commit');
}

/** Verification that cannot lose the deploy: a failure to look is reported, the push stands. */
async function safeVerify(config: ResolvedConfig, server: Server, commit: string, pushedAt: string,
  before: Before | null, options: DeployOptions | Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'>): Promise<VerifyResult> {
  try {
    return await verifyDeploy(config, server, commit, pushedAt, before?.containers ?? null, { ...options, stateBefore: before?.state ?? null });
  } catch (e) {
    return {
      ok: false, commit, appliedAt: null, services: [], pending: true,
      problems: [`${commit.slice(0, 7)} is pushed, but the server could not be checked: ${(e as Error).message}`,
        'When the server is reachable, check it with: gitops-guard status'],
    };
  }
}

/** What the server runs, and its reconciler's last record, before the push (either may be unknown). */
export interface Before { readonly containers: ServiceState[] | null; readonly state: ReconcilerState | null }
async function snapshot(server: Server): Promise<Before> {
  const [containers, state] = await Promise.all([server.containers().catch(() => null), server.reconcilerState().catch(() => null)]);
  return { containers, state };
}

/** The servers to wait on: every host of the environment, else the one server. */
const serversOf = (options: Pick<DeployOptions, 'server' | 'servers'>): readonly Server[] =>
  options.servers && options.servers.length > 0 ? options.servers : options.server ? [options.server] : [];

/** Each server's snapshot before the push, when the deploy will wait. */
export async function snapshotAll(options: Pick<DeployOptions, 'server' | 'servers' | 'wait'>): Promise<Map<Server, Before> | null> {
  if (options.wait === false) return null;
  const servers = serversOf(options);
  if (servers.length === 0) return null;
  return new Map(await Promise.all(servers.map(async (s) => [s, await snapshot(s)] as const)));
}

/** Wait on one server as always, or on every host of the environment (hosts-wait.ts joins their answers). */
export function waitAll(config: ResolvedConfig, commit: string, pushedAt: string, before: Map<Server, Before> | null,
  options: DeployOptions | Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'>): Promise<VerifyResult> {
  const servers = serversOf(options);
  const of = (s: Server): Before | null => before?.get(s) ?? null;
  if (servers.length === 1) return safeVerify(config, servers[0]!, commit, pushedAt, of(servers[0]!), options);
  return verifyEvery(config, servers, commit, (s) => safeVerify(config, s, commit, pushedAt, of(s), { ...options, progress: forHost(options.progress, s.host) }));
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(new GitOpsError('cancelled while waiting for the server', 'wait')); }, { once: true });
});

/** Service states that will not turn healthy by themselves soon. */
const SETTLED_BAD = new Set(['exited', 'dead', 'removing']);

/** Why a service is not (yet) good, and whether waiting could still help. */
export function serviceProblem(s: ServiceState): { text: string; settled: boolean } | null {
  const label = s.service ?? s.name;
  if (s.state !== 'running') return { text: `${label} is ${s.state} (${s.status})`, settled: SETTLED_BAD.has(s.state) };
  if (s.health === 'unhealthy') return { text: `${label} is unhealthy`, settled: true };
  if (s.health && s.health !== 'healthy') return { text: `${label} is still ${s.health}`, settled: false };
  return null;
}

/**
 * Wait until the server's reconciler has applied `commit` (or a later commit that contains it),
 * then poll the services until every one is running and healthy. A reconciler that fails, at this
 * commit or in a way that stops every commit (fetch, usage), ends the wait at once with its error;
 * a healthcheck still `starting` is waited for; a service that stays unhealthy or exited for
 * `settleMs` ends it as a failure.
 */
export async function verifyDeploy(config: ResolvedConfig, server: Server, commit: string, pushedAt: string,
  before: ServiceState[] | null,
  options: Pick<DeployOptions, 'waitTimeoutMs' | 'pollMs' | 'progress' | 'signal'> & { settleMs?: number; stateBefore?: ReconcilerState | null } = {}): Promise<VerifyResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const timeout = options.waitTimeoutMs ?? 5 * 60_000;
  const poll = options.pollMs ?? 3000;
  const settleMs = options.settleMs ?? Math.min(10_000, timeout / 3);
  const deadline = Date.now() + timeout;
  const short = commit.slice(0, 7);
  const failed = (problems: string[], pending = false, services: ServiceState[] = []): VerifyResult =>
    ({ ok: false, commit, appliedAt: null, services, pending, problems });
  if (config.reconcile === 'trigger') {
    progress('trigger', 'running the reconciler on the server');
    const r = await server.run(templates.runReconciler(reconcilerEnv(config), config.reconcilerPath));
    // Exit 2 is "another run holds the lock" only when the reconciler says so: sh itself exits 2
    // when it cannot open the script.
    const busy = r.code === 2 && r.stderr.includes('another run is in progress');
    if (r.code !== 0 && !busy) {
      const why = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join('\n') || `exit ${r.code}`;
      progress('trigger', `the reconciler exited ${r.code}: ${why.split('\n').pop() ?? ''}`);
      const missing = /cannot open|No such file|not found/i.test(why) && !why.includes('gitops-guard reconcile');
      return failed([`the reconciler on ${server.host} failed (exit ${r.code}) for ${short}: ${why}`,
        ...(missing ? [`The reconciler is not at ${config.reconcilerPath} on the server: gitops-guard server install --apply puts it there; `
          + `${short} stays pushed and is applied on its first run.`] : reconcilerAdvice(r.code, commit))]);
    }
  }
  progress('wait', `waiting for the server to apply ${short} (up to ${Math.round(timeout / 1000)} s)`);
  let state: ReconcilerState | null = null;
  for (;;) {
    state = await server.reconcilerState();
    if (state?.applied && await server.contains(state.applied, commit)) break;
    if (state && !state.ok && isNewRun(state, options.stateBefore)) {
      // Failed at our commit (or one that contains it), or in a way that stops every commit.
      if (state.exit === 1 || state.exit === 3 || await server.contains(state.commit, commit)) {
        return failed([`the reconciler failed to apply ${short} (exit ${state.exit ?? '?'}): ${(state.output ?? '').trim()}`,
          ...reconcilerAdvice(state.exit ?? null, commit)]);
      }
    }
    if (Date.now() + poll > deadline) {
      return failed([`the server has not applied ${short} within ${Math.round(timeout / 1000)} s `
        + `(last applied: ${state?.applied?.slice(0, 7) ?? 'unknown'}). Check the reconciler: gitops-guard status, `
        + `and its log on the server (journalctl --user -u ${unitName(stackName(config))}).`], true);
    }
    await sleep(poll, options.signal);
  }
  progress('health', 'waiting for the services to be running and healthy');
  const pushed = Date.parse(pushedAt);
  let badSince: number | null = null;
  for (;;) {
    const services = await server.containers();
    const problems: string[] = [];
    let settled = true;
    let final = false;
    for (const s of services) {
      const earlier = before?.find((b) => b.name === s.name);
      // A swarm service: its tasks up to date and running, its update not given up (remote/swarm.ts).
      const p = config.reconciler.type === 'swarm' ? swarmProblem(s, earlier) : serviceProblem(s);
      if (p) { problems.push(p.text); settled &&= p.settled; final ||= 'final' in p && p.final === true; }
      if (earlier?.restarts != null && s.restarts != null && s.restarts > earlier.restarts) {
        problems.push(`${s.service ?? s.name} restarted ${s.restarts - earlier.restarts} time(s) since the push`);
      }
    }
    // Compose recreates only the services whose configuration changed: listed, not required.
    const recreated = services.filter((s) => createdAfter(s, pushed)).map((s) => s.service ?? s.name);
    const now = Date.now();
    if (problems.length === 0) {
      return { ok: true, commit, appliedAt: state.appliedAt ?? state.time, services, recreated, pending: false, problems };
    }
    badSince = settled ? (badSince ?? now) : null;
    const outOfTime = now + poll > deadline;
    // final: the engine itself gave up on the change (a swarm update paused or rolled back).
    if ((badSince !== null && now - badSince >= settleMs) || outOfTime || final) {
      const stillStarting = !settled;
      problems.push(`Look at: gitops-guard logs <service>; roll back with: gitops-guard rollback ${short}`);
      return { ok: false, commit, appliedAt: state.appliedAt ?? state.time, services, recreated, pending: stillStarting && outOfTime, problems };
    }
    // Health changes within seconds of a start: look again sooner than the wait for the reconciler.
    await sleep(Math.min(poll, 1000), options.signal);
  }
}

/** A record the reconciler wrote after `before` was read. */
function isNewRun(state: ReconcilerState, before: ReconcilerState | null | undefined): boolean {
  return !before || state.time !== before.time || state.commit !== before.commit || state.exit !== before.exit;
}

/** What to run next after the reconciler's exit code. */
function reconcilerAdvice(exit: number | null, commit: string): string[] {
  const short = commit.slice(0, 7);
  switch (exit) {
    case 1: return ['The reconciler cannot run: check remotePath and its checkout on the server (gitops-guard status shows what it found).'];
    case 3: return [`The server cannot fetch from its remote (no remote, auth refused, or the network): fix that on the server; ${short} stays pushed and is applied on the next run.`];
    case 4: return ['The server\'s checkout has moved away from git (edited, or local commits): see gitops-guard status.'];
    case 5: return [`The compose files of ${short} are not valid on the server; fix them and deploy again, or: gitops-guard rollback ${short}`];
    case 6: return [`docker compose up failed for ${short}; look at gitops-guard logs <service>, fix and deploy again, or: gitops-guard rollback ${short}`];
    default: return [`Roll back with: gitops-guard rollback ${short}`];
  }
}

/** docker's CreatedAt ("2026-11-26 10:00:00 +0000 UTC") against a time in ms. */
function createdAfter(s: ServiceState, ms: number): boolean {
  if (!s.created) return false;
  const t = Date.parse(s.created.replace(/ [A-Z]{3,4}$/, '').replace(/ ([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T'));
  return Number.isFinite(t) && t >= ms - 5_000;
}

export interface HistoryEntry {
  readonly sha: string;
  readonly date: string;
  readonly author: string;
  readonly message: string;
  readonly live: boolean;
  /** The reconciler's runs at this commit (applied, healed, failed), newest first, when known. */
  readonly runs?: ReconcilerRun[];
}

/**
 * Deploy commits on the deploy branch, newest first; `live` marks the one the server applied, and
 * `runs` (when the server's run history is given) what the reconciler did at each.
 */
export async function history(config: ResolvedConfig, options: { limit?: number; live?: string | null; runs?: ReconcilerRun[]; ref?: string } = {}): Promise<HistoryEntry[]> {
  const git = simpleGit({ baseDir: config.root });
  const log = await git.log({ maxCount: options.limit ?? 20, '--grep': `^${config.commitPrefix.trimEnd()}`, ...(options.ref ? { [options.ref]: null } : {}) } as never);
  return log.all.map((c) => ({
    sha: c.hash, date: c.date, author: c.author_name, message: c.message,
    live: options.live ? c.hash.startsWith(options.live) || options.live.startsWith(c.hash) : false,
    ...(options.runs ? { runs: options.runs.filter((r) => r.commit === c.hash) } : {}),
  }));
}

/** Revert a deploy commit (`deploy: revert …`) and push; never reset, never force. */
export async function rollback(config: ResolvedConfig, target: { sha?: string; last?: boolean },
  options: Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'> = {}): Promise<DeployResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  progress('fetch', `fetching ${config.remote}`);
  const [{ status, upstream }] = await inOrder([readStatus(git, config).then((st) => ({ status: st, ...preflight(st, config) })),
    fetch(git, config)] as const);
  if (!status.isClean()) {
    throw new GitOpsError(`the work tree has changes (${status.files.map((f) => f.path).join(', ')}): commit or stash them before rolling back`, 'check');
  }
  await checkUpToDate(git, config, upstream);
  const unpushed = await unpushedCommits(git, upstream);
  if (unpushed.length > 0) {
    throw new GitOpsError(`${unpushed.length} commit(s) on ${config.branch} are not pushed yet (${listCommits(unpushed)}): finish that deploy first `
      + '(gitops-guard deploy --resume), then roll back what is live', 'check');
  }
  let sha: string;
  if (target.last) {
    const last = (await history(config, { limit: 1 }))[0];
    if (!last) throw new GitOpsError('there is no deploy commit to roll back', 'check');
    sha = last.sha;
  } else if (target.sha && /^[0-9a-f]{4,64}$/i.test(target.sha)) {
    try {
      sha = (await git.revparse([`${target.sha}^{commit}`])).trim();
    } catch {
      throw new GitOpsError(`no commit ${target.sha} in this repository`, 'check');
    }
  } else {
    throw new GitOpsError('name the deploy commit to roll back (a sha), or use --last', 'check');
  }
  // The subject, then the files the reverted commit touched (which the revert touches again).
  const [subject = '', ...touched] = (await git.raw(['show', '--format=%s', '--name-only', sha])).split('\n').filter(Boolean);
  const message = deployMessage(config, `revert ${sha.slice(0, 7)} (${subject.replace(/^deploy:\s*/, '')})`);
  if (options.dryRun) {
    progress('commit', `dry run: would revert ${sha.slice(0, 7)} as "${message}" and push`);
    return { commit: null, message, files: touched, pushedAt: null, dryRun: true };
  }
  progress('commit', message);
  // A merge is reverted against its first parent: the branch as it was before the merge.
  const parents = (await git.raw(['rev-list', '--parents', '-n', '1', sha])).trim().split(/\s+/).length - 1;
  try {
    await git.raw(['revert', '--no-edit', ...(parents > 1 ? ['-m', '1'] : []), sha]);
  } catch (e) {
    await git.raw(['revert', '--abort']).catch(() => undefined);
    if (IDENTITY_UNKNOWN.test((e as Error).message)) throw commitFailure(e, config);
    throw new GitOpsError(`git revert ${sha.slice(0, 7)} does not apply cleanly (${(e as Error).message.trim().split('\n')[0]}): a later commit changed `
      + `the same lines. Nothing was changed. Revert it by hand (git revert ${parents > 1 ? '-m 1 ' : ''}${sha.slice(0, 7)}, resolve, git revert --continue, `
      + 'keeping the subject "deploy: revert …"), then: gitops-guard deploy --resume', 'commit');
  }
  try {
    await git.raw(['commit', '--amend', '-m', message]);
  } catch (e) {
    throw commitFailure(e, config);
  }
  const commit = (await git.revparse(['HEAD'])).trim();
  progress('push', `pushing ${commit.slice(0, 7)}`);
  const before = await snapshotAll(options);
  try {
    await git.push(config.remote, config.branch);
  } catch (e) {
    throw new GitOpsError(pushMessage(classifyPush((e as Error).message), config.remote, config.branch, commit, 'The revert'), 'push');
  }
  const pushedAt = new Date().toISOString();
  const result: DeployResult = { commit, message, files: touched, pushedAt, dryRun: false };
  if (onEngine(config, options)) return { ...result, verify: await waitOnEngine(config, commit, options) };
  if (options.wait === false || !options.server) return result;
  return { ...result, verify: await waitAll(config, commit, pushedAt, before, options) };
}
