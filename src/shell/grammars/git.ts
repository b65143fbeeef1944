// What git runs besides itself: configuration keys and environment variables whose value is a
// command, and subcommands with options that hand git a command. Data only (see expand/managed.ts).

/** Configuration keys whose value is a command git runs (through a shell). */
export const GIT_COMMAND_KEYS = [/^core\.(pager|editor|sshcommand|fsmonitor|askpass|gitproxy)$/, /^pager\./, /^alias\./,
  /^diff\.external$/, /^diff\..+\.(command|textconv)$/, /^filter\..+\.(clean|smudge|process)$/, /^merge\..+\.driver$/,
  /^sequence\.editor$/, /^gpg(\.ssh|\.x509|\.openpgp)?\.program$/, /^credential(\..+)?\.helper$/, /^uploadpack\.packobjectshook$/,
  /^remote\..+\.(receivepack|uploadpack|proxy)$/, /^(difftool|mergetool)\..+\.cmd$/, /^web\.browser$/, /^browser\..+\.cmd$/,
  /^interactive\.difffilter$/, /^sendemail\.(tocmd|cccmd|smtpserver|sendmailcmd)$/, /^core\.hookspath$/, /^include\.path$/, /^includeif\./,
  /^submodule\..+\.update$/, /^core\.alternaterefscommand$/, /^gpg\.ssh\.defaultkeycommand$/, /^grep\.openfilesinpager$/];

/** Environment variables whose value is a command git (or ssh under it) runs. */
export const GIT_COMMAND_ENV = ['GIT_PAGER', 'PAGER', 'GIT_EDITOR', 'EDITOR', 'VISUAL', 'GIT_SSH_COMMAND', 'GIT_EXTERNAL_DIFF',
  'GIT_PROXY_COMMAND', 'GIT_SEQUENCE_EDITOR', 'LESSOPEN', 'LESSCLOSE'];
/** Environment variables that name a program (not a shell string) git runs. */
export const GIT_PROGRAM_ENV = ['GIT_SSH', 'GIT_ASKPASS', 'SSH_ASKPASS'];

/** git subcommands and the options that hand git a command to run. */
export const GIT_RUNS: Record<string, { option?: readonly string[]; operands?: number; argv?: number }> = {
  'submodule': { operands: 1 },
  'rebase': { option: ['--exec', '-x'] },
  'difftool': { option: ['--extcmd', '-x'] },
  'bisect': { argv: 1 },
  'filter-branch': { option: ['--tree-filter', '--index-filter', '--msg-filter', '--commit-filter', '--env-filter', '--parent-filter', '--tag-name-filter'] },
  'fetch': { option: ['--upload-pack'] }, 'clone': { option: ['--upload-pack', '-u'] }, 'pull': { option: ['--upload-pack'] },
  'ls-remote': { option: ['--upload-pack'] }, 'archive': { option: ['--exec'] }, 'push': { option: ['--receive-pack', '--exec'] },
  'send-pack': { option: ['--receive-pack', '--exec'] },
  'grep': { option: ['--open-files-in-pager', '-O'] },
  'send-email': { option: ['--to-cmd', '--cc-cmd', '--sendmail-cmd', '--smtp-server'] },
};

/** Words without which a git command runs nothing but git (for the fast path): the above, spelled as in text. */
export const GIT_RUNS_KEYWORDS: readonly string[] = [
  ...Object.keys(GIT_RUNS), ...new Set(Object.values(GIT_RUNS).flatMap((r) => r.option ?? [])), 'foreach', 'ext::', 'insteadOf',
  'GIT_', 'PAGER', 'EDITOR', 'VISUAL', 'LESSOPEN', 'LESSCLOSE', 'SSH_ASKPASS', 'config', 'clone', '--template',
  // a repository or a home whose config the text names
  '--git-dir', 'HOME=', 'XDG_CONFIG_HOME',
  // git-<sub> found on a PATH or an exec path the text names
  '--exec-path', 'PATH=',
];
