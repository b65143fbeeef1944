// Branches git commands make current, upstreams they set, worktrees they add and subtree pushes: what
// the policy needs to know which branch a later `git push` (HEAD, no refspec) updates.
import { getopt, has, optionIs, type Arg, type OptionGrammar } from '../getopt.js';
import { branchOf, parseGitPush, type GitCommand } from './git.js';

const GIT_CHECKOUT: OptionGrammar = {
  short: 'b:B:c:C:fmpqt',
  long: ['create=|c', 'force-create=|C', 'orphan=', 'conflict=', 'pathspec-from-file=', 'track=?', 'no-track', 'detach',
    'guess', 'no-guess', 'force|f', 'merge|m', 'quiet|q', 'discard-changes', 'ignore-other-worktrees', 'patch|p', 'recurse-submodules'],
  permute: true,
};

/**
 * The branch a `git checkout` / `git switch` / `git symbolic-ref HEAD` makes current: its name; null when that cannot be known
 * (computed, `-`, detached); undefined when it changes no branch (paths after `--`, help).
 */
export function checkedOutBranch(git: GitCommand): string | null | undefined {
  // git-symbolic-ref(1): `git symbolic-ref HEAD refs/heads/prod` makes prod current, as a checkout does.
  if (git.sub === 'symbolic-ref') {
    const ops = getopt(git.args, { short: 'm:dqs', long: ['delete|d', 'quiet|q', 'short', 'recurse', 'no-recurse'], permute: true }).operands;
    if (ops.length !== 2 || (ops[0]!.value !== 'HEAD' && ops[0]!.value !== null)) return undefined;
    return ops[1]!.value === null ? null : branchOf(ops[1]!.value);
  }
  if (git.sub !== 'checkout' && git.sub !== 'switch') return undefined;
  const scan = getopt(git.args, GIT_CHECKOUT);
  if (scan.options.some((o) => o.name === '--pathspec-from-file' || o.name === '--patch')) return undefined;
  const created = scan.options.filter((o) => optionIs(o, ['-b', '-B', '--create', '--force-create', '--orphan'])).pop();
  if (created) return created.value ?? null;
  if (has(scan, '--detach')) return null;
  // `git checkout prod -- file` restores files from prod and stays on the branch.
  if (git.args.includes('--') && git.sub === 'checkout') return undefined;
  const first = scan.operands[0];
  if (!first) return git.sub === 'switch' ? null : undefined;
  if (first.value === null || first.value === '-' || first.value.startsWith('@{')) return null;
  return branchOf(first.value);
}

/**
 * The remote branch a command makes the upstream of a branch it creates or names: `git checkout -b
 * hotfix --track origin/prod`, `git switch -c x origin/prod` (branch.autoSetupMerge), `git branch -u
 * origin/prod`, `git branch --set-upstream-to=origin/prod`, `git push -u origin x:prod`. null: unknown;
 * undefined: none set.
 */
