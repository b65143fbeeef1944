// The runner table's package and task runners, and the tools after them in the table (see runners.ts):
// data only, in the same form.
import type { OptionGrammar } from '../getopt.js';
import type { Run, Runner } from './types.js';
import { NPM_OPTIONS } from './npm.js';
import { HATCH_OPTIONS, MISE_EXEC, MISE_OPTIONS, NIX_OPTIONS, PNPM_OPTIONS, POETRY_OPTIONS, UV_OPTIONS, UV_RUN, UV_TOOL_RUN, YARN_OPTIONS } from './runner-options.js';

/** Ghostscript's -d (or -D) values that turn SAFER off (SAFER is the default since 9.50): -dNOSAFER, -dDELAYSAFER, -dSAFER=false. */
const GS_UNSAFE = { options: ['-d', '-D'], pattern: '^(?:NOSAFER|DELAYSAFER)(?:=true)?$|^SAFER=(?:false|0)$' } as const;

/** aria2c's options (getopt_long: anywhere, abbreviated); those that take a value are the ones that matter here. */
export const ARIA2C: OptionGrammar = {
  short: 'cDPqSvVZd:o:l:i:j:s:x:k:t:m:T:M:u:C:h::N:O:U:',
  long: ['dir=|d', 'out=|o', 'log=|l', 'input-file=|i', 'max-concurrent-downloads=|j', 'split=|s', 'max-connection-per-server=|x',
    'min-split-size=|k', 'timeout=|t', 'max-tries=|m', 'torrent-file=|T', 'metalink-file=|M', 'max-upload-limit=|u', 'seed-ratio=|C',
    'help=?|h', 'index-out=|O', 'user-agent=|U', 'conf-path=', 'save-session=', 'dht-file-path=', 'dht-file-path6=', 'server-stat-of=',
    'on-download-start=', 'on-download-pause=', 'on-download-stop=', 'on-download-complete=', 'on-download-error=', 'on-bt-download-complete=',
    'continue|c', 'daemon|D', 'parameterized-uri|P', 'quiet|q', 'show-files|S', 'version|v', 'check-integrity|V', 'force-sequential|Z',
    'header=', 'load-cookies=', 'save-cookies=', 'all-proxy=', 'http-user=', 'http-passwd=', 'check-certificate=?', 'allow-overwrite=?',
    'auto-file-renaming=?', 'remove-control-file=?', 'rpc-secret=', 'enable-rpc=?', 'max-overall-download-limit=', 'max-download-limit='],
  permute: true, abbreviate: true,
};
/** aria2c's options that name a program to run at a download's start, pause, stop, completion or error. */
export const ARIA2C_HOOKS = ['--on-download-start', '--on-download-pause', '--on-download-stop', '--on-download-complete', '--on-download-error', '--on-bt-download-complete'];

/** lerna exec's and run's options (lerna docs, filter options). */
const LERNA: OptionGrammar = { long: ['scope=', 'ignore=', 'concurrency=', 'stream', 'parallel', 'no-bail', 'no-prefix', 'since=', 'profile', 'include-dependencies', 'npm-client=', 'loglevel=', 'no-private', 'skip-nx-cache'], permute: true };
const TERMINAL_OPTIONS: OptionGrammar = { short: 'hv', long: ['title=', 'geometry=', 'class=', 'working-directory=', 'hold'], singleDashLong: true };
const TERMINAL_RUNS: readonly Run[] = [{ embedded: { from: ['-e', '--', '-x', '--command'], to: [] } }];
/** kitty's own options (kitty --help): the first operand is the program to run. */
const KITTY_OPTIONS: OptionGrammar = {
  short: 'hveT:c:o:d:1w:', long: ['class=', 'name=', 'title=|T', 'config=|c', 'override=|o', 'directory=|d', 'working-directory=|d', 'detach', 'detached-log=',
    'session=', 'hold', 'single-instance|1', 'instance-group=', 'wait-for-single-instance-window-close', 'listen-on=', 'start-as=', 'position=',
    'grab-keyboard', 'os-window-tag=', 'watcher=|w', 'wayland-app-id=', 'app-id=', 'execute|e', 'replay-commands=', 'dump-bytes=', 'dump-commands',
    'debug-input', 'debug-keyboard', 'debug-gl', 'debug-rendering', 'debug-font-fallback', 'help|h', 'version|v'],
};
/** `kitty @ launch`'s options (kitty docs, launch): the first operand is the program to run. */
const KITTY_LAUNCH: OptionGrammar = {
  short: 'm:w:', long: ['match=|m', 'title=', 'window-title=', 'tab-title=', 'type=', 'dont-take-focus', 'keep-focus', 'cwd=', 'env=', 'var=', 'hold',
    'copy-colors', 'copy-cmdline', 'copy-env', 'location=', 'allow-remote-control', 'remote-control-password=', 'stdin-source=',
    'stdin-add-formatting', 'stdin-add-line-wrap-markers', 'marker=', 'os-window-class=', 'os-window-name=', 'os-window-title=',
    'os-window-state=', 'os-window-type=', 'logo=', 'logo-position=', 'logo-alpha=', 'color=', 'spacing=', 'watcher=|w', 'bias=', 'next-to=',
    'source-window=', 'add-to-session=', 'hold-after-ssh', 'no-response', 'self', 'wait-for-child-to-exit', 'response-timeout='],
};
/** minikube's global flags (cobra: `--flag value` or `--flag=value`). */
const MINIKUBE_GLOBAL = ['profile=|p', 'bootstrapper=|b', 'v=|v', 'user=', 'alsologtostderr', 'logtostderr', 'log_dir=', 'log_file=',
  'log_file_max_size=', 'log_backtrace_at=', 'stderrthreshold=', 'vmodule=', 'add_dir_header', 'skip_headers', 'skip_log_headers',
  'one_output', 'rootless', 'skip-audit', 'help|h'];
