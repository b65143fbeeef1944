// Option grammars of the programs the policy is about: OpenSSH and the other transfer tools, the
// container CLIs, git. Data only; programs/*.ts turn a command line into facts with them.
import type { OptionGrammar } from '../getopt.js';

/** ssh(1): every option letter, and those that take a value. */
export const SSH: OptionGrammar = { short: '46AaCfGgKkMNnqsTtVvXxYyB:b:c:D:E:e:F:I:i:J:L:l:m:O:o:P:p:Q:R:S:W:w:' };
/** Options after which no remote command runs. */
export const SSH_NO_COMMAND = ['-N', '-G', '-V', '-Q', '-W', '-O'];
/**
 * Hosts of the forges' git-over-ssh services: they run git-shell (or a service like it) for every
 * user, never a shell, so `ssh -T git@github.com` (the forges' documented test of a key) is no session.
 */
export const FORGE_SSH_HOSTS: readonly string[] = ['github.com', 'ssh.github.com', 'gist.github.com', 'gitlab.com', 'altssh.gitlab.com',
  'bitbucket.org', 'altssh.bitbucket.org', 'codeberg.org', 'gitea.com', 'git.sr.ht', 'ssh.dev.azure.com', 'vs-ssh.visualstudio.com'];
/** ssh_config keys whose value is a command run on the local machine (XAuthLocation: the xauth program ssh runs for -X, -Y). */
export const SSH_LOCAL_COMMAND_KEYS = ['proxycommand', 'localcommand', 'knownhostscommand', 'xauthlocation'];
/**
 * Files ssh writes on this machine: `-E log_file` appends its debug log (ssh(1)); the known-hosts
 * files get a line for a new host key (ssh_config(5) UserKnownHostsFile).
 */
export const SSH_WRITES = { options: ['-E'], keys: ['userknownhostsfile'] } as const;
/**
 * Environment ssh (and scp, sftp, sshfs, which run it) reads as an ssh_config key (ssh(1)
 * ENVIRONMENT): SSH_SK_PROVIDER is the security-key library, as SecurityKeyProvider. (SSH_ASKPASS,
 * a program, is in grammars/env.ts.)
 */
export const SSH_ENV_KEYS: Readonly<Record<string, string>> = { SSH_SK_PROVIDER: 'securitykeyprovider' };

export const SCP: OptionGrammar = { short: '346ABCOpqRrTvc:D:F:i:J:l:o:P:S:X:', permute: true };
export const SFTP: OptionGrammar = { short: '46AaCfNpqrvB:b:c:D:F:i:J:l:o:P:R:S:s:X:', permute: true };
export const SSHFS: OptionGrammar = { short: 'VdfshCo:p:F:', long: ['version', 'debug', 'help'], permute: true };
/**
 * sshfs `-o` options (comma-separated, FUSE style) that run a program, sshfs(1): `ssh_command=CMD`
 * runs CMD here instead of ssh; `sftp_server=SERV` is run on the server (a path or a command line; a
 * single word without `/` is a subsystem name sshd looks up). Any other `key=value` is ssh's own option.
 */
