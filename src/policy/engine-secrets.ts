// The `engine-swarm-credentials` fact: a request to the Docker Engine API for the swarm's join
// tokens (`GET /swarm` returns JoinTokens) or its unlock key (`GET /swarm/unlockkey`), what
// `docker swarm join-token` and `docker swarm unlock-key` show. The path as the engine routes it:
// an optional API version prefix, curl's own normalising (dot segments, unless --path-as-is),
// percent-escapes, a query. A URL curl would expand (globs `{a,b}`, `[1-3]`, unless -g) or a
// request target named by --request-target counts too.
import { optionIs } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { urls } from './remote-writes.js';

const SWARM_SECRET = /^\/(?:v[0-9.]+\/)?swarm(?:\/unlockkey)?\/?$/i;
/** An IPv6 host in brackets (`http://[::1]:2375/`): curl reads it as an address, not as a glob. */
const IPV6_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/[]*@)?\[[0-9a-f:.]+(?:%25[^\]]*)?\]/i;

function pathOf(url: string): string {
  // Scheme and authority (curl takes `localhost/x` without a scheme too).
  let p = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (p === url && !p.startsWith('/')) p = p.replace(/^[^/?#]*/, '');
  p = p.replace(/[?#].*$/s, '');
  try { p = decodeURIComponent(p); } catch { /* kept as written */ }
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop(); else out.push(seg);
  }
  return '/' + out.join('/');
}

export function swarmCredentialsRequest(inv: Invocation): boolean {
  if (inv.program !== 'curl') return false;
  const scan = inv.scan;
  if (!scan) return true;
  if (scan.options.some((o) => optionIs(o, ['-K', '--config']))) return true;
  const globs = !scan.options.some((o) => optionIs(o, ['-g', '--globoff']));
  const targets = [...urls(inv), ...scan.options.filter((o) => optionIs(o, ['--request-target'])).map((o) => o.value ?? '')];
  return targets.some((u) => (globs && /[{[]/.test(u.replace(IPV6_HOST, ''))) || SWARM_SECRET.test(pathOf(u)));
}
