// Which commits an environment's branch holds, seen from this checkout: HEAD when it is on that
// branch (or the config has no environments), else the branch's remote-tracking ref, else the local
// branch. So `history --env prod` lists prod's deploys while staging is checked out.
import { simpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { IMPLICIT_ENVIRONMENT } from '../environments.js';

export async function environmentRef(config: ResolvedConfig): Promise<string | undefined> {
  if (config.environment === IMPLICIT_ENVIRONMENT) return undefined;
  const git = simpleGit({ baseDir: config.root });
  const current = await git.revparse(['--abbrev-ref', 'HEAD']).then((b) => b.trim(), () => '');
  if (current === config.branch) return undefined;
  for (const ref of [`refs/remotes/${config.remote}/${config.branch}`, `refs/heads/${config.branch}`]) {
    if (await git.raw(['rev-parse', '-q', '--verify', `${ref}^{commit}`]).then((sha) => sha.trim() !== '', () => false)) return ref;
  }
  return undefined;
}
