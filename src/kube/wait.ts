// Deploy's wait for an environment whose engine runs in a cluster (reconciler argocd or flux):
// after the push, nudge the engine, then read its object until it has applied the pushed commit and
// is healthy, until it reports that it cannot, or until the time is up (pending, with what was last
// seen). No SSH and no server: only the Kubernetes API of the kubeconfig context.
import type { ResolvedConfig } from '../config.js';
import type { DeployOptions, VerifyResult } from '../gitops/types.js';
import { argoEngine } from './argocd.js';
import { KubeError, openKube, type KubeClient } from './client.js';
import { kubeReconciler, type Engine, type KubeReconciler, type Seen, type Verdict } from './engine.js';
import { fluxEngine } from './flux.js';

export function engineFor(r: KubeReconciler): Engine {
  return r.type === 'argocd' ? argoEngine(r.namespace, r.app) : fluxEngine(r.namespace, r.kustomization);
}

const nameOf = (r: KubeReconciler): string => r.type === 'argocd' ? `Application ${r.namespace}/${r.app}` : `Kustomization ${r.namespace}/${r.kustomization}`;

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal?.aborted) { reject(new KubeError('cancelled while waiting for the engine')); return; }
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(new KubeError('cancelled while waiting for the engine')); }, { once: true });
});

type WaitOptions = Pick<DeployOptions, 'waitTimeoutMs' | 'pollMs' | 'progress' | 'signal'>;

/**
 * Wait until the engine of `config`'s environment has applied `commit` and calls it healthy. Never
 * throws for what the cluster says: an unreadable kubeconfig, a missing object or an API that
 * refuses are problems in the result, and the push stands.
 */
export async function waitOnEngine(config: ResolvedConfig, commit: string, options: WaitOptions = {}): Promise<VerifyResult> {
  const r = kubeReconciler(config);
  if (!r) throw new KubeError(`environment "${config.environment}" has no Argo CD or Flux reconciler`);
  const progress = options.progress ?? (() => undefined);
  const short = commit.slice(0, 7);
  const timeout = options.waitTimeoutMs ?? 5 * 60_000;
  const poll = options.pollMs ?? 3000;
  const deadline = Date.now() + timeout;
  const end = (ok: boolean, pending: boolean, problems: string[], seen: Seen | null, appliedAt: string | null = null): VerifyResult =>
    ({ ok, commit, appliedAt, services: [], problems, pending, ...(seen ? { engine: seen.status } : {}) });
  // A missing object will not appear by waiting: that is a failure; anything else could not be checked.
  const unchecked = (e: unknown, seen: Seen | null = null): VerifyResult => {
    const message = e instanceof Error ? e.message : String(e);
    const missing = e instanceof KubeError && e.code === 404;
    return { ...end(false, !missing, [`${short} is pushed, but ${nameOf(r)} ${missing ? 'is not there' : 'could not be checked'}: ${message}`,
      missing ? 'Fix the reconciler in the config (name, namespace, context), then: gitops-guard deploy --resume'
        : 'When the cluster can be reached, wait for it with: gitops-guard deploy --resume (or look with gitops-guard status)'], seen), unchecked: true };
  };
  let client: KubeClient;
  let requestedAt: string | null;
  let notes: string[];
  try {
    client = await openKube(r, config.root);
    progress('trigger', `asking ${r.type === 'argocd' ? 'Argo CD' : 'Flux'} to look at git now (${nameOf(r)}, context ${client.context})`);
    ({ requestedAt, notes } = await engineFor(r).nudge(client, new Date()));
  } catch (e) {
    return unchecked(e);
  }
  for (const note of notes) progress('trigger', note);
  progress('wait', `waiting for ${nameOf(r)} to apply ${short} (up to ${Math.round(timeout / 1000)} s)`);
  let seen: Seen | null = null;
  let said = '';
  for (;;) {
    let verdict: Verdict | null = null;
    let error: unknown = null;
    try {
      seen = await engineFor(r).read(client);
      verdict = seen.judge(commit, requestedAt);
    } catch (e) {
      if (e instanceof KubeError && e.code === 404) return unchecked(e, seen);
      error = e;
    }
    if (verdict?.state === 'ok') return end(true, false, [], seen, verdict.at ?? new Date().toISOString());
    if (verdict?.state === 'failed') return end(false, false, [verdict.message, ...notes, `Roll back with: gitops-guard rollback ${short}`], seen, verdict.at ?? null);
    if (verdict?.state === 'stuck') return end(false, true, [verdict.message, ...notes], seen);
    const now = verdict?.message ?? `reading ${nameOf(r)} failed: ${(error as Error)?.message ?? String(error)}`;
    if (now !== said) { progress('wait', now); said = now; }
    if (Date.now() + poll > deadline) {
      return end(false, true, [`${nameOf(r)} has not applied ${short} within ${Math.round(timeout / 1000)} s; last seen: ${now}`, ...notes,
        'Wait longer with: gitops-guard deploy --resume; look with: gitops-guard status'], seen);
    }
    await sleep(poll, options.signal);
  }
}
