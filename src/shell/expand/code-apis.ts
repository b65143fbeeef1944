// Interpreter code that reaches a container engine's or a Kubernetes cluster's API itself: through an
// SDK, the engine's socket or TCP port, or a Kubernetes API URL. Used by interpreters.ts.
import type { CodeLanguage } from '../grammars/types.js';
import { ENGINE_SOCKET, KUBE_API } from '../grammars/managed.js';
import { COMPUTED_LOADS, ENGINE_PORT_IN_CODE, ENGINE_SDK, ENGINE_SDK_MODULES, KUBE_CHANGES, KUBE_CLIENTS, KUBE_HTTP_CHANGES, MODULE_LOADS, MODULE_READS, PATH_CHECKS,
  RUN_TIME_LOOKUPS, SOCKET_OPENS } from '../grammars/code-apis.js';
import { literalsOf } from './code-literals.js';

/**
 * The names one load binds: an alias where it gives one, else the name (a dotted module's first part).
 * null for `*`, and for any item that is not a plain name once read (a default `{ A = 0 }`, a nested
 * pattern): what it binds is then not known, and the SDK counts as used.
 */
function boundNames(list: string): string[] | null {
  const names: string[] = [];
  for (const item of list.replace(/^[({]|[)}]$/g, '').split(',')) {
    const parts = item.trim().split(/\s+as\s+|\s*:\s*/);
    const name = parts[parts.length - 1]!.trim().replace(/^\*\s*as\s+/, '');
    if (name === '') continue;
    if (!/^[\w$]+(?:\.[\w$]+)*$/.test(name)) return null;
    names.push(name.split('.')[0]!);
  }
  return names;
}

interface Loads {
  /** The code without its load statements. */
  readonly rest: string;
  /** Names bound to an engine SDK; null: some load binds names the text does not list (`from docker import *`). */
  readonly names: string[] | null;
}

/** Take out every statement that only loads a module, keeping the names bound to an engine SDK. */
function sdkLoads(code: string): Loads {
  // A backslash at a line's end joins the lines (Python's explicit line joining).
  let rest = code.replace(/\\\r?\n/g, ' ');
  let names: string[] | null = [];
  for (const re of MODULE_LOADS) {
    rest = rest.replace(re, (...m: unknown[]) => {
      const g = m[m.length - 1] as Record<string, string | undefined>;
      // A list that goes on past what the pattern read (`import a, (b)`) binds names it did not see.
      const after = (m[m.length - 2] as string).slice((m[m.length - 3] as number) + (m[0] as string).length);
      if (/^[ \t]*,/.test(after)) names = null;
      // `import a as b, c`: each item a module and what it binds; the other forms, one module and its names.
      const items: [string, string][] = g.mods !== undefined
        ? g.mods.split(',').map((i) => [i.trim().split(/\s/)[0]!, i]) : [[g.mod!, g.names!]];
      for (const [mod, list] of items) {
        if (!ENGINE_SDK_MODULES.test(mod)) continue;
        const bound = boundNames(list);
        names = bound === null || names === null ? null : [...names, ...bound];
      }
      return ' ';
    });
  }
  return { rest, names };
}

/** The code without the calls that only stat the engine's socket, unless it also opens a socket. */
function withoutSocketChecks(code: string): string {
  if (SOCKET_OPENS.test(code)) return code;
  return PATH_CHECKS.reduce((c, re) => c.replace(re, (...m: unknown[]) => {
    const path = (m[m.length - 1] as Record<string, string>).path!;
    return ENGINE_SOCKET.test(path) ? ' ' : (m[0] as string);
  }), code);
}

/** Does an engine SDK's name stay in use once its loads and the reads of what it is are taken out? */
function usesSdk(loads: Loads): boolean {
  if (loads.names === null) return true;
  if (loads.names.length > 0 && RUN_TIME_LOOKUPS.test(loads.rest)) return true;
  return loads.names.some((n) => {
    const name = n.replace(/[$]/g, '\\$');
    const read = MODULE_READS.reduce((r, p) => r.replace(new RegExp(p.replace(/NAME/g, name), 'g'), ' '), loads.rest);
    return new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(read);
  });
}

/**
 * Does the code talk to a container engine (its socket, its TCP port, an SDK)? Loading an SDK, reading
 * its version or asking whether the socket exists sends the engine nothing; a client, a call or a
 * connection does.
 */
export function reachesEngine(code: string): boolean {
  if (ENGINE_PORT_IN_CODE.test(code)) return true;
  // `m = 'dockerode'; require(m)`: the SDK's name as data, loaded by a name computed at run time.
  if (COMPUTED_LOADS.test(code) && literalsOf(code).some((l) => ENGINE_SDK_MODULES.test(l.text))) return true;
  if (!ENGINE_SOCKET.test(code) && !ENGINE_SDK.test(code)) return false;
  const loads = sdkLoads(code);
  if (usesSdk(loads)) return true;
  const rest = withoutSocketChecks(loads.rest);
  return ENGINE_SOCKET.test(rest) || ENGINE_SDK.test(rest);
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
