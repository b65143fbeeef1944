// Whether the branch a text checked out is surely still current when a later command runs. A force
// push of HEAD may be judged by that branch only then: a checkout that may have restored a file of
// that name, failed without stopping the text, run in another repository, or been undone by a command
// between them leaves some other branch (perhaps a protected one) current.
import { resolve } from 'node:path';
import { getopt, optionIs } from '../shell/getopt.js';
import { KEEPS_BRANCH } from '../shell/grammars/git.js';
import type { Invocation } from '../shell/invocation.js';
import type { GitCommand } from '../shell/programs/git.js';
import { runsAfterSuccess } from './after-success.js';

/** Options that create the branch they name: the local name is then that value, whatever it tracks. */
const CREATES = ['-b', '-B', '-c', '-C', '--create', '--force-create', '--orphan'];
/** What else a plain switch may say (a `--track` or `--detach` makes the current branch another name, or none). */
const QUIET = ['-q', '--quiet'];

/** A git run in the shell's directory, on the repository found from there, with what it runs known. */
function plainGit(inv: Invocation): GitCommand | null {
  if (inv.facts?.kind !== 'git') return null;
  const git = inv.facts.git;
  if (git.chdir.length > 0 || git.gitDir !== undefined || git.workTree !== undefined || git.dynamic || git.shellAlias !== undefined) return null;
  if (inv.env.has('GIT_DIR') || inv.env.has('GIT_WORK_TREE')) return null;
  return git;
}

/**
 * Does this checkout surely switch to the branch it names when it succeeds? `git switch NAME`, and a
 * checkout or switch that creates one, do; `git checkout NAME` restores the file NAME instead when it
 * names no branch, so there only a NAME that is no path here counts.
 */
function surelySwitches(e: Invocation, git: GitCommand, exists: (path: string) => boolean): boolean {
  if (git.sub === 'symbolic-ref') return true;
  if ((git.sub !== 'switch' && git.sub !== 'checkout') || e.cwd === null) return false;
  const args = git.args;
  if (args.some((a) => a !== null && CREATES.some((c) => a === c || a.startsWith(c.startsWith('--') ? `${c}=` : c)))) return true;
  const names = args.filter((a) => a === null || !QUIET.includes(a));
  const name = names[0];
  if (names.length !== 1 || name === undefined || name === null || name.startsWith('-')) return false;
  return git.sub === 'switch' || !exists(resolve(e.cwd, name));
}

/** Does `b`, run between the switch and the push, leave the current branch as it is? */
export function keepsBranch(b: Invocation, cwd: string): boolean {
  const git = plainGit(b);
  const spec = git?.sub ? KEEPS_BRANCH[git.sub] : undefined;
  if (!git || !spec || b.cwd !== cwd) return false;
  if (!spec.options) return true;
  const scan = getopt(git.args, spec.options);
  if (scan.options.some((o) => optionIs(o, [...spec.unless ?? []]))) return false;
  return scan.operands.every((o) => o.value !== null) && scan.operands.length <= (spec.maxOperands ?? Infinity);
}

/**
 * Is the branch that `earlier[at]` made current still current when `inv` runs? Both are plain gits in
 * the same directory, the switch surely switches, `inv` runs only once it succeeded, and every command
 * between them is a git that keeps the branch.
 */
export function switchHolds(inv: Invocation, earlier: readonly Invocation[], at: number, input: string, exists: (path: string) => boolean): boolean {
  const e = earlier[at]!;
  const git = plainGit(e);
  if (!git || !plainGit(inv) || e.cwd === null || e.cwd !== inv.cwd || !surelySwitches(e, git, exists)) return false;
  const between = earlier.slice(at + 1);
  if (!runsAfterSuccess(input, e, inv, between)) return false;
  // A command inside the push (a substitution in its words) runs before it, so it must keep the branch too.
  return between.every((b) => b.start < e.end || keepsBranch(b, e.cwd!));
}
