// Which remote branches a command moves, as the program resolves them: git pushes (with the branch
// the same text checked out before, for `HEAD`, `@` and a push without a refspec), subtree pushes,
// and a forge's API or CLI (merges, ref updates and deletes, a repository deleted). The facts
// `push-promoted`, `forge-ref-update` and `forge-repo-delete` and the promotion rewrite read them.
import { getopt, optionIs, type Arg, type OptionGrammar } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import type { ForgeCall } from '../shell/programs/forge.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { branchOf } from '../shell/programs/git.js';
import { checkedOutBranch, subtreePushBranch, upstreamSet, worktreeAdded } from '../shell/programs/git-branches.js';
import { keepsBranch, switchHolds } from './current-branch.js';

/** Branches a command updates on a remote: named ones, and whether it pushes every branch. */
export interface BranchUpdates {
  readonly branches: readonly string[];
  readonly every: boolean;
}

const NONE: BranchUpdates = { branches: [], every: false };

function words(inv: Invocation): Arg[] {
  return inv.argv.slice(1).map((w) => w.value);
}

/**
 * Same place: a later command runs on the same machine as the earlier one. (Not compared: the
 * directory. A `cd` into another directory of the same work tree keeps its branch; one into another
 * repository makes this ask where it need not, never the other way.)
 */
function samePlace(a: Invocation, b: Invocation): boolean {
  const host = (i: Invocation): string | null => (i.target.kind === 'remote' ? i.target.host : null);
  return host(a) === host(b);
}

/** Does `inv` run inside the directory `path` (relative to where `e` ran)? */
function runsInside(inv: Invocation, e: Invocation, path: string | null): boolean {
  if (path === null || inv.cwd === null) return path === null;
  const dir = isAbsolute(path) ? path : e.cwd === null ? null : resolve(e.cwd, path);
  if (dir === null) return true;
  const rel = relative(dir, inv.cwd);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A write to the file that names the current branch (`echo "ref: refs/heads/prod" > .git/HEAD`). */
const HEAD_FILE = /(?:^|\/)\.git\/HEAD$/i;

/** The current branch was set by hand to one the text does not show: it may be any branch. */
const ANY_BRANCH = '*';

/**
 * The branch the text made current before `inv` (`git checkout prod && …`, `git symbolic-ref HEAD
 * refs/heads/prod`, or `git worktree add ../p prod && cd ../p && …`), and the index in `earlier` of
 * the command that did; null when not shown or unknown; ANY_BRANCH after .git/HEAD is written.
 */
function currentBranchAt(inv: Invocation, earlier: readonly Invocation[]): { readonly branch: string | null; readonly at: number } | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (!samePlace(e, inv)) continue;
    if (e.writes?.some((p) => p !== null && HEAD_FILE.test(p))) return { branch: ANY_BRANCH, at: i };
    if (e.facts?.kind !== 'git') continue;
    const wt = worktreeAdded(e.facts.git);
    if (wt !== undefined) {
      if (runsInside(inv, e, wt.path)) return { branch: wt.branch, at: i };
      continue;
    }
    const b = checkedOutBranch(e.facts.git);
    if (b !== undefined) return { branch: b, at: i };
  }
  return null;
}

/** The branch the text made current before `inv` (see currentBranchAt). */
export function currentBranch(inv: Invocation, earlier: readonly Invocation[]): string | null {
  return currentBranchAt(inv, earlier)?.branch ?? null;
}

/**
 * The branch `inv` surely runs on, for a force push of HEAD: the one currentBranch finds, but only
 * where nothing can have left another current (current-branch.ts).
 */
export function surelyCurrentBranch(inv: Invocation, earlier: readonly Invocation[], input: string | undefined, exists: (path: string) => boolean): string | null {
  const found = currentBranchAt(inv, earlier);
  if (found === null || found.branch === null || found.branch === ANY_BRANCH || input === undefined) return null;
  return switchHolds(inv, earlier, found.at, input, exists) ? found.branch : null;
}

/**
 * The branches a git push updates, all of them, or null when git decides one the text does not show:
 * HEAD (`@`, or no refspec where push.default pushes the current branch) is the branch the text surely
 * made current before it (`git switch -c fix/x && git push -f origin HEAD`).
 */
export function pushedBranches(inv: Invocation, earlier: readonly Invocation[], input: string | undefined, exists: (path: string) => boolean): readonly string[] | null {
  const push = inv.facts?.kind === 'git' ? inv.facts.push : undefined;
  if (!push) return [];
  if (push.destinations !== null) return push.destinations;
  if (!push.current || push.besidesCurrent === null) return null;
  const b = surelyCurrentBranch(inv, earlier, input, exists) ?? branchOnDisk(inv, earlier);
  return b === null ? null : [...push.besidesCurrent, b];
}

