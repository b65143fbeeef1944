// Build tools, site generators and project CLIs whose project files name a command, a module or code
// they run (data only; expand/project-tools.ts and expand/config-refs.ts read it), each from the
// tool's documentation of the file: nodemon.json's `exec` and `events`, pnpm-workspace.yaml's
// `pnpmfile`, Eleventy's and Gatsby's configuration modules, buf.gen.yaml's local plugins, Tauri's
// before-build commands, .rubocop.yml's `require`, mdBook's preprocessor and renderer commands,
// cdktf.json's `app`, Yarn's plugins (.yarnrc.yml), PHPUnit's bootstrap and php-cs-fixer's PHP configuration.
import type { OptionGrammar } from '../getopt.js';
import { node } from './config-refs.js';
import type { ConfigModule, ConfigRef } from './project-tools.js';

const data = (files: readonly string[], keys: readonly string[], value: ConfigRef['value'], more: Partial<ConfigRef> = {}): ConfigRef => ({ files, format: 'data', keys, value, ...more });
/** A tool that loads no module of its own, only what its project files name. */
const names = (options: OptionGrammar, refs: readonly ConfigRef[], more: Partial<ConfigModule> = {}): ConfigModule =>
  ({ options: { ...options, permute: true }, files: [], fileOption: [], noFile: ['--help', '--version', '-h'], language: null, refs, ...more });
