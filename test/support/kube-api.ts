// A STAND-IN for a Kubernetes API server (none can run on these machines: see shared/FACTS.md): an
// HTTPS server on 127.0.0.1, with a CA made here by openssl and bearer-token auth, that serves
// Argo CD Applications (argoproj.io/v1alpha1), Flux Kustomizations (kustomize.toolkit.fluxcd.io/v1)
// and GitRepositories (source.toolkit.fluxcd.io/v1) on their real REST paths: GET, and PATCH with
// merge-patch or json-patch as the client sends it. It runs no controller: the TEST writes each
// object's status the way Argo CD or Flux would, and can react to a PATCH (onPatch) as they react
// to their annotations. Every request is recorded.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface Ref { readonly group: string; readonly version: string; readonly plural: string; readonly namespace: string; readonly name: string }

export const application = (namespace: string, name: string): Ref => ({ group: 'argoproj.io', version: 'v1alpha1', plural: 'applications', namespace, name });
export const kustomization = (namespace: string, name: string): Ref => ({ group: 'kustomize.toolkit.fluxcd.io', version: 'v1', plural: 'kustomizations', namespace, name });
export const gitRepository = (namespace: string, name: string): Ref => ({ group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories', namespace, name });

const KINDS: Record<string, string> = { applications: 'Application', kustomizations: 'Kustomization', gitrepositories: 'GitRepository' };

export interface Recorded { readonly method: string; readonly path: string; readonly contentType: string | null; readonly body: unknown; readonly auth: boolean }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export interface KubeApi {
  readonly url: string;
  /** A kubeconfig whose context `stand-in` (the current one) reaches this server with its token. */
  readonly kubeconfig: string;
  readonly requests: Recorded[];
  /** Create or replace an object (kind, apiVersion and metadata are filled in). */
  put(ref: Ref, object: Obj): void;
  get(ref: Ref): Obj | undefined;
  /** Write an object's status as the controller would. */
  setStatus(ref: Ref, status: Obj): void;
  /** Called after each PATCH is applied: the test's controller. */
  onPatch: ((ref: Ref, object: Obj) => void) | null;
  /** Answer every PATCH 403, as RBAC does for a user who may only read. */
  forbidPatch: boolean;
  close(): Promise<void>;
}

const keyOf = (r: Ref): string => `${r.group}/${r.version}/${r.plural}/${r.namespace}/${r.name}`;

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Obj = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Obj) } : {};
  for (const [k, v] of Object.entries(patch as Obj)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6902 JSON patch: add, replace, remove, test (enough for annotations and status). */
function jsonPatch(target: Obj, ops: { op: string; path: string; value?: unknown }[]): Obj {
  const doc = structuredClone(target);
  for (const { op, path, value } of ops) {
    const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let at: Obj = doc;
    for (const p of parts) {
      if (at[p] === undefined && op === 'add') at[p] = {};
      at = at[p];
      if (at === undefined || at === null) throw new Error(`path ${path} does not exist`);
    }
    if (op === 'add' || op === 'replace') at[last] = value;
    else if (op === 'remove') delete at[last];
    else if (op === 'test') { if (JSON.stringify(at[last]) !== JSON.stringify(value)) throw new Error(`test failed at ${path}`); }
    else throw new Error(`unsupported op ${op}`);
  }
  return doc;
}

function statusBody(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}

/** A CA and a server certificate for 127.0.0.1, made with openssl under `dir`. */
function makeCertificates(dir: string): { ca: string; key: string; cert: string } {
  const ssl = (...args: string[]): void => { execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }); };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=kube-api stand-in CA');
  ssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext');
  return { ca: readFileSync(join(dir, 'ca.crt'), 'utf8'), key: readFileSync(join(dir, 'server.key'), 'utf8'), cert: readFileSync(join(dir, 'server.crt'), 'utf8') };
}

const PATH = /^\/apis\/([^/]+)\/([^/]+)\/namespaces\/([^/]+)\/([^/]+)\/([^/?]+)$/;

