// Where a bare command name is found when the text decides it: a file written, copied or linked
// earlier in the text into a directory on PATH, or a directory the text puts on PATH
// (`PATH=bin:$PATH deploy`, `env PATH=bin deploy`) holding a script of the project.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { basename } from '../words.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { isKnown, SYSTEM_BIN } from './known-names.js';
import { textPathDirs, withKnownVars } from './known-vars.js';
import { substitutionInner, substitutionOutput } from './output.js';
import { fixedSubstitution } from './fixed-substitutions.js';

/**
 * The command word with the parts the guard knows filled in (`$PWD/bin/deploy`, `"$(pwd)"/x`, `~+/x`,
 * `d=bin; $d/deploy`); undefined when there is none, or when the word is a path whose directory is
 * computed and whose name is no program the guard knows (`$x/deploy`: asked about, as `$d` is).
 */
export function knownHead(scope: Scope): Word | undefined {
  const head = scope.argv[0];
  if (!head) return undefined;
  // Only a path is filled in: a computed name (`x=docker; $x restart web`) stays asked about.
  const k = head.tail === null && head.value === null ? serverSubstitution(scope, head) : withKnownVars(scope, head);
  if (k !== head) scope.argv = [k, ...scope.argv.slice(1)];
  if (k.value === null && k.tail !== null && k.tail !== k.text && !/[*?[]/.test(k.text) && !isKnown(k.tail)) {
    scope.raise('dynamic-command', `the directory of the command \`${k.text}\` is computed at run time`);
    return undefined;
  }
  return k;
}

/**
 * On a server, a command name that is the static output of `$(printf …)` or `` `echo …` `` is that
 * name (`$(printf "\\144ocker") restart web`): there every command must be on the read-only list.
 */
function serverSubstitution(scope: Scope, head: Word): Word {
  // Here, only a name the text fixes outright (`$(cat <<'EOF' … EOF)`) is filled in.
  if (scope.local) return fixedSubstitution(scope, head, true);
  const inner = substitutionInner(head.text);
  const value = inner === null ? null : substitutionOutput(scope, inner);
  return value === null || value === '' || /\s/.test(value) ? head : { ...head, value, tail: basename(value) };
}

/** The path the bare name `value` runs, when the text decides it; null: the usual lookup. */
export function pathOf(scope: Scope, value: string): string | null {
  const written = writtenOnPath(scope, value);
  if (written !== null) return written;
  const search = textPathDirs(scope);
  if (search === undefined || scope.cwd === null) return null;
  for (const d of search) {
    const path = resolve(scope.cwd, d, value);
    if (scope.files.read(path).kind === 'missing') continue;
    // A program the families know, found where the system keeps programs, is that program (its
    // grammar reads it); anything else found on that PATH is a file of the text's choosing.
    if (isKnown(value) && SYSTEM_BIN.test(dirname(path))) return null;
    return path;
  }
  return null;
}

/**
 * The file a shell finds for the script name `name` (no slash) on a PATH the text sets: `source` and
 * `.` look there before the directory (bash's sourcepath, on by default), `bash FILE` when FILE is
 * not in the directory (bash(1) ARGUMENTS); null when the text sets no PATH or none holds it.
 */
export function scriptOnPath(scope: Scope, name: string): string | null {
  const search = textPathDirs(scope);
  if (search === undefined || scope.cwd === null || name.includes('/')) return null;
  for (const d of search) {
    const path = resolve(scope.cwd, d, name);
    if (scope.files.read(path).kind !== 'missing') return path;
  }
  return null;
}

function writtenOnPath(scope: Scope, name: string): string | null {
  const run0 = scope.run0;
  if (run0.written.size === 0 && run0.renamed.size === 0) return null;
  const path = scope.env.get('PATH') ?? process.env.PATH ?? '';
  const dirs = new Set([...path.split(':'), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin',
    join(homedir(), 'bin'), join(homedir(), '.local/bin')].filter((d) => d !== ''));
  for (const p of [...run0.written.keys(), ...run0.renamed.keys()]) if (basename(p) === name && dirs.has(dirname(p))) return p;
  return null;
}
