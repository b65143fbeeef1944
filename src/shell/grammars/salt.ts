// Salt's command lines (salt(1), salt-call(1), salt-ssh(1)) and what its execution modules do on a
// host: data only; expand/salt.ts reads it and judges each function as the command it stands for.
import type { OptionGrammar } from '../getopt.js';

/** salt-ssh(1): its options (those that take a value), `-r` (the operands are a raw shell command) and `--ssh-option`. */
const SALT_SSH: OptionGrammar = {
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

/** Options every salt command line shares (logging, output, config), those that take a value marked `=`. */
const SALT_COMMON = ['config-dir=|c', 'saltfile=', 'log-level=|l', 'log-file=', 'log-file-level=', 'out=', 'output=', 'out-indent=',
  'output-indent=', 'out-file=', 'output-file=', 'out-file-append', 'output-file-append', 'no-color', 'force-color', 'state-output=',
  'state-verbose=', 'timeout=|t', 'version', 'versions-report|V', 'help|h', 'doc|d', 'documentation|d', 'metadata=?', 'output-diff',
  'return=', 'retcode-passthrough', 'hard-crash'];

/** salt(1), through the master: a target (a glob of minions unless a targeting option says otherwise), then functions. */
const SALT: OptionGrammar = {
  short: 'VhdvspTELGPNRCIJSHb:a:c:t:l:',
  long: [...SALT_COMMON, 'static|s', 'progress|p', 'failhard', 'async', 'subset=', 'verbose|v', 'hide-timeout', 'show-jid', 'batch=|b',
    'batch-size=|b', 'batch-wait=', 'batch-safe-limit=', 'batch-safe-size=', 'return_config=', 'return_kwargs=', 'auth=|a', 'eauth=|a',
    'external-auth=|a', 'make-token|T', 'username=', 'password=', 'module-executors=', 'executor-opts=', 'args-separator=', 'summary',
    'preview-target', 'hosts|H', 'pcre|E', 'list|L', 'grain|G', 'grain-pcre|P', 'nodegroup|N', 'range|R', 'compound|C', 'pillar|I',
    'pillar-pcre|J', 'ipcidr|S', 'delimiter='],
  permute: true, abbreviate: true,
};

/** salt-call(1): the functions run on this very machine (`--local`: without asking a master for anything). */
const SALT_CALL: OptionGrammar = {
  short: 'Vhdgm:c:t:l:',
  long: [...SALT_COMMON, 'grains|g', 'module-dirs=|m', 'master=', 'local', 'file-root=', 'pillar-root=', 'states-dir=', 'id=',
    'skip-grains', 'refresh-grains-cache', 'proxyid=', 'priv=', 'cachedir='],
  permute: true, abbreviate: true,
};

/** How each salt program is read: its options, whether a target comes before the functions, and what only prints. */
export interface SaltCli {
  readonly options: OptionGrammar;
  /** A target operand (hosts or minions) first; without one the functions run where the command runs. */
  readonly targeted: boolean;
  /** Options after which nothing runs (help, version, documentation, grains). */
  readonly prints: readonly string[];
  /** Options that make the operands one raw shell command (salt-ssh -r). */
  readonly raw?: readonly string[];
  /** Options whose value is an ssh `-o` option (salt-ssh --ssh-option). */
  readonly sshOption?: string;
}

export const SALT_CLIS: Readonly<Record<string, SaltCli>> = {
  'salt-ssh': { options: SALT_SSH, targeted: true, prints: ['--version', '--versions-report', '--help'], raw: ['-r', '--raw', '--raw-shell'], sshOption: '--ssh-option' },
  salt: { options: SALT, targeted: true, prints: ['--version', '--versions-report', '--help', '--doc'] },
  'salt-call': { options: SALT_CALL, targeted: false, prints: ['--version', '--versions-report', '--help', '--doc', '--grains'] },
};

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
  /** Functions that apply states kept in files (state.apply): on this machine they may run anything. */
  readonly applies?: string;
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
  state: { applies: '^(?:apply|sls|sls_id|highstate|single|high|low|template|template_str|top|request|run_request|pkg|orchestrate)$', looks: '^(?:show_sls|show_highstate|show_top|show_lowstate|show_low_sls|show_state_usage|show_states|sls_exists|list_disabled)$' },
};
