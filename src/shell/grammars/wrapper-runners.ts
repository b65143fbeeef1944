// Programs that run the command they are given, found by the eighth review (see runners.ts): daemon
// starters, detachable sessions, containers and chroots of this machine, tracers and proxies, remote
// shells. Data only, in the runner table's form; options from each program's manual or --help.
import type { OptionGrammar } from '../getopt.js';
import type { Runner } from './types.js';

/** Multi-call binaries: the first operand is the applet, read as that program (`busybox sh -c …`, `toybox env …`). */
export const MULTICALL: readonly string[] = ['busybox', 'toybox'];
/** A reason's label that starts with a multi-call binary's name (`busybox sh`). */
export const MULTICALL_PREFIX = new RegExp(`^(?:${MULTICALL.join('|')}) `);

/** start-stop-daemon(8): getopt_long, options anywhere; the arguments after `--` are the program's. */
const START_STOP: OptionGrammar = {
  short: 'SKTHVa:x:n:p:u:g:s:R:tor:c:d:bCO:N:P:I:k:mvq',
  long: ['start|S', 'stop|K', 'status|T', 'help|H', 'version|V', 'startas=|a', 'exec=|x', 'name=|n', 'pidfile=|p', 'pid=', 'ppid=',
    'user=|u', 'group=|g', 'signal=|s', 'retry=|R', 'test|t', 'oknodo|o', 'chroot=|r', 'chuid=|c', 'chdir=|d', 'background|b',
    'no-close|C', 'output=|O', 'nicelevel=|N', 'procsched=|P', 'iosched=|I', 'umask=|k', 'make-pidfile|m', 'remove-pidfile',
    'notify-await', 'notify-timeout=', 'verbose|v', 'quiet|q'],
  permute: true, abbreviate: true,
};
/** zellij's global options (zellij --help). */
const ZELLIJ: OptionGrammar = { short: 'dhVc:l:n:s:', long: ['config=|c', 'config-dir=', 'data-dir=', 'debug|d', 'layout=|l', 'layout-dir=', 'max-panes=', 'new-session-with-layout=|n', 'session=|s', 'help|h', 'version|V'] };
/** `zellij run` and `zellij action new-pane`: a pane running the command after the options. */
const ZELLIJ_PANE: OptionGrammar = {
  short: 'cfisd:n:p:x:y:',
  long: ['close-on-exit|c', 'cwd=', 'direction=|d', 'floating|f', 'height=', 'in-place|i', 'name=|n', 'plugin=|p', 'pinned=', 'start-suspended|s',
    'width=', 'x=|x', 'y=|y', 'configuration=', 'skip-plugin-cache', 'stacked', 'blocking', 'block-until-exit', 'near-current-pane'],
};
/** Eternal Terminal's client (et --help; cxxopts: options anywhere). */
const ET: OptionGrammar = {
  short: 'hVGeNxfu:p:c:t:r:v:k:l:F:o:',
  long: ['help|h', 'version', 'username=|u', 'host=', 'port=|p', 'command=|c', 'noexit|e', 'terminal-path=', 'tunnel=|t', 'reversetunnel=|r',
    'jumphost=', 'jport=', 'jserverfifo=', 'kill-other-sessions|x', 'close-on-hangup', 'macserver', 'verbose=|v', 'keepalive=|k', 'logdir=|l',
    'logtostdout', 'silent', 'no-terminal|N', 'forward-ssh-agent|f', 'ssh-socket=', 'ssh-config=|F', 'no-ssh-config', 'telemetry=', 'serverfifo=', 'ssh-option='],
  permute: true,
};
const DOCKER_MACHINE: OptionGrammar = { short: 'Ds:hv', long: ['debug|D', 'storage-path=|s', 'tls-ca-cert=', 'tls-ca-key=', 'tls-client-cert=', 'tls-client-key=', 'github-api-token=', 'native-ssh', 'bugsnag-api-token=', 'help|h', 'version|v'] };
const DISTROBOX_ENTER: OptionGrammar = { short: 'n:a:TrdvVhH', long: ['name=|n', 'additional-flags=|a', 'no-tty|T', 'headless|H', 'root|r', 'dry-run|d', 'verbose|v', 'version|V', 'help|h', 'no-workdir', 'clean-path'] };
/** distrobox-enter runs what follows `--` (or `-e`, `--exec`) in the container; `create` runs its init hooks there. */
const DISTROBOX_RUNS = [{ when: ['-d', '-h', '-V'], nothing: true as const }, { embedded: { from: ['--', '-e', '--exec'], to: [] } }];
const RR_RECORD: OptionGrammar = {
  short: 'bhnsuwc:i:t:v:o:p:',
  long: ['force-syscall-buffer|b', 'chaos|h', 'no-syscall-buffer|n', 'always-switch|s', 'cpu-unbound|u', 'wait|w', 'num-cpu-ticks=|c', 'ignore-signal=|i',
    'continue-through-signal=|t', 'env=|v', 'output-trace-dir=|o', 'print-trace-dir=|p', 'bind-to-cpu=', 'disable-cpuid-features=', 'nested=', 'setuid-sudo', 'asan', 'tsan'],
};
/** rr's commands that replay or inspect a recorded trace (rr help); any other first word is recorded (`rr PROG` is `rr record PROG`). */
const RR_LOOKS = ['replay', 'rerun', 'ps', 'dump', 'sources', 'explicit-sources', 'traceinfo', 'buildid', 'pack', 'cpufeatures', 'gdbinit', 'lldbinit', 'help', 'ls', 'rm', 'mv'];

