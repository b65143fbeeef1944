// The Kubernetes API as the GitOps engines' waits need it: read one custom object, and merge-patch
// its annotations. @kubernetes/client-node (ESM only, ~0.7 s to load, 54 MB) is imported here on
// first use only, so the hook, the MCP front and every other command never load it. The kubeconfig
// is found the way kubectl finds it: the config's reconciler.kubeconfig, else KUBECONFIG (a list),
// else ~/.kube/config; nothing else (no in-cluster or localhost fallback: fail closed).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** A custom object's place on the API: /apis/GROUP/VERSION/namespaces/NAMESPACE/PLURAL/NAME. */
export interface ObjectRef {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** What the waits read and write. Every failure is a KubeError whose message says what to fix. */
export interface KubeClient {
  /** The kubeconfig context in use, and its cluster's server URL. */
  readonly context: string;
  readonly server: string;
  get(ref: ObjectRef): Promise<KubeObject>;
  annotate(ref: ObjectRef, annotations: Record<string, string>): Promise<KubeObject>;
}

/** A custom object as JSON: only the parts read here are typed. */
export interface KubeObject {
  readonly metadata?: { readonly generation?: number; readonly annotations?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly status?: Record<string, unknown>;
}

/** config: the kubeconfig or the config's reconciler is wrong; api: the API server said no; network: it did not answer. */
export type KubeErrorKind = 'config' | 'api' | 'network';

export class KubeError extends Error {
  /** `code` is the HTTP status, when the API server answered. */
  constructor(message: string, readonly kind: KubeErrorKind = 'config', readonly code: number | null = null) {
    super(message);
    this.name = 'KubeError';
  }
}

export interface KubeTarget {
  readonly context?: string | undefined;
  readonly kubeconfig?: string | undefined;
}

export const describeRef = (ref: ObjectRef): string => `${ref.kind} ${ref.namespace}/${ref.name}`;

/** The kubeconfig files to read, in kubectl's order; an error message when there is none. */
export function kubeconfigFiles(target: KubeTarget, root: string, env: NodeJS.ProcessEnv = process.env): string[] | string {
  if (target.kubeconfig !== undefined) {
    const raw = target.kubeconfig.replace(/^~(?=$|\/)/, homedir());
    const file = isAbsolute(raw) ? raw : resolve(root, raw);
    return existsSync(file) ? [file] : `the kubeconfig ${file} (reconciler.kubeconfig) does not exist`;
  }
  if (env.KUBECONFIG !== undefined && env.KUBECONFIG !== '') {
    const files = env.KUBECONFIG.split(delimiter).filter((f) => f !== '' && existsSync(f));
    return files.length > 0 ? files : `none of the files in KUBECONFIG exists (${env.KUBECONFIG})`;
  }
  const home = join(homedir(), '.kube', 'config');
  return existsSync(home) ? [home] : `no kubeconfig: set reconciler.kubeconfig in the config, or KUBECONFIG, or create ${home}`;
}

type Lib = typeof import('@kubernetes/client-node');

/** The first failure's words as a person can act on them. */
function apiError(e: unknown, what: string, context: string): KubeError {
  const err = e as { code?: unknown; body?: unknown; message?: string; cause?: { code?: string } };
  if (typeof err.code === 'number') {
    let said = '';
    try {
      const body = typeof err.body === 'string' ? JSON.parse(err.body) as { message?: string } : err.body as { message?: string } | undefined;
      said = body?.message ?? '';
    } catch { said = String(err.body ?? '').slice(0, 200); }
    const hint = err.code === 401 ? ': the credentials of the kubeconfig context were refused'
      : err.code === 403 ? ': the kubeconfig user may not do this (RBAC)'
        : err.code === 404 ? ': check the name and namespace in the config\'s reconciler, and that the engine is installed in this cluster' : '';
    return new KubeError(`${what} in context "${context}" failed (HTTP ${err.code}${said ? `: ${said}` : ''})${hint}`, 'api', err.code);
  }
  const why = err.cause?.code ?? err.message ?? String(e);
  return new KubeError(`${what} in context "${context}" failed: ${why}`, 'network');
}

/** Load the kubeconfig, pick the context, and make the client. */
export async function openKube(target: KubeTarget, root: string): Promise<KubeClient> {
  const files = kubeconfigFiles(target, root);
  if (typeof files === 'string') throw new KubeError(files);
  let k8s: Lib;
  try {
    k8s = await import('@kubernetes/client-node');
  } catch (e) {
    // An optional peer: only Argo CD and Flux environments need it (docs/package.md).
    const missing = (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    throw new KubeError(missing
      ? 'Argo CD and Flux environments talk to the cluster through @kubernetes/client-node, which is not installed: '
        + 'npm install @kubernetes/client-node@1 (next to gitops-guard)'
      : `@kubernetes/client-node cannot be loaded (${(e as Error).message}): gitops-guard needs its 1.x line (npm install @kubernetes/client-node@1)`);
  }
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromFile(files[0]!);
    for (const more of files.slice(1)) {
      const next = new k8s.KubeConfig();
      next.loadFromFile(more);
      kc.mergeConfig(next, true);
    }
  } catch (e) {
    throw new KubeError(`cannot read the kubeconfig ${files.join(delimiter)}: ${(e as Error).message}`);
  }
  const context = target.context ?? kc.getCurrentContext();
  const names = kc.getContexts().map((c) => c.name);
  if (!context || !kc.getContextObject(context)) {
    const where = `${files.join(delimiter)} (contexts: ${names.join(', ') || 'none'})`;
    throw new KubeError(target.context ? `no context "${target.context}" in ${where}: fix reconciler.context in the config`
      : `no current context in ${where}: set reconciler.context in the config`);
  }
  kc.setCurrentContext(context);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeError(`the context "${context}" names no cluster in ${files.join(delimiter)}`);
  const api = kc.makeApiClient(k8s.CustomObjectsApi);
  const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
  const call = async (what: string, run: () => Promise<unknown>): Promise<KubeObject> => {
    try {
      return await run() as KubeObject;
    } catch (e) {
      throw apiError(e, what, context);
    }
  };
  return {
    context,
    server: cluster.server,
    get: (ref) => call(`reading ${describeRef(ref)}`, () => api.getNamespacedCustomObject({ ...params(ref) })),
    annotate: (ref, annotations) => call(`annotating ${describeRef(ref)}`,
      () => api.patchNamespacedCustomObject({ ...params(ref), body: { metadata: { annotations } } }, merge)),
  };
}

const params = (ref: ObjectRef): { group: string; version: string; namespace: string; plural: string; name: string } =>
  ({ group: ref.group, version: ref.version, namespace: ref.namespace, plural: ref.plural, name: ref.name });
