// gitops-guard's own command line, however it is started: its executable by name, or an entry file
// of a package named gitops-guard (in its checkout, `node dist/cli/main.js trust`, `tsx src/cli/main.ts
// init`). Such a run is judged as the `gitops-guard` command it is (rules/05-guard-self.yaml).
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import type { Scope } from './driver.js';

/** The files of gitops-guard's executable (the bundle, or its ES module entry). */
const GUARD_ENTRY = /(?:^|\/)(?:gitops-guard(?:\.c?js)?|gitops-guard\/dist\/cli\/main\.js)$/;
/** The command-line entries inside the package itself (its checkout: `node dist/cli/main.js`, `tsx src/cli/main.ts`). */
const PACKAGE_ENTRIES = new Set(['dist/cli/main.js', 'dist/cli/bin.js', 'dist/gitops-guard-main.cjs', 'src/cli/main.ts', 'src/cli/bin.ts', 'src/cli/launch.ts']);

/** Is `file` gitops-guard's command line: by its name, or as an entry of a package named gitops-guard? */
export function guardEntry(scope: Scope, file: string): boolean {
  if (GUARD_ENTRY.test(file)) return true;
  if (!/(?:^|\/)(?:dist|src)\/[\w./-]+\.[cm]?[jt]s$/.test(file) || scope.cwd === null) return false;
  const path = resolve(scope.cwd, file);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const pkg = scope.files.read(join(dir, 'package.json'));
    if (pkg.kind === 'text') return PACKAGE_ENTRIES.has(relative(dir, path)) && /"name"\s*:\s*"gitops-guard"/.test(pkg.text);
    if (dirname(dir) === dir) return false;
  }
}


/** The running guard's own code: its build and its sources (a build script of its checkout imports dist/). */
const OWN_CODE = ['dist', 'src'].map((d) => join(PACKAGE_ROOT, d) + sep);

/**
 * Is `path` (absolute) the running guard's own code, which a project script may import (this
 * checkout's build scripts import dist/)? Only where this guard runs from counts: a package.json
 * that calls itself gitops-guard is a name anyone can write, and its code is read as any other.
 */
export function inGuardPackage(scope: Scope, path: string): boolean {
  if (OWN_CODE.some((d) => path.startsWith(d))) return true;
  const real = scope.files.realpath?.(path);
  return real !== null && real !== undefined && real !== path && OWN_CODE.some((d) => real.startsWith(d));
}
