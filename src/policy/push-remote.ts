// Where a git push goes: the repository it names, or the URL of the remote it names as this run's
// configuration (`-c remote.NAME.url=…`, `url.X.insteadOf`) and the same text (`git remote add`,
// `git remote set-url`, `git config remote.NAME.url`) set it; and that URL as a directory on a
// server, spelled the ways ssh and git accept (`~`, `~user`, a path relative to the login
// directory, empty and dot segments, the host in any case).
import { isAbsolute, relative, resolve } from 'node:path';
import type { Invocation } from '../shell/invocation.js';
import { clonedFrom, configSet, remoteRename, remoteUrlSet, type GitCommand } from '../shell/programs/git.js';
import { ANY_REMOTE, upstreamRemote } from '../shell/programs/git-branches.js';

/** A repository on a server: its host (lower case, no user), the login user when shown, the path as written. */
interface ServerPath {
  readonly host: string;
  readonly user: string | null;
  readonly path: string;
}

/** `ssh://[user@]host[:port]/path` or scp's `[user@]host:path` (git-push(1) GIT URLS); null for a local path or another scheme. */
export function serverPath(url: string): ServerPath | null {
  const uri = /^(?:ssh|git\+ssh|ssh\+git):\/\/(?:([^@/]*)@)?(\[[^\]]+\]|[^:/]+)(?::\d*)?(\/.*)?$/i.exec(url);
  const host = (h: string): string => h.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (uri) {
    // `ssh://host/~/x` and `ssh://host/~user/x` are relative to a home directory, as in scp syntax.
    const p = uri[3] ?? '';
    return { host: host(uri[2]!), user: uri[1] ?? null, path: /^\/~/.test(p) ? p.slice(1) : p };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('/') || url.startsWith('.')) return null;
  // scp-like syntax is recognized only when there is no slash before the first colon.
  const scp = /^(?:([^@/:]+)@)?(\[[^\]]+\]|[^:/[\]]+):(.*)$/s.exec(url);
  return scp ? { host: host(scp[2]!), user: scp[1] ?? null, path: scp[3]! } : null;
}

const home = (user: string): string => (user === 'root' ? '/root' : `/home/${user}`);

/** Segments of an absolute path: empty and `.` dropped, `..` resolved. */
function normal(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '' && s !== '.') out.push(s);
  }
  if (out.at(-1) === '.git') out.pop();
  return out;
}

/** Segments of a checkout's path under a home directory (`/root/x`, `/home/u/x` → the user and `x`). */
function underHome(segs: readonly string[]): { user: string; rest: string[] } | null {
  if (segs[0] === 'root') return { user: 'root', rest: segs.slice(1) };
  if (segs[0] === 'home' && segs.length > 1) return { user: segs[1]!, rest: segs.slice(2) };
  return null;
}

const within = (inner: readonly string[], outer: readonly string[]): boolean => outer.length > 0 && outer.every((s, i) => inner[i] === s);

/** Is the repository at `r` the checkout `c` (or inside it)? A home whose user is not shown may be any user's. */
function isCheckout(r: ServerPath, c: { host: string; path: string }): boolean {
  if (r.host !== c.host.replace(/\.$/, '').toLowerCase()) return false;
  const checkout = normal(c.path);
  const tilde = /^~([^/]*)(?:\/|$)/.exec(r.path);
  const user = tilde ? (tilde[1] === '' ? r.user : tilde[1]!) : r.user;
  const relative = tilde !== null || !r.path.startsWith('/');
  if (!relative) return within(normal(r.path), checkout);
  const rest = normal(tilde ? r.path.slice(tilde[0].length) : r.path);
  if (user !== null) return within([...normal(home(user)), ...rest], checkout);
  const h = underHome(checkout);
  return h !== null && within(rest, h.rest);
}