export const SSHFS_RUNS: { readonly local: readonly string[]; readonly remote: readonly string[] } = { local: ['ssh_command'], remote: ['sftp_server'] };
/** An sftp server program as sftp_server names it (`sudo /usr/lib/openssh/sftp-server -R`): the mount itself, judged as the mount. */
export const SFTP_SERVER = /^(?:sudo(?:\s+-[A-Za-z]+(?:\s+[\w.-]+)?)*\s+)?(?:[\w./-]*\/)?(?:sftp-server|gesftpserver)(?:\s+-[A-Za-z]+(?:\s+[\w./:-]+)?)*\s*$/;
/** rclone's global flags that take a value (pflag: `--flag value` or `--flag=value`); the backend flags too. */
export const RCLONE: OptionGrammar = {
  short: 'vqPnicuLlxIM',
  long: ['config=', 'transfers=', 'checkers=', 'bwlimit=', 'include=', 'exclude=', 'filter=', 'filter-from=',
    'include-from=', 'exclude-from=', 'files-from=', 'files-from-raw=', 'log-file=', 'log-level=', 'log-format=', 'max-age=',
    'min-age=', 'max-size=', 'min-size=', 'max-depth=', 'backup-dir=', 'suffix=', 'compare-dest=', 'copy-dest=', 'order-by=',
    'stats=', 'timeout=', 'contimeout=', 'retries=', 'low-level-retries=', 'tpslimit=', 'user-agent=', 'header=',
    'header-upload=', 'header-download=', 'cache-dir=', 'temp-dir=', 'max-transfer=', 'cutoff-mode=', 'password-command=',
    'rc-addr=', 'multi-thread-streams=', 'multi-thread-cutoff=', 'sftp-host=', 'sftp-user=', 'sftp-port=', 'sftp-key-file=',
    'sftp-pass=', 'sftp-ssh=', 'sftp-known-hosts-file=', 'sftp-server-command=', 'sftp-md5sum-command=',
    'sftp-sha1sum-command=', 'webdav-bearer-token-command=', 'ftp-host=', 'ftp-user=', 'ftp-port=', 'ftp-pass=',
    'metadata-mapper=', 'backup-dir1=', 'backup-dir2=', 'workdir=',
    // the remote a wrapping backend keeps its files on (grammars/rclone.ts RCLONE_WRAPPERS)
    'alias-remote=', 'crypt-remote=', 'chunker-remote=', 'compress-remote=', 'hasher-remote=', 'cache-remote=',
    'archive-remote=', 'union-upstreams=', 'combine-upstreams=',
    // files a command writes here (grammars/writes.ts): check's reports, hashsum's and tree's output, profiles
    'combined=', 'missing-on-src=', 'missing-on-dst=', 'match=', 'differ=', 'error=', 'output-file=', 'output=',
    'write-json=', 'cpuprofile=', 'memprofile=', 'nfs-cache-dir=', 'checkfile=|C',
    // rclone config create|update's own (its answers to a question asked before)
    'state=', 'result=',
    // rclone rc's own flags
    'url=', 'json=', 'opt=|o', 'arg=|a', 'unix-socket=', 'loopback', 'no-output',
    'dry-run|n', 'interactive|i', 'checksum|c', 'update|u', 'progress|P', 'verbose|v', 'quiet|q', 'copy-links|L',
    'links|l', 'one-file-system|x', 'ignore-times|I', 'metadata|M', 'read-only', 'delete-excluded', 'no-traverse'],
  permute: true,
};
export const RSYNC: OptionGrammar = {
  short: 'vqcarRbuldLkKHpEAXogDtUNOJSnWxCIyz0hPiFsM:e:B:T:f:',
  long: ['rsh=|e', 'rsync-path=', 'exclude=', 'include=', 'filter=|f', 'files-from=', 'exclude-from=', 'include-from=',
    'temp-dir=|T', 'partial-dir=', 'log-file=', 'log-file-format=', 'password-file=', 'port=', 'chmod=', 'chown=',
    'compare-dest=', 'link-dest=', 'copy-dest=', 'backup-dir=', 'suffix=', 'timeout=', 'contimeout=', 'bwlimit=',
    'max-size=', 'min-size=', 'max-delete=', 'out-format=', 'usermap=', 'groupmap=', 'block-size=|B', 'modify-window=',
    'compress-choice=', 'compress-level=', 'checksum-choice=', 'info=', 'debug=', 'remote-option=|M', 'sockopts=',
    'outbuf=', 'iconv=', 'address=', 'only-write-batch=', 'write-batch=', 'read-batch=', 'protocol=', 'stop-after=',
    'stop-at=', 'skip-compress=', 'mkpath', 'remove-source-files', 'remove-sent-files', 'delete', 'dry-run|n',
    'list-only', 'recursive|r', 'archive|a', 'verbose|v', 'server', 'sender', 'daemon', 'config=', 'help', 'version',
    'old-args', 'no-old-args', 'secluded-args|s', 'protect-args', 'no-secluded-args', 'no-protect-args', 'fake-super'],
  permute: true, abbreviate: true,
};

// ---------------------------------------------------------------- container CLIs (docker's pflag rules)

export const CONTAINER_PROGRAMS = ['docker', 'podman', 'nerdctl', 'nerdctl.lima', 'balena-engine', 'podman-remote', 'docker.io', 'com.docker.cli', 'ctr', 'crictl', 'kamal', 'finch', 'lima-nerdctl', 'runc', 'crun', 'buildah',
  // Docker TUIs: each stops, restarts and removes containers from its menu.
  'lazydocker', 'ctop', 'dry', 'oxker',
  // Build and dev-loop engines that start containers themselves (rules/10-containers.yaml); read with
  // docker's grammar, which is enough to tell their help and version from the rest.
  'earthly', 'dagger', 'tilt',
  // Local development environments on docker compose, and podman's TUI (rules/10-containers.yaml).
  'ddev', 'lando', 'fin', 'warden', 'kool', 'sail', 'tye', 'podman-tui',
  // OCI runtimes and image builders beside runc, crun and buildah.
  'youki', 'runsc', 'buildctl', 'img'] as const;
