// Build and CI tools that reach the local container engine themselves, or run code and commands from
// the project's files. Data only; expand/project-tools.ts reads it.
import type { OptionGrammar } from '../getopt.js';
import type { CodeLanguage } from './types.js';
import { MORE_CONFIG_MODULES, node, SETTINGS_TOOLS, TOOL_REFS } from './config-refs.js';
import { SITE_TOOLS } from './site-tools.js';

/**
 * A tool that drives the local Docker engine without the docker CLI: what it does is judged as the
 * docker command it stands for, except with an option or subcommand that only reads or prints.
 */
export interface EngineTool {
  readonly options: OptionGrammar;
  /** Options with which nothing reaches the engine (list, print, validate only). */
  readonly looks: readonly string[];
  /** Subcommands that reach nothing, and the docker command each other one stands for; `*`: any other. */
  readonly subcommands?: Readonly<Record<string, string | null>>;
  /** The docker command the tool stands for when it has no subcommands. */
  readonly stands?: string;
  /** Image references whose transport is an engine's store (EngineTransport), and what each use of one stands for. */
  readonly transports?: Readonly<Record<string, EngineTransport>>;
  readonly why: string;
}

/**
 * An image transport that reaches an engine's image store (skopeo's `docker-daemon:` is the Docker
 * engine's API, `containers-storage:` podman's and buildah's store): the reference written stands for
 * `PROGRAM pull` (the image put into the engine), one removed for `rmi`, one read for `image inspect`; with the engine named by an option.
 */
export interface EngineTransport {
  readonly program: string;
  /** The options naming the engine for the reference written, and for one read. */
  readonly writeHost?: readonly string[];
  readonly readHost?: readonly string[];
}

/** What a reference of an engine transport stands for, by what the subcommand does with it. */
export const TRANSPORT_USE = { write: 'pull', remove: 'rmi', read: 'image inspect' } as const;
/** Subcommands that write their last reference (`copy SRC DEST`) and that remove theirs (`delete REF`); others read. */
export const TRANSPORT_WRITES: Readonly<Record<string, 'last' | 'all'>> = { copy: 'last', delete: 'all' };

