// Which files a deploy carries: the config's `paths` (files and directories relative to the
// repository root), else, as always, the compose files' directories (a compose file at the top
// counts alone, not the whole repository). deploy stages the changed ones; plan lists them.
import { posix } from 'node:path';
import type { ResolvedConfig } from '../config.js';

/** `./k8s/` -> `k8s`, `.` and `./` -> `.` (the whole repository). */
const normal = (p: string): string => posix.normalize(p).replace(/\/+$/, '') || '.';

/** A test for repository-relative paths (as git status gives them): does a deploy carry this file? */
export function iacFilter(config: Pick<ResolvedConfig, 'paths' | 'composeFiles'>): (file: string) => boolean {
  if (config.paths && config.paths.length > 0) {
    const paths = config.paths.map(normal);
    return (f) => paths.some((p) => p === '.' || f === p || f.startsWith(`${p}/`));
  }
  const dirs = [...new Set(config.composeFiles.map((f) => posix.dirname(f)))];
  return (f) => dirs.some((d) => d === '.' ? config.composeFiles.includes(f) : f.startsWith(`${d}/`));
}

/** Where a deploy looked for changes, for its "nothing to deploy". */
export function iacWhere(config: Pick<ResolvedConfig, 'paths' | 'composeFiles'>): string {
  if (config.paths && config.paths.length > 0) return `paths: ${config.paths.join(', ')}`;
  if (config.composeFiles.length === 0) return 'no compose files and no paths configured: set paths to the files deploy carries';
  return `the compose files' directories, ${[...new Set(config.composeFiles.map((f) => posix.dirname(f)))].join(', ')}; `
    + 'set paths to carry other files';
}
