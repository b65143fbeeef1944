// What git runs besides itself: configuration keys and environment variables whose value is a
// command, and subcommands with options that hand git a command. Data only (see expand/managed.ts).
import type { OptionGrammar } from '../getopt.js';

/** Configuration keys whose value is a command git runs (through a shell). */
export const GIT_COMMAND_KEYS = [/^core\.(pager|editor|sshcommand|fsmonitor|askpass|gitproxy)$/, /^pager\./, /^alias\./,
  /^diff\.external$/, /^diff\..+\.(command|textconv)$/, /^filter\..+\.(clean|smudge|process)$/, /^merge\..+\.driver$/,
  /^sequence\.editor$/, /^gpg(\.ssh|\.x509|\.openpgp)?\.program$/, /^credential(\..+)?\.helper$/, /^uploadpack\.packobjectshook$/,
  /^remote\..+\.(receivepack|uploadpack|proxy)$/, /^(difftool|mergetool)\..+\.cmd$/, /^web\.browser$/, /^browser\..+\.cmd$/,
  /^interactive\.difffilter$/, /^sendemail\.(tocmd|cccmd|smtpserver|sendmailcmd)$/, /^core\.hookspath$/, /^include\.path$/, /^includeif\./,
  /^submodule\..+\.update$/, /^core\.alternaterefscommand$/, /^gpg\.ssh\.defaultkeycommand$/, /^grep\.openfilesinpager$/,
  // git help's man viewers (man.<tool>.cmd, man.<tool>.path), git web--browse's browser paths, instaweb's httpd (git-config(1)).
  /^man\..+\.(cmd|path)$/, /^browser\..+\.path$/, /^instaweb\.httpd$/];

/**
 * Keys of a guarding section (`push.*`) shown harmless, with the values that are: they neither run a
 * program nor change which branch a push updates or whether it forces. Any other key of the section,
 * or another value, stays a write of the guarded config. push.default `current` and `simple` push the
 * current branch to its namesake (git-config(1)), as a bare `git push` is judged; `matching` (every
 * branch) and `upstream` (the tracked one, which may be a protected or promoted branch) are not here.
 */
export const HARMLESS_CONFIG: Readonly<Record<string, RegExp>> = {
  'push.autosetupremote': /^(?:true|false|yes|no|on|off|1|0)$/i,
  'push.default': /^(?:current|simple|nothing)$/,
  'push.followtags': /^(?:true|false|yes|no|on|off|1|0)$/i,
};

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
  // git-instaweb(1): -d/--httpd is the web server it starts (with its options).
  'instaweb': { option: ['--httpd', '-d'] },
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

/**
 * git's own commands (git 2.39 `git --list-cmds=main,nohelpers`, without the remote helpers): git runs
 * one of these before any alias of that name ("aliases that hide existing Git commands are ignored",
 * git-config(1)). Any other subcommand may be an alias or a `git-<sub>` found on the PATH, so the
 * fast path leaves it to the classifier, which reads the config files.
 */
export const GIT_COMMANDS: readonly string[] = [
  'add', 'am', 'annotate', 'apply', 'archive', 'bisect', 'blame', 'branch', 'bugreport', 'bundle', 'cat-file',
  'check-attr', 'check-ignore', 'check-mailmap', 'check-ref-format', 'checkout', 'checkout-index', 'cherry',
  'cherry-pick', 'clean', 'clone', 'column', 'commit', 'commit-graph', 'commit-tree', 'config', 'count-objects',
  'credential', 'credential-cache', 'credential-store', 'daemon', 'describe', 'diagnose', 'diff', 'diff-files',
  'diff-index', 'diff-tree', 'difftool', 'fast-export', 'fast-import', 'fetch', 'fetch-pack', 'filter-branch',
  'fmt-merge-msg', 'for-each-ref', 'for-each-repo', 'format-patch', 'fsck', 'fsck-objects', 'gc', 'get-tar-commit-id',
  'grep', 'hash-object', 'help', 'hook', 'http-backend', 'http-fetch', 'http-push', 'imap-send', 'index-pack', 'init',
  'init-db', 'instaweb', 'interpret-trailers', 'log', 'ls-files', 'ls-remote', 'ls-tree', 'mailinfo', 'mailsplit',
  'maintenance', 'merge', 'merge-base', 'merge-file', 'merge-index', 'merge-octopus', 'merge-one-file', 'merge-ours',
  'merge-recursive', 'merge-recursive-ours', 'merge-recursive-theirs', 'merge-resolve', 'merge-subtree', 'merge-tree',
  'mergetool', 'mktag', 'mktree', 'multi-pack-index', 'mv', 'name-rev', 'notes', 'pack-objects', 'pack-redundant',
  'pack-refs', 'patch-id', 'pickaxe', 'prune', 'prune-packed', 'pull', 'push', 'quiltimport', 'range-diff',
  'read-tree', 'rebase', 'receive-pack', 'reflog', 'remote', 'repack', 'replace', 'request-pull', 'rerere', 'reset',
  'restore', 'rev-list', 'rev-parse', 'revert', 'rm', 'send-pack', 'shell', 'shortlog', 'show', 'show-branch',
  'show-index', 'show-ref', 'sparse-checkout', 'stage', 'stash', 'status', 'stripspace', 'submodule',
  'switch', 'symbolic-ref', 'tag', 'unpack-file', 'unpack-objects', 'update-index', 'update-ref', 'update-server-info',
  'upload-archive', 'upload-pack', 'var', 'verify-commit', 'verify-pack', 'verify-tag', 'version', 'whatchanged',
  'worktree', 'write-tree',
];

