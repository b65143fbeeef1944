// A forge's API or CLI rewriting git's history by another road: a protected branch's ref moved,
// forced or deleted (REST paths, GraphQL mutations inline or read from a file, `gh repo sync
// --force`), or the repository itself deleted.
import { getopt, type OptionGrammar } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import type { Word } from '../shell/words.js';
import type { ForgeField } from '../shell/programs/forge.js';

/**
 * Path segments after which a forge's API names a branch (the branch is the rest of the path, maybe
 * with a slash in it): GitHub's refs, GitHub's/Gitea's/GitLab's branch APIs and their protection.
 */
const REF_AFTER: readonly (readonly string[])[] = [
  ['git', 'refs', 'heads'], ['refs', 'heads'], ['branches'], ['protected_branches'], ['branch_protections'],
];

/** What may follow the branch in a branch API's path: renaming, merging, its protection settings. */
const BRANCH_SUFFIX = /^(?:rename|merge-upstream|protection(?:\/.*)?|protected|unprotect)$/;

const GRAPHQL_REF_MUTATION = /\b(updateRef|deleteRef|updateRefs|createCommitOnBranch|(?:delete|update)BranchProtectionRule|(?:delete|update)RepositoryRuleset)\b/;

/**
 * A ruleset (GitHub's newer branch protection: which branches it covers is on the forge) changed or
 * removed; creating one only adds protection.
 */
const RULESET = /(?:^|\/)(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+|enterprises\/[^/]+)\/rulesets\/[^/]+$/;

/** GitLab's Commits API: `force` "overwrites the target branch with a new commit based on start_sha". */
const GITLAB_COMMITS = /(?:^|\/)projects\/[^/]+\/repository\/commits$/;

