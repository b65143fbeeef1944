// Test runners whose test files are found by the runner and scanned as code (expand/tests.ts). Data only.
import type { Runner } from './types.js';

export const TEST_FILE_RUNNERS: readonly Runner[] = [
  // prove(1) runs each test file (t/*.t when none is named) with perl, or with --exec's program; bats(1) runs the .bats files named (a directory's, -r below it).
  {
    names: ['prove'],
    options: { short: 'vrlbsfpqQmcHhVDTtwWoa:e:I:M:P:j:', long: ['verbose|v', 'recurse|r', 'lib|l', 'blib|b', 'shuffle|s', 'failures|f', 'parse|p', 'quiet|q', 'QUIET|Q', 'merge|m', 'color|c', 'nocolor', 'count', 'nocount', 'man|H', 'help|h', 'version|V', 'dry|D', 'ext=', 'exec=|e', 'jobs=|j', 'archive=|a', 'formatter=', 'harness=', 'source=', 'state=', 'rc=', 'norc', 'timer', 'trap', 'normalize', 'reverse', 'ignore-exit', 'comments', 'directives', 'Include=|I', 'Module=|M', 'Plugin=|P'], permute: true },
    runs: [{ when: ['--help', '--man', '--version', '--dry'], nothing: true }, { when: ['--exec'], shellOption: ['--exec'], also: true }, { tests: 'prove' }],
  },
  {
    names: ['bats'],
    options: { short: 'chvprtTxf:F:j:o:', long: ['count|c', 'help|h', 'version|v', 'pretty|p', 'recursive|r', 'tap|t', 'timing|T', 'trace|x', 'filter=|f', 'formatter=|F', 'jobs=|j', 'output=|o', 'filter-tags=', 'filter-status=', 'negative-filter=', 'gather-test-outputs-in=', 'report-formatter=', 'setup-suite-file=', 'no-tempdir-cleanup', 'no-parallelize-across-files', 'no-parallelize-within-files', 'print-output-on-failure', 'show-output-of-passing-tests', 'verbose-run', 'code-quote-style=', 'line-reference-format=', 'abort'], permute: true },
    runs: [{ when: ['--help', '--version', '--count'], nothing: true }, { tests: 'bats' }],
  },
  // rspec(1) loads every spec file under the paths named (spec/ when none: --default-path), *_spec.rb by
  // --pattern's default, and the helper files .rspec or -r requires (spec_helper.rb, rails_helper.rb); --dry-run loads them too.
  {
    names: ['rspec'],
    options: { short: 'hvbcwpI:r:e:E:t:f:o:P:O:', long: ['help|h', 'version|v', 'require=|r', 'example=|e', 'example-matches=|E', 'tag=|t', 'format=|f', 'out=|o', 'pattern=|P', 'exclude-pattern=', 'options=|O', 'default-path=', 'backtrace|b', 'color', 'force-color', 'no-color', 'warnings|w', 'profile=?|p', 'seed=', 'order=', 'only-failures', 'next-failure|n', 'fail-fast=?', 'failure-exit-code=', 'dry-run', 'init', 'bisect=?'], permute: true },
    runs: [{ when: ['--help', '--version', '--init'], nothing: true }, { tests: 'rspec' }],
  },
];

/**
 * The Node test runners whose test files are code they run (expand/node-tests.ts): the files their
 * configuration's globs match (when it gives them as plain strings), else their defaults, under the
 * test root. jest: testMatch (or testRegex), in <rootDir>; vitest: test.include, in the root;
 * mocha: spec (./test/*.{js,cjs,mjs}; the operands instead when given; -r/--recursive: below too);
 * Playwright: testMatch under testDir (the configuration's directory by default).
 */
export interface NodeTestRunner {
  readonly include: readonly string[];
  /** The configuration's keys for the globs, for a regex of the path (jest's testRegex), and for the root. */
  readonly globKeys: readonly string[];
  readonly regexKeys?: readonly string[];
  readonly rootKeys?: readonly string[];
  /** The operands name the test files (mocha), or only filter them (a file named is then the only one). */
  readonly operands: 'files' | 'filters';
  /** With this option the default globs reach below their directory (mocha --recursive). */
  readonly recursive?: { readonly options: readonly string[]; readonly include: readonly string[] };
  /** The globs are relative to the configuration's directory (jest's rootDir, Playwright's testDir), not the working directory (vitest's root, mocha's). */
  readonly fromConfig?: true;
  /** Its globs reach into dot directories (vitest globs with `dot: true`); mocha's glob does not, and jest's and Playwright's are read so too. */
  readonly dot?: true;
  /** The settings files (besides the configuration module) that give the keys: name and key prefix. */
  readonly data?: readonly (readonly [string, string])[];
}

export const NODE_TEST_RUNNERS: Readonly<Record<string, NodeTestRunner>> = {
  jest: { include: ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'], globKeys: ['testMatch'], regexKeys: ['testRegex'], operands: 'filters', fromConfig: true, data: [['package.json', 'jest.'], ['jest.config.json', '']] },
  vitest: { include: ['**/*.{test,spec}.?(c|m)[jt]s?(x)'], globKeys: ['include'], operands: 'filters', dot: true },
  mocha: { include: ['./test/*.{js,cjs,mjs}'], globKeys: ['spec'], operands: 'files', recursive: { options: ['--recursive'], include: ['./test/**/*.{js,cjs,mjs}'] },
    data: [['.mocharc.json', ''], ['.mocharc.jsonc', ''], ['.mocharc.yml', ''], ['.mocharc.yaml', ''], ['package.json', 'mocha.']] },
  playwright: { include: ['**/*.@(spec|test).?(c|m)[jt]s?(x)'], globKeys: ['testMatch'], rootKeys: ['testDir'], operands: 'filters', fromConfig: true },
};