export const ENGINE_TOOLS: Readonly<Record<string, EngineTool>> = {
  // nektos/act runs a GitHub workflow's jobs in containers of the local engine (and mounts its socket into them).
  act: {
    options: { short: 'lgnvqjbrWs:e:P:C:a:W:', long: ['list|l', 'graph|g', 'dryrun|n', 'version', 'help|h', 'bug-report', 'man-page', 'list-options', 'job=|j', 'workflows=|W', 'eventpath=|e', 'platform=|P', 'directory=|C', 'actor=|a', 'secret=|s', 'var=', 'env=', 'input=', 'container-architecture=', 'container-daemon-socket=', 'bind|b', 'reuse|r', 'verbose|v', 'quiet|q'], permute: true },
    looks: ['--list', '--graph', '--dryrun', '--version', '--help', '--bug-report', '--man-page', '--list-options'],
    stands: 'docker run',
    why: 'act runs the workflow\'s jobs in containers of the local engine',
  },
  // skopeo(1): copies, inspects and deletes images between transports; docker-daemon: is the local (or
  // --*-daemon-host) engine, containers-storage: podman's store. Registry to registry (docker://) and files
  // (oci:, dir:, docker-archive:) are no engine: a pushed image still deploys only by a compose change.
  skopeo: {
    options: {
      short: 'hvaqnf:',
      long: ['help|h', 'version|v', 'debug', 'insecure-policy', 'command-timeout=', 'override-arch=', 'override-os=', 'override-variant=',
        'policy=', 'registries.d=', 'registries-conf=', 'tmpdir=', 'src-daemon-host=', 'dest-daemon-host=', 'daemon-host=', 'src-creds=',
        'dest-creds=', 'creds=', 'authfile=', 'src-authfile=', 'dest-authfile=', 'format=|f', 'additional-tag=', 'dest-compress-format=',
        'dest-compress-level=', 'dest-shared-blob-dir=', 'dest-cert-dir=', 'dest-registry-token=', 'dest-username=', 'dest-password=',
        'src-shared-blob-dir=', 'src-cert-dir=', 'src-registry-token=', 'src-username=', 'src-password=', 'cert-dir=', 'registry-token=',
        'username=', 'password=', 'shared-blob-dir=', 'digestfile=', 'encrypt-layer=', 'encryption-key=', 'decryption-key=',
        'image-parallel-copies=', 'multi-arch=', 'retry-times=', 'retry-delay=', 'sign-by=', 'sign-by-sigstore=',
        'sign-by-sigstore-private-key=', 'sign-by-sq-fingerprint=', 'sign-passphrase-file=', 'sign-identity=', 'config=', 'src=', 'dest=',
        'append-suffix=', 'tls-verify=?', 'src-tls-verify=?', 'dest-tls-verify=?', 'all|a', 'quiet|q', 'remove-signatures',
        'preserve-digests', 'dest-compress', 'dest-decompress', 'dest-oci-accept-uncompressed-layers', 'dest-precompute-digests',
        'src-no-creds', 'dest-no-creds', 'no-creds', 'raw', 'no-tags|n', 'dry-run', 'keep-going', 'scoped'],
      permute: true,
    },
    looks: ['--help', '--version'],
    transports: {
      'docker-daemon:': { program: 'docker', writeHost: ['--dest-daemon-host'], readHost: ['--src-daemon-host', '--daemon-host'] },
      'containers-storage:': { program: 'podman' },
    },
    why: 'skopeo reaches the engine\'s images through its transport',
  },
  // The Dev Containers CLI: up creates and starts the container (and runs its lifecycle commands in it).
  devcontainer: {
    options: { long: ['workspace-folder=', 'config=', 'docker-path=', 'docker-compose-path=', 'id-label=', 'log-level=', 'log-format=', 'remote-env=', 'mount=', 'help|h', 'version'], permute: true },
    looks: ['--help', '--version'],
    subcommands: {
      'read-configuration': null, outdated: null, upgrade: null, templates: null, features: null,
      up: 'docker run', build: 'docker build', exec: 'docker exec', 'run-user-commands': 'docker exec', 'set-up': 'docker exec',
      '*': 'docker run',
    },
    why: 'devcontainer creates and runs containers on the local engine',
  },
};

/** Files a tool loads as code of the project's language (its configuration is a module that runs). */
export interface ConfigModule {
  readonly options: OptionGrammar;
  /** Looked for in the working directory and its parents, first found wins. */
  readonly files: readonly string[];
  /** The option naming another file, and options after which none is loaded. */
  readonly fileOption: readonly string[];
  readonly noFile: readonly string[];
  /** The environment variable naming the file (BUNDLE_GEMFILE). */
  readonly fileEnv?: string;
  /** Only with one of these subcommands (first operand); any when absent. */
  readonly subcommands?: readonly string[];
  /**
   * Only with one of these options (`rollup -c`: no config file is loaded without it); a first
   * operand matching `file` is then the file's name (`rollup -c other.config.mjs`).
   */
  readonly needs?: { readonly options: readonly string[]; readonly file?: string };
  /** The options naming the directory the file is looked for in (`scons -C DIR`, `pnpm --dir DIR`). */
  readonly dirOption?: readonly string[];
  /** The file is looked for in this operand's directory (`sphinx-build SOURCEDIR OUTDIR`: conf.py), not up from the working directory. */
  readonly dirOperand?: number;
  /**
   * Files named inside the configuration that are loaded as code too: the YAML list under this key,
   * each entry relative to the configuration's directory (mkdocs.yml's `hooks:`, Python modules).
   */
  readonly hooks?: { readonly key: string; readonly language: CodeLanguage };
  /** The operand after the subcommand, when there is one, names the file (`karma start karma.ci.js`). */
  readonly subcommandFile?: boolean;
  /** Options whose value is code of the language, run beside the file (`latexmk -e CODE`). */
  readonly codeOption?: readonly string[];
  /** After the file, the command goes on to the other families (`bundle exec`, `pnpm install`, `vagrant ssh -c`). */
  readonly goesOn?: true;
  /** Data files (and the configuration module's own text) whose values name what the tool loads or runs (config-refs.ts). */
  readonly refs?: readonly ConfigRef[];
  /** The file's language; null: it is no code itself (mkdocs.yml), only what it names is. */
  readonly language: CodeLanguage | null;
}

