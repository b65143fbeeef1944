// The runner table: every program that runs a command, a shell string, a script or code, with its
// own options (which take values) and where its payload is. Data only; expand/runners.ts reads it.
// Options come from each program's manual (sudo(8), env(1), su(1), flock(1), tmux(1), tar(1), …).
import type { OptionGrammar } from '../getopt.js';
import { COMMAND_FILE_RUNNERS } from './command-file-runners.js';
import { HOST_RUNNERS } from './host-runners.js';
import { NODE_RUNNERS } from './node-runners.js';
import { PACKAGE_RUNNERS } from './package-runners.js';
import { WRAPPER_RUNNERS } from './wrapper-runners.js';
import type { Run, Runner } from './types.js';

/** A plain wrapper: the operands are the command. */
const ARGV: readonly Run[] = [{ argv: 0 }];

export const SHELL_NAMES = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'posh', 'rbash', 'fish',
  'ksh93', 'pdksh', 'oksh', 'lksh', 'tcsh', 'csh',
  // Oils' osh/ysh and brush are bash-compatible; elvish, xonsh, nushell and rc are read through expand/dialects.ts.
  'osh', 'ysh', 'brush', 'elvish', 'xonsh', 'nu', 'rc'];
/** Shells whose `echo` decodes backslash escapes by default (dash(1), zshbuiltins(1) echo, ksh's and ash's). */
export const ECHO_DECODES: ReadonlySet<string> = new Set(['sh', 'dash', 'zsh', 'ash', 'ksh', 'mksh', 'posh', 'yash', 'ksh93', 'pdksh', 'oksh', 'lksh']);

const shellOptions: OptionGrammar = {
  short: 'abcefhikmnprstuvxBCEHPTlDO:o:',
  long: ['rcfile=', 'init-file=', 'login', 'noprofile', 'norc', 'posix', 'restricted', 'verbose', 'version', 'help',
    'debugger', 'dump-strings', 'dump-po-strings', 'noediting', 'pretty-print', 'command=|c', 'interactive', 'no-config',
    'private', 'features=', 'emulate='],
  plus: true,
  dashEnds: true,
};

const SHELL_RUNS: readonly Run[] = [
  // -n reads commands without running them (bash(1); ignored by an interactive shell).
  { when: ['-n'], unless: ['-i'], nothing: true },
  { when: ['-c'], shellOperand: 0, label: '-c' },
  { when: ['-s'], stdinShell: true },
  { minOperands: 1, script: 0 },
  { stdinShell: true },
];


/** systemd's unit settings whose value is a command line it runs (systemd.service(5), systemd.socket(5)). */
const SYSTEMD_EXEC = 'Exec(?:Start|StartPre|StartPost|Condition|Reload|Stop|StopPre|StopPost)';

