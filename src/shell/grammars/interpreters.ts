// The interpreters (their code is scanned for the commands it starts) and tools with command
// hooks (tar, zip, find, sort …): rows of the runner table, as data (see types.ts).
import { TOOL_RUNNERS } from './tool-runners.js';
import type { OptionGrammar } from '../getopt.js';
import { READERS } from './readers.js';
import { TEST_FILE_RUNNERS } from './test-runners.js';
import type { Run, Runner } from './types.js';
import { SCRIPT_RUNNERS } from './script-runners.js';

/** A JavaScript or TypeScript file (or a path), as runners that also take script names see it. */
const JS_FILE = '(?:\\.[cm]?[jt]sx?$|/)';

// -c CODE and -m MODULE end python's options: the words after them are the program's arguments.
const python: OptionGrammar = { short: 'bBdEhiIOPqsSuvVRxc:m:W:X:', long: ['help', 'version', 'check-hash-based-pycs='], ends: 'cm' };

// node's -p takes the code like -e, but also joins with it: `-pe CODE` is print + eval.
const node: OptionGrammar = {
  short: 'hvicpr:e:C:',
  long: ['eval=|e', 'print|p', 'require=|r', 'import=', 'check|c', 'interactive|i', 'input-type=', 'loader=',
    'experimental-loader=', 'conditions=|C', 'env-file=', 'inspect=?', 'inspect-brk=?', 'title=', 'stack-size=',
    'max-old-space-size=', 'watch', 'test', 'help|h', 'version|v', 'run=', 'test-reporter=', 'test-global-setup=', 'test-reporter-destination=',
    'test-name-pattern=', 'test-skip-pattern=', 'test-concurrency=', 'test-timeout=', 'test-shard=', 'watch-path=',
    // Options that take a value as the next word (node --help): the word after one is not the script.
    'inspect-port=', 'debug-port=', 'inspect-publish-uid=', 'openssl-config=', 'icu-data-dir=', 'redirect-warnings=', 'disable-warning=', 'dns-result-order=', 'unhandled-rejections=',
    'tls-cipher-list=', 'tls-keylog=', 'secure-heap=', 'secure-heap-min=', 'use-largepages=', 'v8-pool-size=', 'max-http-header-size=', 'heapsnapshot-signal=', 'heapsnapshot-near-heap-limit=',
    'diagnostic-dir=', 'report-dir=', 'report-directory=', 'report-filename=', 'report-signal=', 'cpu-prof-dir=', 'cpu-prof-name=', 'cpu-prof-interval=', 'heap-prof-dir=', 'heap-prof-name=',
    'heap-prof-interval=', 'experimental-policy=', 'policy-integrity=', 'snapshot-blob=', 'trace-event-categories=', 'trace-event-file-pattern=', 'env-file-if-exists=', 'experimental-config-file=',
    'localstorage-file=', 'experimental-sea-config=', 'allow-fs-read=', 'allow-fs-write=', 'experimental-default-type=', 'watch-kill-signal='],
};

/** ghc's and ghci's options that matter here (most are single-dash words: `-package NAME`, `-o FILE`). */
const GHC: OptionGrammar = {
  short: 'e:', long: ['interactive', 'make', 'package=', 'package-id=', 'hide-package=', 'package-db=', 'o=', 'odir=', 'hidir=', 'outputdir=', 'ghci-script=', 'i=?'],
  singleDashLong: true, permute: true,
};

/** awk's options as gawk reads them (-i FILE includes a library: `-i inplace` edits the files in place). */
export const AWK: OptionGrammar = {
  short: 'bcCghMnNOPrsStVyF:f:v:e:E:i:l:d::D::L::o::p::',
  long: ['file=|f', 'source=|e', 'field-separator=|F', 'assign=|v', 'exec=|E', 'include=|i', 'load=|l', 'sandbox|S', 'posix|P', 'traditional|c',
    'version|V', 'help|h', 'dump-variables=?|d', 'debug=?|D', 'lint=?|L', 'pretty-print=?|o', 'profile=?|p'],
  permute: true,
};

/** pytest's options that take a value (pytest --help). */
export const PYTEST: OptionGrammar = {
  short: 'k:m:p:c:o:n:r:W:x',
  long: ['maxfail=', 'durations=', 'durations-min=', 'rootdir=', 'confcutdir=', 'basetemp=', 'tb=', 'ignore=', 'ignore-glob=', 'deselect=', 'junitxml=', 'junit-xml=',
    'log-level=', 'log-file=', 'import-mode=', 'cov=?', 'cov-report=', 'cov-config=', 'cov-fail-under=', 'pyargs', 'override-ini=|o', 'config-file=|c', 'capture=', 'lf', 'last-failed', 'ff', 'collect-only', 'co', 'exitfirst|x'],
  permute: true,
};

