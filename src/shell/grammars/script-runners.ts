// Script runners of compiled languages and their REPLs: each runs a source file (or its stdin) as a
// program, so the file is read as code that may start processes (expand/interpreters.ts).
import type { OptionGrammar } from '../getopt.js';
import type { Runner } from './types.js';

const ELIXIR: OptionGrammar = { short: 'e:r:S:', long: ['eval=', 'require=', 'no-halt', 'sname=', 'name=', 'cookie=', 'erl='], singleDashLong: true };

export const SCRIPT_RUNNERS: readonly Runner[] = [
  { names: ['elixir'], options: ELIXIR, runs: [{ when: ['-e', '--eval'], code: 'code', codeOption: ['-e', '--eval'] }, { minOperands: 1, code: 'code', codeFile: 0 }] },
  // iex evaluates its stdin line by line (`iex < file`).
  { names: ['iex'], options: ELIXIR, runs: [{ when: ['-e', '--eval'], code: 'code', codeOption: ['-e', '--eval'] }, { minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
  // escript runs a file's main/1.
  { names: ['escript'], runs: [{ minOperands: 1, code: 'code', codeFile: 0 }] },
  // JVM script runners: kotlinc -script FILE and a .kts file; groovy, amm and scala run a script file;
  // scala-cli (and Scala 3's scala) run the files after `run`/`shebang` or as operands; jbang runs a
  // source file or `run FILE`; java runs a .java file in source-file mode (JEP 330, or --source N).
  { names: ['kotlin', 'kotlinc', 'kotlinc-jvm'], options: { short: 'e:', long: ['eval=|e', 'script', 'classpath=', 'cp=', 'd=', 'include-runtime', 'jvm-target=', 'no-stdlib', 'no-reflect'], singleDashLong: true },
    runs: [{ when: ['-e'], code: 'code', codeOption: ['-e'] }, { when: ['--script'], code: 'code', codeFile: 0 }, { whenOperandMatches: { index: 0, pattern: '\\.kts$' }, code: 'code', codeFile: 0 }, { nothing: true }] },
  { names: ['amm', 'groovy'], options: { short: 'e:', long: ['eval=|e', 'classpath=', 'cp='], singleDashLong: true }, runs: [{ when: ['-e'], code: 'code', codeOption: ['-e'] }, { minOperands: 1, code: 'code', codeFile: 0 }, { nothing: true }] },
  { names: ['scala', 'scala-cli'], options: { short: 'e:', long: ['eval=|e', 'classpath=', 'cp=', 'server=', 'jvm=', 'scala-version=', 'S='], singleDashLong: true },
    runs: [{ when: ['-e'], code: 'code', codeOption: ['-e'] }, { whenOperand: { index: 0, is: ['run', 'shebang'] }, code: 'code', codeFiles: 1 }, { minOperands: 1, code: 'code', codeFiles: 0 }, { nothing: true }] },
  { names: ['jbang'], options: { long: ['deps=', 'cp=', 'class-path=', 'main=', 'java=', 'java-options=', 'source=', 'files=', 'repos=', 'quiet', 'verbose', 'fresh', 'offline'] },
    runs: [{ whenOperand: { index: 0, is: ['run'] }, code: 'code', codeFile: 1 }, { minOperands: 1, code: 'code', codeFile: 0 }] },
  { names: ['java'], options: { long: ['cp=', 'classpath=', 'class-path=', 'source=', 'module-path=', 'p=', 'add-modules=', 'm=', 'module=', 'jar', 'enable-preview', 'version', 'help'], singleDashLong: true },
    runs: [{ when: ['--source'], code: 'code', codeFile: 0 }, { whenOperandMatches: { index: 0, pattern: '\\.java$' }, code: 'code', codeFile: 0 }, { nothing: true }] },
  // swift FILE.swift runs it as a script, `swift -` its stdin; swift build, run, test and package are the package manager's.
  { names: ['swift'], runs: [{ whenOperand: { index: 0, is: ['-'] }, code: 'code', codeStdin: true }, { whenOperandMatches: { index: 0, pattern: '\\.swift$' }, code: 'code', codeFile: 0 }, { nothing: true }] },
  // octave --eval CODE (system(…), shell_cmd), a script file; QuickJS's qjs -e CODE (std.system, os.exec) and its
  // files; crystal eval CODE and crystal run FILE / crystal FILE (system, Process.run, backticks).
  { names: ['octave', 'octave-cli'], options: { short: 'fHiqVWxp:', long: ['eval=', 'no-gui', 'gui', 'quiet|q', 'silent', 'norc|f', 'no-init-file', 'no-site-file', 'persist', 'no-history|H', 'no-window-system|W', 'interactive|i', 'path=|p', 'version|V', 'echo-commands|x'], permute: true },
    runs: [{ when: ['--eval'], code: 'code', codeOption: ['--eval'] }, { minOperands: 1, code: 'code', codeFile: 0 }, { nothing: true }] },
  { names: ['qjs', 'quickjs'], options: { short: 'e:hiqmI:', long: ['eval=|e', 'interactive|i', 'module|m', 'script', 'std', 'bignum', 'qjscalc', 'include=|I', 'help|h', 'quit|q', 'memory-limit=', 'stack-size='] },
    runs: [{ when: ['-e'], code: 'code', codeOption: ['-e'] }, { minOperands: 1, code: 'code', codeFile: 0 }, { nothing: true }] },
  { names: ['crystal'], subcommands: { eval: { runs: [{ minOperands: 1, code: 'code', codeOperand: 0 }, { code: 'code', codeStdin: true }] }, run: { runs: [{ minOperands: 1, code: 'code', codeFile: 0 }] }, i: { runs: [{ minOperands: 1, code: 'code', codeFile: 0 }] } },
    runs: [{ whenOperandMatches: { index: 0, pattern: '\\.cr$' }, code: 'code', codeFile: 0 }, { nothing: true }] },
  // Haskell's stack runs a file with runghc, runhaskell or script.
  { names: ['stack'], subcommands: Object.fromEntries(['runghc', 'runhaskell', 'script'].map((n) => [n, { runs: [{ minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] }])), runs: [{ nothing: true }] },
  // F# Interactive (`dotnet fsi`): a script, its --use/--load files, or stdin.
  {
    names: ['dotnet'],
    subcommands: {
      fsi: {
        options: { long: ['use=', 'load=', 'exec', 'quiet', 'nologo', 'help', 'reference=', 'define=', 'lib=', 'optimize', 'debug=?', 'readline', 'langversion=', 'warn=', 'nowarn=', 'compilertool='], valueSeparator: ':' },
        runs: [{ when: ['--use', '--load'], code: 'code', codeFileOption: ['--use', '--load'], also: true }, { when: ['--help'], nothing: true }, { minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }],
      },
      // dotnet-script runs a C# script (.csx).
      script: { runs: [{ minOperands: 1, code: 'code', codeFile: 0 }, { code: 'code', codeStdin: true }] },
    },
    runs: [{ nothing: true }],
  },
];
