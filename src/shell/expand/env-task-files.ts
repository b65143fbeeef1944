// Environment managers with a task table of their own (each tool's documentation): pixi's [tasks]
// (pixi.toml, or [tool.pixi.tasks] of pyproject.toml, features' tables too), devbox.json's
// shell.scripts (shell.init_hook runs before each), rye's [tool.rye.scripts]. `run NAME` runs the
// task; a name the table does not have is a command the runner table judges.
import type { TaskFile } from './tasks.js';
import { parseToml, withDeps, type Task } from './task-files.js';

const quoted = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const strings = (v: unknown): string[] => Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** pixi's tasks: `NAME = "cmd"` or a table with `cmd` (a string or a list of words) and `depends-on`. */
export function pixiTasks(text: string): Map<string, Task> {
  const doc = parseToml(text) as Record<string, unknown>;
  const top = (doc.tool as { pixi?: Record<string, unknown> } | undefined)?.pixi ?? doc;
  const tables = [top.tasks, ...Object.values((top.feature ?? {}) as Record<string, { tasks?: unknown }>).map((f) => f?.tasks)];
  const out = new Map<string, Task>();
  for (const table of tables) {
    for (const [name, t] of Object.entries((table ?? {}) as Record<string, unknown>)) {
      const o = (typeof t === 'string' ? { cmd: t } : t ?? {}) as Record<string, unknown>;
      const body = Array.isArray(o.cmd) ? [strings(o.cmd).map(quoted).join(' ')] : strings(o.cmd);
      const deps = [o['depends-on'], o.depends_on].flatMap((d) => Array.isArray(d) ? d : d === undefined ? [] : [d])
        .map((d) => typeof d === 'string' ? d : (d as { task?: unknown } | null)?.task).filter((d): d is string => typeof d === 'string');
      out.set(name, { deps, body: [...(out.get(name)?.body ?? []), ...body] });
    }
  }
  return out;
}

/** devbox.json's scripts (a string or a list of lines), each after the shell's init_hook. */
export function devboxScripts(text: string): Map<string, Task> {
  const shell = ((JSON.parse(text) as { shell?: unknown }).shell ?? {}) as { scripts?: Record<string, unknown>; init_hook?: unknown };
  const hook = strings(shell.init_hook);
  return new Map(Object.entries(shell.scripts ?? {}).map(([name, s]) => [name, { deps: [], body: [...hook, ...strings(s)] }]));
}

/** rye's scripts: a string, a list of words, or a table with `cmd`, `chain` (other scripts) or `call` (`module:function`). */
export function ryeScripts(text: string): Map<string, Task> {
  const doc = parseToml(text) as { tool?: { rye?: { scripts?: Record<string, unknown> } } };
  const out = new Map<string, Task>();
  for (const [name, t] of Object.entries(doc.tool?.rye?.scripts ?? {})) {
    const o = (typeof t === 'string' || Array.isArray(t) ? { cmd: t } : t ?? {}) as Record<string, unknown>;
    const body = Array.isArray(o.cmd) ? [strings(o.cmd).map(quoted).join(' ')] : strings(o.cmd);
    if (typeof o.call === 'string') {
      const [mod, fn] = o.call.split(':', 2) as [string, string | undefined];
      body.push(`python -c ${quoted(fn === undefined ? `import runpy; runpy.run_module('${mod}')` : `import ${mod}; ${mod}.${fn.includes('(') ? fn : `${fn}()`}`)}`);
    }
    out.set(name, { deps: strings(o.chain), body });
  }
  return out;
}

export const ENV_TASK_RUNNERS: Readonly<Record<string, TaskFile>> = {
  pixi: {
    files: ['pixi.toml', 'pyproject.toml'], fileOption: ['--manifest-path', '-m'], subcommand: ['run', 'r'], commandsOtherwise: true,
    options: { short: 'e:m:nx', long: ['environment=|e', 'manifest-path=|m', 'frozen', 'locked', 'clean-env', 'skip-deps', 'dry-run|n', 'force-activate', 'no-install', 'revalidate', 'executable|x', 'help'], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(pixiTasks(t), task),
  },
  devbox: {
    files: ['devbox.json'], fileOption: ['-c', '--config'], fileOf: (v) => v.endsWith('.json') ? v : `${v}/devbox.json`, subcommand: ['run'], commandsOtherwise: true,
    options: { short: 'c:e:q', long: ['config=|c', 'env=|e', 'env-file=', 'pure', 'quiet|q', 'environment=', 'list|l'], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(devboxScripts(t), task),
  },
  rye: {
    files: ['pyproject.toml'], fileOption: ['--pyproject'], subcommand: ['run'], commandsOtherwise: true,
    options: { short: 'lvq', long: ['pyproject=', 'list|l', 'verbose|v', 'quiet|q'], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(ryeScripts(t), task),
  },
};

/**
 * Capistrano (capistranorb.com): `cap STAGE TASK` (and `cap -T`) loads the Capfile, Ruby, before any
 * task; its top-level code (`run_locally { execute … }`, what it requires) runs whatever task is named.
 */
export const DEPLOY_TASK_RUNNERS: Readonly<Record<string, TaskFile>> = {
  cap: {
    files: ['Capfile', 'capfile', 'Capfile.rb'], fileOption: [], language: 'ruby', showsOnly: ['-V', '--version', '-h', '--help'],
    options: { short: 'TVhnprtvsqD:', long: ['tasks|T', 'version|V', 'help|h', 'dry-run|n', 'prereqs|P', 'trace|t', 'verbose|v', 'silent|s', 'quiet|q', 'describe=|D', 'roles=', 'hosts=', 'print-config-variables|p'], permute: true },
    defaultTasks: () => ['default'],
    commands: (t) => [t],
  },
};