// ------------------------------------------------------------------ interpreters (their code is scanned)
/** Vim's and Neovim's Ex commands: `+cmd`, `-c`, `--cmd`, the files `-S` and `-u` source, keys sent to a server, `-e`/`-s` scripts. */
const VIM_RUNS: readonly Run[] = [
  // (The operands are the files it edits: the first is the buffer `:w !cmd` gives cmd, expand/vim-buffer.ts.)
  { code: 'vim', codePlusOperands: true, self: true, also: true, dataOperands: 0 },
  // :! and system() run through 'shell', which defaults to $SHELL.
  { envShell: ['SHELL'], also: true },
  { when: ['-c', '--cmd'], code: 'vim', codeOption: ['-c', '--cmd'], also: true, dataOperands: 0 },
  { when: ['-S'], code: 'vim', codeFileOption: ['-S'], also: true },
  { when: ['-u'], code: 'vim', codeFileOption: ['-u'], also: true },
  { when: ['--remote-send'], code: 'vim', codeOption: ['--remote-send'], also: true },
  // An expression a server evaluates (its calls of system(), execute(), luaeval() are read).
  { when: ['--remote-expr'], code: 'vim', codeOption: ['--remote-expr'], also: true },
  { when: ['-e', '-E', '-s'], code: 'vim', codeStdin: true },
];

/** sqlite3's options (shell.c main: one or two dashes, anywhere; -lookaside and -pagecache take two values); duckdb's -c and -s. */
const SQLITE: OptionGrammar = {
  short: 'c:s:',
  long: ['cmd=', 'init=', 'separator=', 'newline=', 'nullvalue=', 'vfs=', 'maxsize=', 'mmap=', 'nonce=', 'escape=', 'lookaside==', 'pagecache==', 'heap==',
    'append', 'ascii', 'bail', 'batch', 'box', 'column', 'csv', 'deserialize', 'echo', 'header', 'noheader', 'html', 'interactive', 'json', 'line', 'list',
    'markdown', 'memtrace', 'nofollow', 'pcachetrace', 'quote', 'readonly', 'safe', 'stats', 'table', 'tabs', 'unsafe-testing', 'version', 'zip', 'help', 'utf8', 'no-utf8'],
  singleDashLong: true, permute: true,
};

