// Facts about requests a program sends, for the rules (match.ts asks): whether it reaches a container
// engine's API (its socket by name or through links, its TCP port, Portainer's proxy, an ssh forward),
// whether an HTTP request changes something, and the special cases of Argo CD's API and manifests
// printed without a cluster.
import { isAbsolute, resolve } from 'node:path';
import { optionIs } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { sshOption } from '../shell/programs/ssh.js';
import { globAsWritten } from '../shell/words.js';
import { ENGINE_PORT, ENGINE_PROXY, ENGINE_SOCKET, HTTP_BODY_OPTIONS } from '../shell/grammars/managed.js';
import { realish } from './real-path.js';
import { urls } from './remote-writes.js';
import { method as requestMethod } from './forge.js';

// (zsh's zsocket PATH and ztcp HOST PORT, zshmodules(1), open the same connections as builtins.)
const RAW_SOCKET_CLIENTS = new Set(['socat', 'nc', 'ncat', 'netcat', 'nc.openbsd', 'nc.traditional', 'websocat', 'zsocket', 'ztcp']);
/** HTTP clients other than curl (whose options are read): a socket or the engine's port in their words is the engine. */
const HTTP_CLIENTS = new Set(['wget', 'wget2', 'http', 'https', 'xh', 'xhs', 'httpie', 'aria2c', 'curlie']);

/** A path as the program opens it: through a link made earlier in the same text (`ln -s /var/run/docker.sock d`). */
function throughLink(inv: Invocation, path: string): string {
  if (!inv.links || inv.links.size === 0) return path;
  return inv.links.get(isAbsolute(path) || inv.cwd === null ? path : resolve(inv.cwd, path)) ?? path;
}

/**
 * The engine's socket by its name, through a link the text made, or (here) through links already on disk
 * (`ln -s /var/run/docker.sock s` by an earlier command: curl, socat and nc open the path as open(2) does).
 */
function engineSocket(inv: Invocation, v: string): boolean {
  const path = v.replace(/^(?:UNIX(?:-CONNECT|-CLIENT|-LISTEN)?|unix):/i, '');
  if (ENGINE_SOCKET.test(v) || ENGINE_SOCKET.test(throughLink(inv, path))) return true;
  if (inv.target.kind !== 'local' || inv.cwd === null || path === '' || path.startsWith('-') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.length > 4096) return false;
  return ENGINE_SOCKET.test(realish(resolve(inv.cwd, path)));
}

export function words(inv: Invocation): string[] {
  return inv.argv.slice(1).map((w) => w.value ?? globAsWritten(w.text) ?? ''); // a glob as bash leaves it when nothing matches
}

export function engineApi(inv: Invocation): boolean {
  if (inv.code !== undefined) return true;
  if (inv.program === 'curl') {
    const sockets = inv.scan?.options.filter((o) => optionIs(o, ['--unix-socket', '--abstract-unix-socket'])) ?? [];
    return sockets.some((o) => o.value === null || engineSocket(inv, o.value ?? '')) || urls(inv).some((u) => ENGINE_PORT.test(u) || ENGINE_PROXY.test(u));
  }
  if (inv.program !== null && RAW_SOCKET_CLIENTS.has(inv.program)) {
    return words(inv).some((w) => engineSocket(inv, w) || /^(?:2375|2376)$/.test(w) || ENGINE_PORT.test(w));
  }
  if (inv.program !== null && HTTP_CLIENTS.has(inv.program)) return words(inv).some((w) => engineSocket(inv, w) || ENGINE_PORT.test(w) || ENGINE_PROXY.test(w));
  if (inv.facts?.kind === 'ssh') {
    // Forwarding a server's engine socket or port (`ssh -L 2375:/var/run/docker.sock host`).
    // `-o LocalForward=…` (and RemoteForward, DynamicForward) is the same forward.
    return inv.facts.ssh.options.some((o) => {
      // `-W host:port` joins stdin and stdout to that port there: the same reach as a forward to it.
      const forward = ['-L', '-R', '-D', '-W'].includes(o.name)
        || (o.name === '-o' && typeof o.value === 'string' && /^(local|remote|dynamic)forward$/.test(sshOption(o.value)?.key ?? ''));
      // The far end is the engine's socket or its TCP port (`-L 2375:localhost:2375`).
      return forward && (o.value === null || ENGINE_SOCKET.test(o.value ?? '') || /:(?:2375|2376)$/.test(o.value ?? ''));
    });
  }
  return false;
}

/** URL schemes whose request is raw bytes the URL spells (`gopher://host:2375/_POST%20…`): any method, any body. */
const RAW_SCHEMES = /^(?:gophers?|telnet|dict|mqtt|smtps?|ldaps?):\/\//i;

/** `kubectl set|label|annotate|patch --local` and `flux create --export` print the manifest they make and touch no cluster (`--local=false` does). */
export function printsManifests(inv: Invocation): boolean {
  const flag = inv.program === 'flux' ? '--export' : '--local';
  const o = inv.scan?.options.filter((x) => optionIs(x, [flag])).pop();
  return o !== undefined && (o.value === undefined || /^(?:true|1)$/i.test(o.value ?? ''));
}

/** A POST to an Application's /sync whose body names no revision (nor resources to prune): what `argocd app sync` does. */
export function plainSync(inv: Invocation): boolean {
  if (!urls(inv).every((u) => /\/sync(?:\?|$)/.test(u))) return false;
  const bodies = inv.scan?.options.filter((o) => optionIs(o, HTTP_BODY_OPTIONS)).map((o) => o.value) ?? [];
  return bodies.every((b) => typeof b === 'string' && !/revision|prune|resources|source|manifests/i.test(b) && !b.startsWith('@'));
}

export function httpMutation(inv: Invocation): boolean {
  if (inv.program === 'wget' && inv.code === undefined) return !/^(?:GET|HEAD)$/.test(requestMethod(inv, words(inv), false));
  if (inv.program !== 'curl' || inv.code !== undefined) return true;
  if (urls(inv).some((u) => RAW_SCHEMES.test(u))) return true;
  const scan = inv.scan;
  if (!scan) return true;
  const method = scan.options.filter((o) => optionIs(o, ['-X', '--request'])).pop();
  if (method) return !/^(GET|HEAD)$/i.test(method.value ?? '');
  // With -G the data goes into the query string of a GET.
  if (scan.options.some((o) => optionIs(o, ['-G', '--get']))) return scan.options.some((o) => optionIs(o, ['-T', '--upload-file', '-F', '--form']));
  return scan.options.some((o) => optionIs(o, HTTP_BODY_OPTIONS));
}

