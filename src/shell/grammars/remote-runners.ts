// Remote runners that are not OpenSSH but reach the server as it does: PuTTY's plink (an ssh client
// with its own options), Fabric's `fab -H HOST -- CMD` and xpra's sessions over ssh. Data only;
// expand/remote-runners.ts reads it and judges what runs there as ssh's remote command.
import type { OptionGrammar } from '../getopt.js';

/** The programs expand/remote-runners.ts reads itself (fab's remainder is read with its tasks, tasks.ts). */
export const REMOTE_RUNNERS: readonly string[] = ['plink', 'xpra'];

/**
 * plink(1) (PuTTY's "Using the command-line connection tool Plink"): options with one dash, then the
 * host, then the command; every word after the host is the command's.
 */
export const PLINK: OptionGrammar = {
  short: 'vVXxAatT1246CsNP:l:i:D:L:R:m:',
  long: ['batch', 'ssh', 'telnet', 'rlogin', 'raw', 'serial', 'ssh-connection', 'load=', 'pw=', 'pwfile=', 'proxycmd=', 'sercfg=',
    'sshlog=', 'sshrawlog=', 'logoverwrite', 'logappend', 'shareexists', 'noagent', 'agent', 'noshare', 'share', 'hostkey=',
    'nc=', 'no-trivial-auth', 'pgpfp', 'sanitise-stderr', 'sanitise-stdout', 'no-sanitise-stderr', 'no-sanitise-stdout',
    'no-antispoof', 'cert=', 'restrict-acl', 'legacy-stdio-prompts', 'help', 'version'],
  singleDashLong: true,
};

/**
 * plink's options as the ssh options they are (`-P` is ssh's `-p`; `-nc` is `-W`; a log file is `-E`;
 * `-proxycmd` a ProxyCommand run here); `''`: ssh's own letter. Options not listed change nothing judged.
 */
export const PLINK_AS_SSH: Readonly<Record<string, string>> = {
  '-P': '-p', '-l': '', '-i': '', '-D': '', '-L': '', '-R': '', '-X': '', '-x': '', '-A': '', '-a': '', '-t': '', '-T': '',
  '-4': '', '-6': '', '-C': '', '-N': '', '-s': '', '-nc': '-W', '-sshlog': '-E', '-sshrawlog': '-E', '-proxycmd': '-o ProxyCommand=',
};
/** plink options after which nothing connects. */
export const PLINK_PRINTS = ['-V', '-pgpfp', '-help', '-version'];
/** `-m FILE`: the remote command is the file's text. */
export const PLINK_COMMAND_FILE = '-m';
/** `-load SESSION`: a saved session (~/.putty/sessions) may set the host, the remote command and a local proxy command. */
export const PLINK_SESSION = '-load';

/**
 * Fabric 2 (`fab --help`): `-H/--hosts h1,h2` and the words after `--`, which run as a shell command
 * on each host (an anonymous task); `-i` and `-S` are ssh's `-i` and `-F`.
 */
export const FAB_REMOTE = { hosts: ['-H', '--hosts'], asSsh: { '-i': '-i', '--identity': '-i', '-S': '-F', '--ssh-config': '-F' } as Readonly<Record<string, string>> };

/**
 * xpra(1): every option is long and takes its value attached or as the next word; those that name a
 * command the session starts (on the host of an `ssh://` address when one is given) and `--ssh`, the
 * ssh client it runs here. Other options with a value matter only for finding that address.
 */
export const XPRA_COMMANDS = ['--start', '--start-child', '--start-after-connect', '--start-child-after-connect', '--start-on-connect',
  '--start-child-on-connect', '--start-on-last-client-exit', '--start-child-on-last-client-exit', '--exec-wrapper', '--start-via-proxy',
  '--remote-xpra'];
