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

/** Argo CD and Flux environments are waited on through the Kubernetes API (src/kube), not over SSH. */
const onEngine = (config: ResolvedConfig, options: { wait?: boolean }): boolean => options.wait !== false && kubeReconciler(config) !== null;

/**
 * The pushed `result` with what the wait found (none when told not to wait, or with no server to
 * ask); with `revert`, a failed commit is reverted as revertOnFailure says.
 */
export async function afterPush(config: ResolvedConfig, result: DeployResult & { commit: string; pushedAt: string },
  before: Map<Server, Before> | null, options: PushOptions, revert: boolean): Promise<DeployResult> {
  if (onEngine(config, options)) return { ...result, verify: await waitOnEngine(config, result.commit, options) };
  if (options.wait === false || !options.server) return result;
  const verified = { ...result, verify: await waitAll(config, result.commit, result.pushedAt, before, options) };
  return revert ? withRevert(config, verified, options) : verified;
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
async function withRevert(config: ResolvedConfig, r: DeployResult, options: PushOptions): Promise<DeployResult> {
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
