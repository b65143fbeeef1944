// Languages whose lines are commands of their own, with the verbs that hand a line to a shell (data;
// read by expand/interpreters.ts, one command per line: the first group that matched).
import type { CodeLanguage } from './types.js';

/** Languages whose lines are commands of their own, with the verbs that hand a line to a shell. */
export const LINE_VERBS: Partial<Record<CodeLanguage, RegExp>> = {
  gdb: /^\s*(?:shell\s+|!|pipe\s+.*\|\s*)(.*)$/,
  expect: /^\s*(?:spawn|exec|system)\s+(?:-\S+\s+)*(.*)$/,
  ed: /^\s*(?:[0-9,.$;]*[rwe]\s*!|!)\s*(.*)$/,
  less: /^\s*[0-9]*!(.*)$|^\s*[0-9]*\|.(.*)$/,
  // Tcl's exec, and open of "|cmd" (a command pipeline).
  tcl: /(?:^|\[|;)\s*(?:exec\s+(?:-\S+\s+)*([^\]\n]*)|open\s+["{]\|([^"}\]\n]*))/,
  // Database shells, calculators and clients with a shell escape of their own.
  psql: /\\!\s*(.*)$/,
  mysql: /^\s*(?:system|\\!)\s+(.*)$/,
  dc: /!(.*)$/,
  // m4's syscmd/esyscmd, also as m4sugar names them (autoconf: m4_esyscmd([CMD]), m4_esyscmd_s), the argument's [ ] quotes dropped.
  m4: /(?:\bm4_|\b)e?syscmd(?:_s)?\(\s*\[*([^)\]]*)/,
  // CMake's execute_process(COMMAND …) (a -P script, a project file): up to the next keyword or the call's end.
  cmake: /(?:^|[\s(])COMMAND\s+((?:(?!\s+[A-Z][A-Z_]{3,}\b)[^)])*)/,
  // PostScript's %pipe%CMD (or |CMD) file names, which Ghostscript opens by running CMD when SAFER is off.
  postscript: /\((?:%pipe%|\|)([^)]*)\)/,
  ftp: /^\s*!(.*)$/,
  // gnuplot: `!CMD` (to the end of the line, after a `;` too), system("CMD") and `CMD` substitutions.
  gnuplot: /(?:^|;)\s*!(.*)$|\bsystem\s*\(\s*["']([^"']*)["']|`([^`]*)`/,
  fzf: /(?:execute(?:-silent|-multi)?|become|reload|preview)[(\[{<](.*?)[)\]}>]/,
  // gyp's command expansions `<!(CMD)` and `<!@(CMD)`, run while it reads the file (each put on a line of its own first).
  gyp: /^<!@?\((.*)\)/,
};

/** Where a language's commands start mid-line: each is read as a line of its own (gyp's `<!(…)`, each COMMAND of an execute_process). */
export const LINE_STARTS: Partial<Record<CodeLanguage, RegExp>> = { gyp: /(?=<!)/g, cmake: /(?=\bCOMMAND\s)/g };

/**
 * Variables a language's command lines name programs by, with the program each stands for (CMake sets
 * CMAKE_COMMAND to itself; find_package(Git) sets GIT_EXECUTABLE): replaced before the lines are read.
 */
export const KNOWN_PROGRAM_VARIABLES: Partial<Record<CodeLanguage, Readonly<Record<string, string>>>> = {
  cmake: { '${CMAKE_COMMAND}': 'cmake', '${CMAKE_CTEST_COMMAND}': 'ctest', '${CMAKE_CPACK_COMMAND}': 'cpack', '${GIT_EXECUTABLE}': 'git' },
};