export const COMPOSE_PROGRAMS = ['docker-compose', 'podman-compose', 'nerdctl-compose'] as const;
/**
 * Docker CLI plugins run as programs of their own (~/.docker/cli-plugins/docker-buildx): each is the
 * docker command it plugs in (`docker-buildx bake` is `docker buildx bake`). docker itself runs a
 * plugin with the plugin's name as the first argument (`docker-buildx buildx bake`).
 */
export const CONTAINER_PLUGINS: Readonly<Record<string, string>> = {
  'docker-buildx': 'buildx', 'docker-scout': 'scout', 'docker-sbom': 'sbom', 'docker-init': 'init', 'docker-debug': 'debug',
  'docker-model': 'model', 'docker-mcp': 'mcp', 'docker-offload': 'offload', 'docker-ai': 'ai', 'docker-scan': 'scan',
  'docker-extension': 'extension', 'docker-dev': 'dev',
};

/** The global options of docker, podman and nerdctl together, before the subcommand. */
export const CONTAINER_GLOBAL: OptionGrammar = {
  short: 'Dhvrc:H:l:n:a:',
  long: ['config=', 'context=|c', 'debug|D', 'host=|H', 'log-level=|l', 'tls', 'tlscacert=', 'tlscert=', 'tlskey=',
    'tlsverify', 'version|v', 'help|h', 'url=', 'connection=', 'identity=', 'remote|r', 'namespace=|n', 'address=|a',
    'root=', 'runroot=', 'storage-driver=', 'storage-opt=', 'cgroup-manager=', 'data-root=', 'cni-path=',
    'cni-netconfpath=', 'snapshotter=', 'hosts-dir=', 'module=', 'network-cmd-path=', 'runtime=', 'events-backend=',
    'conmon=', 'hooks-dir=', 'imagestore=', 'network-config-dir=', 'ssh=', 'syslog', 'tmpdir=', 'transient-store',
    'volumepath=', 'out=', 'insecure-registry', 'experimental', 'cgroup-manager=', 'debug-full', 'host-gateway-ip='],
  abbreviate: false,
};

export const COMPOSE_GLOBAL: OptionGrammar = {
  short: 'hvf:p:c:H:',
  long: ['file=|f', 'project-name=|p', 'project-directory=', 'profile=', 'env-file=', 'ansi=', 'progress=', 'parallel=',
    'host=|H', 'context=|c', 'podman-path=', 'podman-args=', 'podman-run-args=', 'in-pod=', 'compatibility', 'dry-run',
    'all-resources', 'verbose', 'help|h', 'version|v', 'no-ansi', 'log-level=', 'tls', 'tlscacert=', 'tlscert=', 'tlskey=',
    'tlsverify', 'skip-hostname-check'],
};

/** Options whose value is a file the subcommand writes here (`compose config -o FILE` renders the model into it). */
export const CONTAINER_OUTPUT_FILES: Readonly<Record<string, readonly string[]>> = {
  'compose config': ['--output', '-o'], 'compose convert': ['--output', '-o'],
};

/** Management commands whose next word is the real subcommand (`docker container restart`). */
export const CONTAINER_MANAGEMENT = new Set([
  'builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node',
  'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume', 'machine', 'pod', 'generate',
  'healthcheck', 'kube', 'farm', 'namespace', 'apparmor', 'ipfs', 'artifact', 'quadlet', 'scout', 'sbom', 'model',
  // containerd's ctr and kamal group their commands the same way.
  'images', 'containers', 'tasks', 'snapshots', 'namespaces', 'content', 'leases', 'app', 'accessory', 'proxy', 'traefik',
]);

/**
 * Subcommands that stop reading options at their first operand (pflag's SetInterspersed(false)):
 * what follows the image or service is the command run inside, and its `--help` is not docker's.
 */
export const CONTAINER_NO_INTERSPERSE = new Set(['run', 'exec', 'create', 'container run', 'container exec',
  'container create', 'compose run', 'compose exec', 'debug', 'container debug']);

