// The Python build front ends of grammars/python-builds.ts (`python -m build`, `uv build`, `uv sync`,
// `hatch build`, `poetry build|install`) build the project in their directory, which runs its build code
// (pip-installs.ts projectBuildCode: setup.py, an in-tree backend, Hatch's build hook, Poetry's build
// script). That code is judged here; the program itself is read on by the families after this one.
import { resolve } from 'node:path';
import { getopt, optionIs, valueOf, type Scan } from '../getopt.js';
import { PYTHON_BUILDS, type PythonBuild } from '../grammars/python-builds.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { projectBuildCode, pyproject } from './pip-installs.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const PYTHON_BUILD_PROGRAMS: readonly string[] = Object.keys(PYTHON_BUILDS);

export function pythonBuildsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const rows = Object.hasOwn(PYTHON_BUILDS, name) ? PYTHON_BUILDS[name]! : undefined;
  if (!rows || !scope.local || scope.cwd === null) return false;
  const words = args.map(argOf);
  for (const row of rows) {
    const at = pathAt(row, words);
    if (at === null) continue;
    const lead = row.globals ? getopt(words.slice(0, at), row.globals) : null;
    const scan = getopt(words.slice(at + row.path.length), row.options);
    if (scan.options.some((o) => optionIs(o, [...row.unless ?? [], '--help', '-h']))) return false;
    const dir = projectDir(scope, row, lead, scan);
    if (dir === null) { scope.raise('unreadable-script', `\`${name} ${row.path.join(' ')}\` builds a project in a directory named at run time`); return false; }
    const label = `${name} ${row.path.join(' ')}`;
    if (row.needsBuildSystem && pyproject(scope, dir, label)?.['build-system'] === undefined) return false;
    projectBuildCode(scope, dir, label);
    return false;
  }
  return false;
}

/** Where `row.path` starts in the words: after the program's own options (`uv -q build`), or anywhere before it only options (`python3 -I -m build`). */
function pathAt(row: PythonBuild, words: readonly (string | null)[]): number | null {
  if (row.globals) {
    const first = getopt(words, { ...row.globals, permute: false }).operands[0];
    return first !== undefined && row.path.every((p, i) => words[first.index + i] === p) ? first.index : null;
  }
  for (let i = 0; i < words.length; i++) {
    if (row.path.every((p, k) => words[i + k] === p)) return i;
    if (words[i] === null || !words[i]!.startsWith('-')) return null;
  }
  return null;
}

/** The project's directory: the operand or option naming it, else the working directory; null when computed. */
function projectDir(scope: Scope, row: PythonBuild, lead: Scan | null, scan: Scan): string | null {
  const named = [lead && row.dirOptions ? valueOf(lead, ...row.dirOptions) : undefined, row.dirOptions ? valueOf(scan, ...row.dirOptions) : undefined,
    row.dirOperand ? scan.operands[0]?.value : undefined].filter((v) => v !== undefined);
  if (named.some((v) => v === null)) return null;
  return resolve(scope.cwd!, ...(named as string[]));
}
