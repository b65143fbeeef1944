// Deploy, rollback and status for environments reconciled by Argo CD or Flux in a cluster. Git is
// real (a bare remote, a developer clone, real pushes). The Kubernetes API is a STAND-IN
// (test/support/kube-api.ts: HTTPS on 127.0.0.1 with its own CA and a token, the real REST paths),
// because no API server can run on these machines; each test's "controller" writes the objects'
// status as Argo CD or Flux would, in answer to the annotations deploy sends.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploy } from '../src/gitops/deploy.js';
import { rollback } from '../src/gitops/rollback.js';
import type { DeployResult } from '../src/gitops/types.js';
import type { ResolvedConfig } from '../src/config.js';
import { selectEnvironment } from '../src/environments.js';
import { environmentsOverview } from '../src/gitops/overview.js';
import { deployPlan } from '../src/gitops/plan.js';
import { promote } from '../src/gitops/promote.js';
import { loadConfig } from '../src/index.js';
import { revisionCommit } from '../src/kube/engine.js';
import { judgeApplication } from '../src/kube/argocd.js';
import { judgeKustomization } from '../src/kube/flux.js';
import { application, gitRepository, kustomization, startKubeApi, type KubeApi, type Obj } from './support/kube-api.js';
import { git, makeRepos, type Repos } from './support/repos.js';
import { BIN, tempDir } from './helpers.js';