const RUN_VALUED = ['add-host=', 'annotation=', 'attach=|a', 'blkio-weight=', 'cap-add=', 'cap-drop=', 'cgroup-parent=',
  'cgroupns=', 'cidfile=', 'cpu-period=', 'cpu-quota=', 'cpus=', 'cpuset-cpus=', 'cpuset-mems=', 'cpu-shares=|c',
  'detach-keys=', 'device=', 'dns=', 'dns-option=', 'dns-search=', 'domainname=', 'entrypoint=', 'env=|e',
  'env-file=', 'expose=', 'gpus=', 'group-add=', 'health-cmd=', 'health-interval=', 'health-retries=',
  'health-timeout=', 'health-start-period=', 'hostname=|h', 'ip=', 'ip6=', 'ipc=', 'isolation=', 'label=|l',
  'label-file=', 'link=', 'log-driver=', 'log-opt=', 'mac-address=', 'memory=|m', 'memory-swap=', 'mount=',
  'name=', 'network=', 'net=', 'network-alias=', 'pid=', 'platform=', 'publish=|p', 'pull=', 'restart=',
  'runtime=', 'security-opt=', 'shm-size=', 'stop-signal=', 'stop-timeout=', 'storage-opt=', 'sysctl=', 'tmpfs=',
  'ulimit=', 'user=|u', 'userns=', 'uts=', 'volume=|v', 'volumes-from=', 'workdir=|w', 'pod=', 'service-ports',
  'use-aliases', 'rm', 'detach|d', 'interactive|i', 'tty|t', 'privileged', 'init', 'quiet|q', 'publish-all|P',
  'read-only', 'no-deps', 'build', 'remove-orphans', 'help', 'index=', 'no-TTY|T'];

/** Options of container subcommands that take a value (so the value is not read as an operand). */
export const CONTAINER_SUB: Readonly<Record<string, OptionGrammar>> = {
  run: { long: RUN_VALUED, short: 'dhiPqtTa:c:e:h:l:m:p:u:v:w:' },
  create: { long: RUN_VALUED, short: 'dhiPqtTa:c:e:h:l:m:p:u:v:w:' },
  exec: { long: ['detach|d', 'detach-keys=', 'env=|e', 'env-file=', 'interactive|i', 'privileged', 'tty|t', 'user=|u', 'workdir=|w', 'index=', 'no-TTY|T', 'help'], short: 'dhitTe:u:w:' },
  restart: { long: ['time=|t', 'timeout=', 'signal=|s', 'help', 'no-deps'], short: 'ht:s:' },
  stop: { long: ['time=|t', 'timeout=', 'signal=|s', 'help'], short: 'ht:s:' },
  kill: { long: ['signal=|s', 'help', 'remove-orphans'], short: 'hs:' },
  logs: { long: ['follow|f', 'tail=|n', 'since=', 'until=', 'timestamps|t', 'details', 'index=', 'no-color', 'no-log-prefix', 'help'], short: 'fthn:' },
  up: { long: ['detach|d', 'timeout=|t', 'scale=', 'exit-code-from=', 'pull=', 'wait', 'wait-timeout=', 'attach=', 'no-attach=', 'build', 'no-build', 'force-recreate', 'no-recreate', 'no-deps', 'remove-orphans', 'abort-on-container-exit', 'quiet-pull', 'no-start', 'renew-anon-volumes|V', 'always-recreate-deps', 'watch|w', 'help', 'menu', 'yes|y'], short: 'dhwVyt:' },
  ps: { long: ['all|a', 'filter=|f', 'format=', 'last=|n', 'latest|l', 'no-trunc', 'quiet|q', 'size|s', 'services', 'status=', 'orphans', 'help'], short: 'ahlqsf:n:' },
  pull: { long: ['all-tags|a', 'platform=', 'policy=', 'quiet|q', 'ignore-pull-failures', 'include-deps', 'help'], short: 'ahq' },
  build: { long: ['file=|f', 'tag=|t', 'build-arg=', 'target=', 'platform=', 'progress=', 'ssh=', 'secret=', 'memory=|m', 'builder=', 'cache-from=', 'cache-to=', 'label=', 'network=', 'output=|o', 'no-cache', 'pull', 'push', 'quiet|q', 'load', 'help'], short: 'hqf:t:m:o:' },
  push: { long: ['platform=', 'all-tags|a', 'quiet|q', 'help', 'ignore-push-failures', 'include-deps'], short: 'ahq' },
  inspect: { long: ['format=|f', 'type=', 'size|s', 'help'], short: 'hsf:' },
  images: { long: ['all|a', 'filter=|f', 'format=', 'digests', 'no-trunc', 'quiet|q', 'help'], short: 'ahqf:' },
  stats: { long: ['all|a', 'format=', 'no-stream', 'no-trunc', 'help'], short: 'ah' },
  events: { long: ['filter=|f', 'format=', 'since=', 'until=', 'json', 'help'], short: 'hf:' },
  config: { long: ['format=', 'output=|o', 'quiet|q', 'services', 'volumes', 'profiles', 'images', 'hash=', 'resolve-image-digests', 'no-interpolate', 'no-normalize', 'no-path-resolution', 'variables', 'environment', 'help'], short: 'hqo:' },
  rm: { long: ['force|f', 'stop|s', 'volumes|v', 'link|l', 'help'], short: 'fhlsv' },
  cp: { long: ['archive|a', 'follow-link|L', 'quiet|q', 'help'], short: 'ahLq' },
  top: { long: ['help'], short: 'h' },
  // `docker stack --orchestrator swarm ls` (CLIs before 23 had Kubernetes stacks too).
  stack: { long: ['orchestrator=', 'kubeconfig=', 'namespace=', 'help'], short: 'h' },
};
export const CONTAINER_SUB_DEFAULT: OptionGrammar = { short: 'h', long: ['help'] };

