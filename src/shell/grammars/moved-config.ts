// Variables that move a program's own config or startup files to another place, which the program
// then reads by itself (each checked with the program: aws-cli and boto3, gh, glab, zsh, fish, bash -l).
// Data only; expand/moved-config.ts judges the files they name as those kinds (src/content-judged.ts).
import type { JudgedKind } from '../../content-judged.js';

export type Moved =
  /** The value is the file. */
  | { readonly file: true; readonly kind: JudgedKind }
  /** The value is a directory holding these files. */
  | { readonly names: readonly string[]; readonly kind: JudgedKind; readonly shells?: true }
  /** The value replaces the home directory (or XDG_CONFIG_HOME): every plain file of that anchor. */
  | { readonly anchor: 'home' | 'xdg' }
  /** The value is a lesskey source file: its `#env` section sets variables less runs (LESSOPEN, LESSCLOSE). */
  | { readonly lesskey: true };

export const MOVED_CONFIG: Readonly<Record<string, Moved>> = {
  AWS_CONFIG_FILE: { file: true, kind: 'aws-config' },
  AWS_SHARED_CREDENTIALS_FILE: { file: true, kind: 'aws-config' },
  GH_CONFIG_DIR: { names: ['config.yml'], kind: 'gh-aliases' },
  GLAB_CONFIG_DIR: { names: ['aliases.yml'], kind: 'glab-aliases' },
  // zsh(1) STARTUP/SHUTDOWN FILES: $ZDOTDIR/.zshenv and the others.
  ZDOTDIR: { names: ['.zshenv', '.zprofile', '.zshrc', '.zlogin'], kind: 'script', shells: true },
  // less(1) reads LESSKEYIN (a lesskey source, lesskey(1)): `#env` lines set LESSOPEN and the like.
  LESSKEYIN: { lesskey: true },
  XDG_CONFIG_HOME: { anchor: 'xdg' },
  HOME: { anchor: 'home' },
};

/** The programs that read shell startup files as they start (the `script` kind of a moved home). */
export const STARTUP_READERS: ReadonlySet<string> = new Set(['bash', 'sh', 'zsh', 'fish', 'dash', 'ksh', 'mksh', 'su', 'sudo', 'login', 'tmux', 'screen']);
