// Command substitutions in a path whose output the guard can compute (known-vars.ts fills them in):
// git's path queries in the repository the working directory is in (git-repo.ts: `rev-parse
// --git-dir`, `--absolute-git-dir`, `--git-common-dir`, `--show-toplevel`, `--git-path P`, which
// takes hooks/ from core.hooksPath), echo and printf of plain words, `realpath`/`readlink -f` of one,
// `cd DIR && pwd`. Any other substitution stays computed (null): the decision is no weaker than before.
import { join, resolve } from 'node:path';
import { findRepo, hookDirs, type GitPlace } from '../git-repo.js';
import type { Scope } from './driver.js';
import { envOf } from './git-place.js';

type Row = (scope: Scope, cwd: string, args: readonly string[]) => string | null;

/** The repository git finds from `cwd` (no GIT_DIR or work tree named at run time), or null. */
function place(scope: Scope, cwd: string): GitPlace {
  const env = envOf(scope);
  const gitDir = env('GIT_DIR');
  const workTree = env('GIT_WORK_TREE');
  return { cwd, env, ...(gitDir !== undefined ? { gitDir } : {}), ...(workTree !== undefined ? { workTree } : {}) };
}

/** `git rev-parse QUERY`: the path git prints. */
const revParse: Row = (scope, cwd, args) => {
  if (args[0] !== 'rev-parse' || args.length < 2 || args.length > 3) return null;
  const where = place(scope, cwd);
  const found = findRepo(scope.files, where);
  if (!found.ok || found.value === null) return null;
  const repo = found.value;
  switch (args.length === 2 ? args[1] : `${args[1]} P`) {
    case '--git-dir': case '--absolute-git-dir': return repo.gitDir;
    case '--git-common-dir': return repo.commonDir;
    case '--show-toplevel': return repo.workTree;
    case '--git-path P': {
      const p = args[2]!;
      if (p === 'hooks' || p.startsWith('hooks/')) {
        const dirs = hookDirs(scope.files, where);
        if (!dirs.ok || dirs.value === null || dirs.value.dirs.length !== 1) return null;
        return join(dirs.value.dirs[0]!, p.slice('hooks'.length));
      }
      // hooks, config, info, objects, refs … are shared from the common directory (gitrepository-layout(5)).
      return join(/^(?:HEAD|index|logs\/HEAD)$/.test(p) ? repo.gitDir : repo.commonDir, p);
    }
    default: return null;
  }
};

const ROWS: Readonly<Record<string, Row>> = {
  git: revParse,
  echo: (_s, _c, args) => (args.length === 1 && !args[0]!.startsWith('-') ? args[0]! : null),
  printf: (_s, _c, args) => (args.length === 2 && args[0] === '%s' ? args[1]! : null),
  realpath: (_s, cwd, args) => (args.length === 1 && !args[0]!.startsWith('-') ? resolve(cwd, args[0]!) : null),
  readlink: (_s, cwd, args) => (args.length === 2 && args[0] === '-f' ? resolve(cwd, args[1]!) : null),
};

/**
 * The output of the substitution `$(INNER)` run in `cwd` (one line, no trailing newline), or null
 * when not computed here.
 */
export function staticSubstitution(scope: Scope, inner: string, cwd: string | null = scope.cwd): string | null {
  if (cwd === null) return null;
  const text = inner.trim();
  // `cd DIR && pwd`
  const cd = /^cd\s+([A-Za-z0-9_./-]+)\s*(?:&&|;)\s*pwd(?:\s+-[LP])?$/.exec(text);
  if (cd) return resolve(cwd, cd[1]!);
  if (!/^[A-Za-z0-9_./%:=@+ \t-]+$/.test(text)) return null;
  const [name, ...args] = text.split(/[ \t]+/);
  const row = name === undefined ? undefined : ROWS[name];
  return row ? row(scope, cwd, args) : null;
}
