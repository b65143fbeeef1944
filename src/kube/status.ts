// `status` for an environment whose engine runs in a cluster: the engine's own fields, and how they
// compare with the deploy branch's upstream commit. Read-only: one or two GETs, no annotation.
import { simpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { KubeError, openKube } from './client.js';
import { kubeReconciler, type EngineStatus, type Verdict } from './engine.js';
import { engineFor } from './wait.js';

export interface EngineReport extends EngineStatus {
  /** The upstream commit of the deploy branch (null when it cannot be read here). */
  readonly upstream: string | null;
  /** The verdict on the upstream commit: ok (applied, healthy), wait, failed, stuck. */
  readonly state: Verdict['state'] | 'unknown';
  readonly summary: string;
}

/** Read the engine of `config`'s environment; throws a KubeError with what to fix when it cannot. */
export async function engineStatus(config: ResolvedConfig): Promise<EngineReport> {
  const r = kubeReconciler(config);
  if (!r) throw new KubeError(`environment "${config.environment}" has no Argo CD or Flux reconciler`);
  const upstream = await simpleGit({ baseDir: config.root }).revparse([`${config.remote}/${config.branch}`])
    .then((s) => s.trim(), () => null);
  const client = await openKube(r, config.root);
  const seen = await engineFor(r).read(client);
  if (!upstream) {
    return { ...seen.status, upstream, state: 'unknown',
      summary: `at ${seen.status.revision?.slice(0, 7) ?? 'no revision'}; ${config.remote}/${config.branch} is unknown here (git fetch first)` };
  }
  const verdict = seen.judge(upstream, null);
  return { ...seen.status, upstream, state: verdict.state, summary: verdict.message };
}

/**
 * For promote and the environments overview: null when the engine has applied `head` and calls it
 * healthy, else what it reports instead (or why it cannot be read).
 */
export async function engineProblem(config: ResolvedConfig, head: string): Promise<string | null> {
  try {
    const report = await engineStatus(config);
    if (report.state === 'ok' && report.revision === head) return null;
    return `${report.object} (context ${report.context}): ${report.summary}`;
  } catch (e) {
    return `its engine cannot be read: ${(e as Error).message}`;
  }
}
