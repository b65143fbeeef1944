// Tools whose configuration keeps shell command lines they run (each tool's documentation): lint-staged's
// glob → command table, release-it's hooks, tsup's onSuccess, Playwright's webServer.command,
// @semantic-release/exec's *Cmd steps, GraphQL Code Generator's hooks, a Prisma generator's provider,
// the AWS CDK's cdk.json `app`, GoReleaser's hooks, air's build commands, Nx's run-commands targets,
// moon's task commands and wireit's scripts. Data only; expand/config-commands.ts reads it.
import type { OptionGrammar } from '../getopt.js';

/** A configuration file: its name, how it is read, and the key of it that holds the configuration (package.json's `"lint-staged"`). */
export interface CommandConfigFile {
  readonly name: string;
  /**
   * json and yaml are read as YAML (a superset), toml as TOML; js is a module the tool loads (scanned as
   * code, and the string literals at the keys' last names read as commands); prisma is a schema (its
   * generators' `provider`).
   */
  readonly format: 'yaml' | 'toml' | 'js' | 'prisma';
  readonly key?: string;
}

export interface CommandConfig {
  readonly options: OptionGrammar;
  /** Looked for from the working directory up; the nearest directory with one wins, in it the first listed. */
  readonly files: readonly CommandConfigFile[];
  /** Options naming the file instead. */
  readonly fileOption?: readonly string[];
  /**
   * Where the commands are: key paths joined by `.`, `*` any one key or list index, a `*` inside a name
   * any run of characters (`*Cmd`), `{task}` the task the command line names. A string there is a command
   * line; a list is several, its strings each one (or, with `words`, one command's words); other values are passed over.
   */
  readonly commands: readonly string[];
  readonly words?: true;
  /** Only with one of these first operands; any when absent. */
  readonly subcommands?: readonly string[];
  /** First operands or options with which nothing of the configuration runs (help, version, init). */
  readonly inert?: readonly string[];
  /** Options whose value is a command line the tool runs instead of the file's (`cdk --app CMD`). */
  readonly commandOption?: readonly string[];
  /**
   * The task the words name: after one of `run` the operand `PROJECT:TASK` (the part after the colon);
   * else an operand `PROJECT:TASK`, or the operand at `operand`; `script`: the package script that runs
   * the tool (wireit reads npm's npm_lifecycle_event).
   */
  readonly task?: { readonly run?: readonly string[]; readonly operand?: number; readonly script?: true };
  /**
   * With `task`: a `PROJECT:TASK` (or, for `operand`, the operand after it) names the project, whose file is
   * found under the workspace's root (the directory of `root`, found up), to four levels down: the nearest
   * file is that project's only when its `nameKey` (else its directory's name) is the project. With
   * `runsAtRoot` the commands run in the workspace's root (Nx's run-commands), else in the file's directory.
   */
  readonly workspace?: { readonly root: string; readonly nameKey?: string; readonly runsAtRoot?: true };
  /** With `task`: the key path (as in `commands`) of the tasks the task depends on, run first (`PROJECT:TASK`: the same project's, `~:TASK` or a bare name). */
  readonly deps?: string;
}

const js = (...names: string[]): CommandConfigFile[] => names.map((name) => ({ name, format: 'js' as const }));
const yaml = (...names: string[]): CommandConfigFile[] => names.map((name) => ({ name, format: 'yaml' as const }));
const HELP = ['-h', '--help', '-v', '-V', '--version'];

