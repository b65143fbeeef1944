// The task-runner family: just, task (Taskfile), mise, deno task, composer, tox, rake, poe, invoke,
// nox, pre-commit, lefthook, fab, gulp, mage, gradle, cargo make, doit and tilt read their tasks from a file in the project (task-files.ts,
// python-tasks.ts); what the task named runs (and the tasks it depends on) is judged: shell text
// as the commands it is, a Python or Ruby task as code of its language.
import { dirname, resolve } from 'node:path';
import { getopt, optionIs, valueOf, valuesOf, type OptionGrammar, type Scan } from '../getopt.js';
import type { CodeLanguage } from '../grammars/types.js';
import { HATCH_OPTIONS, MISE_OPTIONS } from '../grammars/runner-options.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode } from './interpreters.js';
import { fabRemainder } from './remote-runners.js';
import { invokeDefaults, invokeTask, noxDefaults, noxSession, pythonModule } from './python-tasks.js';
import { scanImported } from './python-imports.js';
import { MAX_LOADED } from './tests.js';
import { cargoMakeCommands, doitDefaults, doitTasks, gradleCommands, gradleDefaults, tiltCommands } from './build-task-files.js';
import {
  composerScripts, denoTasks, hatchScripts, justRecipes, pdmScripts, lefthookHooks, miseTasks, poeTasks, preCommitHooks, procfileProcesses, rakeTask,
  taskfileTasks, toxCommands, withDeps,
} from './task-files.js';
import { justCommands } from './just-file.js';
import { DEPLOY_TASK_RUNNERS, ENV_TASK_RUNNERS } from './env-task-files.js';
import { fileAt, gitTop } from './git-place.js';

export interface TaskFile {
  /** Where the runner looks for its file (in the directory or a parent), first match wins. */
  readonly files: readonly string[];
  /** The option naming another file, and how its value names it (`invoke -c NAME` is NAME.py). */
  readonly fileOption: readonly string[];
  /** The first operand names the file instead (`hivemind Procfile.dev`); no operand names a task then. */
  readonly fileOperand?: true;
  readonly fileOf?: (value: string) => string;
  readonly options: OptionGrammar;
  /** Tasks are read only after one of these words (`mise run`, `deno task`, `mise tasks run`). */
  readonly subcommand?: readonly string[];
  /** The program's own options before the subcommand (`mise -C DIR run`). */
  readonly globals?: OptionGrammar;
  /** Options naming the directory the file is looked for from (`task -d DIR`, `mise -C DIR`). */
  readonly dirOption?: readonly string[];
  /** Options whose values name tasks (comma-separated: `tox -e a,b`); operands too, unless `operands: false`. */
  readonly taskOption?: readonly string[];
  readonly operands?: false;
  /** The tasks that run when none is named. */
  readonly defaultTasks: (text: string) => readonly string[];
  /** What a task runs (its dependencies' first): shell text, or code of `language`; `sub` is the subcommand given. */
  readonly commands: (text: string, task: string, sub?: string, shell?: readonly string[]) => readonly string[];
  /** Options naming the program each task line is given to, and its arguments (`just --shell P --shell-arg A`), over the file's. */
  readonly shellOptions?: { readonly program: string; readonly args: string };
  readonly language?: CodeLanguage;
  /** Options that run something other than a task (`just --command CMD`). */
  readonly direct?: readonly string[];
  /** A named task the file does not have is a command (`pdm run ruff check`): the runner table judges it. */
  readonly commandsOtherwise?: true;
  /** Options that only list or print what would run, where they differ from SHOWS_ONLY (doit's `-n N` is its process count). */
  readonly showsOnly?: readonly string[];
  /** Commands of the runner's own that run no task (`doit list`), as the first operand. */
  readonly ownCommands?: readonly string[];
  /** Words after `--` run as a shell command on the `-H` hosts (Fabric's anonymous task: remote-runners.ts). */
  readonly remainder?: true;
  /** The file is read only at the top of the git work tree (pre-commit chdirs to `git rev-parse --show-toplevel`). */
  readonly atGitTop?: true;
  /** Files in the file's directory merged over it (lefthook's local config): their tasks run too. */
  readonly locals?: readonly string[];
  /** The file is a Python module the runner imports to find its tasks: its module-level code runs for any command that reads them (`--list` too). */
  readonly imports?: true;
}