const VAGRANT_GLOBAL = ['debug', 'timestamp', 'debug-timestamp', 'no-tty', 'color', 'no-color', 'machine-readable', 'version|v', 'help|h'];

/** turbo run's own options (turbo.build/repo/docs/reference/run); --dry-run and --graph only print the plan. */
const TURBO_RUN = { short: 'F:', long: ['filter=|F', 'cache-dir=', 'concurrency=', 'continue=?', 'dry-run=?', 'dry=?', 'env-mode=', 'force=?', 'framework-inference=', 'global-deps=', 'graph=?', 'ui=', 'log-order=', 'log-prefix=', 'only', 'output-logs=', 'parallel', 'profile=', 'summarize=?', 'affected', 'cache=', 'daemon', 'no-daemon', 'token=', 'team=', 'api=', 'remote-only', 'no-cache', 'pass-through-env=', 'env=', 'cwd=', 'heap=', 'verbosity=', 'color', 'no-color'], permute: true };
/** Turborepo runs each task named as the package.json script of that name, the workspaces' (as npm run --workspaces) and the root's. */
const TURBO_TASKS = [{ when: ['--dry-run', '--dry', '--graph'], nothing: true as const }, { shellEach: 0, scriptNames: 'npm run --workspaces', also: true as const }, { shellEach: 0, prefix: 'npm run --if-present ' }];
/**
 * `go run PKG[@VERSION] ARGS` builds the main package PKG and runs it with ARGS, as the program named
 * after PKG's last path element (a major-version element such as `v2` aside: `go help install`), so
 * `go run github.com/docker/cli/cmd/docker@latest ps` is `docker ps`. These main packages build a
 * program of another name: compose's is the docker-compose plugin (its Makefile's `docker-compose`).
 */
