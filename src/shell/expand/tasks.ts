// The task-runner family: just, task (Taskfile), mise tasks and rake read their recipes from a file
// in the project; the recipe of the task named (and of the tasks it depends on) is what runs.
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { getopt, valueOf, type OptionGrammar } from '../getopt.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode } from './interpreters.js';

interface TaskFile {
  /** Where the runner looks for its file, first match wins. */
  readonly files: readonly string[];
  /** The option naming another file. */
  readonly fileOption: readonly string[];
  readonly options: OptionGrammar;
  /** The task that runs when none is named. */
  readonly defaultTask: (text: string) => string | null;
  /** The commands a task runs (its dependencies' first), or null when the file cannot be read. */
  readonly commands: (text: string, task: string) => string[] | null;
  /** Options that run something other than a task (`just --command CMD`). */
  readonly direct?: readonly string[];
}

/** justfile recipes: `name args: deps` then indented lines. */
function justRecipes(text: string): Map<string, { deps: string[]; body: string[] }> {
  const recipes = new Map<string, { deps: string[]; body: string[] }>();
  let current: { deps: string[]; body: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (/^[ \t]+\S/.test(line) && current) { current.body.push(line.trim().replace(/^[@-]+/, '')); continue; }
    const m = /^@?([A-Za-z_][\w-]*)(?:\s+[^:=]*)?:(?!=)\s*(.*)$/.exec(line);
    if (m) {
      current = { deps: m[2]!.split(/\s+/).filter((d) => /^[A-Za-z_][\w-]*$/.test(d)), body: [] };
      recipes.set(m[1]!, current);
      continue;
    }
    if (line.trim() !== '' && !line.startsWith('#')) current = null;
  }
  return recipes;
}

function withDeps<T extends { deps: string[]; body: string[] }>(all: Map<string, T>, task: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string): void => {
    if (seen.has(t) || seen.size > 200) return;
    seen.add(t);
    const r = all.get(t);
    if (!r) return;
    for (const d of r.deps) visit(d);
    out.push(...r.body);
  };
  visit(task);
  return out;
}

/** The YAML parser, loaded only when a Taskfile is read (a hook rarely needs it). */
function parseYaml(text: string, options: { maxAliasCount: number }): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);
}

function taskfileTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const out = new Map<string, { deps: string[]; body: string[] }>();
  const doc = parseYaml(text, { maxAliasCount: 100 }) as { tasks?: Record<string, unknown> } | null;
  for (const [name, t] of Object.entries(doc?.tasks ?? {})) {
    const task = (typeof t === 'string' ? { cmds: [t] } : Array.isArray(t) ? { cmds: t } : t ?? {}) as { cmds?: unknown[]; deps?: unknown[]; cmd?: unknown };
    const body: string[] = [];
    const deps: string[] = [];
    for (const c of [...(task.cmds ?? []), ...(task.cmd !== undefined ? [task.cmd] : [])]) {
      if (typeof c === 'string') body.push(c);
      else if (c && typeof c === 'object' && typeof (c as { cmd?: unknown }).cmd === 'string') body.push((c as { cmd: string }).cmd);
      else if (c && typeof c === 'object' && typeof (c as { task?: unknown }).task === 'string') deps.push((c as { task: string }).task);
    }
    for (const d of task.deps ?? []) deps.push(typeof d === 'string' ? d : String((d as { task?: unknown })?.task ?? ''));
    out.set(name, { deps, body });
  }
  return out;
}

/** `[tasks.NAME]` sections of mise.toml with `run = "…"` or `run = ["…", …]`, and `depends`. */
function miseTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const out = new Map<string, { deps: string[]; body: string[] }>();
  let current: { deps: string[]; body: string[] } | null = null;
  const strings = (v: string): string[] => [...v.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  for (const line of text.split('\n')) {
    const head = /^\s*\[tasks\.("?)([^\]"]+)\1\]\s*$/.exec(line);
    if (head) { current = { deps: [], body: [] }; out.set(head[2]!, current); continue; }
    if (/^\s*\[/.test(line)) { current = null; continue; }
    const kv = /^\s*(run|depends)\s*=\s*(.*)$/.exec(line);
    if (current && kv) (kv[1] === 'run' ? current.body : current.deps).push(...strings(kv[2]!));
  }
  return out;
}

