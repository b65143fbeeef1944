// Where a local git command runs and the configuration its files hold, as git's setup finds them
// (git-repo.ts): the hooks family reads its hooks from there, and the managed family the aliases,
// remotes' push refspecs and mirror settings git takes from the files (git-config(1) "FILES").
import { resolve } from 'node:path';
import { findRepo, gitConfigEntries, type GitPlace } from '../git-repo.js';
import type { GitConfig } from '../git-config.js';
import type { GitHead, StoredEntries } from '../programs/git.js';
import type { Scope } from './driver.js';
import { madeRepos } from './new-repos.js';
import { writtenConfig } from './git-written-config.js';

/** The environment git and its hooks see: the text's variables over the process's. */
export function envOf(scope: Scope): GitPlace['env'] {
  return (name) => (scope.env.has(name) ? scope.env.get(name) : process.env[name]);
}

/** Where git runs: `-C DIR` (each relative to the last), `--git-dir`, `--work-tree`, GIT_DIR, GIT_WORK_TREE. */
export function placeOf(scope: Scope, git: GitHead): GitPlace | string {
  if (scope.cwd === null) return 'cannot tell which directory git runs in';
  let cwd = resolve(scope.cwd);
  for (const d of git.chdir) {
    if (d === null) return '`git -C` names a directory computed at run time';
    cwd = resolve(cwd, d);
  }
  const env = envOf(scope);
  const gitDir = git.gitDir !== undefined ? git.gitDir : env('GIT_DIR');
  const workTree = git.workTree !== undefined ? git.workTree : env('GIT_WORK_TREE');
  // A repository made earlier in the text (`git init t && git -C t …`) is the one git finds there.
  const made = madeRepos(scope);
  return { cwd, env, ...(gitDir !== undefined ? { gitDir } : {}), ...(workTree !== undefined ? { workTree } : {}), ...(made ? { made } : {}) };
}

/**
 * The entries of the config files a local git command at `head` reads (system, global, the
 * repository's, the worktree's, what they include; an includeIf file as if its condition held),
 * then what the same text wrote into them earlier with what those entries include (git-written-config.ts;
 * `unknown` when an included file's content cannot be known).
 * None on the server, or where they cannot be found or read: the hooks family asks about those
 * for every command that may run hooks, and a push or an alias is one.
 */
export function storedConfig(scope: Scope, head: GitHead): StoredEntries {
  const written = writtenConfig(scope);
  const entries = [...filesConfig(scope, head), ...written.entries];
  return written.unknown === undefined ? { entries } : { entries, unknown: written.unknown };
}

function filesConfig(scope: Scope, head: GitHead): readonly GitConfig[] {
  if (!scope.local) return [];
  const place = placeOf(scope, head);
  if (typeof place === 'string') return [];
  const repo = findRepo(scope.files, place);
  if (!repo.ok) return [];
  const entries = gitConfigEntries(scope.files, repo.value, place.env, place.cwd);
  return entries.ok ? entries.value : [];
}

/**
 * The top of the git work tree git finds from `cwd` (`git rev-parse --show-toplevel`, with the text's
 * GIT_DIR and GIT_WORK_TREE and the repositories it made); null where there is none (no repository,
 * or a bare one: a program that needs it stops), `{ why }` where it cannot be known.
 */
export function gitTop(scope: Scope, cwd: string): string | null | { why: string } {
  const env = envOf(scope);
  const gitDir = env('GIT_DIR');
  const workTree = env('GIT_WORK_TREE');
  const made = madeRepos(scope);
  const place: GitPlace = { cwd, env, ...(gitDir !== undefined ? { gitDir } : {}), ...(workTree !== undefined ? { workTree } : {}), ...(made ? { made } : {}) };
  const repo = findRepo(scope.files, place);
  if (!repo.ok) return { why: repo.why };
  return repo.value?.workTree ?? null;
}

/** A file's text at `path`, as findUp gives it; null when missing. */
export function fileAt(scope: Scope, path: string): { kind: 'text'; path: string; text: string } | { kind: 'unreadable'; path: string; why: string } | null {
  const r = scope.files.read(path);
  if (r.kind === 'text') return { kind: 'text', path, text: r.text };
  return r.kind === 'missing' ? null : { kind: 'unreadable', path, why: r.kind === 'unreadable' ? r.why : 'not text' };
}