// ---------------------------------------------------------------- git

/** git's own options, before the subcommand. */
export const GIT: OptionGrammar = {
  short: 'hpPvC:c:',
  long: ['version', 'help', 'html-path', 'man-path', 'info-path', 'paginate|p', 'no-pager|P', 'no-replace-objects',
    'no-lazy-fetch', 'no-optional-locks', 'no-advice', 'bare', 'git-dir=', 'work-tree=', 'namespace=', 'exec-path=?',
    'config-env=', 'super-prefix=', 'list-cmds=', 'literal-pathspecs', 'glob-pathspecs', 'noglob-pathspecs',
    'icase-pathspecs', 'attr-source='],
};

export const GIT_PUSH: OptionGrammar = {
  short: 'fdnquv46o:',
  long: ['force|f', 'force-with-lease=?', 'force-if-includes', 'no-force-with-lease', 'no-force-if-includes', 'mirror',
    'delete|d', 'prune', 'all', 'branches', 'tags', 'follow-tags', 'no-follow-tags', 'atomic', 'no-atomic',
    'dry-run|n', 'porcelain', 'quiet|q', 'verbose|v', 'progress', 'no-progress', 'set-upstream|u', 'no-verify',
    'verify', 'thin', 'no-thin', 'repo=', 'receive-pack=', 'exec=', 'push-option=|o', 'signed=?', 'no-signed',
    'recurse-submodules=', 'no-recurse-submodules', 'ipv4|4', 'ipv6|6', 'no-force'],
  permute: true, abbreviate: true,
};

/** `git http-push` (git-http-push(1)): `-d`/`-D` delete the refs named, `--force` skips the fast-forward check. */
export const GIT_HTTP_PUSH: OptionGrammar = {
  short: 'dDv',
  long: ['all', 'force', 'dry-run', 'verbose|v', 'delete|d', 'force-delete|D'],
  permute: true,
};

// ---------------------------------------------------------------- container engines reached without their CLI

/** Sockets of container engines (`/var/run/docker.sock`, podman's, containerd's, a forwarded one). */
export const ENGINE_SOCKET = /(?:docker|podman|containerd|dockershim|cri-dockerd|crio|nerdctl|colima|lima)[^/]*\.sock\b/;
/** TCP ports the Docker Engine API listens on. */
export const ENGINE_PORT = /:(?:2375|2376)\b/;
/** Portainer's proxy of an environment's Docker Engine API (`/api/endpoints/{id}/docker/…`): the engine's API by another door. */
export const ENGINE_PROXY = /\/api\/endpoints\/[^/]+\/docker\//;
/** Argo CD's REST API (`/api/v1/applications/{name}…`, applicationsets, projects, clusters, repositories). */
export const ARGOCD_API = /^https?:\/\/[^/]+(?:\/[^/]+)*?\/api\/v1\/(?:applications|applicationsets|projects|clusters|repositories|repocreds|certificates|gpgkeys)(?:[/?]|$)/;
/**
 * Kubernetes API requests: /api or /apis on an API server's port (6443, 8443, 16443) or a
 * `kubectl proxy` (8001), or any URL with the API's namespaced object paths.
 */
export const KUBE_API = /^https?:\/\/(?:[^/]+:(?:6443|8443|16443|8001)\/(?:api|apis)(?:\/|$)|[^/]+\/(?:api\/v1|apis\/[a-z0-9.-]+\/v[0-9][a-z0-9]*)\/namespaces\/)/;
/** curl options that send a body or choose a method. */
export const HTTP_BODY_OPTIONS = ['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '-F',
  '--form', '--form-string', '--json', '-T', '--upload-file'];