/** deno.json's `tasks`: `"name": "command"` or `{ "command": …, "dependencies": […] }`. */
function denoTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const doc = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as { tasks?: Record<string, unknown> };
  const out = new Map<string, { deps: string[]; body: string[] }>();
  for (const [name, t] of Object.entries(doc.tasks ?? {})) {
    const task = (typeof t === 'string' ? { command: t } : t ?? {}) as { command?: unknown; dependencies?: unknown };
    out.set(name, {
      deps: Array.isArray(task.dependencies) ? task.dependencies.filter((d): d is string => typeof d === 'string') : [],
      body: typeof task.command === 'string' ? [task.command] : [],
    });
  }
  return out;
}

/** composer.json's `scripts`: a command or a list of them; `@name` runs another script. */
function composerScripts(text: string): Map<string, { deps: string[]; body: string[] }> {
  const doc = JSON.parse(text) as { scripts?: Record<string, unknown> };
  const out = new Map<string, { deps: string[]; body: string[] }>();
  for (const [name, v] of Object.entries(doc.scripts ?? {})) {
    const list = (Array.isArray(v) ? v : [v]).filter((c): c is string => typeof c === 'string');
    out.set(name, { deps: list.filter((c) => /^@[\w:-]+$/.test(c) && !/^@(php|composer|putenv)\b/.test(c)).map((c) => c.slice(1)),
      body: list.filter((c) => !/^@[\w:-]+$/.test(c) || /^@(php|composer|putenv)\b/.test(c)).map((c) => c.replace(/^@(php|composer)\b/, '$1')) });
  }
  return out;
}

/** tox.ini's `commands =` of `[testenv]` and `[testenv:NAME]` (continuation lines indented). */
function toxCommands(text: string, env: string): string[] {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  let inCommands = false;
  for (const line of text.split('\n')) {
    const head = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (head) { current = []; sections.set(head[1]!.trim(), current); inCommands = false; continue; }
    const kv = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(line);
    if (kv) { inCommands = kv[1] === 'commands' || kv[1] === 'commands_pre' || kv[1] === 'commands_post'; if (inCommands && kv[2]!.trim()) current?.push(kv[2]!.trim()); continue; }
    if (inCommands && /^\s+\S/.test(line)) current?.push(line.trim());
  }
  return sections.get(`testenv:${env}`) ?? sections.get('testenv') ?? [];
}

