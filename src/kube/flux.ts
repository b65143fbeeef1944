// Flux: the Kustomization (kustomize.toolkit.fluxcd.io/v1) that applies the deploy branch, and the
// GitRepository (source.toolkit.fluxcd.io/v1) it reads. Deploy nudges both with
// reconcile.fluxcd.io/requestedAt (source first, so the Kustomization sees the new artifact) and
// waits until status.lastAppliedRevision names the pushed commit (`main@sha1:<sha>`) with
// condition Ready=True at the current generation. Ready=False at that commit (its
// lastAttemptedRevision) ends the wait with Flux's reason and message; so does a source that
// handled the request and cannot fetch.
import type { KubeClient, KubeObject, ObjectRef } from './client.js';
import { describeRef, KubeError } from './client.js';
import { at, conditions, revisionCommit, type Engine, type Seen, type Verdict } from './engine.js';

export const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

export function kustomizationRef(namespace: string, name: string): ObjectRef {
  return { group: 'kustomize.toolkit.fluxcd.io', version: 'v1', plural: 'kustomizations', kind: 'Kustomization', namespace, name };
}

export function gitRepositoryRef(namespace: string, name: string): ObjectRef {
  return { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories', kind: 'GitRepository', namespace, name };
}

/** The GitRepository a Kustomization reads, when its source is one. */
function sourceOf(ks: KubeObject, namespace: string): ObjectRef | null {
  if (at(ks, 'spec.sourceRef.kind') !== 'GitRepository') return null;
  const name = at(ks, 'spec.sourceRef.name');
  return name ? gitRepositoryRef(at(ks, 'spec.sourceRef.namespace') ?? namespace, name) : null;
}

const ready = (obj: KubeObject) => conditions(obj).find((c) => c.type === 'Ready');
const readyText = (obj: KubeObject): string => {
  const r = ready(obj);
  return r ? `Ready=${r.status ?? '?'}${r.reason ? ` ${r.reason}` : ''}${r.message ? `: ${r.message}` : ''}` : 'no Ready condition yet';
};

function fieldsOf(ks: KubeObject, source: KubeObject | null): Record<string, string | null> {
  const r = ready(ks);
  const s = source ? ready(source) : undefined;
  return {
    'status.lastAppliedRevision': at(ks, 'status.lastAppliedRevision'),
    'status.lastAttemptedRevision': at(ks, 'status.lastAttemptedRevision'),
    'Ready': r?.status ?? null, 'Ready.reason': r?.reason ?? null, 'Ready.message': r?.message ?? null,
    'metadata.generation': at(ks, 'metadata.generation'), 'status.observedGeneration': at(ks, 'status.observedGeneration'),
    'status.lastHandledReconcileAt': at(ks, 'status.lastHandledReconcileAt'), 'spec.suspend': at(ks, 'spec.suspend'),
    ...(source ? {
      'source.status.artifact.revision': at(source, 'status.artifact.revision'),
      'source.Ready': s?.status ?? null, 'source.Ready.message': s?.message ?? null,
    } : {}),
  };
}

export function judgeKustomization(ks: KubeObject, source: KubeObject | null, name: string, commit: string, requestedAt: string | null): Verdict {
  const short = commit.slice(0, 7);
  if (at(ks, 'spec.suspend') === 'true') {
    return { state: 'stuck', message: `Kustomization ${name} is suspended (spec.suspend): Flux applies nothing until it is resumed` };
  }
  const r = ready(ks);
  const generation = ks.metadata?.generation;
  const observed = Number(at(ks, 'status.observedGeneration') ?? NaN);
  const current = generation === undefined || observed >= generation;
  const applied = revisionCommit(at(ks, 'status.lastAppliedRevision'));
  if (current && r?.status === 'False' && revisionCommit(at(ks, 'status.lastAttemptedRevision')) === commit) {
    return { state: 'failed', message: `Flux could not apply ${short} (Kustomization ${name}, ${readyText(ks)})`, at: r.lastTransitionTime ?? null };
  }
  if (current && r?.status === 'True' && applied === commit) {
    return { state: 'ok', message: `Kustomization ${name} applied ${short} and is Ready`, at: r.lastTransitionTime ?? null };
  }
  if (source && ready(source)?.status === 'False' && revisionCommit(at(source, 'status.artifact.revision')) !== commit
    && (requestedAt === null || at(source, 'status.lastHandledReconcileAt') === requestedAt)) {
    return { state: 'failed', message: `Flux's source cannot fetch ${short} (GitRepository ${at(source, 'metadata.name') ?? '?'}, ${readyText(source)})` };
  }
  const handled = requestedAt !== null && at(ks, 'status.lastHandledReconcileAt') !== requestedAt ? '; the reconcile request is not handled yet' : '';
  return { state: 'wait', message: `Kustomization ${name} last applied ${applied?.slice(0, 7) ?? 'nothing'} (${readyText(ks)}), not ${short} yet${handled}` };
}

export function fluxEngine(namespace: string, name: string): Engine {
  const ref = kustomizationRef(namespace, name);
  return {
    async nudge(client: KubeClient, now: Date) {
      const requestedAt = now.toISOString();
      const notes: string[] = [];
      const ks = await client.get(ref);
      const source = sourceOf(ks, namespace);
      if (!source) notes.push(`${describeRef(ref)} reads a ${at(ks, 'spec.sourceRef.kind') ?? 'missing'} source, not a GitRepository: only the Kustomization is nudged`);
      for (const target of source ? [source, ref] : [ref]) {
        try {
          await client.annotate(target, { [REQUESTED_AT]: requestedAt });
        } catch (e) {
          if (!(e instanceof KubeError) || e.code !== 403) throw e;
          notes.push(`could not ask ${describeRef(target)} to reconcile (${e.message}); waiting for Flux's own interval`);
        }
      }
      return { requestedAt, notes };
    },
    async read(client: KubeClient): Promise<Seen> {
      const ks = await client.get(ref);
      const sourceRef = sourceOf(ks, namespace);
      const source = sourceRef ? await client.get(sourceRef).catch(() => null) : null;
      const fields = fieldsOf(ks, source);
      return {
        status: { engine: 'flux', context: client.context, server: client.server, object: describeRef(ref),
          revision: revisionCommit(fields['status.lastAppliedRevision']), fields },
        judge: (commit, requestedAt) => judgeKustomization(ks, source, name, commit, requestedAt),
      };
    },
  };
}
