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

