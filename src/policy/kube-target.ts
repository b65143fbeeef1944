// Which cluster a Kubernetes command is about, as far as the policy needs it. A context named like a
// local development cluster (kind-*, minikube, …) is local only when nothing else in the command
// points somewhere else: --cluster, --user, --server/-s, --kubeconfig, helm's --kube-apiserver,
// argocd's --server, or $KUBECONFIG (another file may define that context name any way it likes).
// And the kubeconfig changes that would make such a name point elsewhere (`kubectl config
// rename-context prod kind-prod`, `set-context kind-dev --cluster=prod`, `set-cluster kind-dev
// --server=…`, `config set contexts.kind-dev.cluster prod`).
import { optionIs, type Option, type Scan } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { LOCAL_KUBE_CONTEXTS } from '../shell/grammars/readers.js';
import { CONTEXT_ENV } from '../shell/grammars/kube.js';
import { switchedContext } from './kube-context.js';
import { localForwards } from '../shell/programs/ssh.js';

/** Options that pick the cluster, the user or the kubeconfig, per program (beside the context). */
const ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  kubectl: ['--cluster', '--user', '--server', '--kubeconfig'],
  oc: ['--cluster', '--user', '--server', '--kubeconfig'],
  'kubectl.exe': ['--cluster', '--user', '--server', '--kubeconfig'],
  kubecolor: ['--cluster', '--user', '--server', '--kubeconfig'],
  'kubectl-argo-rollouts': ['--cluster', '--user', '--server', '--kubeconfig'],
  helm: ['--kube-apiserver', '--kubeconfig'],
  flux: ['--cluster', '--user', '--server', '--kubeconfig'],
  skaffold: ['--kubeconfig'],
  argocd: ['--server', '--config'],
};
const ANY_ELSEWHERE = ['--cluster', '--user', '--server', '--kubeconfig', '--kube-apiserver'];
/** Variables that pick another kubeconfig or API server (helm(1): HELM_KUBEAPISERVER is --kube-apiserver). */
const ELSEWHERE_ENV = ['KUBECONFIG', 'HELM_KUBEAPISERVER', 'HELM_KUBECAFILE', 'HELM_KUBETOKEN', 'ARGOCD_SERVER'];

/** Is this name one gitops-guard takes for a local development cluster (and no environment deploys through it)? */
export function localName(name: string | null | undefined, managed: readonly string[] | undefined): boolean {
  return typeof name === 'string' && LOCAL_KUBE_CONTEXTS.test(name) && !(managed?.includes(name) ?? false);
}

/**
 * An API server on this machine (kind and k3d publish theirs on 127.0.0.1): the URL's host as a URL
 * parser reads it (`127.1`, `[0:0:0:0:0:0:0:1]`, an IPv4-mapped `[::ffff:127.0.0.1]`), never the
 * user part (`https://127.0.0.1@10.0.0.1`). An IPv4-mapped address is that IPv4 host (RFC 4291
 * 2.5.5.2): `[::ffff:10.0.0.1]` is 10.0.0.1.
 */
export function loopback(url: string | null | undefined): boolean {
  const host = typeof url === 'string' ? serverUrl(url)?.hostname : undefined;
  return host !== undefined && (host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host));
}

