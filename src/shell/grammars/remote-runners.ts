// Remote runners that are not OpenSSH but reach the server as it does: PuTTY's plink (an ssh client
// with its own options), Fabric's `fab -H HOST -- CMD` and salt-ssh's execution modules. Data only;
// expand/remote-runners.ts reads it and judges what runs there as ssh's remote command.
import type { OptionGrammar } from '../getopt.js';

/** The programs expand/remote-runners.ts reads itself (fab's remainder is read with its tasks, tasks.ts). */
export const REMOTE_RUNNERS: readonly string[] = ['plink', 'salt-ssh'];

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

/** salt-ssh(1): its options (those that take a value), `-r` (the operands are a raw shell command) and `--ssh-option`. */
export const SALT_SSH: OptionGrammar = {
  short: 'rivsWwELGNRc:t:l:',
  long: ['raw|r', 'raw-shell', 'ignore-host-keys|i', 'no-host-keys', 'verbose|v', 'static|s', 'wipe|w', 'rand-thin-dir|W', 'pcre|E',
    'list|L', 'grain|G', 'nodegroup|N', 'range|R', 'config-dir=|c', 'timeout=|t', 'log-level=|l', 'log-file=', 'log-file-level=',
    'roster=', 'roster-file=', 'refresh', 'refresh-cache', 'max-procs=', 'extra-filerefs=', 'min-extra-modules=', 'thin-extra-modules=',
    'python2-bin=', 'python3-bin=', 'jid=', 'pre-flight', 'priv=', 'priv-passwd=', 'user=', 'passwd=', 'askpass', 'key-deploy',
    'identities-only', 'sudo', 'update-roster', 'scan-ports=', 'scan-timeout=', 'ssh-option=', 'saltfile=', 'out=', 'output=',
    'out-indent=', 'output-indent=', 'out-file=', 'output-file=', 'out-file-append', 'no-color', 'force-color', 'state-output=',
    'state-verbose=', 'port=', 'set-metadata=', 'regen-thin', 'thin-include=', 'thin-exclude=', 'version', 'versions-report', 'help|h'],
  permute: true,
};
export const SALT_RAW = ['-r', '--raw', '--raw-shell'];
export const SALT_PRINTS = ['--version', '--versions-report', '--help'];

/** What a salt execution module's functions do on the host. */
export interface SaltModule {
  /** Functions that only read (a regex over the function's name). */
  readonly looks?: string;
  /** Functions whose arguments (other than the keyword arguments in `kwargs`) are a shell command line run there. */
  readonly shell?: string;
  readonly kwargs?: readonly string[];
  /** Functions that run what the text does not show (a script from the master or a URL, code). */
  readonly unreadable?: string;
  /** The command the module's other functions stand for there (`docker FN ARGS`), with salt's names for the CLI's. */
  readonly stands?: string;
  readonly rename?: Readonly<Record<string, string>>;
  /** With `stands`: the arguments are not the command's (dockercompose's path to the project). */
  readonly noArgs?: true;
}

const DOCKER_MODULE: SaltModule = {
  stands: 'docker',
  rename: {
    ps: 'ps', ps_: 'ps', list_containers: 'ps', inspect: 'inspect', inspect_container: 'inspect', inspect_image: 'image inspect',
    inspect_volume: 'volume inspect', inspect_network: 'network inspect', images: 'images', list_tags: 'images', logs: 'logs',
    top: 'top', port: 'port', history: 'history', diff: 'diff', info: 'info', version: 'version', networks: 'network ls',
    volumes: 'volume ls', state: 'inspect', exists: 'inspect', is_running: 'inspect', resolve_image_id: 'image inspect',
    resolve_tag: 'image inspect', layers: 'history',
    run_container: 'run', run: 'exec', run_all: 'exec', run_stdout: 'exec', run_stderr: 'exec', retcode: 'exec', script: 'exec',
    script_retcode: 'exec', call: 'exec', sls: 'exec', apply: 'exec', copy_to: 'cp', copy_from: 'cp', rm_: 'rm', start_: 'start',
    signal_: 'kill', import_: 'import', tag_: 'tag', create_network: 'network create', remove_network: 'network rm',
    create_volume: 'volume create', remove_volume: 'volume rm', sls_build: 'build',
  },
};

/** salt's execution modules (salt.modules.*), by the name salt-ssh calls them. Any other module's function changes the host. */
export const SALT_MODULES: Readonly<Record<string, SaltModule>> = {
  cmd: {
    shell: '^(?:run|run_all|run_stdout|run_stderr|retcode|shell|run_bg|powershell|powershell_all|shells)$',
    kwargs: ['cwd', 'runas', 'group', 'shell', 'env', 'clean_env', 'template', 'rstrip', 'umask', 'output_encoding', 'output_loglevel',
      'log_callback', 'hide_output', 'timeout', 'reset_system_locale', 'ignore_retcode', 'saltenv', 'use_vt', 'bg', 'password',
      'encoded_cmd', 'raise_err', 'prepend_path', 'success_retcodes', 'success_stdout', 'success_stderr', 'python_shell', 'redirect_stderr'],
    unreadable: '^(?:script|script_retcode|exec_code|exec_code_all|run_chroot)$',
    looks: '^(?:which|which_bin|has_exec|tty)$',
  },
  docker: DOCKER_MODULE, dockermod: DOCKER_MODULE, dockerng: DOCKER_MODULE,
  dockercompose: { stands: 'docker compose', rename: { ps: 'ps', get: 'config' }, noArgs: true },
  test: { looks: '.' },
  sys: { looks: '.' },
  status: { looks: '.' },
  grains: { looks: '^(?:items|item|get|ls|fetch|filter_by|equals)$' },
  pillar: { looks: '^(?:items|item|get|ls|raw|keys|data|obfuscate)$' },
  disk: { looks: '^(?:usage|inodeusage|percent|blkid|iostat)$' },
  service: { looks: '^(?:status|available|missing|get_all|get_enabled|get_disabled|enabled|disabled|show|execs)$' },
  pkg: { looks: '^(?:list_pkgs|version|info_installed|list_repos|list_upgrades|upgrade_available)$' },
  file: { looks: '^(?:file_exists|directory_exists|stats|read|readlink|get_hash|readdir|contains|grep|access|get_mode|get_user|get_group|lstat|search)$' },
  network: { looks: '^(?:interfaces|ip_addrs|ip_addrs6|netstat|active_tcp|ping|traceroute|dig|default_route|routes|get_hostname|subnets)$' },
  state: { looks: '^(?:show_sls|show_highstate|show_top|show_lowstate|show_low_sls|show_state_usage|show_states|sls_exists|list_disabled)$' },
};
