// Interpreter code that reaches a container engine's or a Kubernetes cluster's API itself: through an
// SDK, the engine's socket or TCP port, or a Kubernetes API URL. Used by interpreters.ts.
import type { CodeLanguage } from '../grammars/types.js';
import { ENGINE_SOCKET, KUBE_API } from '../grammars/managed.js';
import { ENGINE_PORT_IN_CODE, ENGINE_SDK, KUBE_CHANGES, KUBE_CLIENTS, KUBE_HTTP_CHANGES } from '../grammars/code-apis.js';
import { literalsOf } from './code-literals.js';

const VERSION_READ = /\b([A-Za-z_]\w*)\.__version__\b/g;

/**
 * `import docker; print(docker.__version__)`: a module imported only to read its version string
 * reaches no engine.
 */
function onlyVersion(code: string): boolean {
  const read = [...code.matchAll(VERSION_READ)].map((m) => m[1]!);
  if (read.length === 0) return false;
  const rest = code.replace(VERSION_READ, '').replace(/\bimport\s+[\w, ]+/g, '');
  return !read.some((n) => new RegExp(`\\b${n}\\b`).test(rest)) && !ENGINE_SDK.test(rest);
}

/** Does the code talk to a container engine (its socket, its TCP port, an SDK)? */
export function reachesEngine(code: string): boolean {
  return (ENGINE_SOCKET.test(code) || ENGINE_PORT_IN_CODE.test(code) || ENGINE_SDK.test(code)) && !onlyVersion(code);
}

/**
 * The kubectl verbs the code's Kubernetes calls are: a client library's methods that change objects
 * (`delete_namespaced_deployment`, `deleteNamespacedDeployment`, kr8s's `.delete()`), or an HTTP
 * request that changes one at a Kubernetes API URL. Reading (`list_…`, `read_…`, GET) is looking.
 */
export function kubeVerbs(code: string, lang: CodeLanguage): string[] {
  const verbs = new Set<string>();
  if (KUBE_CLIENTS.test(code)) {
    for (const m of code.matchAll(/(?<=[.\s])([a-z]+)(?=[A-Z_(])/g)) {
      const verb = KUBE_CHANGES[m[1]!];
      if (verb !== undefined) verbs.add(verb);
    }
  }
  const literals = literalsOf(code, lang);
  if (literals.some((l) => KUBE_API.test(l.text))) {
    for (const m of code.matchAll(/\.(delete|post|put|patch)\s*\(|["'](DELETE|POST|PUT|PATCH)["']/gi)) {
      const verb = KUBE_HTTP_CHANGES[(m[1] ?? m[2]!).toUpperCase()];
      if (verb !== undefined) verbs.add(verb);
    }
  }
  return [...verbs];
}
