// Interactive shells that start without the prompt guard (`gitops-guard shell-init`), as data for
// `check --prompt` (src/cli/prompt-shells.ts). The guard lives in bash's ~/.bashrc, zsh's ~/.zshrc and
// fish's config.fish: a shell that reads none of them, or reads them from another home, has no guard.

/** Shells `shell-init` has no snippet for: every interactive one of these is unguarded. */
export const UNGUARDED_SHELLS: ReadonlySet<string> = new Set(['sh', 'dash', 'ash', 'ksh', 'ksh93', 'mksh', 'pdksh', 'oksh',
  'lksh', 'posh', 'yash', 'tcsh', 'csh', 'rbash']);

export interface GuardedShell {
  /** Options that skip the startup file holding the guard, or read another one (bash(1), zsh(1), fish(1)). */
  readonly skips: readonly string[];
  /** Options that take a value (the next word), so that word is not a script. */
  readonly valued: readonly string[];
  /** Single-letter options that skip it, also inside a cluster (`zsh -fi`). */
  readonly skipLetters: string;
  /** Single-letter options that give a command string (then the classifier has read it: not an interactive start). */
  readonly commandLetters: string;
}

export const GUARDED_SHELLS: Readonly<Record<string, GuardedShell>> = {
  bash: { skips: ['--norc', '--posix', '--rcfile', '--init-file', '--restricted'], valued: ['--rcfile', '--init-file', '-O', '+O', '-o', '+o'], skipLetters: 'r', commandLetters: 'c' },
  zsh: { skips: ['--no-rcs', '--no-globalrcs', '--emulate', '--sh-word-split'], valued: ['--emulate', '-o', '+o'], skipLetters: 'f', commandLetters: 'c' },
  fish: { skips: ['--no-config', '--private'], valued: ['--init-command', '-C', '--features', '--debug', '--debug-output', '--profile'], skipLetters: 'N', commandLetters: 'c' },
};

/** Variables that move or hide the startup files (HOME for all three, ZDOTDIR for zsh, XDG_CONFIG_HOME for fish, ENV for sh). */
export const STARTUP_VARIABLES: ReadonlySet<string> = new Set(['HOME', 'ZDOTDIR', 'XDG_CONFIG_HOME', 'ENV', 'BASH_ENV']);

/** Wrappers a shell may be started behind at a prompt, and their options that take a value. */
export const SHELL_WRAPPERS: Readonly<Record<string, readonly string[]>> = {
  exec: ['-a'], command: [], builtin: [], nohup: [], nice: ['-n'], time: [], setsid: [], stdbuf: ['-i', '-o', '-e'],
  sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-T', '-U'], doas: ['-u', '-C'], env: ['-u', '-C', '-S'], busybox: [], toybox: [],
};