/**
 * The branch HEAD names on disk where the push runs (GitPush.headOnDisk), where nothing before it in
 * the text can have switched: every earlier command here is a git that keeps the branch (or a `cd`).
 */
function branchOnDisk(inv: Invocation, earlier: readonly Invocation[]): string | null {
  const push = inv.facts?.kind === 'git' ? inv.facts.push : undefined;
  if (push?.headOnDisk === undefined || push.headOnDisk === null || inv.cwd === null) return null;
  // `--prune` and `--delete` remove other branches than the one pushed: not judged by it.
  if (push.forceFlags.some((f) => f === '--prune' || f === '--delete' || f === '-d')) return null;
  if (currentBranchAt(inv, earlier) !== null) return null;
  const cwd = inv.cwd;
  return earlier.every((e) => !samePlace(e, inv) || e.program === 'cd' || keepsBranch(e, cwd)) ? push.headOnDisk : null;
}

/** The upstream the text gave the current branch before `inv` (`git checkout -b x --track origin/prod`); null when not shown. */
function currentUpstream(inv: Invocation, earlier: readonly Invocation[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.facts?.kind !== 'git' || !samePlace(e, inv)) continue;
    const u = upstreamSet(e.facts.git);
    if (u !== undefined) return u;
    // A checkout of another branch without one leaves the upstream unknown.
    if (checkedOutBranch(e.facts.git) !== undefined) return null;
  }
  return null;
}

const PR_CREATE: OptionGrammar = { short: 'B:H:t:b:F:a:r:l:m:p:T:R:dwe', long: ['base=|B', 'head=|H', 'title=|t', 'body=|b', 'body-file=|F', 'assignee=|a', 'reviewer=|r', 'label=|l', 'milestone=|m', 'project=|p', 'template=|T', 'repo=|R', 'recover=', 'fill', 'fill-first', 'fill-verbose', 'draft|d', 'web|w', 'editor|e', 'dry-run', 'no-maintainer-edit'], permute: true };
const PR_MERGE: OptionGrammar = { short: 'mrsdb:t:F:A:R:', long: ['merge|m', 'rebase|r', 'squash|s', 'delete-branch|d', 'auto', 'disable-auto', 'admin', 'body=|b', 'body-file=|F', 'subject=|t', 'author-email=|A', 'match-head-commit=', 'repo=|R'], permute: true };
const MR_CREATE: OptionGrammar = { short: 'b:s:t:d:a:l:m:R:fwy', long: ['target-branch=|b', 'source-branch=|s', 'title=|t', 'description=|d', 'assignee=|a', 'label=|l', 'milestone=|m', 'repo=|R', 'reviewer=', 'related-issue=', 'target-project=', 'fill|f', 'fill-commit-body', 'web|w', 'yes|y', 'draft', 'wip', 'push', 'remove-source-branch', 'squash-before-merge', 'allow-collaboration', 'create-source-branch', 'copy-issue-labels', 'no-editor', 'signoff', 'recover'], permute: true };
const MR_MERGE: OptionGrammar = { short: 'm:R:drsy', long: ['message=|m', 'squash-message=', 'sha=', 'repo=|R', 'auto-merge', 'remove-source-branch|d', 'rebase|r', 'squash|s', 'yes|y', 'when-pipeline-succeeds'], permute: true };
const TEA_CREATE: OptionGrammar = { short: 't:d:b:r:R:l:a:m:', long: ['title=|t', 'description=|d', 'base=|b', 'head=', 'repo=|r', 'remote=|R', 'login=|l', 'assignees=|a', 'milestone=|m', 'labels=', 'allow-maintainer-edits'], permute: true };
const TEA_MERGE: OptionGrammar = { short: 's:t:m:r:R:l:', long: ['style=|s', 'title=|t', 'message=|m', 'repo=|r', 'remote=|R', 'login=|l'], permute: true };

/**
 * Forge CLIs that merge a pull (merge) request: the words that open one with its base (and the
 * option naming the base), and the words that merge one. A merge names its request by an operand;
 * without one it is the request of the current branch.
 */
