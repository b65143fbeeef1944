// Environment variables that hand a program a command to run, whichever program the text runs with
// them (git's own are in git.ts). A value set on a command line is read as the command it is.

/** The value is a command line some program runs (through a shell, or split into words). */
export const COMMAND_ENV: ReadonlySet<string> = new Set([
  'SYSTEMD_PAGER', 'MANPAGER', 'PSQL_PAGER', 'BROWSER', 'RSYNC_RSH', 'RSYNC_CONNECT_PROG', 'SSH_ASKPASS', 'SUDO_ASKPASS',
  'PROMPT_COMMAND', 'FCEDIT', 'CVS_RSH', 'SVN_SSH', 'TERMINAL', 'DIFFPROG',
  // gh(1) environment: the browser, editor and pager it runs.
  'GH_BROWSER', 'GH_EDITOR', 'GH_PAGER',
]);

/** The value is more options of this program (`TAR_OPTIONS=--to-command=…`). */
/** NODE_OPTIONS reach every node process the command starts (npm, npx and the tools they run are node programs). */
/** LESS (and systemd's SYSTEMD_LESS, which systemctl and journalctl hand their pager as LESS) are options of the pager less (`-O FILE`). */
export const OPTIONS_ENV: Readonly<Record<string, string>> = { TAR_OPTIONS: 'tar', NODE_OPTIONS: 'node', LESS: 'less', SYSTEMD_LESS: 'less' };

/** Options variables whose words are options with or without their dash (less(1): `LESS=FRX`, systemd's `SYSTEMD_LESS=FRSXMK`). */
export const DASH_OPTIONAL_ENV: ReadonlySet<string> = new Set(['LESS', 'SYSTEMD_LESS']);

/**
 * Options a program reads from the environment as if they came first on its command line: node(1)
 * NODE_OPTIONS, perlrun(1) PERL5OPT (-M, -I, -m …), ruby(1) RUBYOPT (-r, -I …). The runner family
 * puts them in front of the program's own words; GOFLAGS is read by the build family (expand/builds.ts).
 */
export const PROGRAM_OPTIONS_ENV: Readonly<Record<string, string>> = { node: 'NODE_OPTIONS', perl: 'PERL5OPT', ruby: 'RUBYOPT' };

/** Options naming a dotenv file the program loads before it starts (node --env-file): the options variable there applies too. */
export const ENV_FILE_OPTIONS: Readonly<Record<string, readonly string[]>> = { node: ['--env-file', '--env-file-if-exists'] };