export const XPRA_SSH = '--ssh';
export const XPRA: OptionGrammar = {
  long: [...XPRA_COMMANDS.filter((o) => o !== '--start-via-proxy').map((o) => `${o.slice(2)}=`), 'ssh=', 'start-via-proxy=?', 'bind=', 'bind-tcp=',
    'bind-ssl=', 'bind-ws=', 'bind-wss=', 'bind-vsock=', 'bind-rfb=', 'socket-dir=', 'socket-dirs=', 'log-dir=', 'log-file=', 'env=',
    'chdir=', 'uid=', 'gid=', 'display=', 'encoding=', 'password-file=', 'auth=', 'tcp-auth=', 'ssh-auth=', 'xvfb=', 'speaker=',
    'microphone=', 'pulseaudio-command=', 'keyboard-layout=', 'dpi=', 'title=', 'opengl=', 'encryption=', 'encryption-keyfile=',
    'help|h', 'version'],
  permute: true,
};
/** A session on another machine: `ssh://[user@]host[:port]/[display]`, `ssh:host:display`, `ssh/host`, `tcp+ssh`/`vsock+ssh` forms. */
export const XPRA_REMOTE = /^(?:[a-z]+\+)?ssh(?::\/\/|[:/])([^/:]+(?::\d+)?)/;
/** `xpra control DISPLAY start|start-child CMD…`: a running session starts CMD. */
export const XPRA_CONTROL = { mode: 'control', starts: ['start', 'start-child'] };

/**
 * systemd's clients that run their operation on another machine's manager with `-H/--host [USER@]HOST[:PORT][/CONTAINER]`
 * ("Execute the operation remotely … This will use SSH", systemctl(1) and the others' pages): over ssh
 * the D-Bus call runs there, so the command is judged as `ssh HOST TOOL ARGS` is. Their options with a value.
 */
const SYSTEMD_COMMON: OptionGrammar = {
  short: 'ahlqH:M:p:P:s:n:o:E:',
  long: ['host=|H', 'machine=|M', 'property=|p', 'value', 'signal=|s', 'lines=|n', 'output=|o', 'setenv=|E', 'all|a', 'full|l', 'quiet|q',
    'no-pager', 'no-legend', 'no-ask-password', 'help|h', 'version', 'json=', 'user', 'system', 'uid=', 'kill-whom=', 'root=', 'image=',
    'adjust-system-clock', 'monitor', 'static', 'transient', 'pretty', 'identity=', 'force'],
  permute: true, abbreviate: true,
};
export const SYSTEMD_REMOTE: Readonly<Record<string, OptionGrammar>> = {
  systemctl: { short: 'afhlqrH:M:n:o:p:P:s:t:', long: ['host=|H', 'machine=|M', 'lines=|n', 'output=|o', 'property=|p', 'signal=|s', 'type=|t', 'state=', 'root=', 'kill-whom=', 'job-mode=', 'what=', 'timestamp=', 'message=', 'preset-mode=', 'boot-loader-entry=', 'reboot-argument=', 'check-inhibitors=', 'help|h', 'version'], permute: true, abbreviate: true },
  'systemd-run': {
    short: 'u:p:E:tPqGdrShH:M:',
    long: ['unit=|u', 'property=|p', 'description=', 'slice=', 'slice-inherit', 'setenv=|E', 'pty|t', 'pipe|P', 'quiet|q', 'collect|G', 'same-dir|d',
      'remain-after-exit|r', 'shell|S', 'host=|H', 'machine=|M', 'scope', 'user', 'system', 'uid=', 'gid=', 'nice=', 'working-directory=',
      'on-active=', 'on-boot=', 'on-startup=', 'on-unit-active=', 'on-unit-inactive=', 'on-calendar=', 'on-clock-change', 'on-timezone-change',
      'path-property=', 'socket-property=', 'timer-property=', 'service-type=', 'wait', 'no-block', 'send-sighup', 'no-ask-password', 'help|h', 'version'],
    abbreviate: true,
  },
  busctl: {
    short: 'hlqjH:M:',
    long: ['host=|H', 'machine=|M', 'address=', 'show-machine', 'unique', 'acquired', 'activatable', 'match=', 'size=', 'list', 'quiet|q', 'verbose',
      'xml-interface', 'json=', 'expect-reply=', 'auto-start=', 'allow-interactive-authorization=', 'timeout=', 'augment-creds=', 'watch-bind=',
      'destination=', 'user', 'system', 'no-pager', 'no-legend', 'full|l', 'help|h', 'version'],
    permute: true, abbreviate: true,
  },
  ...Object.fromEntries(['hostnamectl', 'timedatectl', 'localectl', 'loginctl', 'machinectl', 'homectl', 'portablectl', 'systemd-analyze'].map((n) => [n, SYSTEMD_COMMON])),
};
/** What in a command's text may name the host (`-H`, `-qH`, `--host`, `--ho`): the fast path sends these on. */
export const SYSTEMD_HOST_KEYWORDS: readonly string[] = ['H', '--h'];