const ELEVENTY = node({ short: 'h', long: ['config=', 'input=', 'output=', 'serve', 'watch', 'port=', 'dryrun', 'quiet', 'incremental', 'formats=', 'pathprefix=', 'to=', 'help|h', 'version'] },
  ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs', 'eleventy.config.ts'], ['--config']);

export const SITE_TOOLS: Readonly<Record<string, ConfigModule>> = {
  // nodemon runs `exec` (the script appended) and the commands of `events` (restart, start, crash …).
  nodemon: names({ short: 'Vqw:x:e:i:d:', long: ['exec=|x', 'watch=|w', 'ext=|e', 'ignore=|i', 'delay=|d', 'signal=', 'config=', 'verbose|V', 'quiet|q', 'legacy-watch', 'exitcrash', 'no-stdin', 'help|h', 'version|v'] },
    [data(['nodemon.json'], ['exec', 'events.*'], 'command'), data(['package.json'], ['nodemonConfig.exec', 'nodemonConfig.events.*'], 'command')], { goesOn: true }),
  eleventy: ELEVENTY,
  '@11ty/eleventy': ELEVENTY,
  // gatsby build and develop load gatsby-config and run gatsby-node's APIs.
  gatsby: node({ short: 'hvHp', long: ['host=|H', 'port=|p', 'open', 'https', 'prefix-paths', 'verbose', 'help|h', 'version|v'] },
    ['gatsby-config.js', 'gatsby-config.ts', 'gatsby-config.mjs', 'gatsby-node.js', 'gatsby-node.ts', 'gatsby-node.mjs'], [], { subcommands: ['build', 'develop', 'serve', 'repl'] }),
  buf: names({ short: 'h', long: ['template=', 'output=|o', 'path=', 'exclude-path=', 'include-imports', 'include-wkt', 'debug', 'help|h', 'version'] },
    [data(['buf.gen.yaml', 'buf.gen.yml'], ['plugins.local'], 'command', { words: true })], { subcommands: ['generate'] }),
  // tauri build and dev run beforeBuildCommand / beforeDevCommand (and beforeBundleCommand) first.
  tauri: names({ short: 'hvc:t:', long: ['config=|c', 'target=|t', 'debug', 'release', 'bundles=', 'no-bundle', 'verbose|v', 'help|h', 'version|V'] },
    [data(['src-tauri/tauri.conf.json', 'tauri.conf.json'], ['build.beforeBuildCommand', 'build.beforeDevCommand', 'build.beforeBundleCommand', 'build.beforeBuildCommand.script', 'build.beforeDevCommand.script', 'build.beforeBundleCommand.script'], 'command')],
    { subcommands: ['build', 'dev', 'android', 'ios'] }),
  rubocop: names({ short: 'hvVaAc:r:f:o:', long: ['config=|c', 'require=|r', 'format=|f', 'out=|o', 'autocorrect|a', 'autocorrect-all|A', 'only=', 'except=', 'parallel', 'cache=', 'force-exclusion', 'display-cop-names', 'help|h', 'version|v', 'verbose-version|V'] },
    [data(['.rubocop.yml'], ['require', 'plugins'], 'file', { language: 'ruby' })]),
  mdbook: names({ short: 'hVd:o:n:', long: ['dest-dir=|d', 'open|o', 'hostname=|n', 'port=|p', 'watcher=', 'help|h', 'version|V'] },
    [{ files: ['book.toml'], format: 'toml', keys: ['preprocessor.*.command', 'output.*.command'], value: 'command' }], { subcommands: ['build', 'serve', 'watch', 'test'] }),
  cdktf: names({ short: 'ha:', long: ['app=|a', 'output=|o', 'auto-approve', 'stacks=', 'json', 'help|h', 'version'] },
    [data(['cdktf.json'], ['app'], 'command')], { subcommands: ['synth', 'deploy', 'diff', 'destroy', 'plan', 'apply', 'watch', 'output', 'list'] }),
  // Every yarn (berry) command loads the plugins .yarnrc.yml lists first.
  yarn: names({ short: 'h', long: ['help|h', 'version|v'] }, [data(['.yarnrc.yml'], ['plugins', 'plugins.path'], 'file')], { goesOn: true }),
  phpunit: names({ short: 'hc:', long: ['configuration=|c', 'bootstrap=', 'filter=', 'testsuite=', 'group=', 'no-configuration', 'coverage-html=', 'help|h', 'version'] },
    [{ files: ['phpunit.xml', 'phpunit.xml.dist', 'phpunit.dist.xml'], format: 'xml', keys: ['bootstrap'], value: 'file', language: 'php' }], { noFile: ['--help', '--version', '--no-configuration'] }),
  // A notebook run executes every code cell (nbconvert only with --execute); Quarto's render runs a document's code chunks.
  jupyter: names({ short: 'h', long: ['execute', 'to=', 'output=', 'output-dir=', 'inplace', 'allow-errors', 'kernel=', 'ExecutePreprocessor.timeout=', 'help|h', 'version'] },
    [{ files: ['@operands'], format: 'notebook', keys: [], value: 'code', language: 'ipython', sub: 'nbconvert', options: ['--execute'] },
      { files: ['@operands'], format: 'notebook', keys: [], value: 'code', language: 'ipython', sub: 'execute' }], { subcommands: ['nbconvert', 'execute'] }),
  papermill: names({ short: 'hp:y:f:k:', long: ['parameters=|p', 'parameters_yaml=|y', 'parameters_file=|f', 'kernel=|k', 'cwd=', 'log-output', 'prepare-only', 'help|h', 'version'] },
    [{ files: ['@operands'], format: 'notebook', keys: [], value: 'code', language: 'ipython' }], { noFile: ['--help', '--version', '--prepare-only'] }),
  quarto: names({ short: 'hM:P:', long: ['to=', 'output=', 'execute', 'no-execute', 'metadata=|M', 'execute-param=|P', 'help|h', 'version|v'] },
    [{ files: ['@operands'], format: 'notebook', keys: [], value: 'code', language: 'ipython', sub: 'render' }, { files: ['@operands'], format: 'notebook', keys: [], value: 'code', language: 'ipython', sub: 'preview' }],
    { subcommands: ['render', 'preview'], noFile: ['--help', '--version', '--no-execute'] }),
  // Jekyll loads every _plugins/*.rb on build and serve; Trunk runs its [[hooks]] around a build.
  jekyll: names({ short: 'hVs:d:', long: ['source=|s', 'destination=|d', 'config=', 'safe', 'watch|w', 'incremental|I', 'drafts', 'future', 'trace|t', 'help|h', 'version|v'] },
    [{ files: ['_plugins/*.rb'], format: 'self', keys: [], value: 'file', language: 'ruby' }], { subcommands: ['build', 'b', 'serve', 's', 'server'], noFile: ['--help', '--version', '--safe'] }),
  trunk: names({ short: 'hV', long: ['config=', 'release', 'dist=', 'public-url=', 'port=', 'open', 'help|h', 'version|V'] },
    [{ files: ['Trunk.toml'], format: 'toml', keys: ['hooks'], value: 'command', argv: ['command', 'command_arguments'] }], { subcommands: ['build', 'serve', 'watch'] }),
  // babashka's bb.edn tasks are Clojure it evaluates (`(shell "…")`).
  bb: { options: { short: 'hm:e:f:', long: ['config=', 'main=|m', 'eval=|e', 'file=|f', 'help|h', 'version'] }, files: ['bb.edn'], fileOption: ['--config'], noFile: ['--help', '--version'], language: 'lisp' },
  'php-cs-fixer': { options: { short: 'hV', long: ['config=', 'rules=', 'dry-run', 'diff', 'using-cache=', 'allow-risky=', 'path-mode=', 'verbose|v', 'help|h', 'version|V'], permute: true },
    files: ['.php-cs-fixer.php', '.php-cs-fixer.dist.php'], fileOption: ['--config'], noFile: ['--help', '--version'], subcommands: ['fix', 'check'], language: 'php' },
};
