// Which remote branches a command moves, as the program resolves them: git pushes (with the branch
// the same text checked out before, for `HEAD`, `@` and a push without a refspec), subtree pushes,
// and a forge's API or CLI (merges, ref updates and deletes, a repository deleted). The facts
// `push-promoted`, `forge-ref-update` and `forge-repo-delete` and the promotion rewrite read them.
import { getopt, optionIs, type Arg, type OptionGrammar } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { checkedOutBranch, subtreePushBranch } from '../shell/programs/git.js';

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

/** The branch the text made current before `inv` (`git checkout prod && …`); null when not shown or unknown. */
export function currentBranch(inv: Invocation, earlier: readonly Invocation[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.facts?.kind !== 'git' || !samePlace(e, inv)) continue;
    const b = checkedOutBranch(e.facts.git);
    if (b !== undefined) return b;
  }
  return null;
}

const PR_CREATE: OptionGrammar = { short: 'B:H:t:b:F:a:r:l:m:p:T:R:dwe', long: ['base=|B', 'head=|H', 'title=|t', 'body=|b', 'body-file=|F', 'assignee=|a', 'reviewer=|r', 'label=|l', 'milestone=|m', 'project=|p', 'template=|T', 'repo=|R', 'recover=', 'fill', 'fill-first', 'fill-verbose', 'draft|d', 'web|w', 'editor|e', 'dry-run', 'no-maintainer-edit'], permute: true };
const PR_MERGE: OptionGrammar = { short: 'mrsdb:t:F:A:R:', long: ['merge|m', 'rebase|r', 'squash|s', 'delete-branch|d', 'auto', 'disable-auto', 'admin', 'body=|b', 'body-file=|F', 'subject=|t', 'author-email=|A', 'match-head-commit=', 'repo=|R'], permute: true };

/** The base of the pull request that the text opened before `inv` (`gh pr create --base prod`). */
function openedBase(inv: Invocation, earlier: readonly Invocation[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    const w = words(e);
    if (e.program !== 'gh' || w[0] !== 'pr' || (w[1] !== 'create' && w[1] !== 'edit') || !samePlace(e, inv)) continue;
    const base = getopt(w.slice(2), PR_CREATE).options.filter((o) => optionIs(o, ['--base'])).pop();
    if (base) return base.value ?? null;
  }
  return null;
}

const MERGES = /(?:^|\/)repos\/[^/]+\/[^/]+\/merges\/?$/;

/** What a gh invocation moves: a merge through the API (`repos/o/r/merges`, base=…) or `gh pr merge` of a PR the text opened. */
function forgeUpdates(inv: Invocation, earlier: readonly Invocation[]): BranchUpdates {
  const w = words(inv);
  if (inv.facts?.kind === 'forge') {
    const f = inv.facts.forge;
    if (f.method !== 'POST' && f.method !== null) return NONE;
    if (f.endpoint === undefined || f.endpoint === null || !MERGES.test(f.endpoint.replace(/[?#].*$/, ''))) return NONE;
    const base = f.fields.filter((x) => x.key === 'base').pop();
    return base?.value ? { branches: [base.value], every: false } : { branches: [], every: base !== undefined || f.bodies.length > 0 };
  }
  if (inv.program === 'gh' && w[0] === 'pr' && w[1] === 'merge') {
    // With no selector gh merges the pull request of the current branch: the one just opened, when the
    // text shows it. The base of one named by number, URL or branch is on the forge, not in the text:
    // it may be any branch, a promoted one too.
    const base = getopt(w.slice(2), PR_MERGE).operands.length > 0 ? null : openedBase(inv, earlier);
    return base === null ? { branches: [], every: true } : { branches: [base], every: false };
  }
  return NONE;
}

/** The remote branches `inv` updates, as far as the text shows. */
export function branchUpdates(inv: Invocation, earlier: readonly Invocation[]): BranchUpdates {
  const f = inv.facts;
  if (f?.kind === 'git') {
    const subtree = subtreePushBranch(f.git);
    if (subtree !== undefined) return subtree === null ? NONE : { branches: [subtree], every: false };
    const push = f.push;
    if (!push) return NONE;
    const branches = [...push.destinations ?? []];
    if (push.current) {
      const b = currentBranch(inv, earlier);
      if (b !== null) branches.push(b);
    }
    return { branches, every: push.every };
  }
  return forgeUpdates(inv, earlier);
}

/** The promoted branches `inv` updates (every one of them when it pushes every branch). */
export function promotedUpdates(inv: Invocation, earlier: readonly Invocation[], promoted: readonly string[]): string[] {
  const u = branchUpdates(inv, earlier);
  return u.every ? [...promoted] : u.branches.filter((b) => promoted.includes(b));
}