/**
 * Commands that reach a remote through its transport (gitremote-helpers(7)); `verb`: the first operand
 * is a verb (`remote update`, `submodule update`), not the repository, so every configured remote may be reached.
 */
export const GIT_TRANSPORTS: Readonly<Record<string, { readonly verb?: true }>> = {
  fetch: {}, pull: {}, push: {}, clone: {}, 'ls-remote': {}, 'send-pack': {}, 'fetch-pack': {}, remote: { verb: true }, submodule: { verb: true },
};

/** URL schemes git speaks itself (no helper program); any other `scheme://` runs git-remote-<scheme>. */
export const GIT_NATIVE_SCHEMES: readonly string[] = ['git', 'ssh', 'git+ssh', 'ssh+git', 'file'];

/**
 * Programs that run a command they do not have as the program PREFIX-NAME, found on their exec path
 * (an option or variable) or PATH: git (git(1), `git foo` runs git-foo) and cargo (cargo(1), "external
 * subcommands": `cargo foo` runs cargo-foo from $CARGO_HOME/bin or PATH). `systemDirs`: where the
 * program's own are installed (a PREFIX-NAME there is the program itself).
 */
export const EXTERNAL_COMMANDS: Readonly<Record<string, { readonly prefix: string; readonly systemDirs: RegExp; readonly execPathEnv?: string }>> = {
  git: { prefix: 'git-', systemDirs: /^\/(?:usr\/(?:local\/)?)?(?:s?bin|lib\/git-core|libexec\/git-core)$/, execPathEnv: 'GIT_EXEC_PATH' },
  cargo: { prefix: 'cargo-', systemDirs: /^\/(?:usr\/(?:local\/)?)?s?bin$/ },
};

/**
 * Subcommands that leave the current branch as it is, so that one between a switch and a force push
 * of HEAD keeps the switch's branch current: each with the most operands it may take without naming a
 * branch it checks out first (git-rebase(1): `git rebase UPSTREAM BRANCH` switches to BRANCH), and the
 * options under which it may switch (an --exec line or an interactive todo list can run `git checkout`).
 */
export const KEEPS_BRANCH: Readonly<Record<string, { readonly options?: OptionGrammar; readonly maxOperands?: number; readonly unless?: readonly string[] }>> = {
  add: {}, commit: {}, status: {}, diff: {}, log: {}, show: {}, fetch: {},
  rebase: {
    options: {
      short: 'iqvnfkmC:s:X:x:S::',
      long: ['onto=', 'exec=|x', 'strategy=|s', 'strategy-option=|X', 'interactive|i', 'root', 'autosquash', 'no-autosquash', 'autostash',
        'no-autostash', 'rebase-merges=?', 'keep-base', 'quiet|q', 'verbose|v', 'force-rebase|f', 'fork-point', 'no-fork-point', 'merge|m',
        'update-refs', 'no-update-refs', 'committer-date-is-author-date', 'ignore-date', 'signoff', 'gpg-sign=?|S', 'empty=', 'no-verify', 'verify'],
      permute: true,
    },
    maxOperands: 1,
    unless: ['--exec', '--interactive', '--root', '--edit-todo'],
  },
};

/**
 * Subcommands' own options, where a rule reads their operands or flags (policy/match.ts: the path and
 * flags of `git branch`): so that a value is not read as an operand (`--contains HEAD~3`, `--sort
 * -committerdate`, `--format "%(refname)"`; git-branch(1): the filters take the next word). `-l` is
 * left a flag of its own, not `--list` (before git 2.20 it was --create-reflog, with a branch made).
 */
export const GIT_SUB_OPTIONS: Readonly<Record<string, OptionGrammar>> = {
  branch: {
    short: 'DMCdmcfrailqvtu:',
    long: ['delete|d', 'move|m', 'copy|c', 'force|f', 'remotes|r', 'all|a', 'list', 'show-current', 'verbose|v', 'quiet|q', 'abbrev=?',
      'no-abbrev', 'color=?', 'no-color', 'column=?', 'no-column', 'sort=', 'format=', 'contains=', 'no-contains=', 'merged=', 'no-merged=',
      'points-at=', 'track=?|t', 'no-track', 'set-upstream-to=|u', 'unset-upstream', 'edit-description', 'create-reflog', 'no-create-reflog',
      'recurse-submodules', 'ignore-case|i', 'omit-empty'],
    permute: true, abbreviate: true,
  },
};
