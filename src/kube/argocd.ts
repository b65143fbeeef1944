// Argo CD: the Application (argoproj.io/v1alpha1) that follows the deploy branch. Deploy nudges it
// with the refresh annotation (Argo otherwise polls git every ~3 minutes), then waits until
// status.sync.revision is the pushed commit, status.sync.status Synced and status.health.status
// Healthy. A failed sync operation at that commit, or Degraded health, ends the wait with Argo's message.
import type { KubeClient, KubeObject, ObjectRef } from './client.js';
import { describeRef, KubeError } from './client.js';
import { at, conditions, revisionCommit, type Engine, type Seen, type Verdict } from './engine.js';

export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

export function applicationRef(namespace: string, name: string): ObjectRef {
  return { group: 'argoproj.io', version: 'v1alpha1', plural: 'applications', kind: 'Application', namespace, name };
}

/** The fields shown and judged, by their paths in the Application. */
const FIELDS = ['status.sync.status', 'status.sync.revision', 'status.health.status', 'status.health.message',
  'status.operationState.phase', 'status.operationState.message', 'status.operationState.syncResult.revision',
  'status.operationState.finishedAt', 'status.reconciledAt'] as const;

/** Why the Application is Degraded: its own message, else its resources' messages. */
function degradedWhy(app: KubeObject): string {
  const own = at(app, 'status.health.message');
  if (own) return own;
  const resources = Array.isArray(app.status?.resources) ? app.status.resources as Record<string, unknown>[] : [];
  const bad = resources.filter((r) => at(r, 'health.status') === 'Degraded')
    .map((r) => `${at(r, 'kind') ?? '?'} ${at(r, 'name') ?? '?'}${at(r, 'health.message') ? `: ${at(r, 'health.message')}` : ''}`);
  return bad.join('; ') || 'no message';
}

/** Whether Argo CD syncs by itself: spec.syncPolicy.automated present (and not `enabled: false`, Argo CD 3). */
function autoSync(app: KubeObject): boolean {
  const automated = (app.spec?.syncPolicy as { automated?: { enabled?: boolean } | null } | undefined)?.automated;
  return automated !== undefined && automated !== null && automated.enabled !== false;
}

export function judgeApplication(app: KubeObject, name: string, commit: string): Verdict {
  const short = commit.slice(0, 7);
  const phase = at(app, 'status.operationState.phase');
  const opRevision = revisionCommit(at(app, 'status.operationState.syncResult.revision')
    ?? at(app, 'status.operationState.operation.sync.revision'));
  if ((phase === 'Failed' || phase === 'Error') && opRevision === commit) {
    return { state: 'failed', message: `Argo CD's sync of ${short} ended ${phase}: ${at(app, 'status.operationState.message') ?? 'no message'}`,
      at: at(app, 'status.operationState.finishedAt') };
  }
  // A multi-source Application lists one revision per source (status.sync.revisions).
  const revisions = Array.isArray((app.status?.sync as { revisions?: unknown } | undefined)?.revisions)
    ? ((app.status!.sync as { revisions: unknown[] }).revisions).map(revisionCommit) : [];
  const revision = revisions.includes(commit) ? commit : revisionCommit(at(app, 'status.sync.revision')) ?? revisions[0] ?? null;
  const sync = at(app, 'status.sync.status') ?? 'unknown';
  const health = at(app, 'status.health.status') ?? 'unknown';
  if (revision !== commit) {
    const errors = conditions(app).filter((c) => /Error$/.test(c.type ?? '')).map((c) => `${c.type}: ${c.message ?? ''}`);
    return { state: 'wait', message: `Application ${name} is at ${revision?.slice(0, 7) ?? 'no revision'} (${sync}, ${health}), not ${short} yet`
      + (errors.length ? `; ${errors.join('; ')}` : '') };
  }
  if (health === 'Degraded') return { state: 'failed', message: `Application ${name} is Degraded at ${short}: ${degradedWhy(app)}` };
  if (sync === 'Synced' && health === 'Healthy' && phase !== 'Running') {
    return { state: 'ok', message: `Application ${name} is Synced and Healthy at ${short}`,
      at: at(app, 'status.operationState.finishedAt') ?? at(app, 'status.reconciledAt') };
  }
  if (sync === 'OutOfSync' && phase !== 'Running' && app.spec !== undefined && !autoSync(app)) {
    return { state: 'stuck', message: `Application ${name} is OutOfSync at ${short} and its auto-sync is off: `
      + `someone must sync it in Argo CD (argocd app sync ${name}), or turn on spec.syncPolicy.automated in git` };
  }
  return { state: 'wait', message: `Application ${name} is ${sync} and ${health} at ${short}${phase === 'Running' ? ' (a sync is running)' : ''}` };
}

export function argoEngine(namespace: string, name: string): Engine {
  const ref = applicationRef(namespace, name);
  return {
    async nudge(client: KubeClient) {
      try {
        await client.annotate(ref, { [REFRESH_ANNOTATION]: 'normal' });
        return { requestedAt: null, notes: [] };
      } catch (e) {
        if (!(e instanceof KubeError) || e.code !== 403) throw e;
        return { requestedAt: null, notes: [`could not ask ${describeRef(ref)} to refresh (${e.message}); waiting for Argo CD's own poll of git`] };
      }
    },
    async read(client: KubeClient): Promise<Seen> {
      const app = await client.get(ref);
      const fields = Object.fromEntries(FIELDS.map((f) => [f, at(app, f)]));
      return {
        status: { engine: 'argocd', context: client.context, server: client.server, object: describeRef(ref),
          revision: revisionCommit(fields['status.sync.revision']), fields },
        judge: (commit) => judgeApplication(app, name, commit),
      };
    },
  };
}