export const INTERPRETERS: readonly Runner[] = [
  {
    names: ['python', 'python2', 'python3', 'pypy', 'pypy3'],
    options: python,
    runs: [
      // An interactive python runs the file PYTHONSTARTUP names first (read whenever it is set).
      { code: 'python', envCodeFile: ['PYTHONSTARTUP'], also: true },
      { when: ['-c'], code: 'python', codeOption: ['-c'], dataOperands: 0 },
      { when: ['-m'], code: 'python', moduleOption: ['-m'] },
      { whenOperand: { index: 0, is: ['-'] }, code: 'python', codeStdin: true },
      { minOperands: 1, code: 'python', codeFile: 0 },
      { code: 'python', codeStdin: true },
    ],
  },
  {
    names: ['node', 'nodejs'],
    options: node,
    runs: [
      // Modules preloaded with --import/--require run first.
      { when: ['--import', '-r', '--loader', '--experimental-loader'], code: 'node', codeFileOption: ['--import', '-r', '--loader', '--experimental-loader'], also: true },
      // A --test-reporter that is not a built-in one (spec, tap, dot, junit, lcov) is a module node loads.
      { when: ['--test-reporter', '--test-global-setup'], code: 'node', codeFileOption: ['--test-reporter', '--test-global-setup'], also: true },
      { when: ['-e'], code: 'node', codeOption: ['-e'], dataOperands: 0 },
      { when: ['-p'], code: 'node', codeOperand: 0 },
      { when: ['--check', '--help', '--version'], nothing: true },
      // node --test runs the test files named, or those it finds as node finds them.
      { when: ['--test'], tests: 'node' },
      { whenOperand: { index: 0, is: ['-'] }, code: 'node', codeStdin: true },
      { minOperands: 1, code: 'node', codeFile: 0 },
      { code: 'node', codeStdin: true },
    ],
  },
  {
    names: ['bun'],
    options: { short: 'e:p:', long: ['eval=|e', 'print=|p', 'cwd=', 'env-file=', 'hot', 'watch', 'smol', 'bun'] },
    // `bun FILE` runs the file; `bun NAME` a package.json script (packages.ts).
    runs: [{ when: ['-e', '-p'], code: 'node', codeOption: ['-e', '-p'] }, { whenOperandMatches: { index: 0, pattern: JS_FILE }, code: 'node', codeFile: 0 }],
    subcommands: {
      x: { runs: [{ argv: 0 }] },
      exec: { runs: [{ shellOperands: 0 }] },
      run: { options: { long: ['watch', 'hot', 'smol', 'bun', 'cwd=', 'env-file='] }, runs: [{ whenOperandMatches: { index: 0, pattern: JS_FILE }, code: 'node', codeFile: 0 }] },
    },
  },
  {
    // TypeScript runners: the file is JavaScript to the scanner.
    names: ['tsx', 'ts-node', 'ts-node-esm', 'ts-node-script', 'ts-node-transpile-only', 'esno', 'esrun', 'jiti', 'vite-node'],
    // -e, -p, -r and -P take a value, as their long forms do (`tsx -e CODE` is code, not a file named CODE).
    options: { short: 'hvTIr:e:p:P:O:C:', long: ['require=|r', 'import=', 'eval=|e', 'print=|p', 'transpile-only|T', 'tsconfig=', 'project=|P', 'compiler=|C', 'compiler-options=|O', 'esm', 'swc', 'watch', 'help|h', 'version|v'], permute: false },
    subcommands: { watch: { runs: [{ minOperands: 1, code: 'node', codeFile: 0 }] } },
    runs: [
      { when: ['-r', '--import'], code: 'node', codeFileOption: ['-r', '--import'], also: true },
      { when: ['-e', '-p'], code: 'node', codeOption: ['-e', '-p'] },
      { minOperands: 1, code: 'node', codeFile: 0 },
      { nothing: true },
    ],
  },
  {
    names: ['deno'],
    subcommands: {
      eval: { options: { short: 'p', long: ['print|p', 'ext=', 'check'] }, runs: [{ code: 'node', codeOperand: 0 }] },
      // `deno run npm:PKG ARGS` runs the npm package's program, named after it.
      run: { options: { short: 'A', long: ['allow-all|A', 'allow-run=?', 'allow-read=?', 'allow-write=?', 'allow-net=?', 'allow-env=?', 'config=', 'import-map=', 'watch', 'unstable'] }, runs: [{ whenOperandMatches: { index: 0, pattern: '^npm:' }, argv: 0, installable: true }, { minOperands: 1, code: 'node', codeFile: 0 }] },
    },
    runs: [{ nothing: true }],
  },
  { names: ['pytest', 'py.test'], options: PYTEST, runs: [{ tests: 'pytest' }] },
  ...TEST_FILE_RUNNERS,
  {
    names: ['ruby', 'jruby', 'truffleruby'],
    options: { short: 'acdhlnpsSvwy0::C:e:E:F:i::I:r:W::x::K:T::', long: ['help', 'version', 'disable=', 'enable=', 'encoding=', 'jit', 'yjit', 'verbose', 'copyright'] },
    runs: [
      { when: ['-r'], code: 'ruby', moduleOption: ['-r'], also: true },
      // -c checks the syntax and exits without running the script (ruby(1)).
      { when: ['-c'], nothing: true },
      { when: ['-e'], code: 'ruby', codeOption: ['-e'], dataOperands: 0 },
      { minOperands: 1, code: 'ruby', codeFile: 0 },
      { code: 'ruby', codeStdin: true },
    ],
  },
  // irb(1) and pry: -r requires a library (a file of the project or one the text wrote), a file operand is loaded, stdin is read as Ruby.
  {
    names: ['irb'],
    options: { short: 'dfUvwhr:I:E:W::', long: ['context-mode=', 'echo', 'noecho', 'inspect', 'noinspect', 'multiline', 'nomultiline', 'singleline', 'nosingleline', 'colorize', 'nocolorize',
      'autocomplete', 'noautocomplete', 'prompt=', 'prompt-mode=', 'inf-ruby-mode', 'simple-prompt', 'sample-book-mode', 'noprompt', 'tracer', 'back-trace-limit=', 'verbose', 'noverbose',
      'extra-doc-dir=', 'version|v', 'help|h', 'single-irb', 'noscript', 'script', 'echo-on-assignment', 'noecho-on-assignment', 'truncate-echo-on-assignment'] },
    runs: [
      // $IRBRC names the rc file irb reads at start (-f skips it).
      { unless: ['-f'], code: 'ruby', envCodeFile: ['IRBRC'], also: true },
      { when: ['-r'], code: 'ruby', moduleOption: ['-r'], also: true },
      { when: ['--version', '--help'], nothing: true },
      { minOperands: 1, unless: ['--noscript'], code: 'ruby', codeFile: 0 },
      { code: 'ruby', codeStdin: true },
    ],
  },
  {
    names: ['pry'],
    options: { short: 'fvhc:e:r:I:s:d:', long: ['exec=|e', 'require=|r', 'include=|I', 'context=|c', 'no-pager', 'no-history', 'no-color', 'select-plugin=|s', 'disable-plugin=|d', 'no-plugins',
      'plugins', 'installed-plugins', 'simple-prompt', 'noprompt', 'gem', 'version|v', 'help|h'] },
    runs: [
      { unless: ['-f'], code: 'ruby', envCodeFile: ['PRYRC'], also: true },
      { when: ['-r'], code: 'ruby', moduleOption: ['-r'], also: true },
      { when: ['-e'], code: 'ruby', codeOption: ['-e'], also: true },
      { when: ['--version', '--help'], nothing: true },
      { minOperands: 1, code: 'ruby', codeFile: 0 },
      { code: 'ruby', codeStdin: true },
    ],
  },
  {
    names: ['perl', 'perl5'],
    // -l and -0 take octal digits, read as letters here: no perl program starts with digits.
    options: { short: 'aflnpsStTuUvwWXcCd::D::e:E:F:i::I:m:M:V::x::', long: ['help', 'version'] },
    runs: [
      // perlrun(1): -d runs $PERL5DB (default `BEGIN { require "perl5db.pl" }`) to load the debugger.
      { when: ['-d'], code: 'perl', envCode: ['PERL5DB'], also: true },
      // The debugger reads its commands, each Perl, from stdin when it is no terminal (`perl -de 0 <<< 'system(…)'`).
      { when: ['-d'], code: 'perl', codeStdin: true, also: true },
      { when: ['-M', '-m'], code: 'perl', moduleOption: ['-M', '-m'], also: true },
      { when: ['-e', '-E'], code: 'perl', codeOption: ['-e', '-E'], dataOperands: 0 },
      { minOperands: 1, code: 'perl', codeFile: 0 },
      { code: 'perl', codeStdin: true },
    ],
  },
  {
    names: ['php'],
    // php_cli.c's long names: --run is -r, --define -d, --file -f, --process-* -B/-R/-E/-F.
    options: { short: 'aCehHilmnqsvwB:c:d:E:f:F:r:R:t:z:S:', long: ['help', 'version', 'ini', 'info', 'run=|r', 'define=|d', 'file=|f',
      'php-ini=|c', 'process-begin=|B', 'process-code=|R', 'process-file=|F', 'process-end=|E', 'zend-extension=|z', 'docroot=|t', 'server=|S',
      'interactive|a', 'no-php-ini|n', 'no-chdir|C', 'no-header|q', 'syntax-check|l', 'strip|w', 'hide-args|H', 'modules|m', 'syntax-highlight|s', 'rf=', 'rc=', 're=', 'rz=', 'ri='] },
    runs: [
      { when: ['-r', '-B', '-R', '-E'], code: 'php', codeOption: ['-r', '-B', '-R', '-E'] },
      { when: ['-f', '-F'], code: 'php', codeFileOption: ['-f', '-F'] },
      { minOperands: 1, code: 'php', codeFile: 0 },
      { code: 'php', codeStdin: true },
    ],
  },
  // lua(1): LUA_INIT (or LUA_INIT_5_x) is run before anything else, code or `@FILE` (-E ignores it).
  { names: ['lua', 'luajit'], options: { short: 'ivEWe:l:' }, runs: [{ unless: ['-E'], code: 'lua', envCode: ['LUA_INIT', 'LUA_INIT_5_4', 'LUA_INIT_5_3', 'LUA_INIT_5_2'], envCodeFilePrefix: '@', also: true }, { when: ['-e'], code: 'lua', codeOption: ['-e'] }, { minOperands: 1, code: 'lua', codeFile: 0 }, { code: 'lua', codeStdin: true }] },
  { names: ['Rscript'], options: { short: 'e:', long: ['verbose', 'default-packages=', 'vanilla'] }, runs: [{ when: ['-e'], code: 'r', codeOption: ['-e'] }, { minOperands: 1, code: 'r', codeFile: 0 }] },
  { names: ['R'], options: { short: 'qse:f:', long: ['vanilla', 'no-save', 'slave', 'quiet|q', 'file=|f', 'args'] }, runs: [{ when: ['-e'], code: 'r', codeOption: ['-e'] }, { when: ['-f'], code: 'r', codeFileOption: ['-f'] }, { code: 'r', codeStdin: true }] },
  // More languages with inline code: scanned as code of no particular language (run(`…`), System.cmd, os:cmd).
  { names: ['julia'], options: { short: 'e:E:L:p:t:qiO:', long: ['eval=|e', 'print=|E', 'load=|L', 'project=', 'threads=|t', 'procs=|p', 'quiet|q', 'startup-file=', 'history-file=', 'compile=', 'optimize=?'] }, runs: [{ when: ['-e', '-E'], code: 'code', codeOption: ['-e', '-E'] }, { minOperands: 1, code: 'code', codeFile: 0 }] },
  ...SCRIPT_RUNNERS,
  // Programs with a shell escape in their own language (sqlite3's .system, psql's \!, dc's !, m4's syscmd).
  // sqlite3 runs every operand after the database (SQL, or a dot-command when it starts with `.`), else stdin.
  { names: ['sqlite3', 'sqlite', 'duckdb'], options: SQLITE, runs: [{ when: ['-c', '-s', '--cmd'], code: 'sqlite', codeOption: ['-c', '-s', '--cmd'], also: true }, { when: ['--init'], code: 'sqlite', codeFileOption: ['--init'], also: true }, { minOperands: 2, code: 'sqlite', codeOperands: 1 }, { code: 'sqlite', codeStdin: true }] },
  { names: ['psql'], options: { short: 'c:f:d:h:p:U:v:AeEqtXw', long: ['command=|c', 'file=|f', 'dbname=|d', 'host=|h', 'port=|p', 'username=|U', 'set=|v', 'variable=', 'no-psqlrc|X', 'quiet|q', 'tuples-only|t', 'no-align|A'], permute: true }, runs: [{ when: ['-c'], code: 'psql', codeOption: ['-c'], also: true }, { when: ['-f'], code: 'psql', codeFileOption: ['-f'], also: true }, { code: 'psql', codeStdin: true }] },
  { names: ['mysql', 'mariadb'], options: { short: 'e:h:P:u:p::D:BNsv', long: ['execute=|e', 'host=|h', 'port=|P', 'user=|u', 'password=?|p', 'database=|D', 'batch|B', 'silent|s', 'skip-column-names|N'], permute: true }, runs: [{ when: ['-e'], code: 'mysql', codeOption: ['-e'], also: true }, { code: 'mysql', codeStdin: true }] },
  { names: ['dc'], options: { short: 'e:f:', long: ['expression=|e', 'file=|f'] }, runs: [{ when: ['-e'], code: 'dc', codeOption: ['-e'], also: true }, { when: ['-f'], code: 'dc', codeFileOption: ['-f'], also: true }, { minOperands: 1, code: 'dc', codeFile: 0 }, { code: 'dc', codeStdin: true }] },
  { names: ['m4'], options: { short: 'D:U:I:', long: ['define=|D', 'undefine=|U', 'include=|I', 'prefix-builtins|P'], permute: true }, runs: [{ minOperands: 1, code: 'm4', codeFile: 0 }, { code: 'm4', codeStdin: true }] },
  { names: ['ftp', 'sftp-batch'], options: { short: 'inpvdgc:e:', long: [] }, runs: [{ when: ['-c', '-e'], code: 'ftp', codeOption: ['-c', '-e'] }, { code: 'ftp', codeStdin: true }] },
  { names: ['fzf', 'sk'], options: { long: ['bind=', 'preview=', 'query=|q', 'filter=|f', 'height=', 'layout=', 'delimiter=|d', 'nth=|n', 'with-nth=', 'header=', 'prompt=', 'multi|m', 'ansi', 'exact|e', 'select-1|1', 'exit-0|0'], short: 'q:f:d:n:me10', permute: true }, runs: [{ when: ['--bind'], code: 'fzf', codeOption: ['--bind'], also: true }, { when: ['--preview'], shellOption: ['--preview'], also: true }, { nothing: true }] },
  { names: ['gnuplot'], options: { short: 'e:', long: ['eval=|e', 'persist|p', 'default-settings|d'] }, runs: [{ when: ['-e'], code: 'gnuplot', codeOption: ['-e'], also: true }, { when: ['-e'], code: 'code', codeOption: ['-e'] }, { minOperands: 1, code: 'gnuplot', codeFile: 0, also: true }, { minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
  { names: ['mongosh', 'mongo'], options: { long: ['eval=', 'quiet', 'nodb', 'shell', 'file=|f', 'host=', 'port=', 'username=|u', 'password=|p'] }, runs: [{ when: ['--eval'], code: 'node', codeOption: ['--eval'] }, { when: ['--file'], code: 'node', codeFileOption: ['--file'] }, { nothing: true }] },
  { names: ['jshell'], options: { long: ['class-path=', 'module-path=', 'startup=', 'no-startup', 'feedback=', 'execution='], singleDashLong: true }, runs: [{ minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
  { names: ['osascript'], options: { short: 'ile:s:' }, runs: [{ when: ['-e'], code: 'applescript', codeOption: ['-e'] }, { minOperands: 1, code: 'applescript', codeFile: 0 }, { code: 'applescript', codeStdin: true }] },
  {
    names: ['pwsh', 'powershell', 'pwsh-preview', 'powershell.exe', 'pwsh.exe'],
    // PowerShell's parameters are case-insensitive and may be shortened to any unique prefix.
    options: { long: ['command=|c', 'commandwithargs=', 'cwa=', 'file=|f', 'encodedcommand=|e', 'ec=', 'noprofile', 'nologo', 'noninteractive', 'noexit', 'executionpolicy=', 'workingdirectory=|w', 'inputformat=', 'outputformat=|o', 'version=|v', 'login|l', 'mta', 'sta', 'windowstyle='], singleDashLong: true, abbreviate: true, caseInsensitive: true },
    runs: [
      // `-Command -` reads the commands from stdin; -CommandWithArgs (-cwa) is -Command with its operands as $args.
      { when: ['--command', '--commandwithargs', '--cwa'], code: 'powershell', codeOption: ['--command', '--commandwithargs', '--cwa'], stdinValue: '-' },
      // -EncodedCommand is base64 of the code's UTF-16LE text.
      { when: ['--encodedcommand', '--ec'], code: 'powershell', codeOption: ['--encodedcommand', '--ec'], codeEncoded: 'utf16le' },
      { when: ['--file'], code: 'powershell', codeFileOption: ['--file'] },
      { minOperands: 1, code: 'powershell', codeOperand: 0 },
    ],
  },
  {
    names: ['less', 'more', 'most'],
    options: READERS.less!,
    runs: [
      { envShell: ['LESSOPEN', 'LESSCLOSE', 'LESS'], also: true, self: true },
      { code: 'less', codePlusOperands: true },
    ],
  },
  { names: ['man'], options: { short: 'adfhikKlrtwWZM:P:C:S:H::E:L:m:p:', long: ['pager=|P', 'config-file=|C', 'manpath=|M', 'sections=|S', 'html=?|H', 'encoding=|E', 'locale=|L', 'preprocessor=|p'], permute: true }, runs: [{ when: ['-P', '-H'], shellOption: ['-P', '-H'], also: true, self: true }, { envShell: ['MANPAGER', 'PAGER', 'BROWSER'], self: true }] },
  { names: ['rg', 'ripgrep', 'rga'], options: READERS.rg!, runs: [{ when: ['--pre'], scriptOrCommandOption: ['--pre'], self: true }, { nothing: true }] },
  // ugrep's --filter=EXTS:COMMAND pipes each file through COMMAND, --view names the viewer its query
  // mode starts, and --config loads a file that may hold either (`ug` always loads one, so it stays unknown).
  { names: ['ugrep'], options: READERS.ugrep!, runs: [{ when: ['--filter', '--view', '--config'], interpreterEvent: 'runs the commands its --filter, --view or config file name', self: true }, { nothing: true }] },
  {
    names: ['gh'],
    subcommands: {
      alias: { options: { long: ['shell|s', 'clobber'], short: 's', permute: true }, runs: [{ whenOperand: { index: 0, is: ['set', 'import'] }, ghAlias: true }] },
    },
    runs: [],
  },
  // exiftool's -if condition is Perl code.
  { names: ['exiftool'], options: { long: ['if=', 'p=', 'api=', 'userparam=', 'config=', 'tagsfromfile=', 'execute', 'common_args', 'overwrite_original', 'recurse|r', 'ext=', 'o='], singleDashLong: true, permute: true, caseInsensitive: true }, runs: [{ when: ['--if'], code: 'perl', codeOption: ['--if'], self: true, also: true }, { nothing: true }] },
  { names: ['ed', 'red'], options: { short: 'EGlrsp:' }, runs: [{ code: 'ed', codeStdin: true, self: true }] },
  // raku's shell/run/qx; Miller's DSL (put, filter) has system() and exec(); Perl rename's expression is Perl.
  { names: ['raku', 'perl6', 'rakudo'], options: { short: 'cnpvhe:I:M:', long: ['doc=?', 'help|h', 'version|v', 'stagestats', 'll-exception'] }, runs: [{ when: ['-e'], code: 'code', codeOption: ['-e'], dataOperands: 0 }, { when: ['-c'], nothing: true }, { minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
  { names: ['mlr', 'miller'], options: { short: 'nI', long: ['from=', 'load=', 'mload=', 'ifs=', 'ofs=', 'ips=', 'ops=', 'irs=', 'ors=', 'fs=', 'ps=', 'rs=', 'nr-progress-mod=', 'records-per-batch=', 'tz='], permute: true }, runs: [{ code: 'code', codeOperands: 0, self: true }] },
  { names: ['rename', 'prename', 'file-rename', 'perl-rename'], options: { short: 'vn0fdl:e:E:', long: ['verbose|v', 'nono|n', 'force|f', 'filename', 'path', 'fullpath', 'help', 'version', 'null|0'], permute: true }, runs: [{ when: ['-e', '-E'], code: 'perl', codeOption: ['-e', '-E'], self: true }, { minOperands: 1, code: 'perl', codeOperand: 0, self: true }, { nothing: true }] },
  // google/zx: JavaScript whose $`…` templates are shell commands (spawn-calls.ts TAG_RUNS); --prefix/--postfix go round every one.
  {
    names: ['zx'],
    options: { short: 'hvile:', long: ['quiet', 'verbose', 'shell=', 'prefix=', 'postfix=', 'eval=|e', 'install|i', 'registry=', 'repl', 'version|v', 'help|h', 'experimental', 'cwd=', 'ext=', 'env=', 'prefer-local|l'] },
    runs: [
      { when: ['--prefix', '--postfix'], shellOption: ['--prefix', '--postfix'], also: true },
      { when: ['--eval'], code: 'node', codeOption: ['--eval'] },
      { when: ['--version', '--help'], nothing: true },
      { whenOperandMatches: { index: 0, pattern: '^https?://' }, interpreterEvent: 'runs a script it downloads' },
      { whenOperand: { index: 0, is: ['-'] }, code: 'node', codeStdin: true },
      { minOperands: 1, code: 'node', codeFile: 0 },
      { code: 'node', codeStdin: true },
    ],
  },
  // Haskell: ghc -e and ghci evaluate expressions and ghci commands (`:! CMD` is a shell command); runghc runs a file.
  { names: ['ghc'], options: GHC, runs: [{ when: ['-e'], code: 'ghci', codeOption: ['-e'] }, { when: ['--interactive'], code: 'ghci', codeStdin: true }, { nothing: true }] },
  { names: ['ghci'], options: GHC, runs: [{ when: ['-ghci-script'], code: 'ghci', codeFileOption: ['-ghci-script'], also: true }, { minOperands: 1, code: 'code', codeFile: 0, also: true }, { code: 'ghci', codeStdin: true }] },
  { names: ['runghc', 'runhaskell'], options: { short: 'f:', long: ['ghc-arg=', 'help', 'version'] }, runs: [{ minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
  // IPython runs `!cmd` lines in the shell, and the rest as Python.
  { names: ['ipython', 'ipython3'], options: { short: 'c:m:i', long: ['no-banner', 'profile=', 'ipython-dir=', 'quick', 'classic', 'simple-prompt', 'no-confirm-exit', 'InteractiveShellApp.exec_lines='], ends: 'cm' }, runs: [{ when: ['-c'], code: 'ipython', codeOption: ['-c'], dataOperands: 0 }, { when: ['-m'], code: 'python', moduleOption: ['-m'] }, { minOperands: 1, code: 'ipython', codeFile: 0 }, { code: 'ipython', codeStdin: true }] },
  // rails runner evaluates Ruby code or runs a Ruby file, in the application.
  { names: ['rails'], subcommandAliases: { r: 'runner' }, subcommands: { runner: { options: { short: 'e:h', long: ['environment=|e', 'skip-executor', 'help|h'] }, runs: [{ whenOperandMatches: { index: 0, pattern: '\\.rb$' }, code: 'ruby', codeFile: 0 }, { minOperands: 1, code: 'ruby', codeOperand: 0, dataOperands: 1 }] } }, runs: [{ nothing: true }] },
  { names: ['tclsh', 'wish'], runs: [{ minOperands: 1, code: 'tcl', codeFile: 0 }, { code: 'tcl', codeStdin: true }] },
  {
    names: ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'],
    options: AWK,
    runs: [
      { when: ['-f', '-E'], code: 'awk', codeFileOption: ['-f', '-E'], also: true },
      { when: ['-e'], code: 'awk', codeOption: ['-e'] },
      { when: ['-f', '-E'], nothing: true },
      { minOperands: 1, code: 'awk', codeOperand: 0, dataOptions: ['-v'], dataOperands: 1 },
    ],
  },
  {
    names: ['sed', 'gsed'],
    options: { short: 'nrEsuzl:e:f:i::', long: ['quiet|n', 'silent', 'expression=|e', 'file=|f', 'in-place=?|i', 'line-length=|l', 'null-data|z', 'zero-terminated', 'regexp-extended|r', 'separate|s', 'sandbox', 'unbuffered|u', 'debug', 'posix', 'follow-symlinks', 'help', 'version'], permute: true, abbreviate: true },
    runs: [
      { when: ['-e'], code: 'sed', codeOption: ['-e'], self: true, also: true },
      { when: ['-f'], code: 'sed', codeFileOption: ['-f'], self: true },
      { when: ['-e'], nothing: true },
      { minOperands: 1, code: 'sed', codeOperand: 0, self: true },
      { nothing: true },
    ],
  },
  {
    names: ['vim', 'vi', 'ex', 'view', 'vimdiff', 'gvim', 'rvim'],
    options: { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd=', 'clean', 'noplugin', 'headless', 'help', 'version', 'startuptime=', 'not-a-term', 'ttyfail', 'listen=', 'remote=', 'remote-send=', 'remote-expr=', 'embed'], permute: true },
    runs: VIM_RUNS,
  },
  // Neovim's -l runs a Lua script (the words after it are the script's arguments).
  {
    names: ['nvim'],
    options: { short: 'AbCdDeEhHLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:l:', long: ['cmd=', 'clean', 'noplugin', 'headless', 'help', 'version', 'startuptime=', 'not-a-term', 'ttyfail', 'listen=', 'remote=', 'remote-send=', 'remote-expr=', 'embed', 'api-info'], permute: true, ends: 'l' },
    runs: [{ when: ['-l'], code: 'lua', codeFileOption: ['-l'], also: true }, ...VIM_RUNS],
  },
  {
    names: ['emacs', 'emacsclient'],
    options: { short: 'nqQl:f:e:', long: ['batch', 'script=', 'eval=', 'load=|l', 'funcall=|f', 'execute=', 'quick|Q', 'no-init-file|q', 'no-site-file', 'no-splash', 'nw', 'help', 'version'], singleDashLong: true, permute: true },
    runs: [
      { when: ['--eval', '--execute', '-e'], code: 'lisp', codeOption: ['--eval', '--execute', '-e'], self: true, also: true },
      { when: ['--script', '-l', '--load'], code: 'lisp', codeFileOption: ['--script', '-l', '--load'], self: true },
      { nothing: true },
    ],
  },
];

/**
 * Modules that run what their arguments name (`python -m cProfile FILE`, `-m pdb FILE`, `-m unittest
 * NAME`, `-m pytest`, `-m timeit STMT`): rows read as the program `python -m NAME` (expand/modules.ts).
 */
export const PYTHON_MODULES: readonly Runner[] = [
  { names: ['cProfile', 'profile'], options: { short: 'o:s:m:', ends: 'm' }, runs: [{ when: ['-m'], code: 'python', moduleOption: ['-m'] }, { minOperands: 1, code: 'python', codeFile: 0 }, { nothing: true }] },
  // pdb's -c commands that are not pdb's own run as Python statements.
  { names: ['pdb'], options: { short: 'c:m:h', long: ['command=|c', 'help|h'], ends: 'm' }, runs: [{ when: ['-c'], code: 'python', codeOption: ['-c'], also: true }, { when: ['-m'], code: 'python', moduleOption: ['-m'] }, { minOperands: 1, code: 'python', codeFile: 0 }, { nothing: true }] },
  { names: ['trace'], options: { short: 'cltTrsgmC:f:R', long: ['count|c', 'trace|t', 'listfuncs|l', 'trackcalls|T', 'report|r', 'summary|s', 'missing|m', 'timing|g', 'coverdir=|C', 'file=|f', 'no-report|R', 'ignore-module=', 'ignore-dir=', 'module', 'help', 'version'] }, runs: [{ when: ['--module'], code: 'python', moduleOperands: 0 }, { minOperands: 1, code: 'python', codeFile: 0 }, { nothing: true }] },
  { names: ['timeit'], options: { short: 'n:r:s:u:pvh', long: ['number=|n', 'repeat=|r', 'setup=|s', 'unit=|u', 'process|p', 'verbose|v', 'help|h'] }, runs: [{ when: ['-s'], code: 'python', codeOption: ['-s'], also: true }, { code: 'python', codeOperands: 0 }] },
  // The standard library's REPLs (python -m asyncio, python -m code) run each line they read from stdin.
  { names: ['asyncio', 'code'], options: { short: 'q' }, runs: [{ code: 'python', codeStdin: true }] },
  { names: ['doctest'], options: { short: 'vo:f', long: ['verbose|v', 'option=|o', 'fail-fast|f'], permute: true }, runs: [{ code: 'python', moduleOperands: 0 }] },
  {
    names: ['unittest'],
    options: { short: 'vqfcbk:', long: ['verbose|v', 'quiet|q', 'failfast|f', 'catch|c', 'buffer|b', 'locals', 'durations='], permute: true },
    subcommands: { discover: { options: { short: 'vqfcbks:p:t:', long: ['start-directory=|s', 'pattern=|p', 'top-level-directory=|t', 'verbose|v', 'quiet|q', 'failfast|f', 'catch|c', 'buffer|b', 'locals', 'durations='], permute: true }, runs: [{ tests: 'unittest' }] } },
    // Names (`tests.test_api`, files) or discovery from the working directory: the tests row reads both (expand/tests.ts).
    runs: [{ tests: 'unittest' }],
  },
  { names: ['pytest', 'py.test'], options: PYTEST, runs: [{ tests: 'pytest' }] },
  { names: ['IPython'], options: { short: 'c:m:i', ends: 'cm' }, runs: [{ when: ['-c'], code: 'ipython', codeOption: ['-c'], dataOperands: 0 }, { minOperands: 1, code: 'ipython', codeFile: 0 }, { code: 'ipython', codeStdin: true }] },
];

/** Modules that are a program read by a family of its own (`python -m nox` is nox, `python -m fabric` is fab, `python -m pip` is pip). */
export const MODULE_PROGRAMS: Readonly<Record<string, string>> = { nox: 'nox', invoke: 'invoke', fabric: 'fab', doit: 'doit', tox: 'tox', pip: 'pip', uvicorn: 'uvicorn', gunicorn: 'gunicorn', hypercorn: 'hypercorn', flask: 'flask', pylint: 'pylint', mypy: 'mypy', flake8: 'flake8' };

/** GNU tar's options (bsdtar reads the same that matter here). */
export const TAR: OptionGrammar = {
  short: 'AcdrtuxzjJZaBhiklmnopPsSUvwWb:C:f:F:g:H:I:K:L:N:T:V:X:',
  long: ['to-command=', 'checkpoint-action=', 'use-compress-program=|I', 'info-script=|F', 'new-volume-script=', 'rsh-command=',
    'file=|f', 'directory=|C', 'files-from=|T', 'force-local', 'multi-volume|M', 'rmt-command=', 'exclude-from=|X', 'exclude=', 'transform=', 'xform=', 'checkpoint=?',
    'create|c', 'extract|x', 'get', 'list|t', 'append|r', 'update|u', 'gzip|z', 'bzip2|j', 'xz|J', 'zstd', 'verbose|v',
    'owner=', 'group=', 'mode=', 'mtime=', 'format=|H', 'label=|V', 'blocking-factor=|b', 'strip-components=',
    'wildcards', 'overwrite', 'keep-old-files|k', 'auto-compress|a', 'to-stdout|O', 'force-local', 'one-file-system',
    'index-file=', 'delete', 'catenate|A', 'concatenate|A'],
  permute: true, abbreviate: true, oldStyle: true,
};

// ------------------------------------------------------------------ tools with command hooks
export const HOOKED_TOOLS: readonly Runner[] = [
  { names: ['find', 'gfind', 'bfs'], options: READERS.find!, runs: [{ embedded: { from: ['-exec', '-execdir', '-ok', '-okdir'], to: [';', '+'], placeholder: '{}' }, self: true }] },
  ...TOOL_RUNNERS,
  {
    names: ['tar', 'gtar', 'bsdtar'],
    options: TAR,
    runs: [
      { when: ['--to-command'], shellOption: ['--to-command'], self: true, also: true, label: 'tar --to-command' },
      { when: ['--checkpoint-action'], shellOption: ['--checkpoint-action'], valuePrefix: 'exec=', self: true, also: true, label: 'tar --checkpoint-action' },
      { when: ['-I'], shellOption: ['-I'], self: true, also: true, label: 'tar --use-compress-program' },
      { when: ['-F', '--new-volume-script'], shellOption: ['-F', '--new-volume-script'], self: true, also: true, label: 'tar --info-script' },
      { when: ['--rsh-command'], shellOption: ['--rsh-command'], self: true, also: true },
      { nothing: true },
    ],
  },
  {
    names: ['zip'],
    options: { short: 'AcdDeFfgjJklLmoqrRSTuvwXyz0123456789b:n:P:t:x:i:', long: ['TT=', 'unzip-command=', 'test', 'recurse-paths', 'quiet', 'password='], singleDashLong: true, permute: true },
    runs: [{ when: ['-TT', '--TT', '--unzip-command'], shellOption: ['-TT', '--TT', '--unzip-command'], self: true, also: true, label: 'zip -TT' }, { nothing: true }],
  },
];

