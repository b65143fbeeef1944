// The GitOps loop from the developer's side: validate → commit "deploy: …" → push → wait (after-push.ts,
// verify.ts), and finishing an interrupted deploy (resume). Nothing here resets, force-pushes, or
// discards a commit: on every failure the local commits and work tree stay as they were, and the
// error says what to run. History and rollback: rollback.ts; the repository checks: repo.ts.
import { simpleGit, type SimpleGit, type StatusResult } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { formatProblem, validateFiles } from '../compose/validate.js';
import type { Server } from '../remote/server.js';
import { classifyPush, pushMessage } from './git-errors.js';
import { afterPush } from './after-push.js';
import { iacFilter, iacWhere } from './iac-paths.js';
import { kubeReconciler } from '../kube/engine.js';
import { checkUpToDate, checkedStatus, commitFailure, deployMessage, fetch, inOrder, listCommits, unpushedCommits } from './repo.js';
import { GitOpsError, type DeployOptions, type DeployResult, type Progress, type PushOptions } from './types.js';
import { snapshotAll } from './verify.js';

/** The commit message: the one given, or `restart [service]`; with the prefix. */
function messageOf(config: ResolvedConfig, options: DeployOptions): string {
  if (!options.restart) return deployMessage(config, options.message ?? '');
  if (options.service !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(options.service)) {
    throw new GitOpsError(`"${options.service}" is not a service name`, 'check');
  }
  return deployMessage(config, options.message ?? `restart${options.service ? ` ${options.service}` : ''}`);
}

/** What the validation step checks: the compose files; an engine's manifests are the engine's to check. */
function validating(config: ResolvedConfig): string {
  if (config.composeFiles.length > 0) return `validating ${config.composeFiles.join(', ')}`;
  const engine = kubeReconciler(config);
  return engine ? `no compose files to validate: ${engine.type === 'argocd' ? 'Argo CD' : 'Flux'} checks the Kubernetes manifests when it applies them`
    : 'validating (no compose files configured)';
}

interface Read {
  readonly status: StatusResult;
  readonly upstream: string;
  /** Ahead and behind from the status, when the fetch moved no ref (so they still hold). */
  readonly known: { ahead: number; behind: number } | undefined;
}

/**
 * Independent reads run together: the status (which also answers the repository checks), the
 * fetch, and validation (CPU work in this process, while the git processes run). Failures are
 * still reported in step order.
 */
async function readAndValidate(git: SimpleGit, config: ResolvedConfig, progress: Progress): Promise<Read> {
  progress('validate', validating(config));
  progress('fetch', `fetching ${config.remote}`);
  const fetched = fetch(git, config);
  const checked = checkedStatus(git, config);
  // Validation is CPU work on this thread: it starts on the next turn of the event loop, once
  // simple-git (several promise hops per command) has started the git processes, not before.
  const validated = new Promise((started) => setImmediate(started)).then(() => validateFiles(config.root, config.composeFiles))
    .catch((e: unknown) => {
      // A file the validator cannot take (an alias bomb, nesting past its limit): the user's file, not a bug.
      throw new GitOpsError(`the compose files cannot be validated; nothing was committed: ${(e as Error)?.message ?? String(e)}`, 'validate');
    });
  const [{ status, upstream }, validation, { moved }] = await inOrder([checked, validated, fetched] as const);
  if (!validation.ok) {
    throw new GitOpsError(`the compose files are not valid; nothing was committed:\n${validation.problems
      .filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`, 'validate');
  }
  return { status, upstream, known: moved ? undefined : { ahead: status.ahead, behind: status.behind } };
}