export const RUNNERS: readonly Runner[] = [
  // ------------------------------------------------------------------ shells
  { names: SHELL_NAMES.filter((n) => n !== 'fish'), options: shellOptions, runs: SHELL_RUNS },
  // fish(1): -c/--command and -C/--init-command take their command as the option's value (-C runs first).
  {
    names: ['fish'],
    options: { short: 'c:C:d:o:f:p:ilnNPvh', long: ['command=|c', 'init-command=|C', 'debug=|d', 'debug-output=|o', 'features=|f', 'profile=|p',
      'profile-startup=', 'interactive|i', 'login|l', 'no-execute|n', 'no-config|N', 'private|P', 'version|v', 'help|h', 'print-rusage-self', 'print-debug-categories'] },
    runs: [
      { when: ['-n', '-v', '-h'], nothing: true },
      { when: ['-C'], shellOption: ['-C'], label: '-C', also: true },
      { when: ['-c'], shellOption: ['-c'], label: '-c' },
      { minOperands: 1, script: 0 },
      { stdinShell: true },
    ],
  },
  { names: ['eval'], runs: [{ shellOperands: 0 }] },
  // zsh's `repeat N CMD` runs CMD N times (zshmisc(1), Complex Commands).
  { names: ['repeat'], runs: [{ argv: 1 }] },
  // zsh's `emulate MODE -c ARG` evaluates ARG under that emulation; zsh/zpty's `zpty NAME ARG…` runs the
  // words as a command line in a pseudo-terminal (zshbuiltins(1), zshmodules(1)).
  { names: ['emulate'], options: { short: 'lLRc:o:', plus: true, permute: true }, runs: [{ when: ['-c'], shellOption: ['-c'] }, { nothing: true }] },
  { names: ['zpty'], options: { short: 'ebdwrtLnm' }, runs: [{ when: ['-d', '-w', '-r', '-t', '-L'], nothing: true }, { minOperands: 2, shellOperands: 1 }, { nothing: true }] },
  { names: ['source', '.'], runs: [{ script: 0 }] },
  // trap's action runs later; the trap itself is judged too (a DEBUG trap is the bash shell guard's).
  { names: ['trap'], options: { short: 'lp' }, runs: [{ unless: ['-l', '-p'], minOperands: 2, shellOperand: 0, self: true }, { nothing: true }] },

  // ------------------------------------------------------------------ privilege and plain wrappers
  {
    names: ['sudo'],
    options: {
      short: 'AbBEeHiKklnPSsVvg:h::p:C:D:R:T:U:r:t:u:',
      long: ['askpass|A', 'background|b', 'bell|B', 'preserve-env=?', 'edit|e', 'group=|g', 'set-home|H', 'help',
        'host=', 'login|i', 'remove-timestamp|K', 'reset-timestamp|k', 'list|l', 'non-interactive|n',
        'preserve-groups|P', 'prompt=|p', 'chroot=|R', 'chdir=|D', 'role=|r', 'stdin|S', 'shell|s', 'type=|t',
        'command-timeout=|T', 'other-user=|U', 'user=|u', 'validate|v', 'version|V', 'close-from=|C'],
      abbreviate: true,
    },
    runs: [
      { when: ['-l', '-v', '-V', '--help'], nothing: true },
      { when: ['-e'], argv: 0, label: 'sudoedit' },
      // -s starts "the shell specified by the SHELL environment variable" (sudo(8)).
      { when: ['-s'], envShell: ['SHELL'], also: true },
      { when: ['-s', '-i'], minOperands: 1, assignments: true, shellOperands: 0, chdirOption: ['-D', '--chdir'] },
      // A shell with no command reads its script from stdin (`sudo -s < script`).
      { when: ['-s', '-i'], stdinShell: true },
      { assignments: true, argv: 0, chdirOption: ['-D', '--chdir'] },
    ],
  },
  { names: ['sudoedit'], runs: [{ nothing: true }] },
  { names: ['doas'], options: { short: 'Lnsa:C:u:' }, runs: [{ when: ['-s'], nothing: true }, { argv: 0 }] },
  { names: ['run0'], options: { long: ['user=|u', 'group=|g', 'nice=', 'chdir=|D', 'setenv=', 'unit=', 'property=', 'description=', 'slice=', 'machine=', 'background=', 'pty', 'pipe', 'no-ask-password'], short: 'u:g:D:' }, runs: [{ argv: 0, chdirOption: ['-D', '--chdir'] }] },
  { names: ['pkexec'], options: { long: ['user=', 'disable-internal-agent', 'keep-cwd', 'help', 'version'] }, runs: ARGV },
  { names: ['gosu', 'su-exec', 'setuidgid', 'chpst'], runs: [{ argv: 1 }] },
  {
    names: ['su'],
    options: {
      short: 'fglmpPc:g:G:s:w:',
      long: ['command=|c', 'session-command=', 'fast|f', 'group=|g', 'supp-group=|G', 'login|l', 'preserve-environment|p',
        'pty|P', 'shell=|s', 'whitelist-environment=|w', 'help', 'version'],
      permute: true, abbreviate: true,
    },
    // -m/-p keep the environment, and with it $SHELL: the shell su starts is that program (su(1)).
    runs: [{ when: ['-m', '-p'], envShell: ['SHELL'], also: true }, { when: ['-c', '--session-command'], shellOption: ['-c', '--session-command'] }, { stdinShell: true }],
  },
  {
    names: ['runuser'],
    options: {
      short: 'fglmpPc:g:G:s:u:w:',
      long: ['command=|c', 'session-command=', 'fast|f', 'group=|g', 'supp-group=|G', 'login|l', 'preserve-environment|p',
        'pty|P', 'shell=|s', 'user=|u', 'whitelist-environment=|w', 'help', 'version'],
      permute: true, abbreviate: true,
    },
    runs: [
      { when: ['-c', '--session-command'], shellOption: ['-c', '--session-command'] },
      { when: ['-u'], argv: 0 },
      { stdinShell: true },
    ],
  },
  { names: ['sg'], options: { short: 'c:', permute: true }, runs: [{ when: ['-c'], shellOption: ['-c'] }, { minOperands: 2, shellOperands: 1 }] },
  {
    names: ['env'],
    options: {
      short: 'i0vu:C:S:P:',
      long: ['ignore-environment|i', 'null|0', 'unset=|u', 'chdir=|C', 'split-string=|S', 'debug|v', 'help', 'version',
        'ignore-signal=?', 'default-signal=?', 'block-signal=?', 'list-signal-handling', 'argv0=|a'],
      abbreviate: true,
    },
    runs: [{ when: ['-S'], shellOption: ['-S'], label: 'env -S' }, { assignments: true, argv: 0, chdirOption: ['-C', '--chdir'] }],
  },
  { names: ['command'], options: { short: 'pvV' }, runs: [{ when: ['-v', '-V'], nothing: true }, { argv: 0 }] },
  { names: ['builtin'], runs: ARGV },
  { names: ['exec'], options: { short: 'cla:' }, runs: ARGV },
  { names: ['nohup', 'unbuffer', 'caffeinate', 'eatmydata', 'fakeroot', 'torsocks', 'catchsegv', 'dbus-run-session', 'xvfb-run', 'ssh-agent'], options: { short: 'a:s:n:w:f:e:ldkcD', long: ['help', 'version'] }, runs: ARGV },
  // rlwrap(1) "rlwrap [options] command": options stop at the command; -z runs a filter program through the shell.
  {
    names: ['rlwrap', 'readline-editor'],
    options: {
      short: 'a::Ab:cC:D:e:Ef:g:hH:iIl:m::M:nNoO:p::P:q:rRs:S:t:UvWw:z:',
      long: ['always-readline=?|a', 'ansi-colour-aware|A', 'break-chars=|b', 'complete-filenames|c', 'command-name=|C', 'history-no-dupes=|D',
        'extra-char-after-completion=|e', 'always-echo|E', 'file=|f', 'forget-matching=|g', 'help|h', 'history-filename=|H', 'case-insensitive|i',
        'pass-sigint-as-sigterm|I', 'logfile=|l', 'multi-line=?|m', 'multi-line-ext=|M', 'no-warnings|n', 'no-children|N', 'one-shot|o',
        'only-cook=|O', 'prompt-colour=?|p', 'pre-given=|P', 'quote-characters=|q', 'remember|r', 'renice|R', 'histsize=|s',
        'substitute-prompt=|S', 'set-term-name=|t', 'mirror-arguments|U', 'version|v', 'polling|W', 'wait-before-prompt=|w', 'filter=|z'],
      abbreviate: true,
    },
    runs: [{ when: ['-z'], shellOption: ['-z'], also: true }, { when: ['-h', '-v'], nothing: true }, { argv: 0 }],
  },
  // Init processes for containers: dumb-init(1) "dumb-init COMMAND", tini "tini [-s] -- PROGRAM"; nq(1) queues CMD and runs it.
  { names: ['dumb-init'], options: { short: 'cvVhr:', long: ['single-child|c', 'rewrite=|r', 'verbose|v', 'version|V', 'help|h'] }, runs: [{ when: ['-V', '-h'], nothing: true }, { argv: 0 }] },
  { names: ['tini', 'tini-static'], options: { short: 'hsvwglp:e:', long: ['version'] }, runs: [{ when: ['-h', '-l', '--version'], nothing: true }, { argv: 0 }] },
  { names: ['nq'], options: { short: 'cqtw' }, runs: [{ when: ['-t', '-w'], nothing: true }, { argv: 0 }] },
  // run-parts(8) runs every file of DIR whose name matches ^[a-zA-Z0-9_-]+$ (--test and --list only print them).
  {
    names: ['run-parts'],
    options: { short: 'vu:a:', long: ['test', 'list', 'report', 'reverse', 'verbose|v', 'lsbsysinit', 'regex=', 'umask=|u', 'arg=|a', 'exit-on-error', 'new-session', 'help', 'version'], permute: true },
    runs: [{ when: ['--test', '--list', '--help', '--version'], nothing: true }, { scriptsIn: 0 }],
  },
  { names: ['proxychains', 'proxychains4'], options: { short: 'qf:' }, runs: ARGV },
  { names: ['setsid'], options: { short: 'cfw', long: ['ctty', 'fork', 'wait', 'help', 'version'] }, runs: ARGV },
  { names: ['nice'], options: { short: 'n:', long: ['adjustment=|n', 'help', 'version'], abbreviate: true }, runs: ARGV },
  {
    names: ['ionice'],
    options: { short: 'tc:n:p:P:u:', long: ['class=|c', 'classdata=|n', 'pid=|p', 'pgid=|P', 'uid=|u', 'ignore|t', 'help', 'version'] },
    runs: [{ when: ['-p', '-P', '-u'], nothing: true }, { argv: 0 }],
  },
  {
    names: ['chrt'],
    options: { short: 'abdefiomprvT:P:D:', long: ['all-tasks|a', 'batch|b', 'deadline|d', 'fifo|f', 'idle|i', 'other|o', 'pid|p', 'rr|r', 'reset-on-fork|R', 'sched-runtime=|T', 'sched-period=|P', 'sched-deadline=|D', 'max|m', 'verbose|v', 'help', 'version'] },
    runs: [{ when: ['-p', '-m'], nothing: true }, { argv: 1 }],
  },
  {
    names: ['taskset'],
    options: { short: 'acp', long: ['all-tasks|a', 'cpu-list|c', 'pid|p', 'help', 'version'] },
    runs: [{ when: ['-p'], nothing: true }, { argv: 1 }],
  },
  { names: ['time'], options: { short: 'apqvVf:o:', long: ['format=|f', 'output=|o', 'append|a', 'portability|p', 'quiet|q', 'verbose|v', 'help', 'version'] }, runs: ARGV },
  {
    names: ['timeout'],
    options: { short: 'fpvk:s:', long: ['kill-after=|k', 'signal=|s', 'foreground|f', 'preserve-status|p', 'verbose|v', 'help', 'version'], abbreviate: true },
    runs: [{ argv: 1 }],
  },
  { names: ['stdbuf'], options: { short: 'i:o:e:', long: ['input=|i', 'output=|o', 'error=|e', 'help', 'version'] }, runs: ARGV },
  { names: ['prlimit'], options: { short: 'p:o:', long: ['pid=|p', 'output=|o', 'noheadings', 'raw', 'verbose', 'as=?', 'core=?', 'cpu=?', 'data=?', 'fsize=?', 'locks=?', 'memlock=?', 'msgqueue=?', 'nice=?', 'nofile=?', 'nproc=?', 'rss=?', 'rtprio=?', 'rttime=?', 'sigpending=?', 'stack=?'] }, runs: [{ when: ['-p'], nothing: true }, { argv: 0 }] },
  { names: ['numactl'], options: { short: 'aHsSbi:p:m:C:N:l', long: ['interleave=|i', 'preferred=|p', 'membind=|m', 'cpunodebind=|N', 'physcpubind=|C', 'localalloc|l', 'all|a', 'hardware|H', 'show|s'] }, runs: ARGV },
  { names: ['faketime'], options: { short: 'mf' }, runs: [{ argv: 1 }] },
  { names: ['cgexec'], options: { short: 'g:' , long: ['sticky'] }, runs: ARGV },
  { names: ['systemd-inhibit'], options: { long: ['what=', 'who=', 'why=', 'mode=', 'list', 'no-pager', 'no-legend'] }, runs: [{ when: ['--list'], nothing: true }, { argv: 0 }] },
  {
    names: ['setpriv'],
    options: {
      short: 'd',
      long: ['dump|d', 'no-new-privs', 'inh-caps=', 'ambient-caps=', 'bounding-set=', 'keep-groups', 'clear-groups', 'init-groups',
        'groups=', 'ruid=', 'euid=', 'rgid=', 'egid=', 'reuid=', 'regid=', 'securebits=', 'pdeathsig=', 'selinux-label=',
        'apparmor-profile=', 'landlock-access=', 'landlock-rule=', 'reset-env', 'help', 'version'],
    },
    runs: [{ when: ['-d'], nothing: true }, { argv: 0 }],
  },
  {
    names: ['nsenter'],
    options: {
      short: 'aeFZt:m::u::i::n::p::U::C::T::S:G:r::w::W::',
      long: ['all|a', 'target=|t', 'mount=?|m', 'uts=?|u', 'ipc=?|i', 'net=?|n', 'pid=?|p', 'user=?|U', 'cgroup=?|C',
        'time=?|T', 'setuid=|S', 'setgid=|G', 'preserve-credentials', 'root=?|r', 'wd=?|w', 'wdns=?|W', 'env|e',
        'no-fork|F', 'follow-context|Z', 'help', 'version'],
    },
    runs: [{ argv: 0, chdirOption: ['-w', '--wd'] }],
  },
  {
    names: ['unshare'],
    options: {
      short: 'fcrm::u::i::n::p::U::C::T::R:w:S:G:',
      long: ['mount=?|m', 'uts=?|u', 'ipc=?|i', 'net=?|n', 'pid=?|p', 'user=?|U', 'cgroup=?|C', 'time=?|T', 'fork|f',
        'kill-child=?', 'mount-proc=?', 'map-root-user|r', 'map-current-user|c', 'map-user=', 'map-group=', 'map-users=',
        'map-groups=', 'map-auto', 'propagation=', 'setgroups=', 'keep-caps', 'setuid=|S', 'setgid=|G', 'root=|R',
        'wd=|w', 'monotonic=', 'boottime=', 'help', 'version'],
    },
    runs: [{ argv: 0, chdirOption: ['-w', '--wd'] }],
  },
  { names: ['chroot'], options: { long: ['userspec=', 'groups=', 'skip-chdir', 'help', 'version'] }, runs: [{ argv: 1 }] },
  {
    names: ['flock'],
    options: { short: 'sxunoFw:E:c:', long: ['shared|s', 'exclusive|x', 'unlock|u', 'nonblock|n', 'close|o', 'no-fork|F', 'timeout=|w', 'conflict-exit-code=|E', 'command=|c', 'verbose', 'help', 'version'] },
    runs: [
      { when: ['-c'], shellOption: ['-c'] },
      { whenOperand: { index: 1, is: ['-c', '--command'] }, shellOperand: 2 },
      { argv: 1 },
    ],
  },
  {
    names: ['firejail'],
    options: { long: ['quiet', 'noprofile', 'private', 'net=', 'profile=', 'whitelist=', 'blacklist=', 'read-only=', 'caps.drop=', 'seccomp', 'nonewprivs', 'x11', 'noroot', 'private-tmp', 'private-dev'], singleDashLong: false },
    runs: ARGV,
  },
  {
    names: ['bwrap'],
    options: { long: ['bind==', 'ro-bind==', 'dev-bind==', 'bind-try==', 'ro-bind-try==', 'dev-bind-try==', 'symlink==', 'setenv==', 'file==', 'bind-data==', 'ro-bind-data==', 'dev=', 'proc=', 'tmpfs=', 'dir=', 'chdir=', 'unsetenv=', 'uid=', 'gid=', 'hostname=', 'unshare-all', 'unshare-net', 'unshare-user', 'unshare-pid', 'die-with-parent', 'new-session', 'args=', 'share-net', 'clearenv', 'cap-add=', 'cap-drop=', 'seccomp=', 'lock-file=', 'remount-ro=', 'exec-label=', 'file-label='] },
    runs: [{ argv: 0, chdirOption: ['--chdir'] }],
  },
  {
    names: ['strace'],
    options: { short: 'AcCdDfFhiknqrtTvVwxyzZa:b:e:E:I:o:O:p:P:s:S:u:U:X:', long: ['output=|o', 'attach=|p', 'trace=', 'signal=', 'status=', 'env=|E', 'user=|u', 'follow-forks|f', 'summary-only|c', 'help|h', 'version|V'] },
    // strace(1): an -o filename starting with '|' or '!' is a command the output is piped to.
    runs: [{ when: ['-o'], shellOption: ['-o'], valuePrefix: '|', also: true }, { when: ['-o'], shellOption: ['-o'], valuePrefix: '!', also: true },
      { when: ['-p'], nothing: true }, { argv: 0 }],
  },
  { names: ['ltrace'], options: { short: 'bcCfhiLrStTVa:A:D:e:F:l:n:o:p:s:u:w:x:', long: ['output=|o', 'help|h', 'version|V'] }, runs: [{ when: ['-p'], nothing: true }, { argv: 0 }] },
  { names: ['valgrind'], options: { long: ['tool=', 'log-file=', 'leak-check=', 'trace-children=', 'quiet', 'verbose', 'help', 'version'], abbreviate: false }, runs: ARGV },
  { names: ['perf'], subcommands: { stat: { options: { short: 'aBcdnrSvx:e:G:o:p:r:t:C:', long: ['event=|e', 'output=|o', 'repeat=|r', 'pid=|p'] }, runs: [{ when: ['-p'], nothing: true }, { argv: 0 }] }, record: { options: { short: 'agT:e:F:o:p:c:C:', long: ['event=|e', 'output=|o', 'pid=|p', 'freq=|F'] }, runs: [{ when: ['-p'], nothing: true }, { argv: 0 }] }, trace: { runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  {
    names: ['gdb'],
    options: { short: 'nqx:p:c:', long: ['args', 'batch', 'ex=', 'eval-command=', 'iex=', 'init-eval-command=', 'x=', 'command=', 'ix=', 'init-command=', 'pid=', 'quiet', 'silent', 'nx', 'nh', 'core=', 'exec=', 'se=', 'symbols=', 'directory=', 'cd=', 'tty=', 'help', 'version'], singleDashLong: true },
    runs: [
      { when: ['--ex', '--eval-command', '--iex', '--init-eval-command'], code: 'gdb', codeOption: ['--ex', '--eval-command', '--iex', '--init-eval-command'], also: true },
      { when: ['-x', '--x', '--command', '--ix', '--init-command'], code: 'gdb', codeFileOption: ['-x', '--x', '--command', '--ix', '--init-command'], also: true },
      { when: ['--args'], argv: 0 },
      // Its commands come from stdin when it is no terminal (`echo 'shell CMD' | gdb`): gdb commands, not shell.
      { unless: ['--batch'], code: 'gdb', codeStdin: true },
    ],
  },
  { names: ['expect'], options: { short: 'dDinNvbc:f:' }, runs: [{ when: ['-c'], code: 'expect', codeOption: ['-c'], also: true }, { when: ['-f'], code: 'expect', codeFileOption: ['-f'] }, { minOperands: 1, code: 'expect', codeFile: 0 }, { when: ['-c'], nothing: true }, { code: 'expect', codeStdin: true }] },
  {
    names: ['script'],
    // util-linux's options, and the BSDs' (-d -k -p -r -F; FreeBSD's `-F pipe` and `-t time` take a value).
    options: { short: 'adekprFfqB:c:E:I:O:T:t::m:', long: ['append|a', 'command=|c', 'echo=|E', 'return|e', 'flush|f', 'force', 'log-io=|B', 'log-in=|I', 'log-out=|O', 'log-timing=|T', 'logging-format=|m', 'output-limit=', 'quiet|q', 'timing=?|t', 'help', 'version'], permute: true, abbreviate: true },
    // With no command, script(1) starts $SHELL (and with -c runs the command through it). BSD's
    // `script [opts] [file [command ...]]` runs the operands after the typescript file. A number after
    // -t is BSD's interval (util-linux's -t takes its file attached); FreeBSD's `-F pipe` takes a value
    // where macOS's -F does not, so with -F the command may start one operand later as well.
    runs: [{ envShell: ['SHELL'], also: true }, { when: ['-c'], shellOption: ['-c'] },
      { when: ['-t'], minOperands: 3, whenOperandMatches: { index: 0, pattern: '^[0-9.]+$' }, argv: 2 },
      { when: ['-F'], minOperands: 3, shellOperands: 2, also: true },
      { minOperands: 2, argv: 1, stopAtProgram: true }, { stdinShell: true }],
  },
  {
    names: ['tmux'],
    options: { short: '2CDlNuvVc:f:L:S:T:' },
    runs: [{ when: ['-f'], code: 'tmux', codeFileOption: ['-f'], also: true }, { when: ['-c'], shellOption: ['-c'], label: 'tmux -c' }],
    abbreviateSubcommands: true,
    subcommandAliases: { new: 'new-session', neww: 'new-window', splitw: 'split-window', respawnp: 'respawn-pane', respawnw: 'respawn-window', run: 'run-shell', if: 'if-shell', send: 'send-keys', popup: 'display-popup', pipep: 'pipe-pane', source: 'source-file' },
    subcommands: {
      'new-session': { options: { short: 'AdDEPXc:e:F:f:n:s:t:x:y:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'new-window': { options: { short: 'abdkPSc:e:F:n:t:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'split-window': { options: { short: 'bdefhIPvZc:e:F:l:p:t:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'respawn-pane': { options: { short: 'kc:e:t:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'respawn-window': { options: { short: 'kc:e:t:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'run-shell': { options: { short: 'bCc:d:t:' }, runs: [{ unless: ['-C'], shellOperands: 0, until: [';'] }, { nothing: true }] },
      'if-shell': { options: { short: 'bFt:' }, runs: [{ unless: ['-F'], shellOperand: 0, also: true }, { shellEach: 1, prefix: 'tmux ' }] },
      'send-keys': { options: { short: 'FHKlMRXN:c:t:' }, runs: [{ unless: ['-X'], keys: true, shellOperands: 0, until: [';'] }, { nothing: true }] },
      'display-popup': { options: { short: 'BCEkNb:c:d:e:h:s:S:t:T:w:x:y:' }, runs: [{ shellOperands: 0, until: [';'], chdirOption: ['-c'] }] },
      'pipe-pane': { options: { short: 'IOot:' }, runs: [{ shellOperands: 0, until: [';'] }] },
      // A file of tmux commands (run-shell, new-window … inside it run as they would on the command line).
      'source-file': { options: { short: 'Fnqvt:' }, runs: [{ unless: ['-n'], minOperands: 1, code: 'tmux', codeFile: 0 }, { nothing: true }] },
    },
  },
  {
    names: ['screen'],
    options: { short: 'AadDfilLmOqrRUvwxc:e:h:p:s:S:t:T:X', long: ['help', 'version'] },
    runs: [
      // -c FILE: a screenrc whose lines are screen commands (`screen CMD` opens a window running CMD).
      { when: ['-c'], code: 'screen', codeFileOption: ['-c'], also: true },
      { when: ['-X'], whenOperand: { index: 0, is: ['stuff'] }, keys: true, shellOperands: 1 },
      { when: ['-X'], whenOperand: { index: 0, is: ['exec', 'screen'] }, argv: 1 },
      { when: ['-X', '-r', '-R', '-x', '-ls', '-list', '-l'], nothing: true },
      { minOperands: 1, argv: 0 },
      { nothing: true },
    ],
  },
  {
    names: ['at', 'batch'],
    options: { short: 'mMlrdbvcVqf:t:', long: [] },
    runs: [{ when: ['-l', '-r', '-d', '-c', '-V'], nothing: true }, { when: ['-f'], scriptOption: ['-f'] }, { stdinShell: true }],
  },
  {
    names: ['systemd-run'],
    options: {
      short: 'M:p:PqGdtSu:E:H:rh',
      long: ['unit=|u', 'property=|p', 'description=', 'slice=', 'slice-inherit', 'scope', 'remain-after-exit|r', 'send-sighup',
        'service-type=', 'uid=', 'gid=', 'nice=', 'working-directory=', 'same-dir|d', 'setenv=|E', 'pty|t', 'pipe|P',
        'quiet|q', 'on-active=', 'on-boot=', 'on-startup=', 'on-unit-active=', 'on-unit-inactive=', 'on-calendar=',
        'on-clock-change', 'on-timezone-change', 'timer-property=', 'path-property=', 'socket-property=', 'no-block',
        'wait', 'collect|G', 'user', 'system', 'host=|H', 'machine=|M', 'shell|S', 'no-ask-password', 'json=', 'expand-environment=', 'help', 'version'],
      abbreviate: true,
    },
    // -p sets a property of the unit it makes: an Exec setting (systemd.service(5)) is a command line it runs too.
    runs: [{ when: ['-p', '--socket-property'], shellOption: ['-p', '--socket-property'], valueKey: SYSTEMD_EXEC, also: true }, { when: ['-S'], nothing: true }, { argv: 0, chdirOption: ['--working-directory'] }],
  },
  { names: ['crontab'], options: { short: 'elirnsTu:c' }, runs: [{ when: ['-l', '-r', '-e', '-T', '-n', '-c'], nothing: true }, { minOperands: 1, whenOperand: { index: 0, is: ['-'] }, code: 'crontab', codeStdin: true }, { minOperands: 1, code: 'crontab', codeFile: 0 }, { code: 'crontab', codeStdin: true }] },
  {
    names: ['xargs'],
    options: {
      short: '0oprtxa:d:E:e::I:i::L:l::n:P:s:',
      long: ['null|0', 'arg-file=|a', 'delimiter=|d', 'eof=?', 'replace=?', 'max-lines=?', 'max-args=|n', 'interactive|p',
        'open-tty|o', 'no-run-if-empty|r', 'max-chars=|s', 'show-limits', 'verbose|t', 'exit|x', 'max-procs=|P',
        'process-slot-var=', 'help', 'version'],
      abbreviate: true,
    },
    runs: [{ fromStdin: true, argv: 0 }],
  },
  {
    names: ['parallel', 'sem'],
    options: { short: 'kgqu0vXmj:N:n:L:I:d:a:S:', long: ['jobs=|j', 'colsep=', 'delimiter=|d', 'arg-file=|a', 'sshlogin=|S', 'results=', 'joblog=', 'delay=', 'timeout=', 'retries=', 'tag-string=', 'tag', 'tagstring=', 'ssh=', 'basefile=|B', 'bf=', 'transferfile=', 'tf=', 'trc=', 'return=', 'transfer', 'cleanup', 'sshloginfile=', 'slf=', 'sshdelay=', 'nonall', 'onall', 'workdir=', 'env=', 'pipe', 'keep-order|k', 'halt=', 'load=', 'memfree=', 'max-args=|n', 'replace=|I', 'null|0', 'verbose', 'dry-run', 'xargs|m', 'quote|q', 'shuf', 'line-buffer', 'group', 'ungroup|u', 'bar', 'progress', 'eta'], abbreviate: true },
    // --ssh names the program parallel runs locally to reach the -S hosts.
    // --basefile, --transferfile and --trc copy files to the -S hosts: judged as parallel itself too.
    runs: [{ when: ['--ssh'], shellOption: ['--ssh'], also: true }, { when: ['--basefile', '--bf', '--transferfile', '--tf', '--trc', '--transfer'], nothing: true, also: true },
      { fromStdin: true, shellOperands: 0, until: [':::', '::::', ':::+', '::::+'] }],
  },
  {
    names: ['watch'],
    options: { short: 'bcCeghptrwxd::n:q:s:', long: ['beep|b', 'color|c', 'no-color|C', 'differences=?|d', 'errexit|e', 'chgexit|g', 'equexit=|q', 'interval=|n', 'precise|p', 'no-rerun|r', 'shotsdir=|s', 'no-title|t', 'no-wrap|w', 'exec|x', 'help|h', 'version'], abbreviate: true },
    runs: [{ when: ['-x'], argv: 0 }, { shellOperands: 0 }],
  },
  { names: ['entr'], options: { short: 'acdnprsxz' }, runs: [{ when: ['-s'], shellOperand: 0 }, { argv: 0 }] },
  { names: ['watchexec'], options: { short: 'cnprwe:f:i:s:d:', long: ['clear', 'restart', 'watch=|w', 'exts=|e', 'filter=|f', 'ignore=|i', 'shell=', 'signal=|s', 'debounce=|d', 'postpone', 'no-shell|n', 'on-busy-update=', 'project-origin=', 'workdir='], permute: true }, runs: [{ when: ['-n', '--shell'], argv: 0, chdirOption: ['--workdir'] }, { shellOperands: 0, chdirOption: ['--workdir'] }] },
  { names: ['hyperfine'], options: { short: 'iNSw:r:m:M:p:c:P:L:u:n:', long: ['warmup=|w', 'runs=|r', 'min-runs=|m', 'max-runs=|M', 'prepare=|p', 'conclude=', 'cleanup=|c', 'parameter-scan=|P', 'parameter-list=|L', 'shell=|S', 'export-json=', 'export-markdown=', 'command-name=|n', 'time-unit=|u', 'ignore-failure|i', 'setup=|s', 'show-output', 'style='], permute: true }, runs: [{ when: ['-p', '--setup', '-c', '--conclude'], shellOption: ['-p', '--setup', '-c', '--conclude'], also: true }, { shellEach: 0 }] },
  { names: ['concurrently'], options: { short: 'krtn:c:p:s:P:', long: ['kill-others', 'kill-others-on-fail', 'names=|n', 'prefix=|p', 'prefix-colors=|c', 'success=|s', 'restart-tries=', 'raw|r', 'timings|t', 'max-processes=|m', 'passthrough-arguments|P', 'group', 'hide=', 'handle-input|i', 'cwd='], permute: true }, runs: [{ shellEach: 0, chdirOption: ['--cwd'] }] },
  { names: ['nodemon'], options: { short: 'Vqw:x:e:i:d:', long: ['exec=|x', 'watch=|w', 'ext=|e', 'ignore=|i', 'delay=|d', 'signal=', 'config=', 'verbose|V', 'quiet|q', 'legacy-watch', 'exitcrash', 'no-stdin'], permute: true }, runs: [{ when: ['-x'], shellOption: ['-x'] }, { minOperands: 1, code: 'node', codeFile: 0 }, { nothing: true }] },
  { names: ['chokidar'], options: { short: 'c:d:i:t:', long: ['command=|c', 'debounce=|d', 'ignore=|i', 'throttle=|t', 'initial', 'silent', 'polling'], permute: true }, runs: [{ when: ['-c'], shellOption: ['-c'] }, { nothing: true }] },
  // macOS open(1): a terminal application (or a .command/.tool file, which opens in Terminal) runs the file as a script.
  {
    names: ['open'],
    options: { short: 'a:b:eFWRnghjtfs:u:', long: ['args', 'env=', 'stdin=', 'stdout=', 'stderr=', 'new|n', 'fresh|F', 'hide|j', 'background|g', 'reveal|R', 'wait-apps|W', 'header|h'], permute: true },
    runs: [
      { whenValue: { options: ['-a', '-b'], pattern: '^(?:.*/)?(?:terminal|iterm2?|ghostty|alacritty|kitty|wezterm|warp|hyper|com\\.apple\\.terminal|com\\.googlecode\\.iterm2)(?:\\.app)?/?$' }, script: 0 },
      { whenOperandMatches: { index: 0, pattern: '\\.(?:command|tool)$' }, script: 0 },
      { nothing: true },
    ],
  },
  // cross-env-shell (cross-env's second bin) joins its arguments into one command line a shell runs (cross-env's README).
  { names: ['cross-env'], runs: [{ assignments: true, argv: 0 }] },
  { names: ['cross-env-shell'], runs: [{ assignments: true, shellOperands: 0 }] },
  // shx CMD ARGS (shelljs's commands from npm scripts: cp, mv, rm, sed -i, ln, touch …) does what CMD ARGS does.
  { names: ['shx'], options: { long: ['silent', 'verbose', 'help', 'version'] }, runs: ARGV },
  { names: ['dotenv'], options: { short: 'ce:v:', long: ['env-file='] }, runs: [{ argv: 0 }] },
  // dotenvx run [options] -- CMD (dotenvx.com docs): the other commands (get, set, encrypt, …) run nothing.
  { names: ['dotenvx'], subcommands: { run: { options: { short: 'f:e:q', long: ['env-file=|f', 'env=|e', 'env-keys-file=', 'overload', 'strict', 'convention=', 'ignore=', 'quiet|q', 'verbose', 'debug', 'log-level='], permute: true }, runs: [{ argv: 0, afterDashDash: true }] } }, runs: [{ nothing: true }] },
  { names: ['env-cmd'], options: { short: 'f:e:r', long: ['file=|f', 'environments=|e', 'rc-file=|r', 'silent', 'no-override', 'use-shell', 'verbose', 'fallback'] }, runs: [{ when: ['--use-shell'], shellOperands: 0 }, { argv: 0 }] },
  { names: ['op'], subcommands: { run: { options: { long: ['env-file=', 'no-masking', 'account='] }, runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['doppler'], subcommands: { run: { options: { short: 'p:c:', long: ['command=', 'project=|p', 'config=|c', 'token=', 'fallback=', 'mount='] }, runs: [{ when: ['--command'], shellOption: ['--command'] }, { argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['infisical'], subcommands: { run: { options: { long: ['env=', 'command=', 'path=', 'projectId=', 'token=', 'watch'] }, runs: [{ when: ['--command'], shellOption: ['--command'] }, { argv: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['aws-vault'], subcommands: { exec: { options: { short: 'jd:', long: ['duration=|d', 'no-session', 'region=', 'server', 'json|j', 'prompt='] }, runs: [{ argv: 1 }] } }, runs: [{ nothing: true }] },
  { names: ['sops'], subcommands: { 'exec-env': { options: { long: ['background', 'pristine', 'user='] }, runs: [{ shellOperand: 1 }] }, 'exec-file': { options: { long: ['background', 'no-fifo', 'user=', 'filename=', 'output-type=', 'input-type='] }, runs: [{ shellOperand: 1 }] } }, runs: [{ nothing: true }] },
  // direnv runs the directory's .envrc (the nearest up from DIR, or the working directory) as bash: exec loads it before
  // CMD, export prints the variables after running it (direnv(1)); allow, status and the others run nothing.
  { names: ['direnv'], subcommands: { exec: { runs: [{ scriptUp: { file: '.envrc', dir: 0 }, also: true }, { argv: 1 }] }, export: { runs: [{ scriptUp: { file: '.envrc' } }] } }, runs: [{ nothing: true }] },
  // Procfile runners: `run CMD` runs one command with the app's environment (start reads the Procfile: expand/tasks.ts).
  { names: ['foreman', 'honcho', 'forego', 'overmind'], options: { short: 'e:d:f:', long: ['env=|e', 'app-root=', 'root=|d', 'procfile=|f'] }, subcommands: { run: { options: { short: 'e:d:f:', long: ['env=|e', 'root=|d', 'procfile=|f'] }, runs: [{ argv: 0 }] } }, runs: [{ nothing: true }] },

  ...PACKAGE_RUNNERS,
  ...NODE_RUNNERS,
  ...HOST_RUNNERS,
  ...WRAPPER_RUNNERS,
  ...COMMAND_FILE_RUNNERS,
];