function decodedPath(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/**
 * A path as the forge routes it: without its query or fragment, empty segments dropped (front ends
 * merge slashes: nginx's merge_slashes is on by default). Linear in the length of the path.
 */
function beforeQuery(path: string): string {
  const q = path.search(/[?#]/);
  return q < 0 ? path : path.slice(0, q);
}

/**
 * The path's segments as the request reaches the forge: curl resolves `.` and `..` before it sends
 * (RFC 3986 remove_dot_segments), and front ends do for a client that sends them (nginx).
 */
function segments(path: string, query = true): string[] {
  const q = query ? path.search(/[?#]/) : -1;
  const out: string[] = [];
  for (const s of (q < 0 ? path : path.slice(0, q)).split('/')) {
    if (s === '..') out.pop();
    else if (s !== '' && s !== '.') out.push(s);
  }
  return out;
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
  if (protectedBranches.includes(ref)) return true;
  if (!pattern) return false;
  // A glob the shell may expand to a file named like the ref, or a part computed at run time: any branch it could be.
  const glob = ref.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_0-9@*#?!$-]+|`[^`]*`/g, '\0');
  const re = new RegExp(`^${[...glob].map((c) => (c === '\0' || c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/, '\\$&'))).join('')}$`);
  return protectedBranches.some((b) => re.test(b));
}

/** Is `rest` (segments after a branch API's lead) the branch `b` alone or with a suffix the API puts after it? */
function isBranchPath(rest: readonly string[], at: number, b: readonly string[]): boolean {
  for (let k = 0; k < b.length; k++) if (rest[at + k] !== b[k]) return false;
  const after = at + b.length;
  if (after === rest.length) return true;
  return rest[after] === 'protection' || (after === rest.length - 1 && BRANCH_SUFFIX.test(rest[after]!));
}

/** Lead segments met more often than this in one path with a computed part: that path could be anything. */
const MAX_PATTERN_LEADS = 8;

/**
 * Does the path (its segments) name a protected branch after one of REF_AFTER, alone or with a branch
 * API's suffix? Linear in the number of segments for a literal path.
 */
function pathNamesProtected(segs: readonly string[], pattern: boolean, protectedBranches: readonly string[]): boolean {
  const branches = protectedBranches.map((b) => b.split('/').filter((x) => x !== ''));
  let leads = 0;
  for (let i = 0; i < segs.length; i++) {
    const lead = REF_AFTER.find((l) => l.every((x, k) => segs[i + k] === x));
    if (!lead) continue;
    const at = i + lead.length;
    if (!pattern) {
      if (branches.some((b) => isBranchPath(segs, at, b))) return true;
      continue;
    }
    if (++leads > MAX_PATTERN_LEADS) return true;
    const rest = segs.slice(at);
    const p = rest.indexOf('protection');
    const cuts = [rest.length, rest.length - 1, ...(p > 0 ? [p] : [])];
    if (cuts.some((c) => c > 0 && namesProtected(rest.slice(0, c).join('/'), true, protectedBranches))) return true;
  }
  return false;
}

/** HTTP clients whose request to a forge's API is read here as gh api's is. */
const HTTP_CLIENTS = new Set(['curl', 'wget']);

/** Options of curl and wget that send a body: the request is a POST (or PUT) when no method is named. */
const SENDS_BODY = /^(?:-d|--data(?:-raw|-binary|-urlencode|-ascii)?|-F|--form(?:-string)?|--json|-T|--upload-file|--post-data|--post-file|--body-data|--body-file)(?:=|$)/;

/** The HTTP method of a curl, wget or forge API request (`w`: the words after the program). */
export function method(inv: Invocation, w: readonly string[], isApi: boolean): string {
  if (inv.facts?.kind === 'forge') return inv.facts.forge.method ?? 'POST';
  for (let i = 0; i < w.length; i++) {
    const m = /^(?:-X|--method=|--request=)(.+)$/.exec(w[i]!) ?? (['-X', '--method', '--request'].includes(w[i]!) ? [w[i]!, w[i + 1] ?? ''] : null);
    if (m) return m[1]!.toUpperCase();
  }
  if (isApi) return w.some((x) => /^-[fF]$|^--(raw-)?field$|^--input$/.test(x)) ? 'POST' : 'GET';
  return w.some((x) => SENDS_BODY.test(x) || (inv.program === 'curl' && /^-[a-zA-Z]*[dFT]/.test(x))) ? 'POST' : 'GET';
}

/** Forge CLIs that remove a branch's protection by name (tea branches unprotect BRANCH…): the words, and the options. */
const UNPROTECT_CLIS: Readonly<Record<string, { readonly paths: readonly (readonly string[])[]; readonly grammar: OptionGrammar }>> = {
  tea: {
    paths: [['branches', 'unprotect'], ['branch', 'unprotect'], ['b', 'unprotect']],
    grammar: { short: 'l:r:R:o:', long: ['login=|l', 'repo=|r', 'remote=|R', 'output=|o'], permute: true },
  },
};

/** Does a forge CLI remove the protection of a protected branch (or of one computed at run time)? */
function unprotects(inv: Invocation, protectedBranches: readonly string[]): boolean {
  const cli = UNPROTECT_CLIS[inv.program ?? ''];
  if (!cli) return false;
  const w = inv.argv.slice(1).map((x) => x.value);
  const at = cli.paths.find((p) => p.every((x, i) => w[i] === x))?.length;
  if (at === undefined) return false;
  return getopt(w.slice(at), cli.grammar).operands.some((o) => o.value === null || protectedBranches.includes(o.value));
}

export function forgeRefUpdate(inv: Invocation, protectedBranches: readonly string[]): boolean {
  if (unprotects(inv, protectedBranches)) return true;
  const argv = inv.argv.slice(1);
  const w = argv.map((x) => x.value ?? '');
  const bodies = inv.facts?.kind === 'forge' ? inv.facts.forge.bodies : [];
  const text = [...w, ...bodies.map((b) => b ?? '')].join(' ');
  const graphql = /graphql/.test(w.join(' '));
  if (graphql && GRAPHQL_REF_MUTATION.test(text)) return true;
  // A mutation kept in a file that cannot be read could be any of them.
  if (graphql && bodies.includes(null)) return true;
  if (inv.program === 'gh' && w[0] === 'repo' && w[1] === 'sync') return w.includes('--force');
  const isApi = (inv.program === 'gh' || inv.program === 'glab' || inv.program === 'hub') && w[0] === 'api';
  if (!isApi && !HTTP_CLIENTS.has(inv.program ?? '')) return false;
  const m = method(inv, w, isApi);
  if (m === 'GET' || m === 'HEAD') return false;
  if (forcedCommit(inv, protectedBranches)) return true;
  for (const word of argv) {
    const { path, pattern } = requestPath(word);
    // The forge decodes the path before it routes it (`refs/%68eads/main`, `heads%2Fmain`).
    if (pattern && pathNamesProtected(segments(path, false), true, protectedBranches)) return true;
    const segs = segments(decodedPath(beforeQuery(path)));
    if (pathNamesProtected(segs, false, protectedBranches)) return true;
    if (m !== 'POST' && RULESET.test(segs.join('/'))) return true;
  }
  return false;
}

/** A forge CLI's API call that commits onto a protected branch with force (GitLab's Commits API, `force=true`). */
function forcedCommit(inv: Invocation, protectedBranches: readonly string[]): boolean {
  if (inv.facts?.kind !== 'forge') return false;
  const f = inv.facts.forge;
  if (f.endpoint === undefined || f.endpoint === null || !GITLAB_COMMITS.test(segments(f.endpoint).join('/'))) return false;
  // The request kept in a file that cannot be read could be one.
  if (f.bodies.includes(null)) return true;
  const last = (k: string): ForgeField | undefined => f.fields.filter((x) => x.key === k).pop();
  const force = last('force');
  if (force === undefined || (force.value !== null && !/^(?:true|1)$/i.test(force.value))) return false;
  const branch = last('branch');
  return branch === undefined || branch.value === null || namesProtected(branch.value, false, protectedBranches);
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
  const path = segments(f.endpoint ?? written).join('/');
  if (f.endpoint === null && /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|\$\([^)]*\))$/.test(path)) return true;
  return /^repos\/[^/]+\/[^/]+$/.test(path) || /^projects\/[^/]+$/.test(path);
}