/**
 * A push URL rewritten as git does (git-config(1) url.<base>.pushInsteadOf, url.<base>.insteadOf): the
 * longest pushInsteadOf prefix, else the longest insteadOf one, from the files, the text before and this
 * run (the base as written: its path is case-sensitive).
 */
function rewritten(git: GitCommand, url: string): string {
  const longest = (kind: string): string | null => {
    let best: { base: string; prefix: string } | null = null;
    for (const c of [...git.stored, ...git.config]) {
      if (c.value === null || !c.key.startsWith('url.') || !c.key.endsWith(`.${kind}`) || !url.startsWith(c.value)) continue;
      const key = c.written ?? c.key;
      if (best === null || c.value.length > best.prefix.length) best = { base: key.slice(4, key.length - kind.length - 1), prefix: c.value };
    }
    return best === null ? null : best.base + url.slice(best.prefix.length);
  };
  return longest('pushinsteadof') ?? longest('insteadof') ?? url;
}

/** Remote names as git compares config keys here (lower case). */
const keyOf = (name: string): string => name.toLowerCase();

/** Each remote's URLs as the repository's files hold them (the stored config the push read). */
function storedUrls(git: GitCommand): Map<string, string[]> {
  const urls = new Map<string, string[]>();
  for (const c of git.stored) {
    const m = /^remote\.(.+)\.(?:url|pushurl)$/.exec(c.key);
    if (m && c.value !== null) urls.set(m[1]!, [...(urls.get(m[1]!) ?? []), c.value]);
  }
  return urls;
}

/**
 * The URLs each remote may have when `inv` runs: the files', then the text's own in order (`git remote
 * add|set-url`, `git config remote.N.url`, `git remote rename OLD NEW` moving OLD's URLs to NEW, the
 * source of a `git clone` or `git submodule add` that `inv` runs inside; a computed name may be any
 * remote: under '*'), then this run's `-c remote.N.url|pushurl`.
 */
function remoteUrlMap(inv: Invocation, git: GitCommand, earlier: readonly Invocation[]): Map<string, string[]> {
  const urls = storedUrls(git);
  const add = (name: string | null, more: readonly string[]): void => {
    const k = name === null ? '*' : keyOf(name);
    urls.set(k, [...(urls.get(k) ?? []), ...more]);
  };
  const host = (i: Invocation): string | null => (i.target.kind === 'remote' ? i.target.host : null);
  for (const e of earlier) {
    if (e.facts?.kind !== 'git' || host(e) !== host(inv)) continue;
    const set = remoteUrlSet(e.facts.git);
    if (set && set.url !== null) add(set.name, [set.url]);
    // A repository cloned earlier keeps its source as a remote: for a git run inside it.
    const clone = clonedFrom(e.facts.git);
    if (clone && clone.url !== null && inside(gitDirOf(inv), gitDirOf(e), clone.dir)) add(clone.remote, [clone.url]);
    const moved = remoteRename(e.facts.git);
    if (moved === undefined) continue;
    const from = moved.from === null ? [...urls.values()].flat() : [...(urls.get(keyOf(moved.from)) ?? []), ...(storedUrls(e.facts.git).get(keyOf(moved.from)) ?? [])];
    add(moved.to, from);
  }
  for (const c of git.config) {
    const m = /^remote\.(.+)\.(?:url|pushurl)$/.exec(c.key);
    if (m && c.value !== null) add(m[1]!, [c.value]);
  }
  return urls;
}

/** The directory a git command runs in (`-C` applied); null when not known. */
function gitDirOf(inv: Invocation): string | null {
  if (inv.cwd === null || inv.facts?.kind !== 'git') return inv.cwd;
  let dir = inv.cwd;
  for (const d of inv.facts.git.chdir) {
    if (d === null) return null;
    dir = resolve(dir, d);
  }
  return dir;
}

