// Compilers and build tools once kept as data (grammars/known.ts) whose option, operand or input file runs
// a program: the C compiler drivers' -wrapper (their subprograms run under it) and -B (as, ld, cc1 taken from
// that directory), and autoconf's tools, which run m4 over configure.ac (m4_esyscmd and syscmd run at
// autoconf time). Rows of the runner table (types.ts), spread into TOOL_RUNNERS (tool-runners.ts).
import type { Runner } from './types.js';

/** The programs a gcc or clang driver runs, looked up in a -B directory first (gcc(1) -B). */
const CC_PROGRAMS = ['cpp', 'cc1', 'cc1plus', 'cc1obj', 'cc1objplus', 'f951', 'd21', 'gnat1', 'lto1', 'lto-wrapper', 'collect2', 'as', 'ld', 'ld.bfd', 'ld.gold', 'ld.lld', 'ld.mold', 'lld'];

/** Where the system's own toolchains live: a -B there takes the programs installed with the compiler. */
const SYSTEM_TOOLCHAINS = ['/usr', '/lib', '/lib64', '/lib32', '/libx32', '/opt', '/bin', '/sbin', '/nix/store', '/snap', '/Library/Developer', '/Applications/Xcode.app'];

const CC_RUNS = [
  { when: ['-wrapper'], shellOption: ['-wrapper'], valueSplit: ',', also: true, label: 'the compiler driver -wrapper' },
  // (COMPILER_PATH is searched as -B directories are; GCC_EXEC_PREFIX is a -B prefix of its own.)
  { programsIn: { options: ['-B'], names: CC_PROGRAMS, trusted: SYSTEM_TOOLCHAINS, variables: ['COMPILER_PATH', 'GCC_EXEC_PREFIX'] }, also: true },
  { nothing: true },
] as const;

/** The m4 files autoconf's tools read besides the template, in the working directory: aclocal.m4 (autoconf), acinclude.m4 (aclocal). */
const M4_BESIDES = [
  { scriptUp: { file: 'aclocal.m4', here: true }, code: 'm4', also: true },
  { scriptUp: { file: 'acinclude.m4', here: true }, code: 'm4', also: true },
] as const;

/** The template: configure.ac, else configure.in, in the working directory. */
const TEMPLATE = [
  { scriptUp: { file: 'configure.ac', here: true }, code: 'm4', also: true },
  { scriptUp: { file: 'configure.in', here: true }, code: 'm4' },
] as const;

const HELP = { when: ['--help', '--version'], nothing: true } as const;

/** autoconf, autoheader and autoupdate read TEMPLATE (default configure.ac, else configure.in) as m4. */
const AUTOCONF_RUNS = [HELP, ...M4_BESIDES, { minOperands: 1, code: 'm4', codeFile: 0 }, ...TEMPLATE] as const;

const AUTOCONF_OPTIONS = { short: 'hVvdfiWo:I:B:t:', long: ['help|h', 'version|V', 'verbose|v', 'debug|d', 'force|f', 'initialization|i', 'output=|o', 'warnings=|W', 'include=|I', 'prepend-include=|B', 'trace=|t'], permute: true, abbreviate: true };

export const BUILD_RUNNERS: readonly Runner[] = [
  { names: ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'musl-gcc'], options: { long: ['wrapper='], short: 'B:W:o:I:L:l:D:U:x:', singleDashLong: true, permute: true }, runs: CC_RUNS },
  { names: ['autoconf', 'autoheader', 'autoupdate'], options: AUTOCONF_OPTIONS, runs: AUTOCONF_RUNS },
  // aclocal and automake trace configure.ac with m4; autoreconf runs them all in each directory it is given.
  { names: ['aclocal', 'automake'], options: { ...AUTOCONF_OPTIONS, short: 'hVvfiaW:I:' }, runs: [HELP, ...M4_BESIDES, ...TEMPLATE] },
  { names: ['autoreconf'], options: { ...AUTOCONF_OPTIONS, short: 'hVvdfismW:I:B:' }, runs: [HELP,
    { minOperands: 1, scriptUp: { file: 'configure.ac', dir: 0, here: true }, code: 'm4', also: true }, { minOperands: 1, scriptUp: { file: 'configure.in', dir: 0, here: true }, code: 'm4' },
    ...M4_BESIDES, ...TEMPLATE] },
  // autom4te -l LANGUAGE FILE…: every file is m4 input.
  { names: ['autom4te'], options: { short: 'hVvdfl:o:W:I:B:t:M', long: ['language=|l', 'output=|o', 'warnings=|W', 'include=|I', 'prepend-include=|B', 'trace=|t', 'melt|M', 'help|h', 'version|V', 'force|f', 'verbose|v', 'debug|d'], permute: true, abbreviate: true },
    runs: [HELP, { code: 'm4', codeFiles: 0 }] },
];
