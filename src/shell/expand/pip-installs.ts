// pip installing from a directory runs that package's code: its setup.py, or a build backend inside the
// tree (PEP 517). The directories come from the command line and from the requirement files it names
// (pip's "Requirements File Format": a line may be a local path, `-e PATH`, or `-r FILE` of another).
import { join, resolve, dirname } from 'node:path';
import { getopt, optionIs } from '../getopt.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { moduleFile } from './modules.js';
import { parseToml } from './task-files.js';
import { LOCAL_SPEC } from './packages.js';
/** `pip install ./dir`, `pip install -e dir`: building a package from a directory runs its setup.py. */
export function pipLocalInstall(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!/^pip(?:3(?:\.\d+)?)?$/.test(name) || !scope.local || scope.cwd === null) return false;
  const scan = getopt(args.map(argOf), { short: 'e:r:c:t:w:qUv', long: ['editable=|e', 'requirement=|r', 'constraint=|c', 'target=|t', 'wheel-dir=|w', 'user', 'upgrade|U', 'quiet|q', 'no-deps', 'no-build-isolation', 'break-system-packages', 'index-url=', 'extra-index-url='], permute: true });
  // `pip wheel DIR` builds the wheel as `pip install DIR` does before it installs it.
  const sub = scan.operands[0]?.value;
  if (sub !== 'install' && sub !== 'wheel') return false;
  const specs = [...scan.operands.slice(1).map((o) => o.value), ...scan.options.filter((o) => optionIs(o, ['-e'])).map((o) => o.value ?? null)];
  const listed = requirementSpecs(scope, scan.options.filter((o) => optionIs(o, ['-r'])).map((o) => o.value ?? null), scope.cwd, 0);
  if (listed === null) return true;
  specs.push(...listed);
  const dirs = specs.filter((v): v is string => v !== null && (LOCAL_SPEC.test(v) || v === '.' || scope.files.read(join(resolve(scope.cwd!, v), 'setup.py')).kind === 'text'));
  if (dirs.length === 0) return false;
  scope.emit(scope.argv, name, { scan });
  for (const d of dirs) projectBuildCode(scope, resolve(scope.cwd, d), `${name} ${sub} ${d}`);
  return true;
}

/**
 * What building the Python project in `dir` runs of its own: setup.py, a build backend inside the tree,
 * Hatch's custom build hook (`[tool.hatch.build.hooks.custom]` or a target's: `path`, hatch_build.py by
 * default), Poetry's build script (`[tool.poetry.build] script`, or the older `[tool.poetry] build`).
 */
export function projectBuildCode(scope: Scope, dir: string, label: string): void {
  scanCodeFile(scope, 'python', join(dir, 'setup.py'), `${label} (setup.py)`);
  const project = pyproject(scope, dir, label);
  if (project === null) return;
  inTreeBackend(scope, dir, project, label);
  const tool = (project.tool ?? {}) as { hatch?: { build?: HatchBuild }; poetry?: { build?: unknown } };
  const build = tool.hatch?.build;
  const hooks = [build?.hooks?.custom, ...Object.values(build?.targets ?? {}).map((t) => t?.hooks?.custom)].filter((h) => h !== undefined);
  for (const h of hooks) scanCodeFile(scope, 'python', join(dir, typeof h.path === 'string' ? h.path : 'hatch_build.py'), `${label} (Hatch build hook)`);
  const poetry = tool.poetry?.build;
  const script = typeof poetry === 'string' ? poetry : (poetry as { script?: unknown } | undefined)?.script;
  if (typeof script === 'string') scanCodeFile(scope, 'python', join(dir, script), `${label} (Poetry build script)`);
}

interface HatchBuild { hooks?: { custom?: { path?: unknown } }; targets?: Record<string, { hooks?: { custom?: { path?: unknown } } } | undefined> }
type PyProject = { 'build-system'?: { 'build-backend'?: unknown; 'backend-path'?: unknown }; tool?: unknown };

/** The project's pyproject.toml, parsed; null when there is none or it cannot be read (said why). */
export function pyproject(scope: Scope, dir: string, label: string): PyProject | null {
  const read = scope.files.read(join(dir, 'pyproject.toml'));
  if (read.kind === 'missing') return null;
  if (read.kind !== 'text') { scope.raise('unreadable-script', `${label}: pyproject.toml: ${'why' in read ? read.why : 'not text'}`); return null; }
  try { return parseToml(read.text) as PyProject; } catch (e) {
    scope.raise('unreadable-script', `${label}: pyproject.toml cannot be read: ${(e as Error).message}`);
    return null;
  }
}

/**
 * PEP 517: a project whose pyproject.toml names a build backend inside the tree (`backend-path`)
 * is built by importing that module from there, so its code runs as setup.py's does. (A backend
 * from an installed package is code the text cannot show, as any installed package is.)
 */
function inTreeBackend(scope: Scope, dir: string, project: PyProject, label: string): void {
  const system = project['build-system'];
  const paths = Array.isArray(system?.['backend-path']) ? system['backend-path'].filter((p): p is string => typeof p === 'string') : [];
  const backend = system?.['build-backend'];
  if (paths.length === 0 || typeof backend !== 'string') return;
  const file = moduleFile(scope, 'python', backend.split(':')[0]!.trim(), null, paths.map((p) => resolve(dir, p)));
  if (file !== null) scanCodeFile(scope, 'python', file, `${label} (build backend ${backend})`);
}


/** How deep requirement files may name others (`-r more.txt`) before the rest is not read. */
const MAX_NESTED = 8;

/**
 * The specs the requirement files list (each line's first word, `-e PATH`'s path; `-r FILE` read in its turn),
 * relative paths made absolute from the file's directory; null when one cannot be read (said why).
 */
function requirementSpecs(scope: Scope, files: readonly (string | null)[], cwd: string | null, depth: number): string[] | null {
  const out: string[] = [];
  for (const f of files) {
    if (f === null || cwd === null) { scope.raise('unreadable-script', 'pip installs from a requirements file named at run time'); return null; }
    const path = resolve(cwd, f);
    const read = scope.files.read(path);
    if (read.kind === 'missing') continue;
    if (read.kind !== 'text' || depth > MAX_NESTED) { scope.raise('unreadable-script', `${path}: ${'why' in read ? read.why : 'cannot be read'}`); return null; }
    for (const raw of read.text.split(/\r?\n/)) {
      const line = raw.replace(/(?:^|\s)#.*$/, '').trim();
      const m = /^(?:(-e|--editable|-r|--requirement)(?:\s*=\s*|\s+))?(\S+)/.exec(line);
      if (!m || (m[1] === undefined && m[2]!.startsWith('-'))) continue;
      const spec = m[2]!.replace(/^file:(?:\/\/)?/, '');
      if (m[1] === '-r' || m[1] === '--requirement') {
        const more = requirementSpecs(scope, [spec], dirname(path), depth + 1);
        if (more === null) return null;
        out.push(...more);
      } else if (LOCAL_SPEC.test(m[2]!) || spec === '.' || (m[1] !== undefined && !/^[a-z][\w+.-]*:/i.test(m[2]!))) out.push(resolve(dirname(path), spec));
    }
  }
  return out;
}