const FORGE_MERGE_CLIS: Readonly<Record<string, { create: readonly (readonly string[])[]; createGrammar: OptionGrammar; base: string; merge: readonly (readonly string[])[]; mergeGrammar: OptionGrammar }>> = {
  gh: { create: [['pr', 'create'], ['pr', 'edit']], createGrammar: PR_CREATE, base: '--base', merge: [['pr', 'merge']], mergeGrammar: PR_MERGE },
  glab: { create: [['mr', 'create'], ['mr', 'update']], createGrammar: MR_CREATE, base: '--target-branch', merge: [['mr', 'merge'], ['mr', 'accept']], mergeGrammar: MR_MERGE },
  tea: { create: [['pulls', 'create'], ['pull', 'create'], ['pr', 'create']], createGrammar: TEA_CREATE, base: '--base', merge: [['pulls', 'merge'], ['pull', 'merge'], ['pr', 'merge']], mergeGrammar: TEA_MERGE },
};

const startsWith = (w: readonly Arg[], paths: readonly (readonly string[])[]): number => {
  const hit = paths.find((p) => p.every((x, i) => w[i] === x));
  return hit ? hit.length : -1;
};

/** The base of the pull request that the text opened before `inv` (`gh pr create --base prod`). */
function openedBase(inv: Invocation, earlier: readonly Invocation[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    const cli = FORGE_MERGE_CLIS[e.program ?? ''];
    if (!cli || e.program !== inv.program || !samePlace(e, inv)) continue;
    const w = words(e);
    const at = startsWith(w, cli.create);
    if (at < 0) continue;
    const base = getopt(w.slice(at), cli.createGrammar).options.filter((o) => optionIs(o, [cli.base])).pop();
    if (base) return base.value ?? null;
  }
  return null;
}

/**
 * Forge API endpoints that move a branch the request names: the methods that write, and the fields
 * naming the branch (the first one given wins; without any it is the repository's default branch).
 * A merge of a request named by number names none: its base is on the forge.
 */
const BRANCH_WRITES: readonly { readonly path: RegExp; readonly methods: readonly string[]; readonly fields: readonly string[]; readonly orDefault?: true }[] = [
  // GitHub's merges API: base=… (required)
  { path: /(?:^|\/)repos\/[^/]+\/[^/]+\/merges$/, methods: ['POST'], fields: ['base'] },
  // GitHub's (PUT, DELETE) and Gitea's (POST, PUT, DELETE; new_branch is the branch written) Contents API
  { path: /(?:^|\/)repos\/[^/]+\/[^/]+\/contents(?:\/.*)?$/, methods: ['POST', 'PUT', 'DELETE'], fields: ['new_branch', 'branch'], orDefault: true },
  // GitHub: sync a fork's branch with its upstream
  { path: /(?:^|\/)repos\/[^/]+\/[^/]+\/merge-upstream$/, methods: ['POST'], fields: ['branch'] },
  // GitLab's Commits API and Repository Files API (branch required)
  { path: /(?:^|\/)projects\/[^/]+\/repository\/commits$/, methods: ['POST'], fields: ['branch'] },
  { path: /(?:^|\/)projects\/[^/]+\/repository\/files\/.+$/, methods: ['POST', 'PUT', 'DELETE'], fields: ['branch'] },
  // A pull (merge) request merged by number: GitHub (PUT), Gitea (POST), GitLab (PUT)
  { path: /(?:^|\/)repos\/[^/]+\/[^/]+\/pulls\/[^/]+\/merge$/, methods: ['PUT', 'POST'], fields: [] },
  { path: /(?:^|\/)projects\/[^/]+\/merge_requests\/[^/]+\/merge$/, methods: ['PUT'], fields: [] },
];

/** GraphQL mutations that merge into a branch the query may not show (GitHub). */
const GRAPHQL_MERGES = /\b(?:mergePullRequest|mergeBranch|enablePullRequestAutoMerge)\b/;

