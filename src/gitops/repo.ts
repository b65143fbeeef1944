// The local repository as the deploy flows see it: where it is, whether it is on the deploy branch
// with its upstream and nothing half done, fetching, behind/diverged checks, the commits not pushed
// yet, and commit messages and failures in words a person can act on. Reads, and refusals; no flow.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SimpleGit, StatusResult } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { allEnvironments } from '../environments.js';
import { IDENTITY_UNKNOWN, identityMessage } from './git-errors.js';
import { GitOpsError } from './types.js';

export function deployMessage(config: ResolvedConfig, message: string): string {
  const prefix = config.commitPrefix;
  const m = message.trim();
  if (m === '') throw new GitOpsError('the deploy message is empty: say what changed', 'check');
  return m.startsWith(prefix) || m.startsWith(prefix.trimEnd()) ? m : `${prefix}${m}`;
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
export function readStatus(git: SimpleGit, config: ResolvedConfig): Promise<StatusResult> {
  return git.status().catch(() => {
    throw new GitOpsError(`${config.root} is not a git repository (or has no commits yet)`, 'check');
  });
}

/** Deploy branch, upstream, nothing in progress: from the status and the git directory. */
export function preflight(status: StatusResult, config: ResolvedConfig): { branch: string; upstream: string } {
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
  if (branch !== config.branch) throw new GitOpsError(wrongBranch(config, branch), 'check');
  if (!status.tracking) throw new GitOpsError(`${branch} has no upstream: push it once with git push -u ${config.remote} ${branch}`, 'check');
  if (status.tracking !== `${config.remote}/${config.branch}`) {
    // The fetch, the push and the behind check must all talk about the same remote branch.
    throw new GitOpsError(`${branch} tracks ${status.tracking}, but gitops-guard.json deploys to ${config.remote}/${config.branch}: `
      + `set "remote" (and "branch") to match, or git branch -u ${config.remote}/${config.branch}`, 'check');
  }
  return { branch, upstream: status.tracking };
}

/**
 * On another branch than the environment's: where a promotion is the way, say so (promoteFrom,
 * environments.ts), else merge into the deploy branch.
 */
function wrongBranch(config: ResolvedConfig, branch: string): string {
  const plain = `you are on "${branch}", not the deploy branch "${config.branch}": merge your change into ${config.branch} first`;
  if (!config.topLevel?.environments) return plain;
  const envs = allEnvironments(config);
  // Deploying an environment that takes its commits by promotion, from the branch it is promoted from.
  const from = config.promoteFrom === undefined ? undefined : envs.find((e) => e.environment === config.promoteFrom);
  if (from && from.branch === branch) {
    return `you are on "${branch}", the branch of environment ${from.environment}, and ${config.environment} takes its commits from it by promotion: `
      + `gitops-guard promote ${from.environment} ${config.environment} moves ${config.environment} (branch ${config.branch}) to what ${from.environment} `
      + `runs, once it is applied and healthy there`;
  }
  // On the branch of an environment that is promoted into: the change goes to the deploy branch, then along by promotion.
  const promoted = envs.find((e) => e.branch === branch && e.promoteFrom !== undefined && e.environment !== config.environment);
  if (promoted) {
    return `you are on "${branch}", the branch of environment ${promoted.environment}, which takes its commits by promotion from ${promoted.promoteFrom}: `
      + `deploy your change on ${config.branch} (git switch ${config.branch}), then: gitops-guard promote ${promoted.promoteFrom} ${promoted.environment}`;
  }
  return plain;
}

/** The status with the preflight's answers, for the flows that need both. */
export const checkedStatus = (git: SimpleGit, config: ResolvedConfig): Promise<{ status: StatusResult; branch: string; upstream: string }> =>
  readStatus(git, config).then((status) => ({ status, ...preflight(status, config) }));

/**
 * Fetch (verbosely: simple-git waits 50 ms after a command that prints nothing). Says whether any
 * remote-tracking ref moved: when none did, what `git status` read beside the fetch still holds.
 */
export async function fetch(git: SimpleGit, config: ResolvedConfig): Promise<{ moved: boolean }> {
  try {
    const r = await git.fetch(['-v', '--no-auto-maintenance', '--no-write-fetch-head', config.remote, config.branch]);
    return { moved: r.updated.length + r.branches.length + r.deleted.length > 0 };
  } catch (e) {
    throw new GitOpsError(`git fetch ${config.remote} failed: ${(e as Error).message.trim()}`, 'fetch');
  }
}

/** Refuse (before any commit is made) when the branch is behind or has diverged. */
export async function checkUpToDate(git: SimpleGit, config: ResolvedConfig, upstream: string,
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
export async function inOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Commits on the branch that its upstream does not have, oldest first. */
export async function unpushedCommits(git: SimpleGit, upstream: string): Promise<{ sha: string; subject: string }[]> {
  const out = (await git.raw(['log', '--reverse', '--format=%H%x09%s', `${upstream}..HEAD`])).trim();
  return out === '' ? [] : out.split('\n').map((l) => { const [sha = '', ...rest] = l.split('\t'); return { sha, subject: rest.join('\t') }; });
}

export const listCommits = (cs: { sha: string; subject: string }[]): string =>
  cs.slice(0, 5).map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join(', ') + (cs.length > 5 ? `, and ${cs.length - 5} more` : '');

/** A failed commit as a situation to fix: git's own words, and what to run. */
export function commitFailure(e: unknown, config: ResolvedConfig): GitOpsError {
  const text = (e as Error)?.message ?? String(e);
  if (IDENTITY_UNKNOWN.test(text)) return new GitOpsError(identityMessage(config.root), 'commit');
  return new GitOpsError(`git commit failed; nothing was committed:\n  ${text.trim().split('\n').slice(-6).join('\n  ')}`, 'commit');
}