export async function startKubeApi(dir: string, token = 'stand-in-token'): Promise<KubeApi> {
  const { ca, key, cert } = makeCertificates(dir);
  const objects = new Map<string, Obj>();
  const requests: Recorded[] = [];
  let version = 1;
  const api: Partial<KubeApi> & Pick<KubeApi, 'onPatch' | 'forbidPatch'> = { onPatch: null, forbidPatch: false };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    const send = (code: number, body: string): void => { res.writeHead(code, { 'content-type': 'application/json' }).end(body); };
    const path = (req.url ?? '').split('?')[0]!;
    const contentType = req.headers['content-type'] ?? null;
    let body: unknown = null;
    try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
    const auth = req.headers.authorization === `Bearer ${token}`;
    requests.push({ method: req.method ?? '', path, contentType, body, auth });
    if (!auth) { send(401, statusBody(401, 'Unauthorized', 'Unauthorized')); return; }
    const m = PATH.exec(path);
    if (!m || !KINDS[m[4]!]) { send(404, statusBody(404, 'NotFound', `the server could not find the requested resource (${path})`)); return; }
    const ref: Ref = { group: m[1]!, version: m[2]!, namespace: m[3]!, plural: m[4]!, name: decodeURIComponent(m[5]!) };
    const current = objects.get(keyOf(ref));
    if (!current) { send(404, statusBody(404, 'NotFound', `${ref.plural}.${ref.group} "${ref.name}" not found`)); return; }
    if (req.method === 'GET') { send(200, JSON.stringify(current)); return; }
    if (req.method !== 'PATCH') { send(405, statusBody(405, 'MethodNotAllowed', `${req.method} is not served by this stand-in`)); return; }
    if (api.forbidPatch) {
      send(403, statusBody(403, 'Forbidden', `${ref.plural}.${ref.group} "${ref.name}" is forbidden: User "stand-in" cannot patch resource "${ref.plural}" in API group "${ref.group}" in the namespace "${ref.namespace}"`));
      return;
    }
    let next: Obj;
    try {
      if (contentType === 'application/merge-patch+json') next = mergePatch(current, body) as Obj;
      else if (contentType === 'application/json-patch+json') next = jsonPatch(current, body as never);
      else { send(415, statusBody(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${contentType}`)); return; }
    } catch (e) {
      send(422, statusBody(422, 'Invalid', (e as Error).message)); return;
    }
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec);
    next.metadata = { ...next.metadata, resourceVersion: String(++version), generation: (current.metadata?.generation ?? 1) + (specChanged ? 1 : 0) };
    objects.set(keyOf(ref), next);
    api.onPatch?.(ref, next);
    send(200, JSON.stringify(objects.get(keyOf(ref))));
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { raw += c; });
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `https://127.0.0.1:${port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, JSON.stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'stand-in',
    clusters: [{ name: 'stand-in', cluster: { server: url, 'certificate-authority-data': Buffer.from(ca).toString('base64') } }],
    users: [{ name: 'stand-in', user: { token } }],
    contexts: [{ name: 'stand-in', context: { cluster: 'stand-in', user: 'stand-in' } }],
  }, null, 2));

  return Object.assign(api, {
    url, kubeconfig, requests,
    put(ref: Ref, object: Obj) {
      objects.set(keyOf(ref), {
        ...object, apiVersion: `${ref.group}/${ref.version}`, kind: KINDS[ref.plural],
        metadata: { generation: 1, resourceVersion: String(++version), ...object.metadata, name: ref.name, namespace: ref.namespace },
      });
    },
    get: (ref: Ref) => objects.get(keyOf(ref)),
    setStatus(ref: Ref, status: Obj) {
      const o = objects.get(keyOf(ref));
      if (!o) throw new Error(`no ${keyOf(ref)} in the stand-in`);
      objects.set(keyOf(ref), { ...o, status });
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  }) as KubeApi;
}
