// The Python build front ends besides `pip install DIR` (expand/pip-installs.ts) that build the project in a
// directory, and so run its build code (setup.py, an in-tree backend, Hatch's custom build hook, Poetry's
// build script): `python -m build`, `uv build`, `uv sync` (installs the project editable through its build
// backend when it declares one), `hatch build`, `poetry build`, `poetry install`. Data; expand/python-builds.ts.
import type { OptionGrammar } from '../getopt.js';
import { HATCH_OPTIONS, POETRY_OPTIONS, UV_OPTIONS } from './runner-options.js';

export interface PythonBuild {
  /** The program's own options before the subcommand; absent: the words start with `path` (`-m build`). */
  readonly globals?: OptionGrammar;
  /** The subcommand (or `-m MODULE`) that builds. */
  readonly path: readonly string[];
  readonly options: OptionGrammar;
  /** The first operand after `path` names the project's directory (`python -m build DIR`, `uv build DIR`). */
  readonly dirOperand?: true;
  /** Options naming the project's directory (`uv --directory DIR`, `poetry -C DIR`). */
  readonly dirOptions?: readonly string[];
  /** Options under which the project itself is not built (`uv sync --no-install-project`, `poetry install --no-root`). */
  readonly unless?: readonly string[];
  /** Only a project that declares `[build-system]` is built (uv sync: one without it is a virtual project). */
  readonly needsBuildSystem?: true;
}

const PY_BUILD: PythonBuild = {
  path: ['-m', 'build'],
  options: { short: 'swnxo:C:', long: ['sdist|s', 'wheel|w', 'outdir=|o', 'no-isolation|n', 'skip-dependency-check|x', 'config-setting=|C', 'installer=', 'verbose|v'], permute: true },
  dirOperand: true,
};
const UV_DIRS = ['--directory', '--project'];

export const PYTHON_BUILDS: Readonly<Record<string, readonly PythonBuild[]>> = {
  python: [PY_BUILD],
  python3: [PY_BUILD],
  uv: [
    { globals: UV_OPTIONS, path: ['build'], options: { short: 'o:', long: ['out-dir=|o', 'sdist', 'wheel', 'package=', 'all-packages', 'no-build-isolation', 'build-constraints=', 'python=', 'directory=', 'project='], permute: true }, dirOperand: true, dirOptions: UV_DIRS },
    { globals: UV_OPTIONS, path: ['sync'], options: { long: ['no-install-project', 'no-install-workspace', 'only-dev', 'only-group=', 'frozen', 'locked', 'dev', 'no-dev', 'extra=', 'all-extras', 'group=', 'python=', 'directory=', 'project='], permute: true }, dirOptions: UV_DIRS, unless: ['--no-install-project', '--no-install-workspace', '--only-dev', '--only-group'], needsBuildSystem: true },
  ],
  hatch: [{ globals: HATCH_OPTIONS, path: ['build'], options: { short: 't:hc', long: ['target=|t', 'hooks-only', 'no-hooks', 'ext', 'clean|c', 'clean-hooks-after'], permute: true }, dirOptions: ['--project'], unless: ['--no-hooks'] }],
  poetry: [
    { globals: POETRY_OPTIONS, path: ['build'], options: { short: 'f:o:', long: ['format=|f', 'output=|o', 'clean', 'config-settings='], permute: true }, dirOptions: ['--directory'] },
    { globals: POETRY_OPTIONS, path: ['install'], options: { short: 'E:', long: ['without=', 'with=', 'only=', 'no-root', 'only-root', 'sync', 'dry-run', 'extras=|E', 'all-extras', 'all-groups', 'compile'], permute: true }, dirOptions: ['--directory'], unless: ['--no-root', '--dry-run'] },
  ],
};