/** An API server's URL as a URL parser reads it (https when no scheme is written); null for another scheme or no URL. */
function serverUrl(url: string): URL | null {
  if (url.includes('\u0000')) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^https?:\/\//i.test(url)) return null;
  try { return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`); } catch { return null; }
}

/** The port of an API server's URL (the scheme's default when none is written). */
function portOf(url: string): string {
  const u = serverUrl(url);
  return u === null ? '' : u.port || (u.protocol === 'http:' ? '80' : '443');
}

/** Ports on this machine that an ssh earlier in the text forwards to somewhere the server reaches. */
function forwardedPorts(earlier: readonly Invocation[]): Set<string> {
  return new Set(earlier.flatMap((e) => (e.facts?.kind === 'ssh' ? localForwards(e.facts.ssh.options) : [])));
}

/**
 * Does this option leave the command on the local cluster? A cluster or user named like a local
 * one, a server on loopback (unless the text forwards that port through ssh to another machine).
 */
function staysLocal(o: Option, managed: readonly string[] | undefined, forwarded: ReadonlySet<string> = new Set(), inv?: Invocation): boolean {
  if (optionIs(o, ['--cluster', '--user'])) return localName(o.value, managed);
  if (optionIs(o, ['--server', '--kube-apiserver'])) return loopback(o.value) && !forwarded.has(portOf(o.value!));
  if (optionIs(o, ['--kubeconfig']) && inv !== undefined) return kindKubeconfig(inv, o);
  return false;
}

/** kind's own kubeconfig of one of its clusters, whose server is on loopback: `<(kind get kubeconfig [--name N])`. */
const KIND_KUBECONFIG = /^<\(\s*kind\s+get\s+kubeconfig(?:\s+(?:--name[= ]\s*|-n\s+)[A-Za-z0-9._-]+)?\s*\)$/;

/** `--kubeconfig=<(kind get kubeconfig …)` or `--kubeconfig <(…)`, the text of the option's word (or the next). */
function kindKubeconfig(inv: Invocation, o: Option): boolean {
  const word = inv.argv[o.index + 1]?.text;
  if (word === undefined || !word.startsWith('--kubeconfig')) return false;
  const value = word.startsWith('--kubeconfig=') ? word.slice('--kubeconfig='.length) : inv.argv[o.index + 2]?.text;
  return value !== undefined && KIND_KUBECONFIG.test(value);
}

/**
 * The `kube-local` fact: a local-looking context, and nothing in the command that points at another
 * cluster. helmfile is never local: its releases and environments set their own kubeContext.
 */
export function kubeLocal(inv: Invocation, managed: readonly string[] | undefined, earlier: readonly Invocation[] = [], input?: string): boolean {
  const scan = inv.scan;
  if (!scan || inv.program === 'helmfile') return false;
  const ctx = scan.options.filter((o) => o.name === '--context' || o.name === '--kube-context').pop();
  const variable = CONTEXT_ENV[inv.program ?? ''];
  // No context given: the one a variable names, else the current one, which the same text may have just made a local cluster's.
  const name = ctx !== undefined ? ctx.value
    : variable !== undefined && inv.env.has(variable) ? inv.env.get(variable) ?? null
      : switchedContext(inv, earlier, input);
  if (!localName(name, managed)) return false;
  const elsewhere = ELSEWHERE[inv.program ?? ''] ?? ANY_ELSEWHERE;
  const forwarded = forwardedPorts(earlier);
  if (scan.options.some((o) => optionIs(o, elsewhere) && !staysLocal(o, managed, forwarded, inv))) return false;
  // argocd talks to the Argo CD API server of its config; only --core (or --port-forward) reaches the context's cluster.
  if (inv.program === 'argocd' && !scan.options.some((o) => optionIs(o, ['--core', '--port-forward']))) return false;
  return !ELSEWHERE_ENV.some((v) => inv.env.has(v));
}

/** Annotations that only ask the GitOps engine to reconcile what git says (FACTS: the documented nudges). */
const NUDGES = [/^argocd\.argoproj\.io\/refresh=(?:normal|hard)$/, /^reconcile\.fluxcd\.io\/requestedAt=/];

/** `kubectl annotate … argocd.argoproj.io/refresh=normal` / `reconcile.fluxcd.io/requestedAt=…`, and nothing else set. */
export function reconcileNudge(inv: Invocation): boolean {
  const scan = inv.scan;
  if (!scan || (inv.program !== 'kubectl' && inv.program !== 'oc') || scan.operands[0]?.value !== 'annotate') return false;
  const pairs = inv.argv.slice(1).filter((a) => (a.value ?? a.text).includes('=') && !(a.value ?? a.text).startsWith('-'));
  if (pairs.length === 0 || scan.options.some((o) => optionIs(o, ['--local', '--dry-run']) === false && optionIs(o, ['-f', '--filename', '-k', '--kustomize']))) return false;
  // The value of requestedAt may be computed (`$(date +%s)`): it is only a timestamp.
  return pairs.every((a) => NUDGES.some((re) => re.test(a.value ?? a.text.replace(/["']/g, ''))));
}

/** Options of the cloud CLIs' kubeconfig writers that name the context (or user) they write. */
const CLOUD_ALIASES: Readonly<Record<string, { path: readonly string[]; options: readonly string[] }>> = {
  aws: { path: ['eks', 'update-kubeconfig'], options: ['--alias', '--user-alias'] },
  az: { path: ['aks', 'get-credentials'], options: ['--context'] },
};

/**
 * kubeconfig writers other than `kubectl config`: `kubectx NEW=OLD` renames OLD to NEW, and the cloud
 * CLIs write a context under the alias given (`aws eks update-kubeconfig --alias kind-dev`). Either
 * makes a name taken for a local cluster reach another.
 */
function otherRetarget(inv: Invocation, managed: readonly string[] | undefined): boolean | undefined {
  if (inv.program === 'kubectx' || inv.program === 'kubectl-ctx') {
    const words = inv.argv.slice(1).map((w) => w.value);
    return words.some((w) => w === null || (w.includes('=') && localName(w.slice(0, w.indexOf('=')), managed)));
  }
  const cloud = CLOUD_ALIASES[inv.program ?? ''];
  if (!cloud) return undefined;
  const words = inv.argv.slice(1).map((w) => w.value);
  if (!cloud.path.every((p, i) => words.filter((w) => w === null || !w.startsWith('-'))[i] === p)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined) continue;
    for (const name of cloud.options) {
      const v = w === name ? words[i + 1] : w.startsWith(`${name}=`) ? w.slice(name.length + 1) : undefined;
      if (v === null || (v !== undefined && localName(v, managed))) return true;
    }
  }
  return false;
}

const leading = (scan: Scan): (string | null)[] => {
  const out: (string | null)[] = [];
  for (const o of scan.operands) { out.push(o.value); if (o.value === null) break; }
  return out;
};

/** `kubectl config set KEY`: keys that say where a context or cluster points. */
const RETARGET_KEY = /^(?:contexts\.(.+)\.(?:cluster|user)|clusters\.(.+)\.(?:server|proxy-url))$/;

/**
 * The `kube-config-retarget` fact: a kubeconfig change that makes a name gitops-guard trusts as a local
 * cluster point at another cluster or user. Renaming to such a name, or giving such a context (or the
 * current one, whatever it is called) another cluster or user, or such a cluster another server.
 * Changing only a default namespace, switching or deleting contexts, and credentials leave it alone.
 */
export function kubeConfigRetarget(inv: Invocation, managed: readonly string[] | undefined): boolean {
  const other = otherRetarget(inv, managed);
  if (other !== undefined) return other;
  const scan = inv.scan;
  if (!scan) return false;
  const path = leading(scan);
  if (path[0] !== 'config') return false;
  // Pointing a local name at another local name (or loopback) keeps it local.
  const away = scan.options.some((o) => optionIs(o, ['--cluster', '--user', '--server', '--proxy-url']) && !staysLocal(o, managed));
  const given = (names: string[]): boolean => scan.options.some((o) => optionIs(o, names));
  const trusted = (n: string | null | undefined): boolean => n === null || localName(n, managed);
  switch (path[1]) {
    case 'rename-context': return path.length >= 4 && trusted(path[3]);
    case 'set-context': return away && (given(['--current']) || trusted(path[2]));
    case 'set-cluster': return away && trusted(path[2]);
    case 'set': {
      const key = path[2];
      if (key === null) return true;
      const m = key === undefined ? null : RETARGET_KEY.exec(key);
      if (m === null || !trusted(m[1] ?? m[2])) return false;
      const value = path[3];
      return !(m[1] !== undefined ? localName(value, managed) : loopback(value));
    }
    default: return false;
  }
}
