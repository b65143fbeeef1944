// What follows a push: wait on the engine (Argo CD, Flux: src/kube) or on the servers (verify.ts),
// and with revertOnFailure, when the pushed commit failed to apply or came up unhealthy, commit,
// push and wait for its revert. Git stays the one source of truth: what runs is what a pushed
// commit says.
import { simpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import type { Server } from '../remote/server.js';
import { kubeReconciler } from '../kube/engine.js';
import { waitOnEngine } from '../kube/wait.js';
import { classifyPush, pushMessage } from './git-errors.js';
import { commitFailure, deployMessage } from './repo.js';
import type { DeployResult, Progress, PushOptions, VerifyResult } from './types.js';
import { snapshotAll, waitAll, type Before } from './verify.js';

/** Wait for a pushed commit; `before` is what the servers ran before the push (none for an engine). */
type Wait = (commit: string, pushedAt: string, before: Map<Server, Before> | null) => Promise<VerifyResult>;

/**
 * How a pushed commit is waited for: Argo CD and Flux environments through the Kubernetes API
 * (src/kube), others over SSH on every server; null when told not to wait, or with no server to ask.
 */
function waiter(config: ResolvedConfig, options: PushOptions): Wait | null {
  if (options.wait === false) return null;
  if (kubeReconciler(config) !== null) return (commit) => waitOnEngine(config, commit, options);
  if (!options.server) return null;
  return (commit, pushedAt, before) => waitAll(config, commit, pushedAt, before, options);
}

/**
 * The pushed `result` with what the wait found (none when there is nothing to wait on); with
 * `revert`, a failed commit is reverted as revertOnFailure says, and the revert waited for the same way.
 */
export async function afterPush(config: ResolvedConfig, result: DeployResult & { commit: string; pushedAt: string },
  before: Map<Server, Before> | null, options: PushOptions, revert: boolean): Promise<DeployResult> {
  const wait = waiter(config, options);
  if (!wait) return result;
  const verified = { ...result, verify: await wait(result.commit, result.pushedAt, before) };
  return revert ? withRevert(config, verified, options, wait) : verified;
}

/** Where the commit failed, for the revert's progress line. */
function where(config: ResolvedConfig): string {
  const engine = kubeReconciler(config);
  return engine === null ? 'on the server' : engine.type === 'argocd' ? 'in Argo CD' : 'in Flux';
}

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
 * still pending), commit `deploy: revert <sha> (<why>)`, push it and wait for it.
 */
async function withRevert(config: ResolvedConfig, r: DeployResult, options: PushOptions, wait: Wait): Promise<DeployResult> {
  const v = r.verify;
  const wanted = options.revertOnFailure ?? config.revertOnFailure ?? false;
  if (!wanted || !v || v.ok || v.pending || v.unchecked || !r.commit) return r;
  const progress: Progress = options.progress ?? (() => undefined);
  const git = simpleGit({ baseDir: config.root });
  const short = r.commit.slice(0, 7);
  const message = deployMessage(config, `revert ${short} (${whyFailed(v)})`);
  progress('revert', `${short} failed ${where(config)}: ${message}`);
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
  const reverted: DeployResult = { commit, message, files: r.files, pushedAt, dryRun: false, verify: await wait(commit, pushedAt, before) };
  return { ...r, revert: reverted };
}
