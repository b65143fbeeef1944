// Repositories the text makes (`git init DIR`, `git clone REPO DIR`). A later git command in DIR
// (`git -C DIR`, `cd DIR`, a directory below it) runs in that repository, not in the project around
// it: its relative core.hooksPath is relative to DIR (githooks(5)) and the hooks written there are
// the ones it runs. A clone's work tree holds what the remote has, which is not known here.
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { MadeRepo } from '../git-repo.js';
import type { Scope } from './driver.js';

/** Per expansion: the repositories made so far, by the directory git finds each from. */
const MADE = new WeakMap<object, Map<string, MadeRepo>>();

/** The repositories made earlier in this text (for GitPlace.made). */
export function madeRepos(scope: Scope): ReadonlyMap<string, MadeRepo> | undefined {
  return MADE.get(scope.run0);
}

/**
 * Record the repository `git init|clone` makes at `top`: its git directory is `top/.git`, the
 * `--separate-git-dir` (relative to `cwd`), or `top` itself when bare (then it has no work tree).
 */
export function recordRepo(scope: Scope, top: string, how: { cwd: string; bare: boolean; separate: string | undefined; clone: boolean }): void {
  const made = MADE.get(scope.run0) ?? new Map<string, MadeRepo>();
  MADE.set(scope.run0, made);
  const gitDir = how.bare ? top : how.separate !== undefined ? resolve(how.cwd, how.separate) : join(top, '.git');
  made.set(top, { gitDir, top: how.bare ? null : top, clone: how.clone });
}

/** The top of the work tree of a repository cloned earlier in this text that `path` lies in (outside its git directory). */
export function clonedTreeOf(scope: Scope, path: string): string | undefined {
  if (!isAbsolute(path)) return undefined;
  for (const r of madeRepos(scope)?.values() ?? []) {
    if (!r.clone || r.top === null || !path.startsWith(r.top + sep)) continue;
    if (path === r.gitDir || path.startsWith(r.gitDir + sep)) continue;
    return r.top;
  }
  return undefined;
}