export function upstreamSet(git: GitCommand): string | null | undefined {
  const remoteBranch = (v: Arg | undefined): string | null => (v === null || v === undefined ? null : v.replace(/^(?:refs\/remotes\/)?[^/]+\//, ''));
  if (git.sub === 'checkout' || git.sub === 'switch') {
    const scan = getopt(git.args, GIT_CHECKOUT);
    if (!scan.options.some((o) => optionIs(o, ['-b', '-B', '--create', '--force-create']))) return undefined;
    if (scan.options.some((o) => optionIs(o, ['--no-track']))) return undefined;
    const start = scan.operands[0];
    return start === undefined ? undefined : remoteBranch(start.value);
  }
  if (git.sub === 'branch') {
    const scan = getopt(git.args, { short: 'u:t', long: ['set-upstream-to=|u', 'track=?', 'no-track'], permute: true });
    const to = scan.options.filter((o) => optionIs(o, ['--set-upstream-to'])).pop();
    if (to) return remoteBranch(to.value);
    if (has(scan, '--track')) return remoteBranch(scan.operands[1]?.value);
    return undefined;
  }
  if (git.sub === 'push') {
    const push = parseGitPush(git);
    if (!has(push.scan, '--set-upstream')) return undefined;
    return push.destinations?.[0] ?? null;
  }
  return undefined;
}

/** `git worktree add [-b NEW] PATH [BRANCH]`: the worktree's path and the branch checked out there; undefined when not that. */
export function worktreeAdded(git: GitCommand): { path: string | null; branch: string | null } | undefined {
  if (git.sub !== 'worktree') return undefined;
  const scan = getopt(git.args, { short: 'b:B:fq', long: ['force|f', 'detach', 'checkout', 'no-checkout', 'lock', 'reason=', 'orphan', 'track', 'no-track', 'guess-remote', 'no-guess-remote', 'quiet|q', 'relative-paths', 'no-relative-paths'], permute: true });
  const ops = scan.operands.map((o) => o.value);
  if (ops[0] !== 'add') return undefined;
  const created = scan.options.filter((o) => o.name === '-b' || o.name === '-B').pop();
  const path = ops[1] ?? null;
  if (created) return { path, branch: created.value ?? null };
  if (has(scan, '--detach')) return { path, branch: null };
  // Without a branch, git checks out a new branch named after the path's last part.
  const branch = ops[2] === undefined ? (path === null ? null : path.replace(/\/+$/, '').split('/').pop() ?? null) : ops[2] === null ? null : branchOf(ops[2]);
  return { path, branch };
}

/** `git subtree push -P PREFIX REPOSITORY REFSPEC`: the remote branch it updates (null: unknown); undefined when not a subtree push. */
export function subtreePushBranch(git: GitCommand): string | null | undefined {
  if (git.sub !== 'subtree') return undefined;
  const scan = getopt(git.args, { short: 'P:m:qd', long: ['prefix=|P', 'message=|m', 'squash', 'annotate=', 'branch=|b', 'onto=', 'rejoin', 'ignore-joins', 'quiet|q', 'debug|d'], permute: true });
  const ops = scan.operands.map((o) => o.value);
  if (ops[0] !== 'push') return undefined;
  const spec = ops[2];
  if (spec === undefined || spec === null) return null;
  return branchOf(spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : spec);
}

/** Where git may pick any remote: a branch checked out by name may be made to track whichever remote has it. */
export const ANY_REMOTE = '*';

/** The remote of a remote-tracking branch as written (`srv/main`, `refs/remotes/srv/main`, `remotes/srv/main`); undefined for a local one. */
function remoteOf(ref: Arg | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (ref === null) return ANY_REMOTE;
  const m = /^(?:refs\/)?(?:remotes\/)?([^/]+)\/./.exec(ref);
  return m ? m[1]! : undefined;
}

/** `git branch` options that delete, move, copy or list branches rather than make one (git-branch(1)). */
const BRANCH_NOT_CREATING = ['-d', '-D', '--delete', '-m', '-M', '--move', '-c', '-C', '--copy', '-l', '--list', '-r', '--remotes', '-a', '--all',
  '--unset-upstream', '--edit-description', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '--show-current'];

/**
 * The remote a command makes the upstream of a branch (branch.<name>.remote): `git branch -u srv/main`,
 * `git branch x srv/main` (branch.autoSetupMerge), `git checkout -b x --track srv/x`, `git checkout
 * --track srv/x`, `git switch -c x srv/x`, `git push -u srv x`; ANY_REMOTE where git may pick any remote
 * that has the branch (`git switch feature`: checkout.guess, git-checkout(1)); undefined when it sets none.
 */
export function upstreamRemote(git: GitCommand): string | undefined {
  if (git.sub === 'checkout' || git.sub === 'switch') {
    const scan = getopt(git.args, GIT_CHECKOUT);
    if (has(scan, '--no-track', '--detach', '--orphan', '--pathspec-from-file', '--patch') || (git.sub === 'checkout' && git.args.includes('--'))) return undefined;
    const first = scan.operands[0];
    if (scan.options.some((o) => optionIs(o, ['-b', '-B', '--create', '--force-create', '--track', '-t']))) return remoteOf(first?.value);
    if (first === undefined || has(scan, '--no-guess')) return undefined;
    return first.value === null || !first.value.includes('/') ? ANY_REMOTE : undefined;
  }
  if (git.sub === 'branch') {
    const scan = getopt(git.args, { short: 'u:tdDmMcClraf', long: ['set-upstream-to=|u', 'track=?', 'no-track', ...BRANCH_NOT_CREATING.filter((o) => o.startsWith('--')).map((o) => o.slice(2)), 'force|f'], permute: true });
    const to = scan.options.filter((o) => optionIs(o, ['--set-upstream-to'])).pop();
    if (to) return remoteOf(to.value);
    if (has(scan, '--no-track') || scan.options.some((o) => BRANCH_NOT_CREATING.includes(o.name))) return undefined;
    return remoteOf(scan.operands[1]?.value);
  }
  if (git.sub === 'push') {
    const push = parseGitPush(git);
    if (!has(push.scan, '--set-upstream')) return undefined;
    return push.remote === null ? ANY_REMOTE : push.remote;
  }
  return undefined;
}