const RUNNERS: Record<string, TaskFile> = {
  just: {
    files: ['justfile', 'Justfile', '.justfile'], fileOption: ['-f', '--justfile'], direct: ['--command'],
    options: { short: 'nqvf:d:', long: ['justfile=|f', 'working-directory=|d', 'command=', 'dry-run|n', 'quiet|q', 'set=', 'list|l', 'summary', 'show=', 'evaluate', 'dump', 'choose', 'yes', 'shell=', 'shell-arg=', 'dotenv-path=', 'unsorted'], permute: false },
    defaultTask: (t) => [...justRecipes(t).keys()][0] ?? null,
    commands: (t, task) => withDeps(justRecipes(t), task),
  },
  task: {
    files: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'Taskfile.dist.yml'], fileOption: ['-t', '--taskfile'],
    options: { short: 'fsvlpdnt:d:', long: ['taskfile=|t', 'dir=|d', 'force|f', 'silent|s', 'verbose|v', 'list|l', 'parallel|p', 'dry|n', 'watch|w', 'summary'], permute: true },
    defaultTask: () => 'default',
    commands: (t, task) => withDeps(taskfileTasks(t), task),
  },
  deno: {
    files: ['deno.json', 'deno.jsonc'], fileOption: ['-c', '--config'],
    options: { short: 'qc:', long: ['config=|c', 'cwd=', 'quiet|q', 'recursive|r', 'filter=|f', 'eval'], permute: false },
    defaultTask: () => null,
    commands: (t, task) => withDeps(denoTasks(t), task),
  },
  composer: {
    files: ['composer.json'], fileOption: [],
    options: { short: 'nqvd:', long: ['working-dir=|d', 'no-interaction|n', 'quiet|q', 'verbose|v', 'dev', 'no-dev', 'timeout=', 'list|l'], permute: true },
    defaultTask: () => null,
    commands: (t, task) => withDeps(composerScripts(t), task),
  },
  tox: {
    files: ['tox.ini'], fileOption: ['-c'],
    options: { short: 'e:c:pqvr', long: ['env=|e', 'conf=|c', 'parallel|p', 'recreate|r', 'quiet|q', 'verbose|v', 'notest', 'list|l'], permute: true },
    // With no -e, tox runs every environment of envlist.
    defaultTask: (t) => /^\s*envlist\s*=\s*(.*)$/m.exec(t)?.[1]?.replace(/\s+/g, '') || 'testenv',
    commands: (t, task) => task.split(',').flatMap((e) => toxCommands(t, e)),
  },
  mise: {
    files: ['mise.toml', '.mise.toml', 'mise/config.toml', '.config/mise.toml'], fileOption: [],
    options: { short: 'jfn', long: ['jobs=|j', 'force|f', 'dry-run|n', 'cd=|C', 'raw', 'timings'], permute: true },
    defaultTask: () => 'default',
    commands: (t, task) => withDeps(miseTasks(t), task),
  },
};

/** Every program this family reads, for the fast path (expand/names.ts). */
export const TASK_RUNNERS: readonly string[] = [...Object.keys(RUNNERS), 'rtx', 'rake'];

export function tasksFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  let spec = RUNNERS[name];
  let words = args;
  if (name === 'mise' || name === 'rtx') {
    if (args[0]?.value !== 'run' && args[0]?.value !== 'r') return false;
    spec = RUNNERS.mise;
    words = args.slice(1);
  }
  if (name === 'deno') {
    if (args[0]?.value !== 'task') return false;
    words = args.slice(1);
  }
  // `tox exec -e ENV -- CMD` runs CMD (the runner table's row); `tox`, `tox run`, `tox -e ENV` the env's commands.
  if (name === 'tox' && (args.some((w) => w.value === 'exec' || w.value === 'e') || args.some((w) => w.value === '--'))) return false;
  if (name === 'composer') {
    // `composer run-script X` / `composer run X` / `composer X`; install and update run their events.
    const first = args[0]?.value;
    if (first === 'install' || first === 'i' || first === 'update' || first === 'u') {
      const event = first.startsWith('i') ? 'install' : 'update';
      words = [{ ...args[0]!, value: `pre-${event}-cmd` }, { ...args[0]!, value: `post-${event}-cmd` }, ...args.slice(1).filter((w) => w.value?.startsWith('-'))];
    } else if (first === 'run-script' || first === 'run') words = args.slice(1);
    else if (first === undefined || first === null || COMPOSER_COMMANDS.has(first)) return false;
  }
  if (name === 'rake') return rake(scope, args);
  if (!spec) return false;
  const scan = getopt(words.map(argOf), spec.options);
  scope.emit(scope.argv, name, { scan });
  for (const d of spec.direct ?? []) {
    if (!scan.options.some((o) => o.name === d)) continue;
    // `just --command CMD ARGS…`: runs the command itself.
    const at = words.findIndex((w) => w.value === d);
    const rest = at >= 0 ? words.slice(at + 1).map((w) => w.value) : [valueOf(scan, d) ?? null];
    if (rest.some((v) => v === null)) { scope.raise('dynamic-command', `\`${name} ${d}\` runs a command computed at run time`); return true; }
    scope.nested((rest as string[]).join(' '), `${name} ${d}`, { spliceable: false });
    return true;
  }
  if (scan.options.some((o) => ['-n', '--dry-run', '--dry', '-l', '--list', '--summary'].includes(o.name))) return true;
  const named = valueOf(scan, ...spec.fileOption);
  if (named === null) { scope.raise('unreadable-script', `the file \`${name}\` reads is named at run time`); return true; }
  const found = named !== undefined
    ? (() => { const path = resolve(scope.cwd ?? '/', named); const r = scope.files.read(path); return r.kind === 'text' ? { kind: 'text' as const, path, text: r.text } : r.kind === 'missing' ? null : { kind: 'unreadable' as const, path, why: r.kind === 'unreadable' ? r.why : 'not text' }; })()
    : firstFound(scope, spec.files);
  if (!found) return true;
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return true; }
  // tox names its environments with -e (comma-separated); the others name tasks as operands.
  const envs = name === 'tox' ? valueOf(scan, '-e') : undefined;
  const tasks = envs !== undefined ? (envs === null ? [null] : envs.split(','))
    : name === 'tox' ? [] : scan.operands.map((o) => o.value).filter((v) => v === null || !v.includes('='));
  if (tasks.some((t) => t === null)) { scope.raise('dynamic-command', `\`${name}\` runs a task named at run time`); return true; }
  let commands: string[] | null;
  try {
    const list = tasks.length > 0 ? tasks as string[] : [spec.defaultTask(found.text)].filter((t): t is string => t !== null);
    commands = list.flatMap((t) => spec!.commands(found.text, t) ?? []);
  } catch (e) {
    scope.raise('unreadable-script', `${found.path}: ${(e as Error).message.split('\n')[0]}`);
    return true;
  }
  for (const c of commands ?? []) {
    scope.script(c, `${name} ${tasks.join(' ') || '(default)'}`, dirname(found.path));
  }
  return true;
}

