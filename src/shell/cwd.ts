// The working directory a command leaves (`cd`, `pushd`) and the home directory `~` stands for.
import type { SimpleCommand } from './invocations.js';
import { assignedOnce } from './assigned-once.js';

/**
 * The working directory after `command` runs in `cwd` (`cd`, `pushd`); null when not static. With the
 * whole `text`, a directory made of variables it assigns once is static too.
 */
export function nextCwd(command: SimpleCommand, cwd: string | null, text?: string): string | null {
  const name = command.words[0]?.value;
  if (name !== 'cd' && name !== 'pushd') return cwd;
  const args = command.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
  const word = args[0];
  if (!word) return null; // `cd` alone goes home: not the project
  const dir = { value: word.value ?? (text === undefined ? null : filledDir(word.text, command.env, text)) };
  if (dir.value === null || dir.value === '-') return null;
  // `~/x` is the user's home, as the shell running the command (this user's) expands it.
  if (dir.value === '~' || dir.value.startsWith('~/')) return homeDir() === null ? null : homeDir() + dir.value.slice(1);
  if (dir.value.startsWith('~') || (text !== undefined && searchesCdpath(dir.value, text))) return null;
  if (dir.value.startsWith('/')) return dir.value;
  return cwd === null ? null : cwd === '.' ? dir.value : `${cwd}/${dir.value}`;
}

/**
 * Does bash look for this `cd` target on CDPATH before the directory it is in? For a relative target
 * whose first component is not `.` or `..`, where the text may set CDPATH or the environment has it
 * (`CDPATH=stacks; cd infra` goes to stacks/infra when that exists): then where it lands is not known here.
 */
export function searchesCdpath(target: string, text: string): boolean {
  if (target.startsWith('/') || /^\.\.?(?:\/|$)/.test(target)) return false;
  return !!process.env.CDPATH || /\bCDPATH\b/.test(text);
}

/** `cd` targets computed at run time followed past the last static directory at most this many. */
const MAX_TRAIL = 8;

/**
 * The trail a `cd` leaves where its target is not static here (`cd "$(git rev-parse --show-toplevel)"`,
 * `cd "$(dirname "$0")/.."`): the last static directory, then each target's text, for the expansion to
 * fill in with what it knows; undefined when there is none or the command is no `cd`.
 */
export function cwdTrail(command: SimpleCommand, before: string | null, trail: readonly string[] | undefined): readonly string[] | undefined {
  const name = command.words[0]?.value;
  if (name !== 'cd' && name !== 'pushd') return trail;
  const args = command.words.slice(1);
  const word = args[0];
  // Only the one-operand form: an option (`-P`, `-L`) or more words leave it unknown.
  if (!word || args.length !== 1 || word.value !== null || word.text.startsWith('-')) return undefined;
  const from = before !== null ? [before] : trail;
  return from === undefined || from.length > MAX_TRAIL ? undefined : [...from, word.text];
}

/** A variable's literal value that is a plain relative or absolute path (no glob, no `~`, no option). */
const PLAIN_PATH = /^[\w./@+-]*$/;

/**
 * A directory word built from variables the text assigns a literal path once (`d=packages/a; cd "$d"`),
 * with `$PWD` at its start for the directory it is in (`cd "$PWD/x"` is `cd x`); null when any part
 * is known only at run time.
 */
function filledDir(word: string, env: ReadonlyMap<string, string | null>, text: string): string | null {
  const inner = /^"(.*)"$/s.exec(word)?.[1] ?? word;
  const rest = inner.replace(/^(?:\$PWD|\$\{PWD\})(?![\w])\/*/, './');
  const filled = rest.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (all, a?: string, b?: string) => {
    const name = (a ?? b)!;
    const v = env.get(name);
    return typeof v === 'string' && v !== '' && PLAIN_PATH.test(v) && !v.startsWith('-') && name !== 'PWD' && assignedOnce(text, name) ? v : '\u0000';
  });
  return PLAIN_PATH.test(filled) && filled !== '' && !filled.startsWith('-') ? filled : null;
}

/** The home directory `~` stands for, when the environment says. */
export function homeDir(): string | null {
  const h = process.env.HOME;
  return h && h.startsWith('/') ? h.replace(/\/+$/, '') || '/' : null;
}


/**
 * Where the environment keeps the text of a PATH whose value is computed (`PATH=.:$PATH`,
 * `export PATH="$(pwd):$PATH"`), so that the directories the text names on it stay known
 * (expand/known-vars.ts textPathDirs). No shell variable has this name.
 */
export const PATH_TEXT = '\u0000PATH';

/**
 * Where the environment keeps the text of any variable's computed value (`h=$(git rev-parse
 * --git-path hooks)`, `x=$(echo …)`), with the directory it was assigned in (relative to the text's
 * start, as a command's cwd is): expand/known-vars.ts reads it where the variable is used, when each
 * part of it is static there. No shell variable has a name with this prefix.
 */
export const VALUE_TEXT = '\u0003';

/** The stored form of a computed value's text: the directory it was assigned in (empty: not static), NUL, the text. */
export function valueText(cwd: string | null, text: string): string {
  return `${cwd ?? ''}\u0000${text}`;
}

/**
 * `$PWD`, `${PWD}`, `$(pwd)`, `` `pwd` `` in an assignment's text as the directory it is made in (bash
 * expands them then), where that is an absolute path the text fixes; else they stay, read where the
 * variable is used.
 */
export function pwdFilled(text: string, cwd: string | null): string {
  if (cwd === null || !/^\/[\w./@+-]*$/.test(cwd)) return text;
  return text.replace(/\$\{PWD\}|\$PWD(?![A-Za-z0-9_])|\$\(\s*pwd\s*\)|`\s*pwd\s*`/g, cwd);
}