const MANIFEST = 'k8s/web.yaml';
const manifest = (replicas: number): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n`
  + '  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

const APP = application('argocd', 'web');
const KS = kustomization('flux-system', 'apps');
const SOURCE = gitRepository('flux-system', 'repo');
const FAST = { waitTimeoutMs: 20_000, pollMs: 100 };

let work: string;
let api: KubeApi;
let repos: Repos;

/** The tip of main on the bare remote: what the engines' controllers read from git. */
const remoteHead = (): string => git(repos.bare, 'rev-parse', 'main');

function setUp(reconciler: Obj, config: Obj = { reconciler }): void {
  repos = makeRepos(work, {
    checkout: 'unused-checkout', message: 'deploy: first',
    files: { [MANIFEST]: manifest(1), 'gitops-guard.json': JSON.stringify(config, null, 2) },
  });
}

const argo = (extra: Obj = {}): Obj => ({ type: 'argocd', app: 'web', namespace: 'argocd', context: 'stand-in', kubeconfig: api.kubeconfig, ...extra });
const flux = (extra: Obj = {}): Obj => ({ type: 'flux', kustomization: 'apps', namespace: 'flux-system', context: 'stand-in', kubeconfig: api.kubeconfig, ...extra });

/** Argo CD as it stands after syncing `sha` with the health given. */
const argoStatus = (sha: string, health: Obj = { status: 'Healthy' }, sync = 'Synced', operation: Obj = { phase: 'Succeeded' }): Obj => ({
  sync: { status: sync, revision: sha }, health, reconciledAt: '2026-12-01T10:00:00Z',
  operationState: { syncResult: { revision: sha }, finishedAt: '2026-12-01T10:00:00Z', ...operation },
});

/** Argo CD's controller: on the refresh annotation it reads git, writes `status(sha)` and drops the annotation. */
function argoController(status: (sha: string) => Obj): void {
  api.onPatch = (ref, obj) => {
    if (ref.plural !== 'applications' || obj.metadata?.annotations?.['argocd.argoproj.io/refresh'] === undefined) return;
    const { ['argocd.argoproj.io/refresh']: _, ...rest } = obj.metadata.annotations as Record<string, string>;
    api.put(ref, { ...obj, metadata: { ...obj.metadata, annotations: rest }, status: status(remoteHead()) });
  };
}

const ready = (status: string, reason: string, message: string): Obj =>
  ({ type: 'Ready', status, reason, message, lastTransitionTime: '2026-12-01T10:00:00Z' });

/** Flux's controllers: the source fetches git on its annotation; the Kustomization writes `status(sha, requestedAt)` on its own. */
function fluxController(status: (sha: string, requestedAt: string) => Obj): void {
  api.onPatch = (ref, obj) => {
    const requestedAt = obj.metadata?.annotations?.['reconcile.fluxcd.io/requestedAt'] as string | undefined;
    if (!requestedAt) return;
    const sha = remoteHead();
    if (ref.plural === 'gitrepositories') {
      api.setStatus(ref, { artifact: { revision: `main@sha1:${sha}` }, lastHandledReconcileAt: requestedAt,
        conditions: [ready('True', 'Succeeded', `stored artifact for revision 'main@sha1:${sha}'`)] });
    } else if (ref.plural === 'kustomizations') {
      api.setStatus(ref, { observedGeneration: obj.metadata.generation, lastHandledReconcileAt: requestedAt, ...status(sha, requestedAt) });
    }
  };
}

/** The replica count the manifest has at `sha` on the remote: what the stand-in's controller "applies". */
const replicasAt = (sha: string): number => Number(/replicas: (\d+)/.exec(git(repos.bare, 'show', `${sha}:${MANIFEST}`))![1]);

async function deployChange(extra: Obj = {}): Promise<DeployResult> {
  writeFileSync(join(repos.dev, MANIFEST), manifest(2));
  const config = await loadConfig({ cwd: repos.dev });
  return deploy(config, { message: 'web: 2 replicas', files: [MANIFEST], ...FAST, ...extra });
}

beforeEach(async () => {
  work = tempDir('gitops-guard-kube-');
  api = await startKubeApi(work);
});
afterEach(async () => {
  await api.close();
});

describe('Argo CD (against the Kubernetes API stand-in)', () => {
  it('pushes, asks Argo CD to refresh, and is live once the Application is Synced and Healthy at the pushed commit', async () => {
    setUp(argo());
    const first = remoteHead();
    api.put(APP, { spec: { syncPolicy: { automated: { prune: true } } }, status: argoStatus(first) });
    argoController((sha) => argoStatus(sha));
    const steps: string[] = [];
    const r = await deployChange({ progress: (_: string, m: string) => steps.push(m) });
    expect(r.commit).toBe(remoteHead());
    expect(r.verify).toMatchObject({ ok: true, pending: false, commit: r.commit, problems: [] });
    expect(r.verify?.engine).toMatchObject({ engine: 'argocd', context: 'stand-in', object: 'Application argocd/web', revision: r.commit });
    expect(r.verify?.engine?.fields).toMatchObject({ 'status.sync.status': 'Synced', 'status.health.status': 'Healthy', 'status.sync.revision': r.commit });
    // The nudge: a merge patch of the refresh annotation, sent with the kubeconfig's token, after the push.
    const patch = api.requests.find((q) => q.method === 'PATCH');
    expect(patch).toMatchObject({ path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/web',
      contentType: 'application/merge-patch+json', auth: true, body: { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } } });
    expect(steps.some((s) => s.includes('context stand-in'))).toBe(true);
  }, 30_000);

  it('says Argo CD checks the manifests when there are no compose files to validate', async () => {
    setUp(argo(), { reconciler: argo(), paths: [MANIFEST] });
    api.put(APP, { spec: { syncPolicy: { automated: {} } }, status: argoStatus(remoteHead()) });
    argoController((sha) => argoStatus(sha));
    writeFileSync(join(repos.dev, MANIFEST), manifest(3));
    const steps: string[] = [];
    const r = await deploy(await loadConfig({ cwd: repos.dev }), { message: 'web: 3', ...FAST, progress: (_: string, m: string) => steps.push(m) });
    expect(r).toMatchObject({ files: [MANIFEST], verify: { ok: true } });
    expect(steps).toContain('no compose files to validate: Argo CD checks the Kubernetes manifests when it applies them');
  }, 30_000);

  it('ends with Argo CD\'s own message when the Application turns Degraded at the pushed commit', async () => {
    setUp(argo());
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    argoController((sha) => ({ ...argoStatus(sha, { status: 'Degraded' }),
      resources: [{ kind: 'Deployment', name: 'web', health: { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' } }] }));
    const r = await deployChange();
    expect(r.verify).toMatchObject({ ok: false, pending: false });
    expect(r.verify?.problems[0]).toBe(`Application web is Degraded at ${r.commit!.slice(0, 7)}: Deployment web: Deployment "web" exceeded its progress deadline`);
    expect(r.verify?.problems.at(-1)).toContain(`gitops-guard rollback ${r.commit!.slice(0, 7)}`);
  }, 30_000);

  it('ends with the operation\'s message when Argo CD\'s sync of the commit fails', async () => {
    setUp(argo());
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    const why = 'one or more objects failed to apply, reason: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1';
    argoController((sha) => argoStatus(sha, { status: 'Healthy' }, 'OutOfSync', { phase: 'Failed', message: why }));
    const r = await deployChange();
    expect(r.verify).toMatchObject({ ok: false, pending: false });
    expect(r.verify?.problems[0]).toBe(`Argo CD's sync of ${r.commit!.slice(0, 7)} ended Failed: ${why}`);
    expect(r.verify?.engine?.fields['status.operationState.phase']).toBe('Failed');
  }, 30_000);

  it('stops at the timeout as pending, saying what it last saw, when Argo CD never takes the commit', async () => {
    setUp(argo());
    const first = remoteHead();
    api.put(APP, { spec: {}, status: argoStatus(first) });
    const r = await deployChange({ waitTimeoutMs: 800, pollMs: 100 });
    expect(r.verify).toMatchObject({ ok: false, pending: true });
    expect(r.verify?.problems[0]).toBe(`Application argocd/web has not applied ${r.commit!.slice(0, 7)} within 1 s; last seen: `
      + `Application web is at ${first.slice(0, 7)} (Synced, Healthy), not ${r.commit!.slice(0, 7)} yet`);
    expect(api.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
  }, 30_000);

  it('says so when auto-sync is off and the Application waits OutOfSync for a person', async () => {
    setUp(argo());
    api.put(APP, { spec: { syncPolicy: {} }, status: argoStatus(remoteHead()) });
    argoController((sha) => argoStatus(sha, { status: 'Healthy' }, 'OutOfSync'));
    // Waiting for a person is not a failure: revertOnFailure leaves the commit alone.
    const r = await deployChange({ revertOnFailure: true });
    expect(r.verify).toMatchObject({ ok: false, pending: true });
    expect(r.verify?.problems[0]).toContain('auto-sync is off');
    expect(r.revert).toBeUndefined();
    expect(remoteHead()).toBe(r.commit);
  }, 30_000);

  it('revertOnFailure: a commit Argo CD reports Degraded is reverted, pushed, and waited on until Synced and Healthy', async () => {
    setUp(argo());
    const first = remoteHead();
    api.put(APP, { spec: { syncPolicy: { automated: {} } }, status: argoStatus(first) });
    // The stand-in's controller: 2 replicas (the change) come up Degraded; 1 (the revert) is healthy.
    argoController((sha) => replicasAt(sha) === 2
      ? { ...argoStatus(sha, { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' }) } : argoStatus(sha));
    const steps: string[] = [];
    const r = await deployChange({ revertOnFailure: true, progress: (_: string, m: string) => steps.push(m) });
    const short = r.commit!.slice(0, 7);
    expect(r.verify).toMatchObject({ ok: false, pending: false });
    // The engine's words, cut at 80 characters as for a compose server.
    expect(r.revert?.message).toBe(`deploy: revert ${short} (Application web is Degraded at ${short}: Deployment "web" exceeded its progres...)`);
    expect(r.revert?.verify).toMatchObject({ ok: true, pending: false, engine: { engine: 'argocd', revision: r.revert!.commit } });
    expect(steps).toContain(`${short} failed in Argo CD: ${r.revert!.message}`);
    // Git holds both: the failed commit and its revert on top, the manifest as it was; nothing forced.
    expect(remoteHead()).toBe(r.revert!.commit);
    expect(git(repos.bare, 'rev-parse', `${r.revert!.commit}^`)).toBe(r.commit);
    expect(replicasAt(remoteHead())).toBe(1);
    expect(git(repos.dev, 'status', '--porcelain')).toBe('');
    // Argo CD was asked to refresh once for each push.
    expect(api.requests.filter((q) => q.method === 'PATCH')).toHaveLength(2);
  }, 30_000);

  it('names the context when the config names one the kubeconfig does not have; the push stands', async () => {
    setUp(argo({ context: 'prod-cluster' }));
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    const r = await deployChange();
    expect(r.commit).toBe(remoteHead());
    expect(r.verify).toMatchObject({ ok: false, pending: true });
    expect(r.verify?.problems[0]).toBe(`${r.commit!.slice(0, 7)} is pushed, but Application argocd/web could not be checked: `
      + `no context "prod-cluster" in ${api.kubeconfig} (contexts: stand-in): fix reconciler.context in the config`);
    expect(api.requests).toHaveLength(0);
  }, 30_000);

  it('reports an Application that is not there as a failure, with the API\'s words', async () => {
    setUp(argo({ app: 'wbe' }));
    // A wrong name in the config is no failure of the commit: revertOnFailure reverts nothing.
    const r = await deployChange({ revertOnFailure: true });
    expect(r.verify).toMatchObject({ ok: false, pending: false, unchecked: true });
    expect(r.revert).toBeUndefined();
    expect(remoteHead()).toBe(r.commit);
    expect(r.verify?.problems[0]).toContain('applications.argoproj.io "wbe" not found');
  }, 30_000);

  it('waits for Argo CD\'s own poll when the user may not annotate (403), and says so', async () => {
    setUp(argo());
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    api.forbidPatch = true;
    const steps: string[] = [];
    let reads = 0;
    // Argo CD's own poll: the third read after the push finds the commit synced.
    const r = await deployChange({ progress: (_: string, m: string) => {
      steps.push(m);
      if (m.startsWith('Application web is at') && ++reads === 1) api.setStatus(APP, argoStatus(remoteHead()));
    } });
    expect(r.verify).toMatchObject({ ok: true });
    expect(steps.some((s) => s.startsWith('could not ask Application argocd/web to refresh') && s.includes('HTTP 403')
      && s.includes("waiting for Argo CD's own poll"))).toBe(true);
  }, 30_000);

  it('rollback reverts, pushes and waits on Argo CD the same way', async () => {
    setUp(argo());
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    argoController((sha) => argoStatus(sha));
    const deployed = await deployChange();
    expect(deployed.verify?.ok).toBe(true);
    const back = await rollback(await loadConfig({ cwd: repos.dev }), { last: true }, FAST);
    expect(back.commit).toBe(remoteHead());
    expect(back.message).toBe(`deploy: revert ${deployed.commit!.slice(0, 7)} (web: 2 replicas)`);
    expect(back.verify).toMatchObject({ ok: true, engine: { revision: back.commit } });
    expect(readFileSync(join(repos.dev, MANIFEST), 'utf8')).toBe(manifest(1));
    expect(api.requests.filter((q) => q.method === 'PATCH')).toHaveLength(2);
  }, 30_000);
});

describe('Flux (against the Kubernetes API stand-in)', () => {
  const putFlux = (sha: string): void => {
    api.put(SOURCE, { spec: { url: 'ssh://git@example/repo', ref: { branch: 'main' } },
      status: { artifact: { revision: `main@sha1:${sha}` }, conditions: [ready('True', 'Succeeded', 'stored')] } });
    api.put(KS, { spec: { sourceRef: { kind: 'GitRepository', name: 'repo' }, path: './k8s', prune: true },
      status: { observedGeneration: 1, lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${sha}`,
        conditions: [ready('True', 'ReconciliationSucceeded', `Applied revision: main@sha1:${sha}`)] } });
  };

  it('annotates the source and the Kustomization, and is live once lastAppliedRevision names the commit and Ready=True', async () => {
    setUp(flux());
    putFlux(remoteHead());
    fluxController((sha) => ({ lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${sha}`,
      conditions: [ready('True', 'ReconciliationSucceeded', `Applied revision: main@sha1:${sha}`)] }));
    const r = await deployChange();
    expect(r.verify).toMatchObject({ ok: true, pending: false, engine: { engine: 'flux', object: 'Kustomization flux-system/apps', revision: r.commit } });
    expect(r.verify?.engine?.fields).toMatchObject({ 'status.lastAppliedRevision': `main@sha1:${r.commit}`, Ready: 'True',
      'source.status.artifact.revision': `main@sha1:${r.commit}` });
    const patches = api.requests.filter((q) => q.method === 'PATCH');
    expect(patches.map((q) => q.path)).toEqual(['/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories/repo',
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps']);
    const requestedAt = (patches[0]!.body as Obj).metadata.annotations['reconcile.fluxcd.io/requestedAt'] as string;
    expect(Number.isNaN(Date.parse(requestedAt))).toBe(false);
    expect(patches[1]!.body).toEqual(patches[0]!.body);
    expect(patches.every((q) => q.contentType === 'application/merge-patch+json')).toBe(true);
    expect(r.verify?.engine?.fields['status.lastHandledReconcileAt']).toBe(requestedAt);
  }, 30_000);

  it('ends with Flux\'s reason and message when Ready=False at the attempted commit', async () => {
    setUp(flux());
    const first = remoteHead();
    putFlux(first);
    const why = 'Deployment/default/web dry-run failed: spec.replicas: Invalid value: -1';
    fluxController((sha) => ({ lastAppliedRevision: `main@sha1:${first}`, lastAttemptedRevision: `main@sha1:${sha}`,
      conditions: [ready('False', 'ReconciliationFailed', why)] }));
    const r = await deployChange();
    expect(r.verify).toMatchObject({ ok: false, pending: false });
    expect(r.verify?.problems[0]).toBe(`Flux could not apply ${r.commit!.slice(0, 7)} (Kustomization apps, Ready=False ReconciliationFailed: ${why})`);
  }, 30_000);

  it('revertOnFailure: a commit Flux cannot apply is reverted, pushed, and waited on until applied and Ready', async () => {
    setUp(flux({}));
    const first = remoteHead();
    putFlux(first);
    const why = 'Deployment/default/web dry-run failed: spec.replicas: quota exceeded';
    fluxController((sha) => replicasAt(sha) === 2
      ? { lastAppliedRevision: `main@sha1:${first}`, lastAttemptedRevision: `main@sha1:${sha}`, conditions: [ready('False', 'ReconciliationFailed', why)] }
      : { lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${sha}`, conditions: [ready('True', 'ReconciliationSucceeded', 'Applied')] });
    const config = await loadConfig({ cwd: repos.dev });
    expect(config.revertOnFailure).toBeUndefined();
    const r = await deployChange({ revertOnFailure: true });
    const short = r.commit!.slice(0, 7);
    expect(r.verify?.problems[0]).toBe(`Flux could not apply ${short} (Kustomization apps, Ready=False ReconciliationFailed: ${why})`);
    expect(r.revert?.message).toMatch(new RegExp(`^deploy: revert ${short} \\(Flux could not apply ${short} \\(Kustomization apps, Ready=False .*\\.\\.\\.\\)$`));
    expect(r.revert?.verify).toMatchObject({ ok: true, engine: { engine: 'flux', revision: r.revert!.commit } });
    expect(remoteHead()).toBe(r.revert!.commit);
    expect(replicasAt(remoteHead())).toBe(1);
    // Without it, the failure is reported and nothing more is pushed.
    writeFileSync(join(repos.dev, MANIFEST), manifest(2));
    const again = await deploy(config, { message: 'web: 2 replicas again', files: [MANIFEST], ...FAST });
    expect(again.verify).toMatchObject({ ok: false, pending: false });
    expect(again.revert).toBeUndefined();
    expect(remoteHead()).toBe(again.commit);
  }, 30_000);

  it('stops at the timeout as pending while the Kustomization is still progressing', async () => {
    setUp(flux());
    const first = remoteHead();
    putFlux(first);
    fluxController(() => ({ lastAppliedRevision: `main@sha1:${first}`, conditions: [ready('Unknown', 'Progressing', 'Reconciliation in progress')] }));
    const r = await deployChange({ waitTimeoutMs: 800, pollMs: 100 });
    expect(r.verify).toMatchObject({ ok: false, pending: true });
    expect(r.verify?.problems[0]).toContain(`last seen: Kustomization apps last applied ${first.slice(0, 7)} (Ready=Unknown Progressing: Reconciliation in progress)`);
  }, 30_000);

  it('without paths a manifest is no IaC file: nothing to deploy, nothing pushed, and it says what to set', async () => {
    setUp(flux());
    const before = remoteHead();
    writeFileSync(join(repos.dev, MANIFEST), manifest(2));
    const steps: string[] = [];
    const e = await deploy(await loadConfig({ cwd: repos.dev }), { message: 'web: 2 replicas', ...FAST, progress: (_: string, m: string) => steps.push(m) })
      .then(() => null, (x: unknown) => x as Error);
    expect(e?.message).toContain('nothing to deploy: no changes in the IaC files (no compose files and no paths configured: set paths to the files deploy carries)');
    expect(steps).toContain('no compose files to validate: Flux checks the Kubernetes manifests when it applies them');
    expect(remoteHead()).toBe(before);
    expect(api.requests).toEqual([]);
  }, 30_000);

  it('with the environment\'s paths it commits the changed manifests only (plan lists the same), and waits on Flux', async () => {
    // The environment's paths replace the top level's.
    setUp({}, { paths: ['docs'], environments: { prod: { reconciler: flux(), paths: ['./k8s/'] } } });
    putFlux(remoteHead());
    fluxController((sha) => ({ lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${sha}`,
      conditions: [ready('True', 'ReconciliationSucceeded', 'Applied')] }));
    writeFileSync(join(repos.dev, MANIFEST), manifest(2));
    writeFileSync(join(repos.dev, 'notes.txt'), 'not deployed\n');
    const config = await loadConfig({ cwd: repos.dev });
    expect(config.paths).toEqual(['./k8s/']);
    expect((await deployPlan(config)).uncommitted).toEqual([MANIFEST]);
    const r = await deploy(config, { message: 'web: 2 replicas', ...FAST });
    expect(r.files).toEqual([MANIFEST]);
    expect(r.verify).toMatchObject({ ok: true, engine: { engine: 'flux', revision: r.commit } });
    expect(git(repos.dev, 'show', '--name-only', '--format=', 'HEAD')).toBe(MANIFEST);
    expect(git(repos.dev, 'status', '--porcelain')).toBe('?? notes.txt');
  }, 30_000);

  it('reads the engine from a kubeconfig named by KUBECONFIG when the config names none', async () => {
    setUp({ type: 'flux', kustomization: 'apps' });
    putFlux(remoteHead());
    fluxController((sha) => ({ lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${sha}`,
      conditions: [ready('True', 'ReconciliationSucceeded', 'Applied')] }));
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = `${join(work, 'absent')}:${api.kubeconfig}`;
    try {
      const r = await deployChange();
      expect(r.verify).toMatchObject({ ok: true, engine: { context: 'stand-in' } });
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG; else process.env.KUBECONFIG = saved;
    }
  }, 30_000);
});

describe('promote between engine environments (Flux staging -> Argo CD prod, against the Kubernetes API stand-in)', () => {
  /** staging (branch staging, Flux) one commit ahead of prod (branch main, Argo CD, promoteFrom staging). */
  async function twoEnvironments(): Promise<{ staging: ResolvedConfig; prod: ResolvedConfig; head: string; before: string }> {
    setUp({});
    writeFileSync(join(repos.dev, 'gitops-guard.json'), JSON.stringify({ environments: {
      staging: { branch: 'staging', reconciler: flux() },
      prod: { branch: 'main', promoteFrom: 'staging', reconciler: argo() },
    } }));
    git(repos.dev, 'commit', '-qam', 'deploy: environments');
    git(repos.dev, 'push', '-q', 'origin', 'main');
    const before = remoteHead();
    git(repos.dev, 'switch', '-qc', 'staging');
    writeFileSync(join(repos.dev, MANIFEST), manifest(4));
    git(repos.dev, 'commit', '-qam', 'deploy: web: 4 replicas');
    git(repos.dev, 'push', '-q', '-u', 'origin', 'staging');
    const head = git(repos.dev, 'rev-parse', 'HEAD');
    const config = await loadConfig({ cwd: repos.dev });
    const pick = (name: string): ResolvedConfig => { const v = selectEnvironment(config, name); if ('error' in v) throw new Error(v.error); return v; };
    api.put(APP, { spec: {}, status: argoStatus(before) });
    api.put(SOURCE, { spec: {}, status: { artifact: { revision: `staging@sha1:${head}` }, conditions: [ready('True', 'Succeeded', 'stored')] } });
    return { staging: pick('staging'), prod: pick('prod'), head, before };
  }
  const fluxAt = (sha: string, c: Obj): Obj => ({ spec: { sourceRef: { kind: 'GitRepository', name: 'repo' } },
    status: { observedGeneration: 1, lastAppliedRevision: `staging@sha1:${sha}`, lastAttemptedRevision: `staging@sha1:${sha}`, conditions: [c] } });

  it('moves prod to the commit Flux applied on staging, then waits for Argo CD to sync it', async () => {
    const { staging, prod, head, before } = await twoEnvironments();
    api.put(KS, fluxAt(head, ready('True', 'ReconciliationSucceeded', `Applied revision: staging@sha1:${head}`)));
    argoController((sha) => argoStatus(sha));
    const overview = await environmentsOverview(staging);
    expect(overview.environments.find((e) => e.name === 'staging')).toMatchObject({ ok: true, summary: `flux runs ${head.slice(0, 7)}, healthy` });
    // prod runs its own branch's head: up to date (promote is what moves that branch).
    expect(overview.environments.find((e) => e.name === 'prod')).toMatchObject({ ok: true, summary: `argocd runs ${before.slice(0, 7)}, healthy` });
    const r = await promote(staging, prod, FAST);
    expect(remoteHead()).toBe(head);
    expect(r).toMatchObject({ head, commits: 1, checked: [] });
    expect(r.verify).toMatchObject({ ok: true, engine: { engine: 'argocd', revision: head } });
  }, 30_000);

  it('refuses, pushing nothing, while Flux reports staging Ready=False at its head', async () => {
    const { staging, prod, head, before } = await twoEnvironments();
    api.put(KS, fluxAt(head, ready('False', 'HealthCheckFailed', 'timeout waiting for: [Deployment/default/web status: \'InProgress\']')));
    await expect(promote(staging, prod, FAST)).rejects.toThrow(`refusing to promote staging -> prod: staging must run its head ${head.slice(0, 7)} `
      + `(origin/staging) healthy first, and Kustomization flux-system/apps (context stand-in): Flux could not apply ${head.slice(0, 7)} `
      + "(Kustomization apps, Ready=False HealthCheckFailed: timeout waiting for: [Deployment/default/web status: 'InProgress']). Nothing was pushed.");
    expect(remoteHead()).toBe(before);
    expect(api.requests.some((q) => q.method === 'PATCH')).toBe(false);
  }, 30_000);
});

describe('status for an engine environment (the built CLI against the Kubernetes API stand-in)', () => {
  // Asynchronous: the stand-in answers from this process, so it must not block on the child.
  const status = (...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> => new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'status', '--cwd', repos.dev, ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => resolve({ status: code, stdout, stderr }));
  });

  it('shows the Application\'s fields and compares its revision with the upstream commit', async () => {
    setUp(argo());
    const sha = remoteHead();
    api.put(APP, { spec: {}, status: argoStatus(sha) });
    const json = await status('--json');
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ engine: 'argocd', context: 'stand-in', server: api.url, revision: sha, upstream: sha, state: 'ok',
      summary: `Application web is Synced and Healthy at ${sha.slice(0, 7)}`, fields: { 'status.sync.status': 'Synced', 'status.health.status': 'Healthy' } });
    const text = await status();
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Application argocd/web (Argo CD, context stand-in, ${api.url})`);
    expect(text.stdout).toMatch(/status\.health\.status\s+Healthy/);
    // Read-only: no annotation.
    expect(api.requests.every((q) => q.method === 'GET')).toBe(true);
  }, 30_000);

  it('fails with the context named and exit 1 when the context does not exist', async () => {
    setUp(argo({ context: 'nope' }));
    const r = await status();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`no context "nope" in ${api.kubeconfig} (contexts: stand-in): fix reconciler.context in the config`);
  });

  it('exits 4 (unreachable) when the API server does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const other = JSON.parse(readFileSync(api.kubeconfig, 'utf8')) as Obj;
    other.clusters[0].cluster.server = `https://127.0.0.1:${port}`;
    const file = join(work, 'down');
    writeFileSync(file, JSON.stringify(other));
    setUp(argo({ kubeconfig: file }));
    const r = await status();
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('reading Application argocd/web in context "stand-in" failed: ');
    expect(r.stderr).toContain('ECONNREFUSED 127.0.0.1');
  }, 30_000);

  it('refuses a kubeconfig whose token the API server does not accept, saying so', async () => {
    const other = JSON.parse(readFileSync(api.kubeconfig, 'utf8')) as Obj;
    other.users[0].user.token = 'wrong';
    const file = join(work, 'wrong-token');
    writeFileSync(file, JSON.stringify(other));
    setUp(argo({ kubeconfig: file }));
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    const r = await status();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('HTTP 401');
    expect(r.stderr).toContain('credentials of the kubeconfig context were refused');
  });
});

describe('the MCP deploy tool on an Argo CD environment (the built server against the Kubernetes API stand-in)', () => {
  it('waits on the engine with no host configured, and reports it deployed', async () => {
    setUp(argo());
    api.put(APP, { spec: {}, status: argoStatus(remoteHead()) });
    argoController((sha) => argoStatus(sha));
    writeFileSync(join(repos.dev, MANIFEST), manifest(3));
    const client = new Client({ name: 'kube-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: repos.dev, stderr: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: work } }));
    try {
      const r = await client.callTool({ name: 'deploy', arguments: { message: 'web: 3 replicas', files: [MANIFEST], wait_seconds: 20 } },
        undefined, { timeout: 60_000 }) as { isError?: boolean; structuredContent?: Obj };
      expect(r.isError, JSON.stringify(r)).toBeFalsy();
      expect(r.structuredContent).toMatchObject({ status: 'deployed', commit: remoteHead(), problems: [] });
      expect(api.requests.some((q) => q.method === 'PATCH')).toBe(true);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('engine revisions and verdicts', () => {
  const sha = 'a'.repeat(40);
  it('judges an Application by its own sync policy and by every source\'s revision', () => {
    const app = (spec: Obj, sync: Obj, health = 'Healthy'): Obj => ({ spec, status: { sync, health: { status: health } } });
    const other = 'b'.repeat(40);
    // No syncPolicy is manual sync in Argo CD; automated.enabled: false (Argo CD 3) too.
    expect(judgeApplication(app({}, { status: 'OutOfSync', revision: sha }), 'web', sha).state).toBe('stuck');
    expect(judgeApplication(app({ syncPolicy: { automated: { enabled: false } } }, { status: 'OutOfSync', revision: sha }), 'web', sha).state).toBe('stuck');
    expect(judgeApplication(app({ syncPolicy: { automated: {} } }, { status: 'OutOfSync', revision: sha }), 'web', sha).state).toBe('wait');
    expect(judgeApplication(app({}, { status: 'Synced', revisions: [other, sha] }), 'web', sha).state).toBe('ok');
    expect(judgeApplication(app({}, { status: 'Synced', revisions: [other] }), 'web', sha).state).toBe('wait');
    // A failed sync of an earlier commit does not end the wait for this one.
    expect(judgeApplication({ ...app({}, { status: 'Synced', revision: other }),
      status: { sync: { status: 'Synced', revision: other }, operationState: { phase: 'Failed', syncResult: { revision: other } } } }, 'web', sha).state).toBe('wait');
  });

  it('reads a commit from each revision form the engines write', () => {
    expect(revisionCommit(sha)).toBe(sha);
    expect(revisionCommit(`main@sha1:${sha}`)).toBe(sha);
    expect(revisionCommit(`main/${sha}`)).toBe(sha);
    expect(revisionCommit('v1.0.0@sha256:abc')).toBeNull();
    expect(revisionCommit(null)).toBeNull();
  });

  it('does not call a Kustomization live at an old generation, nor failed for an earlier commit', () => {
    const ks = (generation: number, observed: number, c: Obj, attempted = sha): Obj => ({ metadata: { generation },
      status: { observedGeneration: observed, lastAppliedRevision: `main@sha1:${sha}`, lastAttemptedRevision: `main@sha1:${attempted}`, conditions: [c] } });
    expect(judgeKustomization(ks(2, 1, ready('True', 'ReconciliationSucceeded', '')), null, 'apps', sha, null).state).toBe('wait');
    expect(judgeKustomization(ks(2, 2, ready('True', 'ReconciliationSucceeded', '')), null, 'apps', sha, null).state).toBe('ok');
    expect(judgeKustomization(ks(1, 1, ready('False', 'ReconciliationFailed', 'x'), 'b'.repeat(40)), null, 'apps', 'c'.repeat(40), null).state).toBe('wait');
    expect(judgeKustomization({ ...ks(1, 1, ready('True', '', '')), spec: { suspend: true } }, null, 'apps', sha, null).state).toBe('stuck');
  });
});

describe('@kubernetes/client-node stays out of the hook', () => {
  it('a hook call never resolves it; the bundles only import() it, inside the Kubernetes client', () => {
    const log = join(tempDir(), 'modules');
    const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(s, c, next) { if (s.includes('@kubernetes')) appendFileSync(${JSON.stringify(log)}, s + '\\n'); return next(s, c); }`;
    const preload = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`)}`;
    const input = JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'kubectl get pods' }, hook_event_name: 'PreToolUse', cwd: work });
    const r = spawnSync(process.execPath, ['--import', preload, BIN, 'hook', 'claude'], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: work } });
    expect(r.status, r.stderr).toBe(0);
    expect(() => readFileSync(log, 'utf8')).toThrow();
    // The same preload does see the package when something loads it (so the silence above means something).
    const control = spawnSync(process.execPath, ['--import', preload, '-e', "import('@kubernetes/client-node')"],
      { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(control.status, control.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('@kubernetes/client-node');
    for (const bundle of readdirSync(join(import.meta.dirname, '..', 'dist')).filter((f) => f.endsWith('.cjs'))) {
      const text = readFileSync(join(import.meta.dirname, '..', 'dist', bundle), 'utf8');
      expect(text).not.toMatch(/require\(["']@kubernetes\/client-node["']\)/);
    }
    expect(readFileSync(join(import.meta.dirname, '..', 'dist', 'gitops-guard-mcp.cjs'), 'utf8')).toMatch(/import\(["']@kubernetes\/client-node["']\)/);
  });
});
