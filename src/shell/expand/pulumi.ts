// pulumi up, preview and watch (and refresh or destroy with --run-program) run the project's program,
// found by Pulumi.yaml (Pulumi docs, "Pulumi.yaml project file"): `runtime` nodejs runs `main` (a
// file, or a directory's package.json main, index.ts or index.js), python its `main` file or
// __main__.py; the YAML runtime's resources of type command:local:Command run their create,
// update and delete commands here. A program in another language (Go, .NET, Java) is built first:
// not read. Pulumi.yaml that cannot be read asks.
import { dirname, join, resolve } from 'node:path';
import { getopt, optionIs, valueOf } from '../getopt.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { parseYaml } from './task-files.js';

const OPTIONS = {
  short: 'C:s:ycfrj',
  long: ['cwd=|C', 'stack=|s', 'yes|y', 'skip-preview|f', 'refresh=?|r', 'run-program', 'target=', 'replace=', 'config=|c', 'config-file=', 'parallel=|p',
    'diff', 'json|j', 'message=|m', 'non-interactive', 'color=', 'logtostderr', 'verbose=|v', 'help|h', 'version'],
  permute: true,
};
const RUNS = ['up', 'update', 'preview', 'pre', 'watch'];
const RUNS_WITH_PROGRAM = ['refresh', 'destroy', 'down'];

interface Project { runtime?: unknown; main?: unknown; resources?: unknown }

export function pulumi(scope: Scope, name: string, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), OPTIONS);
  scope.emit(scope.argv, name, { scan });
  const sub = scan.operands[0]?.value;
  const runs = sub === null || RUNS.includes(sub ?? '') || (RUNS_WITH_PROGRAM.includes(sub ?? '') && scan.options.some((o) => optionIs(o, ['--run-program'])));
  if (!runs || scan.options.some((o) => optionIs(o, ['--help']))) return true;
  const dir = valueOf(scan, '-C');
  const start = dir === null || scope.cwd === null ? null : dir === undefined ? scope.cwd : resolve(scope.cwd, dir);
  if (start === null || sub === null) { scope.raise('unreadable-script', `cannot tell which program \`${name}\` runs`); return true; }
  const found = scope.files.findUp(start, 'Pulumi.yaml') ?? scope.files.findUp(start, 'Pulumi.yml');
  if (found === null) return true;
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return true; }
  let project: Project;
  try { project = (parseYaml(found.text, { maxAliasCount: 100 }) ?? {}) as Project; } catch (e) { scope.raise('unreadable-script', `${found.path}: ${(e as Error).message}`); return true; }
  const runtime = typeof project.runtime === 'string' ? project.runtime : (project.runtime as { name?: unknown } | undefined)?.name;
  const label = `${name} ${sub} (runs the program of ${found.path})`;
  const root = dirname(found.path);
  const main = typeof project.main === 'string' ? resolve(root, project.main) : root;
  if (runtime === 'nodejs') scanCodeFile(scope, 'node', nodeEntry(scope, main), label);
  else if (runtime === 'python') scanCodeFile(scope, 'python', main.endsWith('.py') ? main : join(main, '__main__.py'), label);
  else if (runtime === 'yaml') localCommands(scope, project.resources, label);
  return true;
}

/** A Node program's entry: the file `main` names, or its directory's package.json main, index.ts or index.js. */
function nodeEntry(scope: Scope, main: string): string {
  if (/\.[cm]?[jt]s$/.test(main)) return main;
  const pkg = scope.files.read(join(main, 'package.json'));
  if (pkg.kind === 'text') {
    try {
      const m = (JSON.parse(pkg.text) as { main?: unknown }).main;
      if (typeof m === 'string') return resolve(main, m);
    } catch { /* not JSON: the defaults below */ }
  }
  return scope.files.read(join(main, 'index.ts')).kind === 'text' ? join(main, 'index.ts') : join(main, 'index.js');
}

/** The YAML runtime's command:local:Command resources: their create, update and delete commands run here. */
function localCommands(scope: Scope, resources: unknown, label: string): void {
  if (!resources || typeof resources !== 'object') return;
  for (const r of Object.values(resources as Record<string, unknown>)) {
    const res = r as { type?: unknown; properties?: Record<string, unknown> } | null;
    if (res?.type !== 'command:local:Command') continue;
    for (const key of ['create', 'update', 'delete']) {
      const cmd = res.properties?.[key];
      if (typeof cmd === 'string') scope.script(cmd.replace(/\$\{[^}]*\}/g, '${PULUMI_VALUE}'), label, scope.cwd);
      else if (cmd !== undefined) scope.raise('unreadable-script', `${label}: a ${key} command computed when it runs`);
    }
  }
}