/**
 * A file of settings whose values name what the tool loads or runs: a local module (package.json
 * `jest.globalSetup`, .babelrc `plugins`, mypy.ini `plugins`), code (.pylintrc `init-hook`) or a
 * command line. Looked for as `files` are, each name's nearest; all found are read.
 */
export interface ConfigRef {
  /**
   * Its names; `@config`: the configuration module the tool loads (its text searched for `keys`: `globalSetup: './gs.ts'`);
   * `@operands`: the files named after the subcommand (a notebook run); a name with `*`: the files it matches in the working directory.
   */
  readonly files: readonly string[];
  /**
   * JSON (else YAML), TOML, INI (`section.key`, sections in any case), an options file (`--require X`), a module's text, XML
   * (`keys`: attributes), a notebook's code cells (.ipynb, or a .qmd's ```{python} chunks: `language`), or the file itself as code.
   */
  readonly format: 'data' | 'toml' | 'ini' | 'args' | 'code' | 'xml' | 'notebook' | 'self';
  /** Dotted paths to the values (`jest.setupFiles`; `*` any key; a list's items each); for `args`, the options. */
  readonly keys: readonly string[];
  /** A path of code (relative to the file's directory; a bare name is an installed package), code, a module name, a command line, or a glob (kept whole). */
  readonly value: 'file' | 'code' | 'module' | 'command' | 'glob';
  /** The part of each value that is the name, its first group (flake8's `X = localplug:Checker`: the module). */
  readonly pattern?: string;
  /** Only with this subcommand, and then only with one of `options` when given (`jupyter nbconvert --execute`). */
  readonly sub?: string;
  readonly options?: readonly string[];
  /** A value is a table of a program and its arguments under these keys (Trunk.toml's hooks: `command`, `command_arguments`). */
  readonly argv?: readonly [string, string];
  /** A list value is one command line's words (buf.gen.yaml's `local: [docker, compose, up]`), not several values. */
  readonly words?: true;
  /** The language of the code, the file or the module (default: the tool's, else node). */
  readonly language?: CodeLanguage;
}

