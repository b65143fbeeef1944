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

/** Options that pick the cluster, the user or the kubeconfig, per program (beside the context). */
const ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  kubectl: ['--cluster', '--user', '--server', '--kubeconfig'],
  oc: ['--cluster', '--user', '--server', '--kubeconfig'],
  'kubectl.exe': ['--cluster', '--user', '--server', '--kubeconfig'],
  kubecolor: ['--cluster', '--user', '--server', '--kubeconfig'],
  helm: ['--kube-apiserver', '--kubeconfig'],
  flux: ['--cluster', '--user', '--server', '--kubeconfig'],
  skaffold: ['--kubeconfig'],
  argocd: ['--server', '--config'],
};
const ANY_ELSEWHERE = ['--cluster', '--user', '--server', '--kubeconfig', '--kube-apiserver'];

/** Is this name one gitops-guard takes for a local development cluster (and no environment deploys through it)? */
export function localName(name: string | null | undefined, managed: readonly string[] | undefined): boolean {
  return typeof name === 'string' && LOCAL_KUBE_CONTEXTS.test(name) && !(managed?.includes(name) ?? false);
}

/** An API server on this machine (kind and k3d publish theirs on 127.0.0.1). */
export function loopback(url: string | null | undefined): boolean {
  return typeof url === 'string' && /^(?:https?:\/\/)?(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i.test(url);
}

/** Does this option leave the command on the local cluster? A cluster or user named like a local one, a server on loopback. */
function staysLocal(o: Option, managed: readonly string[] | undefined): boolean {
  if (optionIs(o, ['--cluster', '--user'])) return localName(o.value, managed);
  if (optionIs(o, ['--server', '--kube-apiserver'])) return loopback(o.value);
  return false;
}

/**
 * The `kube-local` fact: a local-looking context, and nothing in the command that points at another
 * cluster. helmfile is never local: its releases and environments set their own kubeContext.
 */
export function kubeLocal(inv: Invocation, managed: readonly string[] | undefined): boolean {
  const scan = inv.scan;
  if (!scan || inv.program === 'helmfile') return false;
  const ctx = scan.options.filter((o) => o.name === '--context' || o.name === '--kube-context').pop();
  if (!localName(ctx?.value, managed)) return false;
  const elsewhere = ELSEWHERE[inv.program ?? ''] ?? ANY_ELSEWHERE;
  if (scan.options.some((o) => optionIs(o, elsewhere) && !staysLocal(o, managed))) return false;
  return !inv.env.has('KUBECONFIG');
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