/** Is `dir` the directory `path` (as written, relative to `base`) or below it? Unknown ones may be. */
function inside(dir: string | null, base: string | null, path: string | null): boolean {
  if (dir === null || path === null) return true;
  const top = isAbsolute(path) ? path : base === null ? null : resolve(base, path);
  if (top === null) return true;
  const rel = relative(top, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The remotes a push without a repository may go to: origin, what remote.pushDefault,
 * branch.<name>.pushRemote and branch.<name>.remote name in the files, the text before it and this run,
 * and the remote of an upstream the text set (`git branch -u srv/main`, `git switch -c x --track srv/x`)
 * (git-push(1): the current branch decides, and it is not known here: all of them). ANY_REMOTE among
 * them: a checkout by name that may track whichever remote has the branch.
 */
function defaultRemotes(inv: Invocation, git: GitCommand, earlier: readonly Invocation[]): string[] {
  const names = ['origin'];
  const picks = (key: string | null): boolean => key === null || key === 'remote.pushdefault' || /^branch\..+\.(?:pushremote|remote)$/.test(key);
  for (const c of [...git.stored, ...git.config]) if (picks(c.key) && c.value !== null) names.push(c.value);
  const host = (i: Invocation): string | null => (i.target.kind === 'remote' ? i.target.host : null);
  for (const e of earlier) {
    if (e.facts?.kind !== 'git') continue;
    const set = configSet(e.facts.git);
    if (set && picks(set.key) && set.value !== null) names.push(set.value);
    const upstream = host(e) === host(inv) ? upstreamRemote(e.facts.git) : undefined;
    if (upstream !== undefined) names.push(upstream);
  }
  return [...new Set(names)];
}

/** The URLs a push of `inv` may go to (its repository, or the remotes a push without one may pick), rewritten as git does. */
function pushUrls(inv: Invocation, git: GitCommand, repo: string | undefined, earlier: readonly Invocation[]): string[] {
  const byName = remoteUrlMap(inv, git, earlier);
  const names = repo === undefined ? defaultRemotes(inv, git, earlier) : [repo];
  const every = names.includes(ANY_REMOTE) ? [...byName.keys()] : [];
  const urls = [...names, ...every].flatMap((n) => [n, ...(/^[\w.-]+$/.test(n) || n === ANY_REMOTE ? [...(byName.get(keyOf(n)) ?? []), ...(byName.get('*') ?? [])] : [])]);
  return urls.map((u) => rewritten(git, u));
}

type Checkouts = readonly { host: string; path: string }[];

const anyCheckout = (urls: readonly string[], checkouts: Checkouts): boolean => urls.some((u) => {
  const r = serverPath(u);
  return r !== null && checkouts.some((c) => isCheckout(r, c));
});

/**
 * A git push whose repository is a server's checkout (`git push ainetic.tech:/root/projects/app HEAD:main`,
 * or a remote the text points there): it changes what the server has by hand, beside the origin the server pulls from.
 */
export function pushesToCheckout(inv: Invocation, checkouts: Checkouts, earlier: readonly Invocation[] = []): boolean {
  if (inv.facts?.kind !== 'git' || !inv.facts.push || checkouts.length === 0) return false;
  const repo = inv.facts.push.remote;
  return repo !== null && anyCheckout(pushUrls(inv, inv.facts.git, repo, earlier), checkouts);
}

/**
 * A git push to a repository named at run time (`for r in $(git remote); do git push $r …`, `git remote |
 * xargs -n1 git push`) where a remote the files or the text name is a server's checkout: it may be that one.
 */
export function pushesToRunTimeRemote(inv: Invocation, checkouts: Checkouts, earlier: readonly Invocation[] = []): boolean {
  if (inv.facts?.kind !== 'git' || !inv.facts.push || checkouts.length === 0 || inv.facts.push.remote !== null) return false;
  const git = inv.facts.git;
  const byName = remoteUrlMap(inv, git, earlier);
  return anyCheckout([...byName.values()].flat().map((u) => rewritten(git, u)), checkouts);
}