export const GO_MAIN_PACKAGES: readonly { readonly path: RegExp; readonly program: string }[] = [
  { path: /^github\.com\/docker\/compose(?:\/v\d+)?\/cmd$/, program: 'docker-compose' },
];
export const PACKAGE_RUNNERS: readonly Runner[] = [
  {
    names: ['turbo'],
    subcommands: { run: { options: TURBO_RUN, runs: TURBO_TASKS }, watch: { options: TURBO_RUN, runs: TURBO_TASKS } },
    runs: [
      { whenOperand: { index: 0, is: ['login', 'logout', 'link', 'unlink', 'prune', 'gen', 'generate', 'daemon', 'ls', 'info', 'query', 'telemetry', 'scan', 'boundaries', 'bin', 'completion', 'devtools', 'docs', 'config', 'clone', '--version', '--help', '-h'] }, nothing: true },
      ...TURBO_TASKS,
    ],
  },
  // ------------------------------------------------------------------ package and task runners
  { names: ['npx'], options: { short: 'yqc:p:', long: ['call=|c', 'package=|p', 'yes|y', 'no', 'quiet|q', 'ignore-existing', 'no-install', 'prefix=', 'workspace=', 'include-workspace-root'] }, runs: [{ when: ['-c'], shellOption: ['-c'] }, { argv: 0, versioned: true }] },
  { names: ['bunx', 'pnpx', 'pipx'], options: { short: 'p:', long: ['package=|p', 'from=', 'with=', 'python=', 'bun', 'spec='] }, runs: [{ argv: 0 }], subcommands: { run: { options: { long: ['spec=', 'python=', 'no-cache', 'pypackages', 'path'] }, runs: [{ argv: 0 }] } } },
  { names: ['sort'], options: { long: ['compress-program=', 'buffer-size=|S', 'temporary-directory=|T', 'output=|o', 'key=|k', 'field-separator=|t', 'parallel=', 'files0-from=', 'random-source=', 'sort='], short: 'bcCdfghiMmnrRsuVzS:T:o:k:t:', permute: true, abbreviate: true }, runs: [{ when: ['--compress-program'], scriptOrCommandOption: ['--compress-program'], self: true, also: true }, { nothing: true }] },
  { names: ['split'], options: { long: ['filter=', 'lines=|l', 'bytes=|b', 'line-bytes=|C', 'number=|n', 'suffix-length=|a', 'additional-suffix=', 'numeric-suffixes=?', 'hex-suffixes=?', 'separator=|t'], short: 'del:b:C:n:a:t:x', permute: true, abbreviate: true }, runs: [{ when: ['--filter'], shellOption: ['--filter'], self: true, also: true }, { nothing: true }] },
  { names: ['wget'], options: { long: ['use-askpass=', 'output-document=|O', 'output-file=|o', 'post-data=', 'post-file=', 'method=', 'body-data=', 'body-file=', 'header=', 'user=', 'password=', 'directory-prefix=|P', 'tries=|t', 'timeout=|T', 'execute=|e', 'input-file=|i'], short: 'qvNcrkmpbSO:o:P:t:T:e:i:', permute: true, abbreviate: true }, runs: [{ when: ['--use-askpass'], scriptOrCommandOption: ['--use-askpass'], self: true, also: true }, { nothing: true }] },
  // aria2c's --on-download-* hooks run a program (given the GID, the file count and the path) for each download.
  { names: ['aria2c'], options: ARIA2C, runs: [{ when: ARIA2C_HOOKS, scriptOrCommandOption: ARIA2C_HOOKS, self: true, also: true }, { nothing: true }] },
  // cmake -P FILE runs a CMake script (its execute_process commands); -D/-C/-G/-S/-B take values before it.
  { names: ['cmake'], options: { short: 'EP:D:C:G:T:A:U:S:B:W:' }, runs: [{ when: ['-E'], whenOperand: { index: 0, is: ['env'] }, assignments: true, argv: 1 }, { when: ['-E'], whenOperand: { index: 0, is: ['time'] }, argv: 1 }, { when: ['-P'], code: 'cmake', codeFileOption: ['-P'] }, { nothing: true }] },
  // Network and capture tools that run a program for each connection or file.
  { names: ['nc', 'ncat', 'netcat', 'nc.traditional', 'nc.openbsd'], options: { short: 'c:e:p:s:w:i:q:lnuvzkdhCN46' }, runs: [{ when: ['-c', '-e'], shellOption: ['-c', '-e'] }, { nothing: true }] },
  { names: ['tcpdump'], options: { short: 'c:C:F:G:i:r:s:T:w:W:y:z:Z:AbdDefhHIJKlLnNOpqStuUvxX', long: ['interface=|i', 'snapshot-length=|s'], permute: true }, runs: [{ when: ['-z'], shellOption: ['-z'] }, { when: ['-F'], nothing: true }, { nothing: true }] },
  { names: ['pandoc'], options: { short: 'f:t:o:F:L:s', long: ['from=|f', 'to=|t', 'output=|o', 'filter=|F', 'lua-filter=|L', 'standalone|s', 'template=', 'metadata=|M', 'variable=|V', 'toc'], permute: true }, runs: [{ when: ['-F'], scriptOption: ['-F'], also: true }, { when: ['-L'], code: 'lua', codeFileOption: ['-L'] }, { when: ['-F'], nothing: true }, { nothing: true }] },
  // go run/test -exec PROG: go runs PROG (split on spaces) in front of the built binary.
  // -toolexec 'CMD' runs CMD in front of every tool, vet's -vettool is the vet program; go test runs the packages' code.
  { names: ['go'], subcommands: Object.fromEntries(['run', 'test', 'build', 'install', 'vet', 'list'].map((sub) => [sub, { options: { short: 'C:', long: ['exec=', 'toolexec=', 'vettool=', 'o=', 'tags=', 'ldflags=', 'gcflags=', 'asmflags=', 'run=', 'skip=', 'count=', 'timeout=', 'bench=', 'coverprofile=', 'p=', 'mod=', 'modfile=', 'overlay=', 'pgo=', 'race', 'v', 'cover', 'short', 'json', 'x', 'n', 'a', 'trimpath'], singleDashLong: true, permute: true },
    runs: [{ when: ['--exec', '--toolexec'], shellOption: ['--exec', '--toolexec'], also: true }, { when: ['--vettool'], scriptOrCommandOption: ['--vettool'], also: true }, sub === 'test' ? { tests: 'go' as const } : { nothing: true as const }] }])), runs: [{ nothing: true }] },
  { names: ['rustup'], subcommands: { run: { options: { long: ['install'] }, runs: [{ argv: 1 }] } }, runs: [{ nothing: true }] },
  // `cargo watch` is cargo-watch: -s runs a shell string, -x a cargo command, on each change.
  { names: ['cargo-watch'], options: { short: 'cqCNx:s:w:i:d:B:', long: ['exec=|x', 'shell=|s', 'watch=|w', 'ignore=|i', 'delay=|d', 'features=', 'workdir=|C', 'clear|c', 'quiet|q', 'postpone', 'poll'], permute: true }, runs: [{ when: ['-s'], shellOption: ['-s'], also: true }, { when: ['-x'], shellOption: ['-x'], prefix: 'cargo ', also: true }, { nothing: true }] },
  // newgrp starts a login shell with the group, which reads stdin.
  { names: ['newgrp'], options: { short: 'l' }, runs: [{ stdinShell: true }] },
    // apt's -o hooks (…::Pre-Invoke, …::Post-Invoke, Pre-Install-Pkgs) run shell commands.
  { names: ['apt', 'apt-get', 'aptitude'], options: { short: 'yqsdfmbuVho:c:t:', long: ['option=|o', 'config-file=|c', 'target-release=|t', 'yes|y', 'assume-yes', 'quiet|q', 'simulate|s', 'download-only|d', 'fix-broken|f', 'no-install-recommends', 'install-recommends', 'purge', 'reinstall', 'allow-downgrades'], permute: true },
    runs: [{ when: ['-o'], shellOption: ['-o'], valueKey: '[\\w:-]*(?:Pre-Invoke|Post-Invoke|Post-Invoke-Success|Pre-Install-Pkgs)(?:::)?', also: true }, { nothing: true }] },
  // socat's EXEC: and SYSTEM: addresses run a program (options after a comma).
  { names: ['socat'], options: { short: 'dDhvVxlLu46b:T:t:g', long: [] }, runs: [{ shellEach: 0, operandPattern: '^(?:EXEC|SYSTEM):(.*?)(?:,[\\w-]+(?:=[^,]*)?)*$' }] },
  // Ghostscript writes to %pipe%CMD by running CMD.
  // Without SAFER (-dNOSAFER, -dDELAYSAFER; the default since 9.50 is SAFER) its PostScript (-c, the files) opens %pipe%CMD too.
  { names: ['gs', 'gsc', 'ghostscript', 'gswin64c', 'gswin32c'], options: { short: 'qs:S:d:D:o:c:f:', permute: true }, runs: [
    { whenValue: GS_UNSAFE, code: 'postscript', codeOption: ['-c'], also: true }, { whenValue: GS_UNSAFE, code: 'postscript', codeFiles: 0, also: true },
    // -c takes the words after it up to the next option as PostScript too.
    { whenValue: GS_UNSAFE, code: 'postscript', codeFileOption: ['-f'], also: true }, { whenValue: GS_UNSAFE, when: ['-c'], code: 'postscript', codeOperands: 0, also: true },
    // An output file of %pipe%CMD or |CMD is CMD's stdin, SAFER or not.
    ...['%pipe%', '|'].flatMap((valuePrefix) => [{ when: ['-s', '-S'], shellOption: ['-s', '-S'], valueKey: 'OutputFile', valuePrefix, also: true }, { when: ['-o'], shellOption: ['-o'], valuePrefix, also: true }]), { nothing: true }] },
  // cpio runs --rsh-command to reach a host:file archive.
  { names: ['cpio'], options: { short: 'oiptvdmuaBcVF:H:I:O:E:R:D:', long: ['rsh-command=', 'file=|F', 'format=|H', 'directory=|D', 'create|o', 'extract|i', 'pass-through|p', 'force-local'], permute: true }, runs: [{ when: ['--rsh-command'], shellOption: ['--rsh-command'], also: true }, { nothing: true }] },
  // bash's mapfile/readarray -C CALLBACK evaluates CALLBACK every -c lines.
  { names: ['mapfile', 'readarray'], options: { short: 'C:c:d:n:O:s:tu:' }, runs: [{ when: ['-C'], shellOption: ['-C'] }, { nothing: true }] },
  // bash's fc -e ENAME runs `ENAME FILE` on the history lines, then runs FILE as the editor left it
  // (bash(1) fc; `-e -` re-runs them as they are, and -l lists them: the history is read in shell-state.ts).
  { names: ['fc'], options: { short: 'e:lnrs' }, runs: [
    { unless: ['-l', '-s'], whenValue: { options: ['-e'], pattern: '^(?!-$)' }, shellOption: ['-e'], also: true },
    { unless: ['-l', '-s'], whenValue: { options: ['-e'], pattern: '^(?!-$)' }, interpreterEvent: 'runs the history lines as its editor leaves them' },
    { nothing: true }] },
    // Version managers run a command with their tool's version on PATH.
  { names: ['rbenv', 'pyenv', 'nodenv', 'goenv', 'jenv', 'plenv', 'phpenv'], subcommands: { exec: { runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['volta'], subcommands: { run: { options: { long: ['node=', 'npm=', 'yarn=', 'pnpm=', 'bundled-npm', 'no-yarn', 'env='] }, runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['fnm'], subcommands: { exec: { options: { long: ['using='] }, runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  // lerna exec CMD runs CMD in each package; lerna run SCRIPT runs each package's SCRIPT (as npm run --workspaces does).
  { names: ['lerna'], subcommands: { exec: { options: LERNA, runs: [{ argv: 0 }] }, run: { options: LERNA, runs: [{ shellEach: 0, scriptNames: 'npm run --workspaces' }] } }, runs: [{ nothing: true }] },
  // lldb -- PROGRAM ARGS…, and lldb -o CMD: the debugger runs the program.
  // lldb's -o/-O/-k lines and -s/-S/-K files are lldb commands (`platform shell`, `script`: expand/hand-offs.ts).
  {
    names: ['lldb'],
    options: { short: 'o:O:s:S:k:K:bxQ', long: ['one-line=|o', 'one-line-before-file=|O', 'one-line-on-crash=|k', 'source=|s', 'source-before-file=|S', 'source-on-crash=|K', 'batch|b', 'file=|f', 'arch=|a', 'no-lldbinit|x', 'source-quietly|Q'] },
    runs: [
      { when: ['-o', '-O', '-k'], code: 'lldb', codeOption: ['-o', '-O', '-k'], also: true },
      { when: ['-s'], code: 'lldb', codeFileOption: ['-s'], also: true },
      { when: ['-S'], code: 'lldb', codeFileOption: ['-S'], also: true },
      { when: ['-K'], code: 'lldb', codeFileOption: ['-K'], also: true },
      { minOperands: 1, argv: 0 },
      // With no program, lldb reads its commands from stdin (a pipe or a here-string is not its terminal).
      { unless: ['-b'], code: 'lldb', codeStdin: true },
    ],
  },
  { names: ['poetry'], options: POETRY_OPTIONS, subcommands: { run: { options: POETRY_OPTIONS, runs: [{ argv: 0, chdirOption: ['-C', '--directory'] }] } }, runs: [{ nothing: true }] },
  { names: ['pdm', 'rye', 'pipenv', 'bundle', 'bundler', 'conda', 'mamba', 'micromamba', 'pixi'], subcommands: { run: { options: { short: 'n:p:', long: ['name=|n', 'prefix=|p', 'env=', 'live-stream', 'no-capture-output'] }, runs: [{ argv: 0 }] }, exec: { runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['uv'], options: UV_OPTIONS, subcommands: { run: { options: UV_RUN, runs: [{ argv: 0, chdirOption: ['--directory'] }] }, tool: { options: UV_OPTIONS, runs: [{ argv: 0, commandRow: 'uv tool' }] },
    // `uv pip install PATH` builds the package from the directory, as pip does (its setup.py runs).
    pip: { options: UV_OPTIONS, runs: [{ argv: 0, program: 'pip' }] } }, runs: [{ nothing: true }] },
  // `uvx` is `uv tool run` (docs.astral.sh/uv/reference/cli, uv tool run).
  { names: ['uv tool run', 'uvx'], options: UV_TOOL_RUN, runs: [{ argv: 0, versioned: true }] },
  { names: ['nix-shell'], options: { short: 'p:A:I:', long: ['run=', 'command=', 'packages=|p', 'pure', 'attr=|A', 'arg=', 'argstr=', 'keep=', 'include=|I'], singleDashLong: false, permute: true }, runs: [{ when: ['--run', '--command'], shellOption: ['--run', '--command'] }, { nothing: true }] },
  {
    names: ['nix'], options: NIX_OPTIONS,
    subcommands: {
      develop: { runs: [{ embedded: { from: ['-c', '--command'], to: [] } }] },
      shell: { runs: [{ embedded: { from: ['-c', '--command'], to: [] } }] },
      // `nix run nixpkgs#docker -- restart web` runs the package's program, named after it.
      run: { options: NIX_OPTIONS, runs: [{ argv: 0, installable: true }] },
    },
    runs: [{ nothing: true }],
  },
  // A shell inside a VM's engine host: what runs there runs on a local engine.
  // corepack runs the package manager it names (`corepack pnpm@9 run x`); its own commands manage shims.
  { names: ['corepack'], subcommands: Object.fromEntries(['enable', 'disable', 'install', 'pack', 'prepare', 'use', 'up', 'hydrate', 'cache', 'help'].map((c) => [c, { runs: [{ nothing: true }] }])), runs: [{ argv: 0, installable: true }] },
  { names: ['limactl'], subcommands: { shell: { options: { long: ['workdir=', 'shell=', 'debug', 'tty=?', 'reconnect'] }, runs: [{ argv: 1 }] } }, runs: [{ nothing: true }] },
  // `colima nerdctl [-- ARGS]` runs nerdctl in the VM (`install` puts a nerdctl script on the PATH).
  { names: ['colima'], options: { short: 'p:v', long: ['profile=|p', 'verbose|v', 'very-verbose'] }, subcommands: { ssh: { options: { short: 'p:', long: ['profile=|p', 'layer=?'] }, runs: [{ argv: 0 }] }, nerdctl: { options: { short: 'p:f', long: ['profile=|p', 'force|f', 'path='] }, runs: [{ whenOperand: { index: 0, is: ['install'] }, nothing: true }, { argv: 0, program: 'nerdctl' }] } }, subcommandAliases: { n: 'nerdctl', nerd: 'nerdctl' }, runs: [{ nothing: true }] },
  // minikube ssh joins its arguments into a command for the VM's shell; vagrant ssh runs `-c CMD` (or what follows `--`) in the VM.
  { names: ['minikube'], options: { short: 'p:b:v:', long: MINIKUBE_GLOBAL }, subcommands: { ssh: { options: { short: 'p:b:v:n:', long: [...MINIKUBE_GLOBAL, 'node=|n', 'native-ssh=?'], permute: true }, runs: [{ shellOperands: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['vagrant'], options: { short: 'hv', long: VAGRANT_GLOBAL }, subcommands: { ssh: { options: { short: 'c:pth', long: [...VAGRANT_GLOBAL, 'command=|c', 'plain|p', 'tty|t', 'no-tty'], permute: true }, runs: [{ shellOption: ['-c'], also: true }, { shellOperands: 0, onlyAfterDashDash: true }] } }, runs: [{ nothing: true }] },
  { names: ['coproc'], runs: [{ whenOperand: { index: 1, is: ['{'] }, argv: 2 }, { whenOperand: { index: 0, is: ['{'] }, argv: 1 }, { argv: 0 }] },
  // zsh precommand modifiers and other plain wrappers.
  { names: ['setarch'], options: { short: 'vRFZLXBIST3', long: ['addr-no-randomize|R', 'fdpic-funcptrs|F', 'mmap-page-zero|Z', 'addr-compat-layout|L', 'read-implies-exec|X', '32bit|B', 'short-inode|I', 'whole-seconds|S', 'sticky-timeouts|T', '3gb|3', '4gb', 'uname-2.6', 'verbose|v', 'list', 'show=?'], permute: true }, runs: [{ when: ['--list', '--show'], nothing: true }, { argv: 1, stopAtProgram: true }] },
  // linux32 and linux64 are setarch with the architecture in their name: the first operand is the program.
  { names: ['linux32', 'linux64'], options: { short: 'vRFZLXBIST3', long: ['addr-no-randomize|R', 'fdpic-funcptrs|F', 'mmap-page-zero|Z', 'addr-compat-layout|L', 'read-implies-exec|X', '32bit|B', 'short-inode|I', 'whole-seconds|S', 'sticky-timeouts|T', '3gb|3', '4gb', 'uname-2.6', 'verbose|v', 'list', 'show=?'], permute: true }, runs: [{ argv: 0, stopAtProgram: true }] },
  // busybox's cttyhack runs its operand with a controlling terminal; telnetd -l runs its login program for each connection.
  { names: ['cttyhack'], runs: [{ argv: 0 }] },
  { names: ['telnetd'], options: { short: 'l:f:p:b:w:FSKi' }, runs: [{ when: ['-l'], shellOption: ['-l'] }, { nothing: true }] },
  // Programs that run what files they are pointed at hold, not read here: busybox httpd's CGI under -h, crond -c's crontabs, mim's spec file.
  { names: ['httpd'], options: { short: 'ifvdeh:c:p:u:r:m:P:M:' }, runs: [{ when: ['-h'], interpreterEvent: 'serves the CGI programs of its -h directory' }, { nothing: true }] },
  { names: ['crond'], options: { short: 'fbSc:l:L:d:' }, runs: [{ when: ['-c'], interpreterEvent: 'runs the crontabs of its -c directory' }, { nothing: true }] },
  { names: ['mim'], options: { short: 'f:h', long: ['help|h'] }, runs: [{ when: ['--help'], nothing: true }, { interpreterEvent: 'runs the scripts of its Makefile-like spec file' }] },
  // TeX engines with shell escape run the document's \write18 commands (groff -U its .sy requests): not read here.
  { names: ['tex', 'latex', 'pdftex', 'pdflatex', 'xetex', 'xelatex', 'luatex', 'lualatex', 'etex', 'latexmk-tex'], options: { long: ['shell-escape', 'no-shell-escape', 'shell-restricted', 'interaction=', 'output-directory=', 'jobname=', 'halt-on-error', 'file-line-error', 'synctex=', 'draftmode', 'recorder', 'output-format=', 'enable-write18', 'disable-write18'], singleDashLong: true, permute: true }, runs: [{ when: ['--shell-escape', '--enable-write18'], interpreterEvent: 'runs the commands of the document\'s \\write18 (shell escape)' }, { nothing: true }] },
  { names: ['groff'], options: { short: 'abcCeEgGhijklNpRsStUvVXzZd:f:F:I:L:m:M:n:o:P:r:T:w:W:D:K:', permute: true }, runs: [{ when: ['-U'], interpreterEvent: 'runs the .sy and .pi requests of its input (-U)' }, { nothing: true }] },
  { names: ['-', 'noglob', 'nocorrect', 'systemd-cat', 'chronic', 'ifne', 'ts', 'xvfb-run', 'schroot', 'firejail'], options: { short: 'aRLBXZThn:t:p:e:d:u:c:', long: ['identifier=|t', 'priority=|p', 'level-prefix=', 'exec', 'distribution=|d', 'user=|u', 'cd=', 'chroot=|c', 'auto-servernum|a', 'server-args=|s', 'error-file=|e', 'addr-no-randomize|R'] }, runs: [{ whenOperand: { index: 0, is: ['-e', '--exec'] }, argv: 1 }, { argv: 0 }] },
  { names: ['choom'], options: { short: 'n:p:', long: ['adjust=|n', 'pid=|p'] }, runs: [{ when: ['-p'], nothing: true }, { argv: 0 }] },
  { names: ['capsh'], options: { long: ['print', 'drop=', 'caps=', 'inh=', 'addamb=', 'user=', 'uid=', 'gid=', 'groups=', 'chroot=', 'secbits=', 'keep=', 'shell='] }, runs: [{ whenOperand: { index: 0, is: ['-c'] }, shellOperand: 1 }, { stdinShell: true }] },
  { names: ['cmd', 'cmd.exe'], options: { short: 'cCkKqQsSdDuUaA', singleDashLong: false }, runs: [{ whenOperand: { index: 0, is: ['/c', '/C', '/k', '/K'] }, shellOperands: 1 }, { nothing: true }] },
  { names: ['xterm', 'uxterm', 'gnome-terminal', 'konsole', 'alacritty', 'urxvt'], options: TERMINAL_OPTIONS, runs: TERMINAL_RUNS },
  // foot(1), footclient(1): `foot [OPTIONS] [COMMAND [ARGS]]`: the first operand is the program (no -e needed; -e is accepted and ignored).
  {
    names: ['foot', 'footclient'],
    options: { short: 'hvCmFLsHlSeNEc:o:f:t:T:a:D:w:W:p:d:', long: ['config=|c', 'check-config|C', 'override=|o', 'font=|f', 'term=|t', 'title=|T', 'app-id=|a',
      'toplevel-tag=', 'maximized|m', 'fullscreen|F', 'login-shell|L', 'working-directory=|D', 'window-size-pixels=|w', 'window-size-chars=|W', 'server|s',
      'hold|H', 'print-pid=|p', 'log-level=|d', 'log-colorize=?|l', 'log-no-syslog|S', 'no-wait|N', 'client-environment|E', 'version|v', 'help|h'] },
    runs: [{ when: ['-v', '-h', '-C', '-s'], nothing: true }, { argv: 0 }],
  },
  // Terminals with an ssh client of their own: `kitty +kitten ssh …` and `wezterm ssh …` take ssh's
  // command line and run the command on the server (`kitten ssh …` is in expand/remote.ts).
  // `kitty [options] [program-to-run …]` opens a window running the program (kitty --help); `+runpy CODE`
  // and `+launch FILE` run Python; `kitty @ launch … CMD` opens one through remote control, and
  // `kitty @ send-text TEXT` types TEXT into a window's shell (kitty docs, Remote control).
  {
    names: ['kitty'], options: KITTY_OPTIONS,
    subcommands: {
      '+kitten': { runs: [{ whenOperand: { index: 0, is: ['ssh'] }, sshLine: 1 }, { argv: 0 }] },
      '+runpy': { runs: [{ code: 'python', codeOperand: 0 }] },
      '+launch': { runs: [{ minOperands: 1, code: 'python', codeFile: 0 }, { nothing: true }] },
      '@': { options: { long: ['to=', 'password=', 'password-file=', 'password-env=', 'use-password='] }, runs: [{ argv: 0, commandRow: 'kitty @' }] },
    },
    runs: [{ argv: 0 }],
  },
  { names: ['kitty @ launch'], options: KITTY_LAUNCH, runs: [{ argv: 0 }] },
  { names: ['kitty @ send-text'], options: { short: 'm:t:', long: ['match=|m', 'match-tab=|t', 'all', 'exclude-active', 'stdin', 'from-file=', 'bracketed-paste='] }, runs: [{ when: ['--stdin'], stdinShell: true }, { shellOperands: 0 }] },
  // `wezterm start [PROG]…` opens a window running PROG; `wezterm cli spawn [PROG]…` opens a pane running it in the
  // running GUI, and `wezterm cli send-text TEXT` types TEXT into a pane's shell (wezterm docs, CLI reference).
  {
    names: ['wezterm'], options: { short: 'hVn', long: ['config-file=', 'config=', 'skip-config|n', 'help|h', 'version|V'] },
    subcommands: {
      ssh: { runs: [{ sshLine: 0 }] },
      start: { options: { long: ['no-auto-connect', 'always-new-process', 'new-tab', 'cwd=', 'class=', 'workspace=', 'position=', 'domain=', 'attach'] }, runs: [{ argv: 0 }] },
      cli: {
        options: { long: ['no-auto-start', 'prefer-mux', 'class=', 'pane-id=', 'domain-name=', 'window-id=', 'new-window', 'cwd=', 'workspace=', 'no-paste'], permute: false },
        runs: [{ whenOperand: { index: 0, is: ['spawn'] }, argv: 1 }, { whenOperand: { index: 0, is: ['send-text'] }, shellOperand: 1 }, { nothing: true }],
      },
    },
    runs: TERMINAL_RUNS,
  },
  { names: ['pee'], runs: [{ shellEach: 0 }] },
  { names: ['mispipe'], runs: [{ shellEach: 0 }] },
  // wsl (learn.microsoft.com, "Basic commands for WSL"): `-e`/`--exec` runs the command without a shell, else
  // the words (after `--` or the first that is no option) are a command line for the distribution's shell.
  { names: ['wsl', 'wsl.exe'], options: { short: 'd:u:e', long: ['distribution=|d', 'distribution-id=', 'user=|u', 'cd=', 'shell-type=', 'system', 'exec|e'] },
    runs: [{ when: ['--install', '--list', '-l', '--shutdown', '--terminate', '-t', '--set-default', '-s', '--export', '--import', '--import-in-place', '--unregister', '--update', '--status', '--version', '-v', '--help', '--mount', '--unmount', '--set-version', '--set-default-version', '--manage'], nothing: true },
      { when: ['--exec'], argv: 0 }, { whenValue: { options: ['--shell-type'], pattern: '^none$' }, argv: 0 }, { shellOperands: 0 }] },
  // `hatch run [ENV:]ARGS…`: a first word `ENV:CMD` runs CMD in ENV; `+py=3.12`/`-py=3.8` choose matrix variables.
  { names: ['hatch'], options: HATCH_OPTIONS, subcommands: { run: { options: { plus: true }, runs: [{ argv: 0, afterDashDash: true, headPrefix: '[\\w.-]+:' }] }, env: { runs: [{ argv: 0, commandRow: 'hatch env' }] } }, runs: [{ nothing: true }] },
  { names: ['hatch env run'], options: { short: 'e:i:x:f:', long: ['env=|e', 'include=|i', 'exclude=|x', 'filter=|f', 'force-continue', 'ignore-compat'] }, runs: [{ argv: 0, afterDashDash: true }] },
  { names: ['devbox', 'tox', 'nox'], subcommands: { run: { runs: [{ argv: 0, afterDashDash: true }] }, exec: { runs: [{ argv: 0, afterDashDash: true }] } }, runs: [{ nothing: true }] },
  {
    names: ['npm'], options: NPM_OPTIONS, abbreviateSubcommands: true,
    subcommands: {
      exec: { options: NPM_OPTIONS, runs: [{ when: ['-c'], shellOption: ['-c'] }, { argv: 0 }] },
      explore: { options: NPM_OPTIONS, runs: [{ minOperands: 2, shellOperands: 1, dropDashDash: true }] },
    },
    subcommandAliases: { x: 'exec' },
    runs: [],
  },
  {
    names: ['pnpm'],
    options: PNPM_OPTIONS,
    subcommands: { exec: { options: PNPM_OPTIONS, runs: [{ when: ['-c'], shellOperands: 0 }, { argv: 0 }] }, dlx: { options: { ...PNPM_OPTIONS, long: [...PNPM_OPTIONS.long!, 'package='] }, runs: [{ when: ['-c'], shellOperands: 0 }, { argv: 0 }] } },
    runs: [],
  },
  { names: ['yarn'], options: YARN_OPTIONS, subcommands: { exec: { options: YARN_OPTIONS, runs: [{ argv: 0 }] }, dlx: { options: { short: 'qp:', long: ['package=|p', 'quiet|q'] }, runs: [{ argv: 0 }] } }, runs: [] },
  { names: ['mise', 'rtx', 'asdf'], options: MISE_OPTIONS, subcommands: { exec: { options: MISE_EXEC, runs: [{ when: ['--command'], shellOption: ['--command'] }, { argv: 0, afterDashDash: true }] } }, subcommandAliases: { x: 'exec' }, runs: [] },
];

/**
 * Where a project's packages put the programs they provide: a name there is the program `npx NAME`
 * runs (npm-exec(1) looks in the project's node_modules/.bin first), its first group the name.
 */
export const PACKAGE_BIN = /^(.*\/node_modules)\/\.bin\/([^/]+)$/;
