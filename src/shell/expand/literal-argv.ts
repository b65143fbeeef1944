// Whether a process-starting call's command line is all in the code: it is given a literal command
// (a string, or a list of strings, nothing interpolated) and only plain options after it
// (`capture_output=True`, `{ encoding: 'utf8' }`); and whether a process-starting name that is not
// called is only imported or a module on the way to a call (`import subprocess`, `subprocess.run(…)`).
// Code whose every such name is one of these starts only the commands its literals spell, so how it
// builds other strings (`.decode()` of the output) does not reach a process. Used by spawn-calls.ts.

import { SHELL_NAMES } from '../grammars/runners.js';

export interface Span { readonly start: number; readonly end: number }
interface Literal { readonly text: string; readonly start: number; readonly end: number }

/** Values of options that cannot carry a command: emptied literals, booleans, numbers, stream constants. */
const PLAIN = String.raw`(?:""|True|False|None|true|false|nil|null|undefined|-?\d+(?:\.\d+)?|(?:subprocess\.)?(?:PIPE|DEVNULL|STDOUT)|sys\.std(?:out|err))`;
/** Options that name the program run instead (`executable='docker'`, `{ shell: './x' }`): not plain when a string. */
const PROGRAM_OPTION = String.raw`(?!(?:executable|shell|argv0|execPath)\s*[=:]\s*"")`;
/** Options after the command: Python and Ruby keywords, a JavaScript options object, of plain values. */
const PLAIN_OPTIONS = new RegExp(String.raw`^(?:\s*,\s*(?:${PROGRAM_OPTION}\w+\s*[=:]\s*${PLAIN}|\{(?:\s*${PROGRAM_OPTION}\w+\s*:\s*${PLAIN}\s*,?)*\s*\}))*\s*,?\s*$`);

/** Names after a process-starting module that are not calls of their own (`subprocess.PIPE`). */
const MODULE_CONSTANTS = /^\s*\.\s*(?:PIPE|DEVNULL|STDOUT|CalledProcessError|TimeoutExpired|CompletedProcess|SubprocessError)\b/;

/** A literal with nothing interpolated: single quotes, or double quotes without `$`, `@` or `#{`. */
function plainLiteral(raw: string): boolean {
  if (raw.startsWith("'")) return true;
  return raw.startsWith('"') && !/[$@]|#\{/.test(raw);
}

/** `text` from `from` on with each literal emptied (`""`); null when one of them is interpolated. */
function emptied(text: string, literals: readonly Literal[], from: number): string | null {
  let out = '';
  let at = from;
  for (const l of literals) {
    if (l.start < from) continue;
    if (!plainLiteral(text.slice(l.start, l.end))) return null;
    out += `${text.slice(at, l.start)}""`;
    at = l.end;
  }
  return out + text.slice(at);
}

/**
 * The span (in `args`, a call's arguments) of its literal command line: the first `count` literals,
 * closed lists and only plain options after them; null when anything else is there.
 */
export function literalCommand(args: string, literals: readonly Literal[], count: number): Span | null {
  const used = literals.slice(0, count);
  const head = used[0];
  const last = used[used.length - 1];
  if (!head || !last || used.some((l) => !plainLiteral(args.slice(l.start, l.end)))) return null;
  let between = args.slice(0, head.start);
  for (let k = 1; k < used.length; k++) between += args.slice(used[k - 1]!.end, used[k]!.start);
  let rest = emptied(args, literals.slice(count), last.end);
  if (rest === null) return null;
  for (let opened = (between.match(/\[/g) ?? []).length; opened > 0; opened--) {
    const close = /^\s*,?\s*\]/.exec(rest);
    if (!close) return null;
    rest = rest.slice(close[0].length);
  }
  return PLAIN_OPTIONS.test(rest) ? { start: head.start, end: last.end } : null;
}

/**
 * A process-starting name at [at, after) that is not called there, yet starts nothing: in an import
 * (`import subprocess`, `from subprocess import run`, `const { execSync } = require('child_process')`),
 * a module whose function is called next (`subprocess.run(`, `subprocess.PIPE`: `next` tells whether
 * the name after the dot is a process-starting one), or a keyword or assignment target (`shell=True`).
 */
export function harmlessReference(code: string, at: number, after: number, next: (name: string) => boolean): boolean {
  const following = code.slice(after, after + 80);
  if (/^\s*=(?![=>])/.test(following) || MODULE_CONSTANTS.test(following)) return true;
  const attribute = /^\s*\.\s*([A-Za-z_]\w*)/.exec(following);
  if (attribute) return next(attribute[1]!);
  const statement = code.slice(Math.max(code.lastIndexOf('\n', at - 1), code.lastIndexOf(';', at - 1)) + 1, at);
  if (/^\s*(?:import|from)\s[\w\s,.(){}]*$/.test(statement)) return true;
  return /^\s*(?:const|let|var)\s*\{[\w\s,:]*$/.test(statement)
    && /^[\w\s,:]*\}\s*=\s*require\(\s*['"](?:node:)?child_process['"]\s*\)/.test(following);
}

/** Shells a call's shell option may name and run its command string with as a shell does (`{ shell: '/bin/bash' }`). */
const KNOWN_SHELLS: ReadonlySet<string> = new Set([...SHELL_NAMES, 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);

/** Options of a process-starting call that name the program run instead (Node's `shell` and fork's `execPath`, Python's `executable`). */
const PROGRAM_VALUE = /(?:^|[\s,{(])(?:shell|executable|execPath)\s*[=:]\s*(?:(["'])((?:(?!\1)[^\\\n])*)\1|([^\s,)}]+))/g;

/**
 * The program a call's option names to run in place of its own (`{ shell: './x' }`, `executable='./x'`):
 * `null` when there is none or it is a known shell (or `true`/`false`), `computed` when it is not a literal.
 */
export function programOption(args: string): string | null | { computed: string } {
  for (const m of args.matchAll(PROGRAM_VALUE)) {
    const literal = m[2];
    if (literal === undefined) {
      // The interpreter itself (`execPath: process.execPath`, `executable=sys.executable`).
      if (new RegExp(`^${PLAIN}$`).test(m[3]!) || /^(?:process\.execPath|sys\.executable)$/.test(m[3]!)) continue;
      return { computed: m[3]! };
    }
    if (literal === '' || KNOWN_SHELLS.has(literal.replace(/^.*[\\/]/, ''))) continue;
    return literal;
  }
  return null;
}