export const CONFIG_COMMANDS: Readonly<Record<string, CommandConfig>> = {
  // lint-staged: each glob's command (or list of commands) runs on the staged files that match.
  'lint-staged': {
    options: { short: 'c:pqrvdx', long: ['config=|c', 'cwd=', 'concurrent=|p', 'quiet|q', 'relative|r', 'verbose|v', 'debug|d', 'diff=', 'diff-filter=', 'allow-empty', 'no-stash', 'max-arg-length=', 'shell=?|x', 'version|V', 'help|h'], permute: true },
    files: [{ name: 'package.json', format: 'yaml', key: 'lint-staged' }, ...yaml('.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yaml', '.lintstagedrc.yml'),
      ...js('.lintstagedrc.mjs', '.lintstagedrc.cjs', '.lintstagedrc.js', 'lint-staged.config.mjs', 'lint-staged.config.cjs', 'lint-staged.config.js')],
    fileOption: ['-c'], commands: ['*'], inert: ['-h', '--help', '-V', '--version'],
  },
  // release-it: hooks (`before:init`, `after:bump`, `after:git:release` …) are shell commands.
  'release-it': {
    options: { short: 'c:dhiVv', long: ['config=|c', 'dry-run|d', 'ci', 'increment=|i', 'only-version', 'preRelease=?', 'verbose|V', 'version|v', 'help|h', 'no-git', 'no-npm'], permute: true },
    files: [...yaml('.release-it.json', '.release-it.yaml', '.release-it.yml'), { name: '.release-it.toml', format: 'toml' },
      ...js('.release-it.js', '.release-it.cjs', '.release-it.mjs', '.release-it.ts'), { name: 'package.json', format: 'yaml', key: 'release-it' }],
    fileOption: ['-c'], commands: ['hooks.*'], inert: HELP,
  },
  // tsup runs onSuccess after each build (a string is a shell command; a function is the module's code).
  tsup: {
    options: { short: 'dw', long: ['config=', 'no-config', 'watch=?|w', 'format=', 'out-dir=|d', 'target=', 'minify', 'dts', 'sourcemap', 'clean', 'on-success=', 'env=', 'help|h', 'version|v'], permute: true },
    files: [...js('tsup.config.ts', 'tsup.config.cts', 'tsup.config.mts', 'tsup.config.js', 'tsup.config.cjs', 'tsup.config.mjs'), ...yaml('tsup.config.json'), { name: 'package.json', format: 'yaml', key: 'tsup' }],
    fileOption: ['--config'], commands: ['onSuccess', '*.onSuccess'], commandOption: ['--on-success'], inert: ['--no-config', '-h', '--help', '-v', '--version'],
  },
  // Playwright's test runner starts webServer's command (one, or a list of servers) before the tests.
  playwright: {
    options: { short: 'c:g:j:x', long: ['config=|c', 'grep=|g', 'project=', 'workers=|j', 'headed', 'debug', 'ui', 'list', 'reporter=', 'retries=', 'timeout=', 'update-snapshots=?', 'help|h', 'version|V'], permute: true },
    files: js('playwright.config.ts', 'playwright.config.js', 'playwright.config.mts', 'playwright.config.mjs', 'playwright.config.cts', 'playwright.config.cjs'),
    fileOption: ['-c'], commands: ['webServer.command', 'webServer.*.command'], subcommands: ['test'], inert: ['--list', '-h', '--help'],
  },
  // semantic-release with @semantic-release/exec: each step's `*Cmd` runs (plugins: [["@semantic-release/exec", {…}]]).
  'semantic-release': {
    options: { short: 'de:b:t:p:', long: ['dry-run|d', 'no-ci', 'ci', 'extends=|e', 'branches=|b', 'repository-url=', 'tag-format=|t', 'plugins=|p', 'debug', 'help|h', 'version|v'], permute: true },
    files: [...yaml('.releaserc', '.releaserc.json', '.releaserc.yaml', '.releaserc.yml'), ...js('.releaserc.js', '.releaserc.cjs', '.releaserc.mjs', 'release.config.js', 'release.config.cjs', 'release.config.mjs'),
      { name: 'package.json', format: 'yaml', key: 'release' }],
    commands: ['plugins.*.*.*Cmd'], inert: ['-h', '--help', '-v', '--version'],
  },
  // GraphQL Code Generator: lifecycle hooks, at the top and per output file, are shell commands (given the files written).
  'graphql-codegen': {
    options: { short: 'c:wvosr:e:p:', long: ['config=|c', 'watch=?|w', 'require=|r', 'overwrite|o', 'silent|s', 'errors-only|e', 'profile', 'project=|p', 'verbose|v', 'debug', 'check', 'help|h', 'version'], permute: true },
    files: [...yaml('codegen.yml', 'codegen.yaml', 'codegen.json', '.codegenrc', '.codegenrc.yml', '.codegenrc.yaml', '.codegenrc.json'), ...js('codegen.ts', 'codegen.js', 'codegen.cjs', 'codegen.mjs', '.codegenrc.js', '.codegenrc.ts'),
      { name: 'package.json', format: 'yaml', key: 'codegen' }],
    fileOption: ['-c'], commands: ['hooks.*', 'generates.*.hooks.*'], inert: ['-h', '--help', '--version'],
  },
  // prisma generate (and migrate, db push, which generate) runs each generator's provider: a command, unless built in.
  prisma: {
    options: { long: ['schema=', 'help|h', 'version|v', 'generator=', 'no-engine', 'skip-generate', 'watch'], permute: true },
    files: [{ name: 'prisma/schema.prisma', format: 'prisma' }, { name: 'schema.prisma', format: 'prisma' }],
    fileOption: ['--schema'], commands: ['provider'], subcommands: ['generate', 'migrate', 'db'], inert: ['--skip-generate', '-h', '--help'],
  },
  // The AWS CDK runs cdk.json's `app` (or --app's) to synthesize: synth, deploy, diff, list, watch, destroy …
  cdk: {
    options: { short: 'a:c:o:vj', long: ['app=|a', 'context=|c', 'output=|o', 'profile=', 'json|j', 'verbose|v', 'all', 'require-approval=', 'help|h', 'version'], permute: true },
    files: yaml('cdk.json'), commands: ['app'], commandOption: ['-a'],
    inert: ['init', 'doctor', 'docs', 'doc', 'context', 'acknowledge', 'ack', 'notices', 'bootstrap', '-h', '--help', '--version'],
  },
  // GoReleaser: the global before/after hooks and each build's pre/post hooks run here.
  goreleaser: {
    options: { short: 'f:p:', long: ['config=|f', 'snapshot', 'clean', 'skip=', 'single-target', 'id=', 'output=|o', 'parallelism=|p', 'timeout=', 'verbose', 'help|h', 'version|v'], permute: true },
    files: yaml('.goreleaser.yaml', '.goreleaser.yml', 'goreleaser.yaml', 'goreleaser.yml'), fileOption: ['-f'],
    commands: ['before.hooks', 'before.hooks.*.cmd', 'after.hooks', 'after.hooks.*.cmd', 'builds.*.hooks.pre', 'builds.*.hooks.pre.*.cmd', 'builds.*.hooks.post', 'builds.*.hooks.post.*.cmd'],
    inert: ['check', 'init', 'healthcheck', 'jsonschema', 'completion', 'help', 'man', '-h', '--help', '-v', '--version'],
  },
  // air rebuilds and reruns a Go program: [build] cmd, pre_cmd and post_cmd are shell commands.
  air: {
    options: { short: 'c:dv', long: ['d', 'v'], singleDashLong: true, permute: true },
    files: [{ name: '.air.toml', format: 'toml' }], fileOption: ['-c'], commands: ['build.cmd', 'build.pre_cmd', 'build.post_cmd'], inert: ['init', 'version', '-v', '-h'],
  },
  // Nx: a target run by nx:run-commands runs its options' command (or commands).
  nx: {
    options: { short: 'c:p:t:', long: ['configuration=|c', 'projects=|p', 'targets=|t', 'skip-nx-cache', 'verbose', 'parallel=?', 'help', 'version'], permute: true },
    files: [...yaml('project.json'), { name: 'package.json', format: 'yaml', key: 'nx' }],
    commands: ['targets.{task}.command', 'targets.{task}.options.command', 'targets.{task}.options.commands', 'targets.{task}.options.commands.*.command'],
    task: { run: ['run'], operand: 0 }, workspace: { root: 'nx.json', nameKey: 'name', runsAtRoot: true }, inert: ['--help', '--version'],
  },
  // moon: a project's moon.yml task `command` (a string, or a list of its words) and its `args`.
  moon: {
    options: { short: 'fu', long: ['force|f', 'update-cache|u', 'dependents', 'concurrency=', 'log=', 'help', 'version'], permute: true },
    files: yaml('moon.yml', 'moon.yaml'), commands: ['tasks.{task}.command'], words: true, deps: 'tasks.{task}.deps.*',
    task: { run: ['run', 'r'] }, workspace: { root: '.moon/workspace.yml', nameKey: 'id' }, inert: ['--help', '--version'],
  },
  // wireit: the package script that runs `wireit` runs package.json's wireit.<script>.command, after its dependencies.
  wireit: {
    options: { long: ['watch', 'help'], permute: true },
    files: [{ name: 'package.json', format: 'yaml', key: 'wireit' }], commands: ['{task}.command'], deps: '{task}.dependencies.*',
    task: { script: true },
  },
};
