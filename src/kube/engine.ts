// What a GitOps engine in a cluster (Argo CD, Flux) reports, in one shape for deploy's wait and for
// status: the engine's own fields by their paths, the commit it has applied, and a verdict for the
// commit deploy pushed. The engines (argocd.ts, flux.ts) know their objects; this file knows none.
import type { Reconciler, ResolvedConfig } from '../config.js';
import type { KubeClient } from './client.js';

export type KubeReconciler = Extract<Reconciler, { type: 'argocd' | 'flux' }>;

/** The reconciler when it is an engine in a cluster that deploy waits on through the Kubernetes API. */
export function kubeReconciler(config: Pick<ResolvedConfig, 'reconciler'>): KubeReconciler | null {
  const r = config.reconciler;
  return r.type === 'argocd' || r.type === 'flux' ? r : null;
}

export interface EngineStatus {
  readonly engine: 'argocd' | 'flux';
  /** The kubeconfig context and the cluster's API server. */
  readonly context: string;
  readonly server: string;
  /** What was read: "Application argocd/web", "Kustomization flux-system/apps". */
  readonly object: string;
  /** The commit the engine has synced or applied (a full sha), when its status names one. */
  readonly revision: string | null;
  /** The engine's own fields, by their paths (status.sync.status: Synced), as last read. */
  readonly fields: Readonly<Record<string, string | null>>;
}

/**
 * ok: the commit is applied and healthy. wait: not yet. failed: the engine says it cannot (its own
 * message). stuck: it will not move by itself (auto-sync off, suspended): ends the wait as pending.
 */
export interface Verdict {
  readonly state: 'ok' | 'wait' | 'failed' | 'stuck';
  readonly message: string;
  /** When the engine finished with the commit, as it reports it. */
  readonly at?: string | null;
}

export interface Seen {
  readonly status: EngineStatus;
  /** The verdict on `commit`; `requestedAt` is the nudge's value, when one was sent. */
  judge(commit: string, requestedAt: string | null): Verdict;
}

export interface Engine {
  /** Ask the engine to look at git now (annotations); returns the value to wait for, and notes. */
  nudge(client: KubeClient, now: Date): Promise<{ requestedAt: string | null; notes: string[] }>;
  read(client: KubeClient): Promise<Seen>;
}

/** The full commit in a revision as the engines write them: `<sha>`, `main@sha1:<sha>`, `main/<sha>`. */
export function revisionCommit(revision: unknown): string | null {
  if (typeof revision !== 'string') return null;
  const m = /(?:^|@sha1:|\/)([0-9a-f]{40})$/.exec(revision);
  return m ? m[1]! : null;
}

/** A value at a path of a parsed object, as a string (or null). */
export function at(obj: unknown, path: string): string | null {
  let v: unknown = obj;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export interface Condition { readonly type?: string; readonly status?: string; readonly reason?: string; readonly message?: string; readonly lastTransitionTime?: string }

/** status.conditions of an object (Flux's metav1.Condition, Argo's ApplicationCondition). */
export function conditions(obj: { status?: Record<string, unknown> }): Condition[] {
  const c = obj.status?.conditions;
  return Array.isArray(c) ? c.filter((x): x is Condition => x !== null && typeof x === 'object') : [];
}
