// gitops-guard's own command line started from a file: an entry of the guard that runs now (its
// executable, or in its checkout `node dist/cli/main.js trust`, `tsx src/cli/main.ts init`). Such a
// run is judged as the `gitops-guard` command it is (rules/05-guard-self.yaml).
import { isAbsolute, join, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import type { Scope } from './driver.js';

/** The command-line entries of the package (its executable, and in its checkout `node dist/cli/main.js`, `tsx src/cli/main.ts`). */
const PACKAGE_ENTRIES = ['dist/gitops-guard.cjs', 'dist/cli/main.js', 'dist/cli/bin.js', 'dist/gitops-guard-main.cjs', 'src/cli/main.ts', 'src/cli/bin.ts', 'src/cli/launch.ts'];
const OWN_ENTRIES = new Set(PACKAGE_ENTRIES.map((e) => join(PACKAGE_ROOT, e)));

/**
 * Is `file` gitops-guard's command line: an entry of the guard that runs now, by its path or where
 * its links lead (`node_modules/.bin/gitops-guard`)? A file that only has the name, or a package
 * that only calls itself gitops-guard, is code like any other: anyone can write those.
 */
export function guardEntry(scope: Scope, file: string): boolean {
  if (scope.cwd === null && !isAbsolute(file)) return false;
  const path = resolve(scope.cwd ?? '/', file);
  if (OWN_ENTRIES.has(path)) return true;
  const real = scope.files.realpath?.(path);
  if (real === null || real === undefined) return false;
  const root = scope.files.realpath?.(PACKAGE_ROOT) ?? PACKAGE_ROOT;
  return OWN_ENTRIES.has(real) || PACKAGE_ENTRIES.some((e) => join(root, e) === real);
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