const CARGO_MAKE: TaskFile = {
  files: ['Makefile.toml'], fileOption: ['--makefile'], dirOption: ['--cwd'], taskOption: ['-t', '--task'],
  options: { short: 't:p:e:l:vh', long: ['makefile=', 'task=|t', 'profile=|p', 'cwd=', 'env=|e', 'env-file=', 'loglevel=|l', 'output-format=', 'verbose|v', 'quiet', 'silent', 'no-workspace', 'allow-private', 'skip-init-end-tasks', 'skip-tasks=', 'time-summary', 'experimental', 'disable-check-for-updates', 'print-steps', 'list-all-steps', 'list-category-steps=', 'diff-steps', 'no-on-error', 'no-color', 'help|h'], permute: false },
  defaultTasks: () => ['default'],
  commands: cargoMakeCommands,
};

const RUNNERS: Record<string, TaskFile> = {
  ...ENV_TASK_RUNNERS, ...DEPLOY_TASK_RUNNERS,
  just: {
    files: ['justfile', 'Justfile', '.justfile'], fileOption: ['-f', '--justfile'], direct: ['--command'],
    options: { short: 'nqvf:d:', long: ['justfile=|f', 'working-directory=|d', 'command=', 'dry-run|n', 'quiet|q', 'set=', 'list|l', 'summary', 'show=', 'evaluate', 'dump', 'choose', 'yes', 'shell=', 'shell-arg=', 'dotenv-path=', 'unsorted'], permute: false },
    defaultTasks: (t) => [...justRecipes(t).keys()].slice(0, 1),
    commands: (t, task, _sub, shell) => justCommands(t, task, shell), shellOptions: { program: '--shell', args: '--shell-arg' },
  },
  task: {
    files: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml', 'Taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yml', 'taskfile.dist.yaml'],
    fileOption: ['-t', '--taskfile'], dirOption: ['-d'],
    options: { short: 'fsvlpdnt:d:', long: ['taskfile=|t', 'dir=|d', 'force|f', 'silent|s', 'verbose|v', 'list|l', 'parallel|p', 'dry|n', 'watch|w', 'summary'], permute: true },
    defaultTasks: () => ['default'],
    commands: (t, task) => withDeps(taskfileTasks(t), task),
  },
  deno: {
    files: ['deno.json', 'deno.jsonc'], fileOption: ['-c', '--config'], subcommand: ['task'],
    options: { short: 'qc:', long: ['config=|c', 'cwd=', 'quiet|q', 'recursive|r', 'filter=|f', 'eval'], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(denoTasks(t), task),
  },
  composer: {
    files: ['composer.json'], fileOption: [],
    options: { short: 'nqvd:', long: ['working-dir=|d', 'no-interaction|n', 'quiet|q', 'verbose|v', 'dev', 'no-dev', 'timeout=', 'list|l'], permute: true },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(composerScripts(t), task),
  },
  tox: {
    files: ['tox.ini'], fileOption: ['-c'], taskOption: ['-e'], operands: false,
    options: { short: 'e:c:pqvr', long: ['env=|e', 'conf=|c', 'parallel|p', 'recreate|r', 'quiet|q', 'verbose|v', 'notest', 'list|l'], permute: true },
    // With no -e, tox runs every environment of envlist.
    defaultTasks: (t) => (/^\s*envlist\s*=\s*(.*)$/m.exec(t)?.[1]?.replace(/\s+/g, '') || 'testenv').split(','),
    commands: (t, task) => toxCommands(t, task),
  },
  mise: {
    files: ['mise.toml', '.mise.toml', 'mise/config.toml', '.config/mise.toml', 'mise.local.toml', '.mise.local.toml'], fileOption: [],
    subcommand: ['run', 'r', 'tasks run', 'tasks r', 'task run', 'task r', 't run', 't r'], dirOption: ['-C'],
    globals: MISE_OPTIONS,
    options: { short: 'jfn', long: ['jobs=|j', 'force|f', 'dry-run|n', 'cd=|C', 'raw', 'timings'], permute: true },
    defaultTasks: () => ['default'],
    commands: (t, task) => withDeps(miseTasks(t), task),
  },
  rake: {
    files: ['Rakefile', 'rakefile', 'Rakefile.rb'], fileOption: ['-f', '--rakefile'], language: 'ruby',
    options: { short: 'nqsvf:C:', long: ['rakefile=|f', 'directory=|C', 'dry-run|n', 'trace', 'silent|s', 'verbose|v', 'tasks|T'], permute: true },
    defaultTasks: () => ['default'],
    commands: rakeTask,
  },
  poe: {
    files: ['pyproject.toml'], fileOption: ['-C', '--directory', '--root'], fileOf: (v) => `${v}/pyproject.toml`,
    options: { short: 'qvdC:', long: ['directory=|C', 'root=', 'quiet|q', 'verbose|v', 'dry-run|d', 'executor='], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(poeTasks(t), task),
  },
  'pre-commit': {
    files: ['.pre-commit-config.yaml', '.pre-commit-config.yml'], fileOption: ['-c', '--config'], subcommand: ['run'], atGitTop: true,
    options: { short: 'c:', long: ['config=|c', 'all-files|a', 'files=', 'hook-stage=', 'from-ref=|s', 'to-ref=|o', 'show-diff-on-failure', 'verbose|v', 'color='], permute: true },
    defaultTasks: (t) => [...preCommitHooks(t).keys()],
    commands: (t, task) => withDeps(preCommitHooks(t), task),
  },
  lefthook: {
    files: ['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', '.lefthook.yaml', '.config/lefthook.yml', 'lefthook-local.yml', '.lefthook-local.yml'], fileOption: [], subcommand: ['run'],
    // lefthook docs, "Local config": lefthook-local.yml (or .lefthook-local.yml) is merged over lefthook.yml.
    locals: ['lefthook-local.yml', '.lefthook-local.yml', 'lefthook-local.yaml', '.lefthook-local.yaml'],
    options: { short: 'fvn', long: ['force|f', 'verbose|v', 'no-tty|n', 'all-files', 'files=', 'commands=', 'jobs=', 'file='], permute: true },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(lefthookHooks(t), task),
  },
  // pdm and hatch run a script of pyproject.toml by name, else the command named (the runner table).
  pdm: {
    files: ['pyproject.toml'], fileOption: [], subcommand: ['run'], commandsOtherwise: true,
    options: { short: 'p:gl', long: ['project=|p', 'global|g', 'list|l', 'json', 'venv=', 'skip=', 'recreate'], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => withDeps(pdmScripts(t), task),
  },
  hatch: {
    files: ['hatch.toml', 'pyproject.toml'], fileOption: [], subcommand: ['run'], commandsOtherwise: true,
    globals: HATCH_OPTIONS,
    options: { short: '', long: ['include=', 'exclude=', 'filter='], permute: false },
    defaultTasks: () => [],
    commands: (t, task) => hatchScripts(t, task),
  },
  // Procfile runners start every process of the Procfile (or the ones named).
  foreman: {
    files: ['Procfile'], fileOption: ['-f', '--procfile'], subcommand: ['start'], dirOption: ['-d'],
    options: { short: 'cemf:d:p:t:', long: ['procfile=|f', 'root=|d', 'env=|e', 'formation=|m', 'port=|p', 'timeout=|t', 'color|c', 'no-timestamp'], permute: true },
    defaultTasks: (t) => [...procfileProcesses(t).keys()],
    commands: (t, task) => withDeps(procfileProcesses(t), task),
  },
  honcho: {
    files: ['Procfile'], fileOption: ['-f', '--procfile'], subcommand: ['start'], dirOption: ['-d'],
    globals: { short: 'e:d:f:', long: ['env=|e', 'app-root=|d', 'procfile=|f'], permute: false },
    options: { short: 'e:d:f:p:c:q:', long: ['env=|e', 'app-root=|d', 'procfile=|f', 'port=|p', 'concurrency=|c', 'quiet=|q', 'no-colour', 'no-color', 'no-prefix'], permute: true },
    defaultTasks: (t) => [...procfileProcesses(t).keys()],
    commands: (t, task) => withDeps(procfileProcesses(t), task),
  },
  // overmind start (also `s`): every process, or those of -l; `-i` leaves some out, judged all the same.
  overmind: {
    files: ['Procfile'], fileOption: ['-f', '--procfile'], subcommand: ['start', 's'], dirOption: ['-d', '--root'], taskOption: ['-l', '--processes'], operands: false, showsOnly: [],
    options: { short: 'f:d:l:i:c:r:p:P:s:S:t:T:m:e:w:NDAH', long: ['procfile=|f', 'root=|d', 'processes=|l', 'ignored-processes=|i', 'can-die=|c', 'auto-restart=|r', 'port=|p', 'port-step=|P', 'socket=|s', 'tmux-config=|S', 'timeout=|t', 'title=|T', 'formation=|m', 'env=|e', 'daemonize|D', 'no-port|N', 'any-can-die|A', 'colors', 'show-timestamps|H', 'network=', 'shell='], permute: true },
    defaultTasks: (t) => [...procfileProcesses(t).keys()],
    commands: (t, task) => withDeps(procfileProcesses(t), task),
  },
  // hivemind [options] [PROCFILE]: every process of the Procfile named (./Procfile by default).
  hivemind: {
    files: ['Procfile'], fileOption: [], fileOperand: true, dirOption: ['-d', '--root'], operands: false, showsOnly: [],
    options: { short: 'p:P:d:t:Tw', long: ['port=|p', 'port-step=|P', 'root=|d', 'timeout=|t', 'no-prefix', 'print-timestamps|T', 'title=|w'], permute: true },
    defaultTasks: (t) => [...procfileProcesses(t).keys()],
    commands: (t, task) => withDeps(procfileProcesses(t), task),
  },
  invoke: {
    files: ['tasks.py', 'tasks/__init__.py'], fileOption: ['-c', '--collection'], fileOf: (v) => `${v}.py`, language: 'python',
    options: { short: 'c:r:f:dehlpVwDRT:', long: ['collection=|c', 'search-root=|r', 'config=|f', 'list=?|l', 'help=?|h', 'dry|R', 'echo|e', 'debug|d', 'pty|p', 'warn-only|w', 'complete', 'print-completion-script=', 'version|V'], permute: false },
    defaultTasks: invokeDefaults,
    commands: invokeTask,
    imports: true,
  },
  nox: {
    files: ['noxfile.py'], fileOption: ['-f', '--noxfile'], taskOption: ['-s', '-e', '--sessions'], language: 'python',
    options: { short: 's:e:k:t:f:p:lrRx', long: ['session=|s', 'sessions=', 'keywords=|k', 'tags=|t', 'noxfile=|f', 'python=|p', 'list|l', 'reuse-existing-virtualenvs|r', 'no-venv', 'force-python=', 'stop-on-first-error|x', 'no-install|R'], permute: true },
    defaultTasks: noxDefaults,
    commands: noxSession,
    imports: true,
  },
  // Fabric runs fabfile.py's @task functions as invoke does tasks.py's (c.run runs on the -H hosts, or here).
  fab: {
    files: ['fabfile.py', 'fabfile/__init__.py'], fileOption: ['-c', '--collection', '-f', '--fabfile'], fileOf: (v) => (v.endsWith('.py') ? v : `${v}.py`), language: 'python',
    options: { short: 'c:r:f:H:i:S:t:T:dehlpVwDR', long: ['collection=|c', 'fabfile=|f', 'search-root=|r', 'config=', 'hosts=|H', 'identity=|i', 'ssh-config=|S', 'connect-timeout=|t', 'command-timeout=|T', 'list=?|l', 'help=?|h', 'dry|R', 'echo|e', 'debug|d', 'pty|p', 'warn-only|w', 'prompt-for-login-password', 'prompt-for-passphrase', 'prompt-for-sudo-password', 'forward-agent', 'version|V'], permute: false },
    defaultTasks: invokeDefaults,
    commands: invokeTask,
    remainder: true,
    imports: true,
  },
  // gulp loads the whole gulpfile (its tasks are functions of it): read as a Node program file.
  gulp: {
    files: ['gulpfile.js', 'gulpfile.mjs', 'gulpfile.cjs', 'gulpfile.ts', 'gulpfile.babel.js', 'Gulpfile.js', 'gulpfile.js/index.js'], fileOption: ['-f', '--gulpfile'], dirOption: ['--cwd'], language: 'node',
    options: { short: 'f:L:Sv', long: ['gulpfile=|f', 'cwd=', 'require=', 'tasks|T', 'tasks-simple', 'tasks-json=?', 'silent|S', 'continue', 'series', 'log-level=|L', 'verify', 'color', 'no-color', 'help|h', 'version|v'], permute: true },
    defaultTasks: () => ['default'],
    commands: (t) => [t],
  },
  // mage builds the magefile's exported functions into a program and runs the target named.
  mage: {
    files: ['magefile.go', 'mage.go', 'magefiles/magefile.go', 'magefiles/mage.go'], fileOption: [], dirOption: ['-d'], language: 'code',
    options: { short: 'fvlhkd:w:t:', long: ['compile=', 'gocmd=', 'goos=', 'goarch=', 'ldflags=', 'debug', 'keep', 'init', 'clean', 'version'], singleDashLong: true },
    defaultTasks: (t) => (/^\s*(?:var\s+)?Default\s*=/m.test(t) ? ['Default'] : []),
    commands: (t) => [t],
  },
  // Gradle configures the whole build script, then runs the tasks named (and what they depend on).
  gradle: {
    files: ['build.gradle', 'build.gradle.kts'], fileOption: ['-b', '--build-file'], dirOption: ['-p', '--project-dir'], language: 'code',
    options: { short: 'qidsSmtvhab:p:c:x:D:P:I:g:', long: ['build-file=|b', 'project-dir=|p', 'settings-file=|c', 'exclude-task=|x', 'init-script=|I', 'gradle-user-home=|g', 'quiet|q', 'info|i', 'debug|d', 'stacktrace|s', 'full-stacktrace|S', 'dry-run|m', 'continuous|t', 'offline', 'continue', 'parallel', 'daemon', 'no-daemon', 'scan', 'no-scan', 'build-cache', 'no-build-cache', 'configure-on-demand', 'rerun-tasks', 'refresh-dependencies', 'profile', 'console=', 'warning-mode=', 'max-workers=', 'status', 'stop', 'version|v', 'help|h'], permute: true },
    defaultTasks: gradleDefaults,
    commands: gradleCommands,
  },
  // cargo-make (`cargo make TASK`, also `makers`): Makefile.toml's tasks.
  cargo: { ...CARGO_MAKE, subcommand: ['make'] },
  makers: CARGO_MAKE,
  // `cargo make` runs the cargo-make binary as `cargo-make make …` (cargo's external subcommands).
  'cargo-make': { ...CARGO_MAKE, subcommand: ['make'] },
  // doit runs dodo.py's task_NAME (all of them when none is named; `doit run|auto NAME` too).
  doit: {
    files: ['dodo.py'], fileOption: ['-f', '--file'], dirOption: ['-d', '--dir'],
    options: { short: 'f:d:kn:P:v:sacr:o:', long: ['file=|f', 'dir=|d', 'seek-file|k', 'process=|n', 'parallel-type=|P', 'verbosity=|v', 'single|s', 'always-execute|a', 'continue|c', 'db-file=', 'backend=', 'check_file_uptodate=', 'reporter=|r', 'output-file=|o', 'pdb'], permute: true },
    // doit run --help: `-n N` is the number of processes, not a dry run; `doit list|info|help …` run no task.
    showsOnly: [], ownCommands: ['list', 'info', 'help', 'clean', 'forget', 'ignore', 'dumpdb', 'reset-dep', 'tabcompletion'],
    defaultTasks: doitDefaults,
    commands: (t, task) => withDeps(doitTasks(t), task.split(':')[0]!),
    imports: true,
  },
  // `tilt up` (and `tilt ci`) applies the Tiltfile: compose projects, image builds, manifests, local commands;
  // `tilt down` loads it too and deletes what its resources started (tilt down --help).
  tilt: {
    files: ['Tiltfile'], fileOption: ['-f', '--file'], subcommand: ['up', 'ci', 'down'],
    options: { short: 'f:v', long: ['file=|f', 'port=', 'host=', 'stream', 'legacy', 'watch', 'context=', 'namespace=', 'debug', 'klog=', 'web-mode=', 'update-mode=', 'output-snapshot-on-exit=', 'timeout='], permute: true },
    defaultTasks: () => ['(every resource)'],
    commands: (t, _task, sub) => tiltCommands(t, sub === 'down'),
  },
};

/** Other names of these runners. */
const ALIASES: Record<string, string> = { gradlew: 'gradle', inv: 'invoke', rtx: 'mise', poethepoet: 'poe', forego: 'foreman' };

/** Scripts in a project that start a runner with their own arguments (the Gradle wrapper runs gradle). */
export const RUNNER_WRAPPERS: readonly string[] = ['gradlew'];

/** Every program this family reads, for the fast path (expand/names.ts). */
export const TASK_RUNNERS: readonly string[] = [...Object.keys(RUNNERS), ...Object.keys(ALIASES)];

/** Options that print the runner's own help or version, reading no task file. */
const OWN_INFO = ['-h', '--help', '-V', '--version'];

/** Options that only list or print what would run. */
const SHOWS_ONLY = ['-n', '--dry-run', '--dry', '-l', '--list', '--summary', '--tasks', '-T', '--tasks-simple', '--tasks-json', '--print-steps', '--list-all-steps', '--list-category-steps'];

export function tasksFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  const key = ALIASES[name] ?? name;
  const spec = RUNNERS[key];
  if (!spec) return false;
  const lead = spec.globals ? getopt(args.map(argOf), spec.globals) : null;
  let words = lead ? args.slice(lead.firstOperand) : args;
  const sub = spec.subcommand?.find((s) => s.split(' ').every((w, i) => words[i]?.value === w));
  if (spec.subcommand) {
    if (sub === undefined) return false;
    words = words.slice(sub.split(' ').length);
  }
  // `tox exec -e ENV -- CMD` runs CMD (the runner table's row); `tox`, `tox run`, `tox -e ENV` the env's commands.
  if (key === 'tox' && (args.some((w) => w.value === 'exec' || w.value === 'e') || args.some((w) => w.value === '--'))) return false;
  if (key === 'composer') {
    const picked = composerWords(args);
    if (picked === null) return false;
    words = picked;
  }
  if (spec.remainder) words = fabRemainder(scope, words, (before) => getopt(before.map(argOf), spec.options).options);
  const own = getopt(words.map(argOf), spec.options);
  // Options before the subcommand count too; their indexes are not in `words`, which `direct` reads.
  const scan = lead ? { ...own, options: [...lead.options.map((o) => ({ ...o, index: -1 })), ...own.options] } : own;
  scope.emit(scope.argv, name, { scan });
  if (direct(scope, spec, scan, words, name)) return true;
  // A runner that imports its file runs the module's own code before it lists or runs anything.
  const imported = spec.imports && !scan.options.some((o) => optionIs(o, OWN_INFO)) ? taskFile(scope, spec, scan, name) : undefined;
  if (imported) {
    scanCode(scope, 'python', pythonModule(imported.text).module, `${name} (imports ${imported.path})`, false, [], { from: imported.path });
    scanImported(scope, imported.path, name, MAX_LOADED);
  }
  if (scan.options.some((o) => optionIs(o, spec.showsOnly ?? SHOWS_ONLY))) return true;
  const first = scan.operands[0]?.value;
  if (first !== null && first !== undefined && spec.ownCommands?.includes(first)) return true;
  const found = imported === undefined ? taskFile(scope, spec, scan, name) : imported;
  if (found === null) return !spec.commandsOtherwise;
  // Tasks named by their option (tox -e a,b; nox -s a b) and as operands (`KEY=value` operands are settings).
  const named = [...(spec.taskOption ? valuesOf(scan, ...spec.taskOption) : []).flatMap((v) => (v === null ? [null] : v.split(','))),
    ...(spec.operands === false ? [] : scan.operands.map((o) => o.value).filter((v) => v === null || !v.includes('=')))];
  // `pdm run lint --fix`: only the first operand names a script; the rest are its arguments.
  if (spec.commandsOtherwise) named.splice(1);
  if (named.some((t) => t === null)) { scope.raise('dynamic-command', `\`${name}\` runs a task named at run time`); return true; }
  const label = `${name} ${named.join(' ') || '(default)'}`;
  const shell = spec.shellOptions && scan.options.some((o) => optionIs(o, [spec.shellOptions!.program, spec.shellOptions!.args]))
    ? [valueOf(scan, spec.shellOptions.program) ?? (scan.options.some((o) => optionIs(o, [spec.shellOptions!.program])) ? null : 'sh'), ...valuesOf(scan, spec.shellOptions.args)] : undefined;
  if (shell?.some((w) => w === null)) { scope.raise('dynamic-command', `\`${name}\` runs its tasks through a program named at run time`); return true; }
  const commands: { task: string; text: string }[] = [];
  for (const file of [found, ...localFiles(scope, spec, found.path)]) {
    try {
      const tasks = named.length > 0 ? named as string[] : [...spec.defaultTasks(file.text)];
      commands.push(...tasks.flatMap((t) => spec.commands(file.text, t, sub, shell as string[] | undefined).map((text) => ({ task: t, text }))));
    } catch (e) {
      scope.raise('unreadable-script', `${file.path}: ${(e as Error).message.split('\n')[0]}`);
      return true;
    }
  }
  if (spec.commandsOtherwise && commands.length === 0) return false;
  for (const c of commands) {
    if (spec.language) scanCode(scope, spec.language, c.text, `${name} ${c.task}`, false, [], { from: found.path });
    else scope.script(c.text, label, dirname(found.path));
  }
  return true;
}

/** The files merged over the runner's file (`locals`), beside it (a `.config/` file's beside its directory). */
function localFiles(scope: Scope, spec: TaskFile, main: string): { path: string; text: string }[] {
  const dir = dirname(main);
  const root = dir.endsWith('/.config') ? dirname(dir) : dir;
  const out: { path: string; text: string }[] = [];
  for (const n of spec.locals ?? []) {
    const path = resolve(root, n);
    if (path === main) continue;
    const r = scope.files.read(path);
    if (r.kind === 'text') out.push({ path, text: r.text });
    else if (r.kind !== 'missing') scope.raise('unreadable-script', `${path}: ${r.kind === 'unreadable' ? r.why : 'not text'}`);
  }
  return out;
}

/** `just --command CMD ARGS…`: options that run a command themselves. */
function direct(scope: Scope, spec: TaskFile, scan: Scan, words: readonly Word[], name: string): boolean {
  for (const d of spec.direct ?? []) {
    if (!scan.options.some((o) => o.name === d)) continue;
    const at = words.findIndex((w) => w.value === d);
    const rest = at >= 0 ? words.slice(at + 1).map((w) => w.value) : [valueOf(scan, d) ?? null];
    if (rest.some((v) => v === null)) { scope.raise('dynamic-command', `\`${name} ${d}\` runs a command computed at run time`); return true; }
    scope.nested((rest as string[]).join(' '), `${name} ${d}`, { spliceable: false });
    return true;
  }
  return false;
}

/** The runner's file: named by its option, or the first of its names found here or above; null when there is none to read (or it was said why). */
function taskFile(scope: Scope, spec: TaskFile, scan: Scan, name: string): { path: string; text: string } | null {
  const named = spec.fileOperand ? scan.operands[0]?.value : valueOf(scan, ...spec.fileOption);
  if (named === null) { scope.raise('unreadable-script', `the file \`${name}\` reads is named at run time`); return null; }
  if (named === '-') { scope.raise('unreadable-script', `\`${name}\` reads its file from standard input`); return null; }
  const dirValue = spec.dirOption ? valueOf(scan, ...spec.dirOption) : undefined;
  if (dirValue === null) { scope.raise('unreadable-script', `the directory \`${name}\` reads its file from is named at run time`); return null; }
  const cwd = dirValue === undefined || scope.cwd === null ? scope.cwd : resolve(scope.cwd, dirValue);
  let found: ReturnType<typeof fileAt> = null;
  if (named !== undefined) {
    found = fileAt(scope, resolve(cwd ?? '/', spec.fileOf ? spec.fileOf(named) : named));
  } else if (cwd !== null) {
    const top = spec.atGitTop ? gitTop(scope, cwd) : cwd;
    if (typeof top !== 'string') return top && (scope.raise('unreadable-script', `\`${name}\` reads its file at the top of a work tree: ${top.why}`), null);
    for (const n of spec.files) {
      found = spec.atGitTop ? fileAt(scope, resolve(top, n)) : scope.files.findUp(cwd, n);
      if (found) break;
    }
  }
  if (found?.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return null; }
  return found;
}

/** composer's words as task names: `run-script X` / `run X` / `X`; install and update run their events; null: a command of composer's own. */
function composerWords(args: readonly Word[]): readonly Word[] | null {
  const first = args[0]?.value;
  if (first === 'install' || first === 'i' || first === 'update' || first === 'u') {
    const event = first.startsWith('i') ? 'install' : 'update';
    return [{ ...args[0]!, value: `pre-${event}-cmd` }, { ...args[0]!, value: `post-${event}-cmd` }, ...args.slice(1).filter((w) => w.value?.startsWith('-'))];
  }
  if (first === 'run-script' || first === 'run') return args.slice(1);
  if (first === undefined || first === null || COMPOSER_COMMANDS.has(first)) return null;
  return args;
}

/** composer's own commands (anything else it runs as a script of composer.json). */
const COMPOSER_COMMANDS = new Set(['require', 'remove', 'dump-autoload', 'dumpautoload', 'show', 'info', 'outdated', 'validate', 'diagnose',
  'config', 'global', 'search', 'depends', 'why', 'prohibits', 'why-not', 'licenses', 'status', 'self-update', 'selfupdate',
  'create-project', 'init', 'archive', 'audit', 'bump', 'check-platform-reqs', 'clear-cache', 'clearcache', 'exec', 'fund',
  'help', 'list', 'reinstall', 'suggests', 'browse', 'home']);
