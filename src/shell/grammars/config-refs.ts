// More tools whose configuration is code they load, and the settings files in which tools name the
// local modules, code and commands they run (data only; expand/project-tools.ts and
// expand/config-refs.ts read it). Each row follows the tool's documentation of its configuration file.
import type { OptionGrammar } from '../getopt.js';
import type { ConfigModule, ConfigRef } from './project-tools.js';

/** A Node tool's row: its options, files and the option naming the file; `--help` and `--version` load none. */
export function node(options: OptionGrammar, files: readonly string[], fileOption: readonly string[], more: Partial<ConfigModule> = {}): ConfigModule {
  return { options: { ...options, permute: true }, files, fileOption, language: 'node', ...more, noFile: ['--help', '--version', ...(more.noFile ?? [])] };
}

/** `NAME.config.{js,cjs,mjs,ts,cts,mts}` and the other names given, in that order. */
const js = (base: string, ...more: string[]): string[] => [...['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((e) => `${base}.${e}`), ...more];
/** A local module named by these keys of a JSON (or YAML) file. */
const files = (names: readonly string[], keys: readonly string[], language?: ConfigRef['language']): ConfigRef => ({ files: names, format: 'data', keys, value: 'file', ...(language ? { language } : {}) });
/** The same keys in the configuration module's own text (`globalSetup: './gs.ts'`). */
const inModule = (keys: readonly string[]): ConfigRef => ({ files: ['@config'], format: 'code', keys, value: 'file' });

const ELECTRON_HOOKS = ['afterPack', 'beforePack', 'afterSign', 'afterExtract', 'afterAllArtifactBuild', 'artifactBuildStarted', 'artifactBuildCompleted', 'beforeBuild', 'onNodeModuleFile', 'appxManifestCreated', 'msiProjectCreated'];

/**
 * Node tools that load their configuration as a module: commitlint, stylelint, ava, knex (knexfile),
 * knip, drizzle-kit, sequelize-cli (.sequelizerc is require()d), Storybook (.storybook/main.js),
 * Electron Forge (forge.config.js) and electron-builder (its config module, and the hook modules its
 * `build` settings name: afterPack and the others, each required and called).
 */
const COMMITLINT = node({ short: 'hvVqeE:x:g:d:p:', long: ['config=|g', 'cwd=|d', 'edit=?|e', 'env=|E', 'extends=|x', 'from=', 'to=', 'last', 'from-last-tag', 'print-config=?', 'strict|s', 'color', 'help-url=', 'parser-preset=|p', 'quiet|q', 'verbose|V', 'help|h', 'version|v'] },
    js('commitlint.config', '.commitlintrc.js', '.commitlintrc.cjs', '.commitlintrc.mjs', '.commitlintrc.ts', '.commitlintrc.cts'), ['-g'], { dirOption: ['-d'] });

export const MORE_CONFIG_MODULES: Readonly<Record<string, ConfigModule>> = {
  commitlint: COMMITLINT,
  '@commitlint/cli': COMMITLINT,
  stylelint: node({ short: 'hvqfio:c:', long: ['config=|c', 'config-basedir=', 'fix', 'formatter=|f', 'custom-syntax=', 'ignore-path=|i', 'ignore-pattern=', 'ignore-disables', 'cache', 'cache-location=', 'quiet|q', 'allow-empty-input', 'max-warnings=', 'output-file=|o', 'print-config=', 'stdin', 'stdin-filename=', 'report-needless-disables', 'color', 'no-color', 'help|h', 'version|v'] },
    js('stylelint.config', '.stylelintrc.js', '.stylelintrc.cjs', '.stylelintrc.mjs'), ['-c']),
  ava: node({ short: 'hvwsutT:m:c:', long: ['config=', 'match=|m', 'watch|w', 'verbose|v', 'serial|s', 'timeout=|T', 'fail-fast', 'tap|t', 'update-snapshots|u', 'concurrency=|c', 'node-arguments=', 'reset-cache', 'help|h', 'version'] },
    ['ava.config.js', 'ava.config.cjs', 'ava.config.mjs'], ['--config']),
  knex: node({ short: 'hV', long: ['knexfile=', 'cwd=', 'client=', 'connection=', 'migrations-directory=', 'migrations-table-name=', 'env=', 'esm', 'specific=', 'debug', 'help|h', 'version|V'] },
    js('knexfile'), ['--knexfile'], { dirOption: ['--cwd'] }),
  knip: node({ short: 'hVc:W:', long: ['config=|c', 'workspace=|W', 'production', 'strict', 'fix', 'include=', 'exclude=', 'reporter=', 'directory=', 'no-progress', 'help|h', 'version|V'] },
    ['knip.config.ts', 'knip.config.js', 'knip.ts', 'knip.js', 'knip.config.mjs', 'knip.config.cjs'], ['-c'], { dirOption: ['--directory'] }),
  'drizzle-kit': node({ short: 'h', long: ['config=', 'dialect=', 'schema=', 'out=', 'name=', 'custom', 'verbose', 'strict', 'force', 'help|h', 'version'] },
    js('drizzle.config'), ['--config'], { subcommands: ['generate', 'migrate', 'push', 'pull', 'check', 'up', 'studio', 'introspect', 'drop', 'export'] }),
  'sequelize-cli': node({ short: 'h', long: ['options-path=', 'config=', 'env=', 'url=', 'migrations-path=', 'seeders-path=', 'models-path=', 'debug', 'name=', 'help|h', 'version'] }, ['.sequelizerc'], ['--options-path']),
  sequelize: node({ short: 'h', long: ['options-path=', 'config=', 'env=', 'url=', 'migrations-path=', 'seeders-path=', 'models-path=', 'debug', 'name=', 'help|h', 'version'] }, ['.sequelizerc'], ['--options-path']),
  storybook: node({ short: 'hVp:c:o:', long: ['port=|p', 'config-dir=|c', 'output-dir=|o', 'host=', 'ci', 'smoke-test', 'quiet', 'no-open', 'https', 'debug-webpack', 'test', 'docs', 'help|h', 'version|V'] },
    js('.storybook/main'), [], { subcommands: ['dev', 'build', 'start', 'doctor', 'automigrate', 'upgrade', 'info'] }),
  'electron-forge': node({ short: 'hVa:p:', long: ['arch=|a', 'platform=|p', 'targets=', 'skip-package', 'dry-run', 'from-dry-run', 'app-path=', 'enable-logging', 'run-as-node', 'inspect-electron', 'interactive', 'help|h', 'version|V'] },
    ['forge.config.js', 'forge.config.cjs', 'forge.config.mjs', 'forge.config.ts'], [], { subcommands: ['make', 'package', 'start', 'publish', 'import'] }),
  'electron-builder': node({ short: 'hVmwlc:p:', long: ['config=|c', 'publish=|p', 'mac|m', 'win|w', 'linux|l', 'dir', 'x64', 'ia32', 'armv7l', 'arm64', 'universal', 'projectDir=', 'prepackaged=', 'help|h', 'version|V'] },
    js('electron-builder.config', ...js('electron-builder')), ['-c'], { dirOption: ['--projectDir'],
      refs: [files(['package.json'], ELECTRON_HOOKS.map((k) => `build.${k}`)), files(['electron-builder.json', 'electron-builder.yml', 'electron-builder.yaml'], ELECTRON_HOOKS)] }),
};

/**
 * The settings files of tools already known whose values name local modules they load: Jest's
 * globalSetup and the other hook modules (package.json `jest`, jest.config.json, or the module's
 * text), Mocha's `require` (.mocharc.json/.yml, package.json `mocha`), Babel's local plugins and
 * presets (.babelrc, babel.config.json, package.json `babel`), ESLint's `parser` and local plugins
 * (.eslintrc.json/.yml), Prettier's `plugins` (.prettierrc, package.json `prettier`), Vitest's
 * globalSetup and setupFiles (in vitest.config.ts).
 */
const JEST_KEYS = ['globalSetup', 'globalTeardown', 'setupFiles', 'setupFilesAfterEnv', 'testEnvironment', 'testRunner', 'testSequencer', 'resolver', 'snapshotResolver', 'reporters', 'transform.*', 'watchPlugins', 'runner', 'dependencyExtractor', 'prettierPath'];
const BABEL_KEYS = ['plugins', 'presets', 'env.*.plugins', 'env.*.presets', 'overrides.plugins', 'overrides.presets'];
const ESLINTRC_KEYS = ['parser', 'plugins', 'extends', 'overrides.parser', 'overrides.extends', 'parserOptions.parser'];
export const TOOL_REFS: Readonly<Record<string, readonly ConfigRef[]>> = {
  jest: [files(['package.json'], JEST_KEYS.map((k) => `jest.${k}`)), files(['jest.config.json'], JEST_KEYS), inModule(JEST_KEYS)],
  mocha: [files(['.mocharc.json', '.mocharc.jsonc', '.mocharc.yml', '.mocharc.yaml'], ['require', 'file', 'ui', 'reporter']), files(['package.json'], ['mocha.require', 'mocha.file']), inModule(['require', 'file'])],
  babel: [files(['.babelrc', '.babelrc.json', 'babel.config.json'], BABEL_KEYS), files(['package.json'], BABEL_KEYS.map((k) => `babel.${k}`)), inModule(['plugins', 'presets'])],
  eslint: [files(['.eslintrc', '.eslintrc.json', '.eslintrc.yml', '.eslintrc.yaml'], ESLINTRC_KEYS), files(['package.json'], ESLINTRC_KEYS.map((k) => `eslintConfig.${k}`))],
  prettier: [files(['.prettierrc', '.prettierrc.json', '.prettierrc.json5', '.prettierrc.yml', '.prettierrc.yaml'], ['plugins', 'overrides.options.plugins']), files(['package.json'], ['prettier.plugins']), inModule(['plugins'])],
  vitest: [inModule(['globalSetup', 'setupFiles', 'environment', 'reporters'])],
  // pnpm 10+ keeps its settings in pnpm-workspace.yaml: `pnpmfile` names the hooks module it loads.
  pnpm: [files(['pnpm-workspace.yaml'], ['pnpmfile'])],
};

const ini = (names: readonly string[], keys: readonly string[], value: ConfigRef['value'], more: Partial<ConfigRef> = {}): ConfigRef => ({ files: names, format: 'ini', keys, value, ...more });
const toml = (keys: readonly string[], value: ConfigRef['value'], more: Partial<ConfigRef> = {}): ConfigRef => ({ files: ['pyproject.toml'], format: 'toml', keys, value, ...more });
/** A row for a tool that loads no module of its own, only what its settings files name (`goesOn`: the tool's own row reads the rest). */
const settings = (options: OptionGrammar, refs: readonly ConfigRef[], more: Partial<ConfigModule> = {}): ConfigModule =>
  ({ options: { ...options, permute: true }, files: [], fileOption: [], noFile: ['--help', '--version'], language: null, refs, ...more });

/**
 * Tools whose settings files name code they run: pylint's init-hook (Python it executes) and
 * load-plugins, mypy's plugins (a path or a module), flake8's local plugins (`[flake8:local-plugins]`:
 * the module of each `NAME = module:Class`, imported from the configuration's directory), ts-node's
 * `ts-node.require` in tsconfig.json, and the `--require` lines of .rspec.
 */
export const SETTINGS_TOOLS: Readonly<Record<string, ConfigModule>> = {
  pylint: settings({ short: 'hvEj:d:e:f:', long: ['rcfile=', 'init-hook=', 'load-plugins=', 'jobs=|j', 'disable=|d', 'enable=|e', 'output-format=|f', 'errors-only|E', 'recursive=', 'ignore=', 'ignore-paths=', 'fail-under=', 'generate-rcfile', 'generate-toml-config', 'long-help', 'verbose|v', 'help|h', 'version'] }, [
    ini(['.pylintrc', 'pylintrc'], ['main.init-hook', 'master.init-hook'], 'code', { language: 'python' }),
    ini(['setup.cfg', 'tox.ini'], ['pylint.main.init-hook', 'pylint.master.init-hook'], 'code', { language: 'python' }),
    toml(['tool.pylint.main.init-hook', 'tool.pylint.master.init-hook'], 'code', { language: 'python' }),
    ini(['.pylintrc', 'pylintrc'], ['main.load-plugins', 'master.load-plugins'], 'module', { language: 'python' }),
    toml(['tool.pylint.main.load-plugins', 'tool.pylint.master.load-plugins'], 'module', { language: 'python' }),
  ]),
  mypy: settings({ short: 'hVp:m:c:', long: ['config-file=', 'package=|p', 'module=|m', 'command=|c', 'strict', 'install-types', 'non-interactive', 'ignore-missing-imports', 'python-version=', 'cache-dir=', 'help|h', 'version|V'] }, [
    ini(['mypy.ini', '.mypy.ini', 'setup.cfg'], ['mypy.plugins'], 'module', { language: 'python' }),
    toml(['tool.mypy.plugins'], 'module', { language: 'python' }),
  ]),
  flake8: settings({ short: 'hqv', long: ['config=', 'append-config=', 'isolated', 'select=', 'ignore=', 'extend-ignore=', 'max-line-length=', 'exclude=', 'count', 'statistics', 'show-source', 'quiet|q', 'verbose|v', 'help|h', 'version'] }, [
    ini(['setup.cfg', 'tox.ini', '.flake8'], ['flake8:local-plugins.extension', 'flake8:local-plugins.report'], 'module', { language: 'python', pattern: '=\\s*([\\w.]+)' }),
  ], { noFile: ['--help', '--version', '--isolated'] }),
  'ts-node': settings({ short: 'hvTHpie:r:P:', long: ['project=|P', 'require=|r', 'eval=|e', 'print=|p', 'transpile-only|T', 'compiler-host|H', 'interactive|i', 'files', 'esm', 'swc', 'skip-project', 'cwd-mode', 'script-mode', 'help|h', 'version|v'] }, [
    files(['tsconfig.json'], ['ts-node.require']),
  ], { goesOn: true, noFile: ['--help', '--version', '--skip-project'] }),
  rspec: settings({ short: 'hvbcwpI:r:e:E:t:f:o:P:O:', long: ['help|h', 'version|v', 'require=|r', 'options=|O', 'default-path=', 'pattern=|P', 'format=|f', 'out=|o', 'tag=|t', 'example=|e', 'dry-run', 'init'] }, [
    { files: ['.rspec', '.rspec-local'], format: 'args', keys: ['--require', '-r'], value: 'file', language: 'ruby' },
  ], { goesOn: true, noFile: ['--help', '--version', '--init'] }),
};