/** uftrace's options that take a value (uftrace(1)); the command follows them. */
const UFTRACE: OptionGrammar = {
  short: 'aeklhVF:N:T:D:t:d:A:R:P:U:Z:L:C:E:b:S:W:H:',
  long: ['filter=|F', 'notrace=|N', 'trigger=|T', 'depth=|D', 'time-filter=|t', 'data=|d', 'argument=|A', 'retval=|R', 'patch=|P', 'unpatch=|U',
    'size-filter=|Z', 'loc-filter=|L', 'caller-filter=|C', 'Event=|E', 'buffer=|b', 'script=|S', 'watch=|W', 'hide=|H', 'auto-args|a',
    'estimate-return|e', 'kernel|k', 'nest-libcall|l', 'force', 'no-libcall', 'help|h', 'version|V'],
};
/** uftrace's commands that read a recorded trace. */
const UFTRACE_LOOKS = ['replay', 'report', 'info', 'dump', 'recv', 'graph', 'tui'];

export const WRAPPER_RUNNERS: readonly Runner[] = [
  // Daemon starters: start-stop-daemon(8) runs --startas (else --exec) with the arguments after `--`; daemonize(1) PATH ARGS.
  { names: ['start-stop-daemon'], options: START_STOP, runs: [{ when: ['-K', '-T', '-H', '-V', '-t'], nothing: true }, { when: ['-S'], programOption: ['-a', '-x'], argv: 0, chdirOption: ['-d', '--chdir'] }, { nothing: true }] },
  { names: ['daemonize'], options: { short: 'ac:e:E:l:o:p:u:v' }, runs: [{ argv: 0 }] },
  // Detachable sessions: dtach -n|-c|-A SOCKET CMD (-a attaches, -p types stdin into the session); abduco -n|-c|-A NAME CMD
  // (without CMD, $ABDUCO_CMD); byobu is tmux underneath (byobu-screen, screen).
  { names: ['dtach'], options: { short: 'a:A:c:n:N:p:e:r:Ezq' }, runs: [{ when: ['-p'], stdinShell: true }, { when: ['-a'], nothing: true }, { argv: 0 }] },
  { names: ['abduco'], options: { short: 'aAcnflpqrve:' }, runs: [{ when: ['-p'], stdinShell: true }, { when: ['-n', '-c', '-A'], envShell: ['ABDUCO_CMD'], also: true }, { when: ['-n', '-c', '-A'], argv: 1 }, { nothing: true }] },
  { names: ['byobu', 'byobu-tmux'], runs: [{ program: 'tmux' }] },
  { names: ['byobu-screen'], runs: [{ program: 'screen' }] },
  // zellij run -- CMD and `zellij action new-pane -- CMD` open a pane running CMD; `action write-chars` types into the focused pane.
  {
    names: ['zellij'], options: ZELLIJ,
    subcommandAliases: { r: 'run', ac: 'action' },
    subcommands: { run: { options: ZELLIJ_PANE, runs: [{ argv: 0, chdirOption: ['--cwd'] }] }, action: { runs: [{ argv: 0, commandRow: 'zellij action' }] } },
    runs: [],
  },
  { names: ['zellij action new-pane'], options: ZELLIJ_PANE, runs: [{ argv: 0, chdirOption: ['--cwd'] }] },
  { names: ['zellij action write-chars'], runs: [{ keys: true, shellOperands: 0 }] },
  // Containers and chroots of this machine: machinectl shell [USER@]MACHINE [PATH ARGS] (options stop at the machine),
  // distrobox, toolbox run CMD, proot [options] CMD (-q runs the program through that emulator command).
  {
    names: ['machinectl'],
    options: { short: 'hp:als:H:M:qn:o:E:V', long: ['help|h', 'version', 'property=|p', 'all|a', 'full|l', 'signal=|s', 'host=|H', 'machine=|M', 'quiet|q', 'lines=|n', 'output=|o', 'setenv=|E', 'uid=', 'kill-whom=', 'no-pager', 'no-legend', 'no-ask-password', 'verify=', 'force', 'format=', 'read-only', 'mkdir', 'value', 'max-addresses='], permute: true },
    subcommands: { shell: { options: { short: 'qE:', long: ['uid=', 'setenv=|E', 'quiet|q'] }, runs: [{ argv: 1 }] } },
    runs: [],
  },
  {
    names: ['distrobox'],
    subcommands: {
      enter: { options: DISTROBOX_ENTER, runs: DISTROBOX_RUNS },
      ephemeral: { options: DISTROBOX_ENTER, runs: DISTROBOX_RUNS },
      create: { options: { long: ['init-hooks=', 'pre-init-hooks=', 'image=|i', 'name=|n', 'home=|H'], short: 'i:n:H:' }, runs: [{ when: ['--init-hooks', '--pre-init-hooks'], shellOption: ['--init-hooks', '--pre-init-hooks'] }] },
    },
    runs: [],
  },
  { names: ['distrobox-enter'], options: DISTROBOX_ENTER, runs: DISTROBOX_RUNS },
  { names: ['toolbox'], options: { short: 'yv', long: ['assumeyes|y', 'log-level=', 'log-podman', 'verbose|v'] }, subcommands: { run: { options: { short: 'c:d:r:', long: ['container=|c', 'distro=|d', 'release=|r', 'preserve-fds='] }, runs: [{ argv: 0 }] } }, runs: [] },
  {
    names: ['proot'],
    options: { short: 'r:b:m:q:w:k:v:i:0lLRShV', long: ['rootfs=|r', 'bind=|b', 'mount=|m', 'qemu=|q', 'pwd=|w', 'cwd=', 'kernel-release=|k', 'verbose=|v', 'change-id=|i', 'root-id|0', 'link2symlink|l', 'kill-on-exit', 'help|h', 'version|V', 'usage'] },
    runs: [{ when: ['-q'], shellOption: ['-q'], also: true }, { when: ['-h', '-V', '--usage'], nothing: true }, { argv: 0, chdirOption: ['-w', '--pwd', '--cwd'] }],
  },
  // Locks, tracers and proxies: lckdo LOCKFILE PROGRAM ARGS (moreutils), rr record CMD, tsocks CMD.
  { names: ['lckdo'], options: { short: 'qwsxW:E:' }, runs: [{ argv: 1 }] },
  { names: ['rr'], options: { short: 'ACEFKMSD:T:', long: ['microarch=|A', 'checksum=|C', 'fatal-errors|E', 'force-things|F', 'check-cached-mmaps|K', 'mark-stdio|M', 'suppress-environment-warnings|S', 'dump-at=|D', 'dump-on=|T', 'resource-path=', 'log='] },
    subcommands: { record: { options: RR_RECORD, runs: [{ argv: 0 }] }, ...Object.fromEntries(RR_LOOKS.map((c) => [c, { runs: [{ nothing: true as const }] }])) }, runs: [{ argv: 0 }] },
  { names: ['tsocks'], runs: [{ argv: 0 }] },
  // Context and session runners: kubie exec CONTEXT NAMESPACE CMD, dagger run CMD.
  { names: ['kubie'], subcommands: { exec: { options: { short: 'e', long: ['exit-early|e', 'context-headers='] }, runs: [{ argv: 2 }] } }, runs: [] },
  { names: ['dagger'], options: { short: 'sqdvm:', long: ['progress=', 'silent|s', 'quiet|q', 'debug|d', 'verbose|v', 'mod=|m', 'interactive|i', 'web|w'] }, subcommands: { run: { options: { long: ['cleanup-timeout=', 'focus'] }, runs: [{ argv: 0 }] } }, runs: [] },
  // The VM managers' container CLIs: `lima CMD` is `limactl shell default CMD`. docker-machine ssh MACHINE CMD runs CMD
  // on the engine's host over ssh (the ssh command line).
  { names: ['lima'], runs: [{ argv: 0 }] },
  { names: ['docker-machine'], options: DOCKER_MACHINE, subcommands: { ssh: { runs: [{ sshLine: 0 }] } }, runs: [] },
  // Session and supervision wrappers: dbus-launch [options] PROGRAM ARGS, keyctl session NAME PROG ARGS, openvt -- CMD,
  // daemontools' and s6's chain loaders (envdir DIR CHILD, setlock FILE CHILD, s6-setuidgid ACCOUNT PROG, with-contenv PROG),
  // gpg-agent --daemon CMD (its pinentry and scdaemon programs run too), run-one and its kin, chamber exec SERVICE… -- CMD.
  { names: ['dbus-launch'], options: { long: ['sh-syntax', 'csh-syntax', 'auto-syntax', 'exit-with-session', 'exit-with-x11', 'autolaunch=', 'binary-syntax', 'close-stderr', 'config-file=', 'version', 'help'] }, runs: [{ when: ['--version', '--help'], nothing: true }, { argv: 0 }] },
  { names: ['keyctl'], subcommands: { session: { runs: [{ argv: 1 }] } }, runs: [] },
  { names: ['openvt'], options: { short: 'c:flusvweh', long: ['console=|c', 'force|f', 'login|l', 'user|u', 'switch|s', 'verbose|v', 'wait|w', 'exec|e', 'help|h', 'version'] }, runs: [{ argv: 0 }] },
  { names: ['envdir', 'envuidgid', 's6-setuidgid', 's6-envuidgid', 'setuser'], runs: [{ argv: 1 }] },
  { names: ['setlock', 's6-setlock'], options: { short: 'nNxXrwt:d:' }, runs: [{ argv: 1 }] },
  { names: ['s6-envdir'], options: { short: 'iInfLc:' }, runs: [{ argv: 1 }] },
  { names: ['softlimit', 's6-softlimit'], options: { short: 'a:c:d:f:l:m:o:p:r:s:t:' }, runs: [{ argv: 0 }] },
  { names: ['with-contenv', 'run-one', 'run-this-one', 'run-one-constantly', 'keep-one-running', 'run-one-until-success', 'run-one-until-failure'], runs: [{ argv: 0 }] },
  {
    names: ['gpg-agent'],
    options: { short: 'vqsc', long: ['daemon', 'server', 'supervised', 'options=', 'homedir=', 'verbose|v', 'quiet|q', 'sh|s', 'csh|c', 'no-detach', 'log-file=', 'pinentry-program=', 'scdaemon-program=', 'enable-ssh-support', 'default-cache-ttl=', 'max-cache-ttl=', 'no-grab', 'debug-level=', 'batch', 'version', 'help'] },
    runs: [{ when: ['--pinentry-program', '--scdaemon-program'], scriptOrCommandOption: ['--pinentry-program', '--scdaemon-program'], also: true }, { when: ['--daemon'], argv: 0 }, { nothing: true }],
  },
  { names: ['chamber'], options: { short: 'b:r:v', long: ['backend=|b', 'retries=|r', 'kms-key-alias=', 'verbose|v'] }, subcommands: { exec: { options: { long: ['pristine', 'strict', 'strict-value='] }, runs: [{ argv: 1, afterDashDash: true }] } }, runs: [] },
  // Retry, resource and scheduling wrappers (Debian 12's packages): retry [options] [--] CMD, cpulimit -l N CMD (-p, -e
  // and -P limit a process already running), trickle [options] CMD, nocache [-n N] CMD, schedtool … -e CMD ARGS, runcon
  // CONTEXT CMD (or -u/-r/-t/-l and CMD), logsave [-asv] LOGFILE CMD (e2fsprogs); watch's rewrites viddy and hwatch run
  // their words through the shell as watch does; please(1) is sudo's kin; st [-e] CMD is a terminal's command.
  { names: ['retry'], options: { short: 'ht:d:u:m:', long: ['help|h', 'times=|t', 'delay=|d', 'until=|u', 'message=|m'] }, runs: [{ argv: 0 }] },
  {
    names: ['cpulimit'],
    options: { short: 'l:p:e:P:zimqkrs:bc:fvh', long: ['limit=|l', 'pid=|p', 'exe=|e', 'path=|P', 'lazy|z', 'include-children|i', 'monitor-forks|m', 'quiet|q', 'kill|k', 'restore|r', 'signal=|s', 'background|b', 'cpu=|c', 'foreground|f', 'verbose|v', 'help|h'] },
    runs: [{ when: ['-p', '-e', '-P', '-h'], nothing: true }, { argv: 0 }],
  },
  { names: ['trickle'], options: { short: 'hVvsfw:t:l:n:d:u:L:P:' }, runs: [{ when: ['-h', '-V'], nothing: true }, { argv: 0 }] },
  { names: ['nocache'], options: { short: 'n:' }, runs: [{ argv: 0 }] },
  { names: ['schedtool'], options: { short: '0123456NFRBIDM:a:p:n:ervh' }, runs: [{ when: ['-e'], argv: 0 }, { nothing: true }] },
  { names: ['runcon'], options: { short: 'cu:r:t:l:', long: ['compute|c', 'user=|u', 'role=|r', 'type=|t', 'range=|l', 'help', 'version'] }, runs: [{ when: ['--help', '--version'], nothing: true }, { when: ['-u', '-r', '-t', '-l'], argv: 0 }, { argv: 1 }] },
  { names: ['logsave'], options: { short: 'asv' }, runs: [{ argv: 1 }] },
  { names: ['viddy'], options: { short: 'bdptn:', long: ['bell|b', 'differences|d', 'interval=|n', 'precise|p', 'no-title|t', 'shell=', 'shell-options=', 'unfold', 'pty', 'debug', 'disable_auto_save', 'disable_mouse', 'load=', 'save=', 'help', 'version'] }, runs: [{ when: ['--help', '--version'], nothing: true }, { shellOperands: 0 }] },
  { names: ['hwatch'], options: { short: 'bBcCNrtxOd::n:s:l:L:K:', long: ['beep|b', 'border|B', 'color|c', 'compress|C', 'differences=?|d', 'interval=|n', 'shell=|s', 'exec|x', 'logfile=|l', 'no-title|t', 'help', 'version'] }, runs: [{ when: ['--help', '--version'], nothing: true }, { when: ['-x'], argv: 0 }, { shellOperands: 0 }] },
  { names: ['please'], options: { short: 'a:c:d:hlnpr:t:wu:', long: ['allowenv=|a', 'check=|c', 'dir=|d', 'help|h', 'list|l', 'noprompt|n', 'purge|p', 'reason=|r', 'target=|t', 'warm|w'] }, runs: [{ when: ['-c', '-h', '-l', '-p', '-w'], nothing: true }, { argv: 0, chdirOption: ['-d'] }] },
  { names: ['st'], options: { short: 'aiveulc:f:g:n:o:T:t:w:' }, runs: [{ when: ['-l', '-v'], nothing: true }, { argv: 0 }] },
  // Tracers and profilers that start the program they trace: bpftrace -c CMD (a command line), uftrace [record|live] CMD
  // (the other commands read a recorded trace), heaptrack CMD (-p attaches to a process, -a analyzes a file).
  { names: ['bpftrace'], options: { short: 'B:f:o:e:I:lp:c:qvdkVh', long: ['include=', 'usdt-file-activation', 'unsafe', 'info', 'help|h', 'version|V', 'no-warnings', 'dry-run'] }, runs: [{ when: ['-c'], shellOption: ['-c'] }, { nothing: true }] },
  {
    names: ['uftrace'], options: UFTRACE,
    subcommands: { record: { options: UFTRACE, runs: [{ argv: 0 }] }, live: { options: UFTRACE, runs: [{ argv: 0 }] }, ...Object.fromEntries(UFTRACE_LOOKS.map((c) => [c, { runs: [{ nothing: true as const }] }])) },
    runs: [{ when: ['-h', '--help', '-V', '--version'], nothing: true }, { argv: 0 }],
  },
  { names: ['heaptrack'], options: { short: 'dhvrp:o:a:', long: ['debug|d', 'use-inject', 'raw|r', 'output=|o', 'pid=|p', 'analyze=|a', 'record-only', 'help|h', 'version|v'] }, runs: [{ when: ['-p', '-a', '-h', '-v'], nothing: true }, { argv: 0 }] },
  // Remote shells: Eternal Terminal runs `-c CMD` on the host; its ssh options reach the ssh it starts the session with.
  {
    names: ['et'], options: ET,
    runs: [{ when: ['-h', '--version', '-V', '-G'], nothing: true }, { sshSession: { host: 0, hostOption: ['--host'], command: ['-c'], options: { '-u': '-l', '--ssh-option': '-o', '-o': '-o', '-F': '-F', '--jumphost': '-J', '-t': '-L', '-r': '-R', '-N': '-N', '-f': '-A' } } }],
  },
];
