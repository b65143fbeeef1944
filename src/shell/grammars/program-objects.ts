// Libraries whose objects stand for programs (data; read by expand/program-objects.ts): calling the
// object (or binding arguments to it) runs the program with the call's arguments as its words.
// Python's sh (sh.readthedocs.io): `sh.docker("restart", "web")`, `sh.git.status()` (an attribute
// is a subcommand), `sh.docker.bake("restart")("web")`, `sh.Command("docker")(…)` and
// `from sh import docker`. plumbum (plumbum.readthedocs.io, Local commands): `local["docker"]("ps")`,
// `local["docker"]["restart", "web"]()` (square brackets bind arguments), `local.get("docker")`,
// `from plumbum.cmd import docker`. A name the code assigns one to (`d = local["docker"]`) is one too.
import type { CodeLanguage } from './types.js';

export interface ProgramLibrary {
  /** The code loads the library: only then are these forms programs. */
  readonly loads: RegExp;
  /** Imports of programs from the library: the import list (`docker, git as g`) in group 1. */
  readonly imports: RegExp;
  /** A program object: its name as an identifier in group `name`, or as a literal's text in group `lit`. */
  readonly objects: readonly RegExp[];
  /** An attribute of the object is a subcommand (`sh.git.status`); these attributes bind arguments instead. */
  readonly subcommands?: { readonly bind: RegExp };
  /** An identifier's underscores are dashes in the program's name (sh: `sh.google_chrome`). */
  readonly dashes?: true;
  /** The library's own names, which are no programs (`sh.ErrorReturnCode`). */
  readonly own?: RegExp;
}

const LITERAL_NAME = String.raw`(?<q>["'])(?<lit>[^"'\n]{1,200})\k<q>`;

export const PROGRAM_LIBRARIES: Partial<Record<CodeLanguage, readonly ProgramLibrary[]>> = {
  python: [
    {
      loads: /^[ \t]*(?:import[ \t]+sh\b|from[ \t]+sh[ \t]+import\b)/m,
      imports: /^[ \t]*from[ \t]+sh[ \t]+import[ \t]+\(?([\w \t,]+)\)?/gm,
      objects: [new RegExp(String.raw`\bsh\.Command\(\s*${LITERAL_NAME}\s*\)`, 'g'), /(?<![\w.])sh\.(?<name>[A-Za-z_]\w*)/g],
      subcommands: { bind: /^bake$/ },
      dashes: true,
      own: /^(?:Command|ErrorReturnCode\w*|SignalException\w*|TimeoutException|CommandNotFound|RunningCommand|ForkException|contrib|pushd|glob|which|__\w+)$/,
    },
    {
      loads: /^[ \t]*(?:import|from)[ \t]+plumbum\b/m,
      imports: /^[ \t]*from[ \t]+plumbum\.cmd[ \t]+import[ \t]+\(?([\w \t,]+)\)?/gm,
      objects: [new RegExp(String.raw`\blocal\s*(?:\[|\.get\(|\.which\()\s*${LITERAL_NAME}\s*[\])]`, 'g'), /(?<![\w.])(?:plumbum\.)?cmd\.(?<name>[A-Za-z_]\w*)/g],
    },
  ],
};