const CONFIG_ROWS: Readonly<Record<string, ConfigModule>> = {
  // eslint(1) loads its flat config (or an .eslintrc.js) as a module: every lint runs it.
  eslint: {
    options: { short: 'hvc:f:o:', long: ['config=|c', 'format=|f', 'output-file=|o', 'no-config-lookup', 'no-eslintrc', 'version|v', 'help|h', 'env-info', 'init', 'fix', 'cache', 'ext=', 'rule=', 'plugin=', 'parser=', 'ignore-pattern=', 'max-warnings=', 'resolve-plugins-relative-to=', 'rulesdir='], permute: true },
    files: ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts', '.eslintrc.js', '.eslintrc.cjs'],
    fileOption: ['-c'], noFile: ['--version', '--help', '--env-info', '--no-config-lookup', '--no-eslintrc'],
    language: 'node',
  },
  // Bundler evaluates the Gemfile as Ruby for every command that resolves the bundle.
  bundle: {
    options: { short: 'hvVr', long: ['gemfile=', 'version|v', 'help|h', 'verbose|V', 'retry=|r', 'no-color', 'jobs=', 'path=', 'without=', 'with=', 'deployment', 'frozen', 'local', 'quiet'], permute: true },
    files: ['Gemfile', 'gems.rb'], fileOption: ['--gemfile'], noFile: ['--version', '--help'], fileEnv: 'BUNDLE_GEMFILE', goesOn: true,
    subcommands: ['install', 'i', 'update', 'exec', 'e', 'check', 'list', 'ls', 'lock', 'outdated', 'show', 'info', 'binstubs', 'cache', 'package', 'pack', 'clean', 'console', 'open', 'platform', 'viz', 'doctor', 'pristine', 'add', 'remove', 'install'],
    language: 'ruby',
  },
  // pnpm loads .pnpmfile.cjs (its hooks) whenever it resolves dependencies.
  pnpm: {
    options: { short: 'rwC:F:', long: ['pnpmfile=', 'global-pnpmfile=', 'ignore-pnpmfile', 'dir=|C', 'filter=|F', 'recursive|r', 'workspace-root|w', 'version', 'help'], permute: true },
    files: ['.pnpmfile.cjs'], fileOption: ['--pnpmfile'], noFile: ['--ignore-pnpmfile', '--version', '--help'], dirOption: ['-C'], goesOn: true,
    subcommands: ['install', 'i', 'add', 'update', 'up', 'upgrade', 'remove', 'rm', 'uninstall', 'un', 'dedupe', 'import', 'fetch', 'link', 'ln', 'unlink', 'prune', 'rebuild', 'rb', 'install-test', 'it', 'outdated', 'why', 'list', 'ls'],
    language: 'node',
  },
  // Test runners, bundlers and dev servers that load their configuration as a module (each documents
  // it: jest.config.js, vitest.config.ts, .mocharc.js, webpack.config.js, vite.config.js, rollup.config.js).
  jest: {
    options: { short: 'hvuwiobc:t:', long: ['config=|c', 'version|v', 'help|h', 'showConfig', 'listTests', 'ci', 'coverage', 'watch', 'watchAll', 'runInBand|i', 'updateSnapshot|u', 'testNamePattern=|t', 'rootDir=', 'roots=', 'projects=', 'reporters=', 'selectProjects=', 'testPathPattern=', 'maxWorkers=|w', 'silent', 'verbose', 'bail=?|b', 'json', 'outputFile=', 'passWithNoTests', 'onlyChanged|o', 'clearCache', 'testTimeout=', 'testEnvironment=', 'setupFiles=', 'setupFilesAfterEnv='], permute: true },
    files: ['jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.mts', 'jest.config.cts'],
    fileOption: ['-c'], noFile: ['--version', '--help'], dirOption: ['--rootDir'],
    language: 'node',
  },
  vitest: {
    options: { short: 'hvwur:c:t:', long: ['config=|c', 'root=|r', 'dir=', 'version|v', 'help|h', 'watch|w', 'run', 'update|u', 'testNamePattern=|t', 'reporter=', 'coverage', 'globals', 'environment=', 'pool=', 'project=', 'workspace=', 'silent', 'passWithNoTests', 'outputFile=', 'mode=', 'bail=', 'retry=', 'shard=', 'changed=?', 'standalone', 'typecheck', 'ui', 'open', 'api=?', 'no-watch'], permute: true },
    files: ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.cts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.config.cjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.cts', 'vite.config.js', 'vite.config.mjs', 'vite.config.cjs'],
    fileOption: ['-c'], noFile: ['--version', '--help'], dirOption: ['-r'],
    language: 'node',
  },
  mocha: {
    options: { short: 'hVbcwRrj:f:g:s:t:u:', long: ['config=', 'no-config', 'version|V', 'help|h', 'package=', 'require=|r', 'reporter=|R', 'reporter-option=', 'grep=|g', 'fgrep=|f', 'invert', 'timeout=|t', 'slow=|s', 'ui=|u', 'bail|b', 'watch|w', 'recursive', 'extension=', 'spec=', 'parallel', 'jobs=|j', 'exit', 'color|c', 'file=', 'ignore=', 'forbid-only', 'forbid-pending', 'full-trace', 'inline-diffs', 'sort', 'dry-run', 'list-interfaces', 'list-reporters'], permute: true },
    files: ['.mocharc.js', '.mocharc.cjs'],
    fileOption: ['--config'], noFile: ['--version', '--help', '--no-config', '--list-interfaces', '--list-reporters'],
    language: 'node',
  },
  webpack: {
    options: { short: 'hvwdc:o:m:e:', long: ['config=|c', 'config-name=', 'merge', 'env=', 'node-env=', 'mode=|m', 'entry=|e', 'output-path=|o', 'watch|w', 'devtool=|d', 'name=', 'stats=', 'analyze', 'progress', 'json=?', 'version|v', 'help|h', 'port=', 'host=', 'open', 'hot', 'disable-interpret', 'fail-on-warnings'], permute: true },
    files: ['webpack.config.js', 'webpack.config.mjs', 'webpack.config.cjs', 'webpack.config.ts', 'webpackfile.js'],
    fileOption: ['-c'], noFile: ['--version', '--help'],
    language: 'node',
  },
  vite: {
    options: { short: 'hvdfmlc:', long: ['config=|c', 'base=', 'mode=|m', 'logLevel=|l', 'clearScreen', 'configLoader=', 'debug=?|d', 'filter=|f', 'host=', 'port=', 'open=?', 'cors', 'strictPort', 'force', 'outDir=', 'assetsDir=', 'sourcemap=?', 'minify=?', 'manifest=?', 'ssr=?', 'emptyOutDir', 'watch|w', 'target=', 'version|v', 'help|h'], permute: true },
    files: ['vite.config.js', 'vite.config.mjs', 'vite.config.cjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.cts'],
    fileOption: ['-c'], noFile: ['--version', '--help'],
    language: 'node',
  },
  // rollup loads rollup.config.* only with -c/--config (`rollup -c`, `rollup -c other.config.js`); without it the operands are the entries it bundles.
  rollup: {
    options: { short: 'hvwmcf:i:o:n:p:e:g:d:', long: ['config|c', 'configPlugin=', 'bundleConfigAsCjs', 'environment=', 'format=|f', 'input=|i', 'file=|o', 'name=|n', 'plugin=|p', 'external=|e', 'globals=|g', 'dir=|d', 'watch|w', 'sourcemap|m', 'silent', 'version|v', 'help|h'], permute: true },
    files: ['rollup.config.js', 'rollup.config.mjs', 'rollup.config.cjs', 'rollup.config.ts', 'rollup.config.mts', 'rollup.config.cts'],
    fileOption: [], noFile: ['--version', '--help'], needs: { options: ['-c'], file: '\\.[cm]?[jt]s$' },
    language: 'node',
  },
  // sphinx-build executes SOURCEDIR/conf.py (or -c CONFDIR's) as Python; mkdocs imports the modules under mkdocs.yml's `hooks:`.
  'sphinx-build': {
    options: { short: 'aEWTvqQNPnhb:M:d:j:c:C:D:t:A:w:', long: ['builder=|b', 'doctree-dir=|d', 'jobs=|j', 'conf-dir=|c', 'isolated|C', 'define=|D', 'html-define=|A', 'tag=|t', 'nitpicky|n', 'warning-file=|w', 'fail-on-warning|W', 'keep-going', 'fresh-env|E', 'write-all|a', 'verbose|v', 'quiet|q', 'silent|Q', 'color', 'no-color|N', 'pdb|P', 'help|h', 'version'], permute: true },
    files: ['conf.py'], fileOption: [], noFile: ['--version', '--help', '-C'], dirOption: ['-c'], dirOperand: 0,
    language: 'python',
  },
  mkdocs: {
    options: { short: 'hVvqf:a:t:d:', long: ['config-file=|f', 'dev-addr=|a', 'theme=|t', 'site-dir=|d', 'strict|s', 'clean|c', 'dirty', 'livereload', 'no-livereload', 'watch=|w', 'watch-theme', 'open|o', 'force', 'remote-branch=|b', 'remote-name=|r', 'message=|m', 'verbose|v', 'quiet|q', 'version|V', 'help|h'], permute: true },
    files: ['mkdocs.yml', 'mkdocs.yaml'], fileOption: ['-f'], noFile: ['--version', '--help'],
    subcommands: ['build', 'serve', 'gh-deploy', 'get-deps'],
    hooks: { key: 'hooks', language: 'python' }, language: null,
  },
  // latexmk runs latexmkrc (or .latexmkrc, or -r FILE's) as Perl; SCons runs the SConstruct as Python.
  latexmk: {
    options: { short: 'cCfgqvr:e:', long: ['norc', 'help', 'version', 'commands', 'pdf', 'dvi', 'ps', 'xelatex', 'lualatex', 'pvc', 'pv', 'silent', 'quiet', 'outdir=', 'auxdir=', 'jobname=', 'interaction=', 'shell-escape', 'halt-on-error', 'gg', 'time', 'view=', 'bibtex', 'nobibtex'], singleDashLong: true, permute: true },
    files: ['latexmkrc', '.latexmkrc'], fileOption: ['-r'], noFile: ['--help', '--version', '--commands'], codeOption: ['-e'],
    language: 'perl',
  },
  scons: {
    options: { short: 'cDhHiknqQsSuUvj:C:f:I:Y:', long: ['file=|f', 'makefile=', 'sconstruct=', 'directory=|C', 'help|h', 'help-options|H', 'version|v', 'jobs=|j', 'keep-going|k', 'dry-run|n', 'just-print', 'no-exec', 'recon', 'question|q', 'silent|s', 'quiet', 'clean|c', 'include-dir=|I', 'repository=|Y', 'site-dir=', 'no-site-dir', 'debug=', 'tree=', 'implicit-cache', 'up|u', 'search-up'], permute: true },
    files: ['SConstruct', 'Sconstruct', 'sconstruct', 'SConstruct.py', 'Sconstruct.py', 'sconstruct.py'],
    fileOption: ['-f', '--makefile', '--sconstruct'], noFile: ['--version', '-H'], dirOption: ['-C'],
    language: 'python',
  },
  // Ant runs build.xml's <exec> tasks (command-files.ts reads them); terraform runs the local-exec
  // provisioners and external data programs of the directory's .tf files (apply, plan and those that read state).
  ant: {
    options: { short: 'hpvqdkSsf:D:l:', long: ['buildfile=', 'file=', 'help', 'projecthelp', 'version', 'diagnostics', 'quiet', 'verbose', 'debug', 'emacs', 'lib=', 'logfile=', 'logger=', 'listener=', 'noinput', 'keep-going', 'propertyfile=', 'inputhandler=', 'find=', 'nice=', 'nouserlib', 'noclasspath', 'autoproxy', 'main='], singleDashLong: true, permute: true },
    files: ['build.xml'], fileOption: ['-f', '--file', '--buildfile'], noFile: ['--help', '--version', '--diagnostics', '--projecthelp', '-p'],
    language: 'ant-build',
  },
  // Vagrant loads the Vagrantfile (Ruby) for every command about the project's machines (and up/provision run its provisioners).
  vagrant: {
    options: { short: 'hvf', long: ['help|h', 'version|v', 'force|f', 'provision', 'no-provision', 'provision-with=', 'provider=', 'parallel', 'destroy-on-error', 'install-provider', 'color', 'no-color', 'machine-readable', 'debug', 'timestamp', 'debug-timestamp', 'no-tty'], permute: true },
    files: ['Vagrantfile', 'vagrantfile'], fileOption: [], noFile: ['--help', '--version'], fileEnv: 'VAGRANT_VAGRANTFILE',
    goesOn: true, subcommands: ['up', 'provision', 'reload', 'halt', 'destroy', 'ssh', 'status', 'resume', 'suspend', 'validate', 'port', 'rsync', 'rsync-auto', 'snapshot', 'ssh-config', 'upload', 'winrm', 'powershell', 'rdp', 'package', 'cloud'],
    language: 'ruby',
  },
  // More Node tools whose configuration is a module they load (each tool's docs: "configuration file"):
  // test runners (karma, cypress, playwright), frameworks' builds and dev servers (next, nuxt, astro,
  // svelte-kit), CSS and JS transformers and formatters (tailwindcss, postcss, babel, prettier), grunt.
  karma: node({ short: 'h', long: ['help|h', 'version', 'port=', 'browsers=', 'single-run', 'no-single-run', 'auto-watch', 'log-level=', 'reporters=', 'fail-on-empty-test-suite'] },
    ['karma.conf.js', 'karma.conf.cjs', 'karma.conf.mjs', 'karma.conf.ts', '.config/karma.conf.js'], [], { subcommands: ['start', 'run'], subcommandFile: true }),
  cypress: node({ short: 'hvC:P:b:e:s:c:', long: ['config-file=|C', 'project=|P', 'browser=|b', 'env=|e', 'spec=|s', 'config=|c', 'headed', 'headless', 'record', 'key=', 'e2e', 'component', 'help|h', 'version|v'] },
    ['cypress.config.js', 'cypress.config.ts', 'cypress.config.mjs', 'cypress.config.cjs', 'cypress.config.mts', 'cypress.config.cts'], ['-C'], { subcommands: ['run', 'open'], dirOption: ['-P'] }),
  playwright: node({ short: 'hVc:g:j:', long: ['config=|c', 'grep=|g', 'workers=|j', 'project=', 'reporter=', 'headed', 'debug', 'ui', 'list', 'help|h', 'version|V'] },
    ['playwright.config.ts', 'playwright.config.js', 'playwright.config.mjs', 'playwright.config.mts', 'playwright.config.cjs', 'playwright.config.cts'], ['-c'], { subcommands: ['test'] }),
  next: node({ short: 'hvp:H:', long: ['port=|p', 'hostname=|H', 'turbo', 'turbopack', 'debug', 'profile', 'no-lint', 'help|h', 'version|v'] },
    ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts'], [], { subcommands: ['build', 'dev', 'start', 'lint', 'export'] }),
  nuxt: node({ short: 'hv', long: ['help|h', 'version|v', 'port=', 'host=', 'dotenv=', 'envName=', 'preset='] },
    ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs', 'nuxt.config.mts', 'nuxt.config.cjs'], [], { subcommands: ['build', 'dev', 'generate', 'preview', 'prepare', 'analyze', 'typecheck', 'start'] }),
  nuxi: node({ short: 'hv', long: ['help|h', 'version|v', 'port=', 'host=', 'dotenv=', 'envName=', 'preset='] },
    ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs', 'nuxt.config.mts', 'nuxt.config.cjs'], [], { subcommands: ['build', 'dev', 'generate', 'preview', 'prepare', 'analyze', 'typecheck', 'start'] }),
  astro: node({ short: 'hv', long: ['config=', 'root=', 'site=', 'base=', 'port=', 'host=', 'verbose', 'silent', 'help|h', 'version|v'] },
    ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'], ['--config'], { subcommands: ['build', 'dev', 'preview', 'check', 'sync', 'add', 'start'], dirOption: ['--root'] }),
  'svelte-kit': node({ short: 'h', long: ['help|h', 'version', 'mode='] }, ['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts'], [], { subcommands: ['sync'] }),
  tailwindcss: node({ short: 'hwmpi:o:c:', long: ['config=|c', 'input=|i', 'output=|o', 'watch|w', 'minify|m', 'poll|p', 'content=', 'postcss=?', 'help|h'] },
    ['tailwind.config.js', 'tailwind.config.cjs', 'tailwind.config.mjs', 'tailwind.config.ts'], ['-c']),
  postcss: node({ short: 'hvwmo:d:r:u:p:s:t:', long: ['config=', 'output=|o', 'dir=|d', 'replace|r', 'use=|u', 'parser=|p', 'syntax=|s', 'stringifier=|t', 'watch|w', 'map|m', 'no-map', 'env=', 'ext=', 'base=', 'verbose', 'help|h', 'version|v'] },
    ['postcss.config.js', 'postcss.config.cjs', 'postcss.config.mjs', 'postcss.config.ts', '.postcssrc.js', '.postcssrc.cjs', '.postcssrc.mjs'], [], { dirOption: ['--config'] }),
  babel: node({ short: 'hVwsd:o:f:x:', long: ['config-file=', 'no-babelrc', 'out-dir=|d', 'out-file=|o', 'filename=|f', 'extensions=|x', 'watch|w', 'source-maps=?|s', 'presets=', 'plugins=', 'root-mode=', 'env-name=', 'ignore=', 'only=', 'copy-files', 'help|h', 'version|V'] },
    ['babel.config.js', 'babel.config.cjs', 'babel.config.mjs', 'babel.config.cts', '.babelrc.js', '.babelrc.cjs', '.babelrc.mjs'], ['--config-file']),
  prettier: node({ short: 'hvcwlu', long: ['config=', 'no-config', 'check|c', 'write|w', 'list-different|l', 'ignore-path=', 'plugin=', 'parser=', 'stdin-filepath=', 'log-level=', 'ignore-unknown|u', 'find-config-path=', 'file-info=', 'cache', 'help|h', 'version|v'] },
    ['prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts'], ['--config'], { noFile: ['--no-config'] }),
  grunt: node({ short: 'hVvdfb:', long: ['gruntfile=', 'base=|b', 'no-color', 'stack', 'force|f', 'tasks=', 'npm=', 'write', 'verbose|v', 'debug|d', 'help|h', 'version|V'] },
    ['Gruntfile.js', 'gruntfile.js', 'Gruntfile.cjs', 'Gruntfile.coffee', 'gruntfile.coffee'], ['--gruntfile'], { dirOption: ['-b'] }),
};

/** Every tool whose configuration module (or settings file) names code it runs: the rows above, config-refs.ts's, with their settings files. */
export const CONFIG_MODULES: Readonly<Record<string, ConfigModule>> = Object.fromEntries(Object.entries({ ...CONFIG_ROWS, ...MORE_CONFIG_MODULES, ...SETTINGS_TOOLS, ...SITE_TOOLS })
  .map(([name, row]) => [name, TOOL_REFS[name] ? { ...row, refs: [...row.refs ?? [], ...TOOL_REFS[name]!] } : row]));

/**
 * terraform's (and OpenTofu's) global options (`-chdir=DIR`, Go's one-dash flags) and those of the
 * subcommands that run the configuration's commands: apply and destroy run its provisioners; plan,
 * refresh, import, console and test read its external data sources (which run their program).
 */
export const TERRAFORM_OPTIONS: OptionGrammar = {
  long: ['chdir=', 'help', 'version', 'auto-approve', 'input=', 'lock=', 'lock-timeout=', 'no-color', 'parallelism=', 'refresh=', 'refresh-only',
    'replace=', 'target=', 'var=', 'var-file=', 'state=', 'state-out=', 'backup=', 'out=', 'destroy', 'compact-warnings', 'json', 'detailed-exitcode',
    'generate-config-out=', 'config=', 'allow-missing-config', 'filter=', 'test-directory=', 'verbose', 'check', 'diff', 'recursive', 'write=', 'list='],
  singleDashLong: true, permute: true,
};
export const TERRAFORM_RUNS: readonly string[] = ['apply', 'destroy', 'plan', 'refresh', 'import', 'console', 'test'];
