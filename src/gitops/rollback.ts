// Deploy history (the `deploy: …` commits, which one is live, what the reconciler did at each) and
// rollback by `git revert` of a deploy commit, pushed like any deploy. Never reset, never force.
import { simpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import type { ReconcilerRun } from '../remote/server.js';
import { classifyPush, IDENTITY_UNKNOWN, pushMessage } from './git-errors.js';
import { afterPush } from './after-push.js';
import { checkUpToDate, checkedStatus, commitFailure, deployMessage, fetch, inOrder, listCommits, unpushedCommits } from './repo.js';
import { GitOpsError, type DeployResult, type Progress, type PushOptions } from './types.js';
import { snapshotAll } from './verify.js';

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

/** The full sha of the deploy commit to roll back: the last one, or the one named. */
async function target(config: ResolvedConfig, which: { sha?: string; last?: boolean }): Promise<string> {
  if (which.last) {
    const last = (await history(config, { limit: 1 }))[0];
    if (!last) throw new GitOpsError('there is no deploy commit to roll back', 'check');
    return last.sha;
  }
  if (which.sha && /^[0-9a-f]{4,64}$/i.test(which.sha)) {
    try {
      return (await simpleGit({ baseDir: config.root }).revparse([`${which.sha}^{commit}`])).trim();
    } catch {
      throw new GitOpsError(`no commit ${which.sha} in this repository`, 'check');
    }
  }
  throw new GitOpsError('name the deploy commit to roll back (a sha), or use --last', 'check');
}

/** Revert a deploy commit (`deploy: revert …`) and push; never reset, never force. */
export async function rollback(config: ResolvedConfig, which: { sha?: string; last?: boolean },
  options: PushOptions = {}): Promise<DeployResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  progress('fetch', `fetching ${config.remote}`);
  const [{ status, upstream }] = await inOrder([checkedStatus(git, config), fetch(git, config)] as const);
  if (!status.isClean()) {
    throw new GitOpsError(`the work tree has changes (${status.files.map((f) => f.path).join(', ')}): commit or stash them before rolling back`, 'check');
  }
  await checkUpToDate(git, config, upstream);
  const unpushed = await unpushedCommits(git, upstream);
  if (unpushed.length > 0) {
    throw new GitOpsError(`${unpushed.length} commit(s) on ${config.branch} are not pushed yet (${listCommits(unpushed)}): finish that deploy first `
      + '(gitops-guard deploy --resume), then roll back what is live', 'check');
  }
  const sha = await target(config, which);
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
  return afterPush(config, { commit, message, files: touched, pushedAt, dryRun: false }, before, options, false);
}
