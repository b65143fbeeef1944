// A forge's API or CLI rewriting git's history by another road: a protected branch's ref moved,
// forced or deleted (REST paths, GraphQL mutations inline or read from a file, `gh repo sync
// --force`), or the repository itself deleted.
import type { Invocation } from '../shell/invocation.js';
import type { Word } from '../shell/words.js';

/** Forge API endpoints that move or delete a branch ref; the branch is the captured rest of the path. */
const REF_PATHS = [
  /(?:^|\/)git\/refs\/heads\/(.+)$/,
  /(?:^|\/)repository\/branches\/(.+)$/,
  /(?:^|\/)branches\/(.+)\/(?:rename|merge-upstream)$/,
];

const GRAPHQL_REF_MUTATION = /\b(updateRef|deleteRef|updateRefs|createCommitOnBranch)\b/;

function decodedPath(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/**
 * A word as the forge sees it: the path without its query or fragment (neither names the ref), and
 * whether the shell may make it something else (a glob, a computed part).
 */
function requestPath(w: Word): { path: string; pattern: boolean } {
  const pattern = w.value === null;
  const text = w.value ?? w.text.replace(/["'\\]/g, '');
  return { path: text, pattern };
}

/** Does the ref (as written, maybe a glob or computed) name one of the protected branches? */
function namesProtected(ref: string, pattern: boolean, protectedBranches: readonly string[]): boolean {
  // The query and the fragment are not part of the path the forge routes.
  const plain = decodedPath(ref.replace(/[?#].*$/, '')).replace(/\/+$/, '');
  if (protectedBranches.includes(plain)) return true;
  if (!pattern) return false;
  // A glob the shell may expand to a file named like the ref, or a part computed at run time: any branch it could be.
  const glob = ref.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_0-9@*#?!$-]+|`[^`]*`/g, '\0');
  const re = new RegExp(`^${[...glob].map((c) => (c === '\0' || c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/, '\\$&'))).join('')}$`);
  return protectedBranches.some((b) => re.test(b));
}

function method(inv: Invocation, w: readonly string[], isApi: boolean): string {
  if (inv.facts?.kind === 'forge') return inv.facts.forge.method ?? 'POST';
  for (let i = 0; i < w.length; i++) {
    const m = /^(?:-X|--method=|--request=)(.+)$/.exec(w[i]!) ?? (['-X', '--method', '--request'].includes(w[i]!) ? [w[i]!, w[i + 1] ?? ''] : null);
    if (m) return m[1]!.toUpperCase();
  }
  return isApi && w.some((x) => /^-[fF]$|^--(raw-)?field$|^--input$/.test(x)) ? 'POST' : 'GET';
}

export function forgeRefUpdate(inv: Invocation, protectedBranches: readonly string[]): boolean {
  const argv = inv.argv.slice(1);
  const w = argv.map((x) => x.value ?? '');
  const bodies = inv.facts?.kind === 'forge' ? inv.facts.forge.bodies : [];
  const text = [...w, ...bodies.map((b) => b ?? '')].join(' ');
  const graphql = /graphql/.test(w.join(' '));
  if (graphql && GRAPHQL_REF_MUTATION.test(text)) return true;
  // A mutation kept in a file that cannot be read could be any of them.
  if (graphql && bodies.includes(null)) return true;
  if (inv.program === 'gh' && w[0] === 'repo' && w[1] === 'sync') return w.includes('--force');
  const isApi = (inv.program === 'gh' || inv.program === 'glab') && w[0] === 'api';
  if (!isApi && inv.program !== 'curl') return false;
  const m = method(inv, w, isApi);
  if (m === 'GET' || m === 'HEAD') return false;
  for (const word of argv) {
    const { path, pattern } = requestPath(word);
    // The forge decodes the path before it routes it (`refs/%68eads/main`, `heads%2Fmain`).
    const x = decodedPath(path.replace(/[?#].*$/, ''));
    for (const re of REF_PATHS) {
      const hit = (pattern ? re.exec(path) : null) ?? re.exec(x);
      if (hit && namesProtected(hit[1]!, pattern, protectedBranches)) return true;
    }
  }
  return false;
}

/** `gh repo delete`, `glab repo delete`, or the API's DELETE of the repository (`repos/o/r`, `projects/ID`). */
export function forgeRepoDelete(inv: Invocation): boolean {
  const w = inv.argv.slice(1).map((x) => x.value);
  if ((inv.program === 'gh' || inv.program === 'glab') && w[0] === 'repo') return w[1] === 'delete';
  if (inv.facts?.kind !== 'forge' || inv.facts.forge.method !== 'DELETE') return false;
  const f = inv.facts.forge;
  // A computed endpoint: as written, with its globs and computed parts (the shell may make it the repository's path).
  const op = f.scan.operands[0];
  const written = op === undefined ? '' : (inv.argv[op.index + 2]?.text ?? '').replace(/["'\\]/g, '');
  const path = (f.endpoint ?? written).replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '');
  if (f.endpoint === null && /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|\$\([^)]*\))$/.test(path)) return true;
  return /^repos\/[^/]+\/[^/]+$/.test(path) || /^projects\/[^/]+$/.test(path);
}