/** What a forge API call moves (`gh api`, `glab api`, `hub api`). */
function apiUpdates(f: ForgeCall): BranchUpdates {
  const endpoint = f.endpoint === undefined || f.endpoint === null ? null : f.endpoint.replace(/[?#].*$/, '').split('/').filter((s) => s !== '').join('/');
  if (endpoint === 'graphql') {
    const text = [...f.fields.map((x) => x.value ?? ''), ...f.bodies.map((b) => b ?? '')].join(' ');
    return GRAPHQL_MERGES.test(text) || f.bodies.includes(null) ? { branches: [], every: true } : NONE;
  }
  const w = endpoint === null ? undefined : BRANCH_WRITES.find((x) => x.path.test(endpoint));
  if (!w || (f.method !== null && !w.methods.includes(f.method))) return NONE;
  if (w.fields.length === 0) return { branches: [], every: true };
  const field = w.fields.map((k) => f.fields.filter((x) => x.key === k).pop()).find((x) => x !== undefined);
  if (field !== undefined) return field.value === null ? { branches: [], every: true } : { branches: [field.value], every: false };
  // A body read from a file: the branch it names, or any when it cannot be read.
  if (f.bodies.includes(null)) return { branches: [], every: true };
  const named = f.bodies.map((b) => new RegExp(`"(?:${w.fields.join('|')})"\\s*:\\s*"([^"]*)"`).exec(b ?? '')?.[1]).filter((b): b is string => b !== undefined);
  // Without one the repository's default branch is written, and which that is is on the forge.
  return { branches: named, every: named.length === 0 && w.orDefault === true };
}

/** `gh repo sync OWNER/REPO [--branch B]` fast-forwards (or resets) a branch of that repository on the forge; without one it syncs the local clone. */
function repoSyncUpdates(w: readonly Arg[]): BranchUpdates {
  const scan = getopt(w.slice(2), { short: 'b:s:', long: ['branch=|b', 'source=|s', 'force'], permute: true });
  if (scan.operands.length === 0) return NONE;
  const b = scan.options.filter((o) => optionIs(o, ['--branch'])).pop();
  // Without --branch it is the repository's default branch, which is on the forge.
  return b === undefined || b.value === null || b.value === undefined ? { branches: [], every: true } : { branches: [b.value], every: false };
}

/** What a forge call moves: a merge or commit through the API, `gh repo sync`, or `gh pr merge` (glab, tea) of a request the text opened. */
function forgeUpdates(inv: Invocation, earlier: readonly Invocation[]): BranchUpdates {
  const w = words(inv);
  if (inv.facts?.kind === 'forge') return apiUpdates(inv.facts.forge);
  if (inv.program === 'gh' && w[0] === 'repo' && w[1] === 'sync') return repoSyncUpdates(w);
  const cli = FORGE_MERGE_CLIS[inv.program ?? ''];
  const at = cli ? startsWith(w, cli.merge) : -1;
  if (cli && at >= 0) {
    // With no selector the CLI merges the request of the current branch: the one just opened, when the
    // text shows it. The base of one named by number, URL or branch is on the forge, not in the text:
    // it may be any branch, a promoted one too.
    const base = getopt(w.slice(at), cli.mergeGrammar).operands.length > 0 ? null : openedBase(inv, earlier);
    return base === null ? { branches: [], every: true } : { branches: [base], every: false };
  }
  return NONE;
}

/**
 * The literal destination of a refspec whose source is computed (`$(git rev-parse staging):prod`,
 * `"$SRC":refs/heads/prod`): the words as written, after the last colon outside a substitution.
 */
function computedSourceDestinations(inv: Invocation): string[] {
  const out: string[] = [];
  for (const w of inv.argv.slice(1)) {
    if (w.value !== null) continue;
    const m = /:([A-Za-z0-9._/-]+)["']?$/.exec(w.text);
    const b = m ? branchOf(m[1]!) : null;
    if (b !== null) out.push(b);
  }
  return out;
}

/** The remote branches `inv` updates, as far as the text shows. */
export function branchUpdates(inv: Invocation, earlier: readonly Invocation[]): BranchUpdates {
  const f = inv.facts;
  if (f?.kind === 'git') {
    const subtree = subtreePushBranch(f.git);
    if (subtree !== undefined) return subtree === null ? NONE : { branches: [subtree], every: false };
    const push = f.push;
    // A dry run sends nothing (git-push(1) --dry-run).
    if (!push || push.scan.options.some((o) => optionIs(o, ['--dry-run']))) return NONE;
    const branches = [...push.destinations ?? [], ...push.merges.filter((b) => b !== '*'), ...computedSourceDestinations(inv)];
    const b = push.current ? currentBranch(inv, earlier) : null;
    if (b !== null && b !== ANY_BRANCH) branches.push(b);
    // push.default=upstream pushes to the upstream whatever its name: unknown when the text does not set it.
    const upstream = push.upstream ? currentUpstream(inv, earlier) : undefined;
    if (upstream) branches.push(upstream);
    return { branches, every: push.every || upstream === null || push.merges.includes('*') || b === ANY_BRANCH };
  }
  return forgeUpdates(inv, earlier);
}

/** The promoted branches `inv` updates (every one of them when it pushes every branch). */
export function promotedUpdates(inv: Invocation, earlier: readonly Invocation[], promoted: readonly string[]): string[] {
  const u = branchUpdates(inv, earlier);
  return u.every ? [...promoted] : u.branches.filter((b) => promoted.includes(b));
}