/** The files to commit: those named (each must have changed), else the changed IaC files; none for a restart. */
async function filesToCommit(config: ResolvedConfig, options: DeployOptions, status: StatusResult, upstream: string): Promise<string[]> {
  let files: string[] = [];
  if (!options.restart) {
    const changed = [...status.modified, ...status.not_added, ...status.deleted, ...status.created, ...status.renamed.map((r) => r.to)];
    if (options.files && options.files.length > 0) {
      files = options.files.map((f) => f.replace(/^\.\//, ''));
      const missing = files.filter((f) => !changed.includes(f) && !status.staged.includes(f));
      if (missing.length > 0) throw new GitOpsError(`nothing changed in ${missing.join(', ')}`, 'stage');
    } else {
      files = [...new Set([...changed, ...status.staged])].filter(iacFilter(config));
    }
    if (files.length === 0) {
      const waiting = options.server ? await notApplied(config, options.server, upstream).catch(() => null) : null;
      if (waiting) {
        throw new GitOpsError(`nothing new to deploy, but ${waiting.slice(0, 7)} on ${upstream} is pushed and the server has not applied it yet: `
          + 'gitops-guard deploy --resume waits for it (or gitops-guard status shows what the server runs)', 'stage');
      }
      throw new GitOpsError(`nothing to deploy: no changes in the IaC files (${iacWhere(config)}); to make the server apply again as it is, use restart`, 'stage');
    }
  }
  const otherStaged = status.staged.filter((f) => !files.includes(f));
  if (otherStaged.length > 0) {
    throw new GitOpsError(`other changes are already staged (${otherStaged.join(', ')}): commit or unstage them first (git restore --staged ${otherStaged.join(' ')})`, 'stage');
  }
  return files;
}

/**
 * `git commit -- FILES` takes tracked files as they are in the work tree; only new files need
 * `git add` first. Staging only touches the index, so it runs beside the behind/diverged check;
 * when the check or the commit refuses, the new files are unstaged again, leaving the index as it was.
 */
async function stageAndCommit(git: SimpleGit, config: ResolvedConfig, read: Read, files: string[], message: string,
  options: DeployOptions, progress: Progress): Promise<{ commit: string }> {
  progress('stage', files.length ? `staging ${files.join(', ')}` : 'an empty commit');
  const untracked = files.filter((f) => read.status.not_added.includes(f));
  const staging = untracked.length > 0 ? git.raw(['add', '--verbose', '--', ...untracked]) : Promise.resolve('');
  try {
    await inOrder([checkUpToDate(git, config, read.upstream, read.known), staging] as const);
  } catch (e) {
    if (untracked.length > 0) await staging.then(() => git.raw(['reset', '-q', '--', ...untracked]), () => '').catch(() => undefined);
    throw e;
  }
  progress('commit', message);
  try {
    return await git.commit(message, files.length > 0 ? files : [], options.restart ? { '--allow-empty': null } : {});
  } catch (e) {
    // Nothing was committed: the new files go back to untracked, as they were.
    if (untracked.length > 0) await git.raw(['reset', '-q', '--', ...untracked]).catch(() => undefined);
    throw commitFailure(e, config);
  }
}

export async function deploy(config: ResolvedConfig, options: DeployOptions): Promise<DeployResult> {
  if (options.resume) return resume(config, options);
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  const message = messageOf(config, options);
  const read = await readAndValidate(git, config, progress);
  const { status, upstream, known } = read;

  // An interrupted deploy (killed after its commit, or a push that failed) is finished, not buried.
  if (status.ahead > 0) {
    const unpushed = await unpushedCommits(git, upstream);
    if (unpushed.length > 0) {
      throw new GitOpsError(`${unpushed.length} commit(s) on ${config.branch} are not pushed yet (${listCommits(unpushed)}): `
        + 'an earlier deploy stopped after its commit, or its push failed. Finish it first: gitops-guard deploy --resume '
        + '(pushes them and waits for the server); your changes in the work tree stay as they are', 'check');
    }
  }
  const files = await filesToCommit(config, options, status, upstream);
  if (options.dryRun) {
    await checkUpToDate(git, config, upstream, known);
    progress('commit', `dry run: would commit ${files.length ? files.join(', ') : '(empty commit)'} as "${message}" and push to ${upstream}`);
    return { commit: null, message, files, pushedAt: null, dryRun: true };
  }
  const committed = await stageAndCommit(git, config, read, files, message, options, progress);

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
  return afterPush(config, { commit, message, files, pushedAt, dryRun: false, rollback: `gitops-guard rollback ${commit.slice(0, 7)}` },
    before, options, true);
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
export async function resume(config: ResolvedConfig, options: PushOptions): Promise<DeployResult> {
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  progress('check', 'checking the repository');
  progress('fetch', `fetching ${config.remote}`);
  const [{ upstream }] = await inOrder([checkedStatus(git, config), fetch(git, config)] as const);
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
  return afterPush(config, { commit, message, files, pushedAt, dryRun: false, rollback: `gitops-guard rollback ${commit.slice(0, 7)}` },
    before, options, true);
}