/** composer's own commands (anything else it runs as a script of composer.json). */
const COMPOSER_COMMANDS = new Set(['require', 'remove', 'dump-autoload', 'dumpautoload', 'show', 'info', 'outdated', 'validate', 'diagnose',
  'config', 'global', 'search', 'depends', 'why', 'prohibits', 'why-not', 'licenses', 'status', 'self-update', 'selfupdate',
  'create-project', 'init', 'archive', 'audit', 'bump', 'check-platform-reqs', 'clear-cache', 'clearcache', 'exec', 'fund',
  'help', 'list', 'reinstall', 'suggests', 'browse', 'home']);

function firstFound(scope: Scope, names: readonly string[]): { kind: 'text'; path: string; text: string } | { kind: 'unreadable'; path: string; why: string } | null {
  if (scope.cwd === null) return null;
  for (const n of names) {
    const f = scope.files.findUp(scope.cwd, n);
    if (f) return f;
  }
  return null;
}

/** rake TASK: the block of `task :TASK` in the Rakefile, read as Ruby. */
function rake(scope: Scope, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), { short: 'nqsvf:C:', long: ['rakefile=|f', 'directory=|C', 'dry-run|n', 'trace', 'silent|s', 'verbose|v', 'tasks|T'], permute: true });
  scope.emit(scope.argv, 'rake', { scan });
  if (scan.options.some((o) => ['-n', '--dry-run', '--tasks', '-T'].includes(o.name))) return true;
  const found = firstFound(scope, ['Rakefile', 'rakefile', 'Rakefile.rb']);
  if (!found) return true;
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return true; }
  const tasks = scan.operands.map((o) => o.value ?? '$computed');
  for (const t of tasks.length > 0 ? tasks : ['default']) {
    const start = found.text.search(new RegExp(`^\\s*task\\s+(?::${t}\\b|["']${t}["']|${t}:)`, 'm'));
    if (start < 0) continue;
    const rest = found.text.slice(start);
    const end = rest.slice(1).search(/^\s*(task|namespace|desc)\b/m);
    scanCode(scope, 'ruby', end < 0 ? rest : rest.slice(0, end + 1), `rake ${t}`, false);
  }
  return true;
}
