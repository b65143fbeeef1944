// The working directory a command leaves (`cd`, `pushd`) and the home directory `~` stands for.
import type { SimpleCommand } from './invocations.js';

/** The working directory after `command` runs in `cwd` (`cd`, `pushd`); null when not static. */
export function nextCwd(command: SimpleCommand, cwd: string | null): string | null {
  const name = command.words[0]?.value;
  if (name !== 'cd' && name !== 'pushd') return cwd;
  const args = command.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
  const dir = args[0];
  if (!dir) return null; // `cd` alone goes home: not the project
  if (dir.value === null || dir.value === '-') return null;
  // `~/x` is the user's home, as the shell running the command (this user's) expands it.
  if (dir.value === '~' || dir.value.startsWith('~/')) return homeDir() === null ? null : homeDir() + dir.value.slice(1);
  if (dir.value.startsWith('~')) return null;
  if (dir.value.startsWith('/')) return dir.value;
  return cwd === null ? null : cwd === '.' ? dir.value : `${cwd}/${dir.value}`;
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
