// Argument grammars of the programs the policy is about: how OpenSSH, the container CLIs, scp, rsync,
// sftp, sshfs and `git push` read their own command lines. Each parser takes decoded words and returns
// structured facts; none of them runs anything.

/** A decoded argument; null where the shell would compute it at run time. */
export type Arg = string | null;

// ---------------------------------------------------------------- getopt-style short options

/**
 * Split argv the way getopt does for one program: `valued` lists short option letters that take a
 * value (attached `-p22` or next word), `longValued` long options that take one as the next word.
 * Stops at the first operand when `stopAtOperand`, and always at `--`.
 */
export interface OptionScan {
  /** Options seen, as `-x` / `--long`, with their value where they take one. */
  readonly options: { name: string; value: Arg }[];
  readonly operands: Arg[];
  /** Index in the input of the first operand (or input length). */
  readonly firstOperand: number;
}

export function scanOptions(
  args: readonly Arg[],
  valued: string,
  longValued: readonly string[] = [],
  stopAtOperand = true,
): OptionScan {
  const options: { name: string; value: Arg }[] = [];
  const operands: Arg[] = [];
  let firstOperand = args.length;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      if (firstOperand === args.length) firstOperand = i + 1;
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a === null || a === undefined || a === '-' || !a.startsWith('-')) {
      if (firstOperand === args.length) firstOperand = i;
      if (stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(a ?? null);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.push({ name: a.slice(0, eq), value: a.slice(eq + 1) });
      else if (longValued.includes(a)) options.push({ name: a, value: args[++i] ?? null });
      else options.push({ name: a, value: null });
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (valued.includes(letter)) {
        const rest = a.slice(j + 1);
        options.push({ name: '-' + letter, value: rest !== '' ? rest : args[++i] ?? null });
        break;
      }
      options.push({ name: '-' + letter, value: null });
    }
  }
  return { options, operands, firstOperand };
}

export function hasOption(scan: OptionScan, ...names: string[]): boolean {
  return scan.options.some((o) => names.includes(o.name));
}

export function optionValue(scan: OptionScan, ...names: string[]): Arg | undefined {
  let found: Arg | undefined;
  for (const o of scan.options) if (names.includes(o.name)) found = o.value;
  return found;
}

// ---------------------------------------------------------------- ssh

export interface SshCommand {
  /** The destination as written (`user@host`, `ssh://host:22`), null when dynamic or absent. */
  readonly destination: Arg | undefined;
  /** The host part of the destination. */
  readonly host: string | null;
  /** Words of the remote command (may be empty). */
  readonly command: Arg[];
  /** `-o RemoteCommand=…` when given. */
  readonly remoteCommandOption: Arg | undefined;
  /** `-o ProxyCommand=…`: runs locally. */
  readonly proxyCommand: Arg | undefined;
  /** No remote command runs: -N, -G, -V, -Q, -W or -O. */
  readonly noCommand: boolean;
  readonly options: { name: string; value: Arg }[];
}

/** OpenSSH's options that take a value (ssh(1)). */
export const SSH_VALUED = 'BbcDEeFIiJLlmOoPpQRSWw';

/**
 * Parse an ssh command line as OpenSSH does: options, the destination, then (unless `--` ended the
 * options) options again until the first word of the remote command.
 */
export function parseSsh(args: readonly Arg[]): SshCommand {
  const first = scanOptions(args, SSH_VALUED);
  let options = first.options;
  let rest = first.operands;
  const terminated = args[first.firstOperand - 1] === '--';
  const destination = rest[0];
  rest = rest.slice(1);
  if (destination !== undefined && !terminated && rest.length > 0) {
    const again = scanOptions(rest, SSH_VALUED);
    options = [...options, ...again.options];
    rest = again.operands;
  }
  let remoteCommandOption: Arg | undefined;
  let proxyCommand: Arg | undefined;
  for (const o of options) {
    if (o.name !== '-o' || o.value === null) continue;
    const m = /^\s*([A-Za-z]+)\s*[= ]\s*(.*)$/s.exec(o.value);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    if (key === 'remotecommand') remoteCommandOption = m[2]!;
    if (key === 'proxycommand') proxyCommand = m[2]!;
  }
  const names = new Set(options.map((o) => o.name));
  const noCommand = ['-N', '-G', '-V', '-Q', '-W', '-O'].some((n) => names.has(n));
  return {
    destination,
    host: destination ? hostOf(destination) : null,
    command: rest,
    remoteCommandOption,
    proxyCommand,
    noCommand,
    options,
  };
}

/** `user@host`, `ssh://user@host:port/`, `[::1]` → the host. */
export function hostOf(destination: string): string | null {
  let d = destination;
  const uri = /^ssh:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(d);
  if (uri) return uri[1]!.replace(/^\[|\]$/g, '');
  const at = d.lastIndexOf('@');
  if (at >= 0) d = d.slice(at + 1);
  if (d === '') return null;
  return d.replace(/^\[|\]$/g, '');
}

// ---------------------------------------------------------------- container CLIs

export const CONTAINER_PROGRAMS = ['docker', 'podman', 'nerdctl'] as const;
export const COMPOSE_PROGRAMS = ['docker-compose', 'podman-compose'] as const;

/** Management commands whose next word is the real subcommand (`docker container restart`). */
const MANAGEMENT = new Set([
  'builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node',
  'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume', 'machine', 'pod', 'generate',
  'healthcheck', 'kube', 'farm', 'namespace', 'apparmor', 'ipfs', 'artifact', 'quadlet',
]);

const DOCKER_GLOBAL_VALUED = ['--config', '--context', '-c', '--host', '-H', '--log-level', '-l', '--tlscacert',
  '--tlscert', '--tlskey', '--url', '--connection', '--identity', '--namespace', '-n', '--address', '-a',
  '--root', '--runroot', '--storage-driver', '--storage-opt', '--cgroup-manager', '--data-root',
  '--cni-path', '--cni-netconfpath', '--snapshotter', '--hosts-dir', '--module', '--network-cmd-path'];
const COMPOSE_GLOBAL_VALUED = ['-f', '--file', '-p', '--project-name', '--project-directory', '--profile',
  '--env-file', '--ansi', '--progress', '--parallel', '-H', '--host', '-c', '--context', '--podman-path',
  '--podman-args', '--podman-run-args', '--in-pod'];

/** Options of some subcommands that take a value, so their value is not read as a service name. */
const SUB_VALUED: Record<string, readonly string[]> = {
  restart: ['-t', '--time', '--timeout', '-s', '--signal'],
  stop: ['-t', '--time', '--timeout', '-s', '--signal'],
  kill: ['-s', '--signal'],
  logs: ['-n', '--tail', '--since', '--until', '--index'],
  up: ['-t', '--timeout', '--scale', '--exit-code-from', '--pull', '--wait-timeout', '--attach', '--no-attach'],
  ps: ['-f', '--filter', '--format', '-n', '--last', '--status'],
  exec: ['-u', '--user', '-w', '--workdir', '-e', '--env', '--index', '--detach-keys'],
  run: ['-u', '--user', '-w', '--workdir', '-e', '--env', '--name', '-p', '--publish', '-v', '--volume',
    '--entrypoint', '-l', '--label', '--network', '--pull', '--env-file', '--cap-add', '--cap-drop'],
  pull: ['--platform', '--policy'],
  build: ['-f', '--file', '-t', '--tag', '--build-arg', '--target', '--platform', '--progress', '--ssh',
    '--secret', '-m', '--memory', '--builder'],
  push: ['--platform'],
  inspect: ['-f', '--format', '--type'],
  top: [],
  cp: [],
};

export interface ContainerCommand {
  /** The program as invoked (`docker`, `podman`, `docker-compose`, …). */
  readonly program: string;
  /** Subcommand path, `compose` first for compose invocations: `['compose','restart']`, `['container','ls']`. */
  readonly path: string[];
  /** Options given anywhere (global and subcommand). */
  readonly options: { name: string; value: Arg }[];
  /** Operands after the subcommand path (service or container names, images, …). */
  readonly operands: Arg[];
  /** Where the engine is: set by `-H`, `--host`, `--context`, `--url`, `--connection`, `DOCKER_HOST`, … */
  readonly engineHost: string | null | undefined;
  /** Compose files named with `-f`. */
  readonly composeFiles: Arg[];
}

/** Parse a container CLI command line. `env` supplies DOCKER_HOST / DOCKER_CONTEXT / CONTAINER_HOST. */
export function parseContainer(
  program: string,
  args: readonly Arg[],
  env: ReadonlyMap<string, string | null>,
): ContainerCommand {
  const isComposeProgram = (COMPOSE_PROGRAMS as readonly string[]).includes(program);
  const path: string[] = isComposeProgram ? ['compose'] : [];
  const options: { name: string; value: Arg }[] = [];
  const operands: Arg[] = [];
  let i = 0;
  const valuedNow = (): readonly string[] =>
    path[0] === 'compose' && path.length === 1 ? COMPOSE_GLOBAL_VALUED
      : path.length === 0 ? DOCKER_GLOBAL_VALUED
        : SUB_VALUED[path[path.length - 1]!] ?? [];
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a !== null && a !== undefined && a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
      const valued = valuedNow();
      if (eq > 0 && a.startsWith('--')) options.push({ name, value: a.slice(eq + 1) });
      else if (valued.includes(a)) options.push({ name: a, value: args[++i] ?? null });
      else if (a.length > 2 && !a.startsWith('--') && valued.includes(a.slice(0, 2))) {
        options.push({ name: a.slice(0, 2), value: a.slice(2) });
      } else {
        options.push({ name, value: null });
      }
      continue;
    }
    // An operand: part of the subcommand path while the path is still open.
    const pathOpen = path.length === 0
      || (path.length === 1 && (path[0] === 'compose' || MANAGEMENT.has(path[0]!)));
    if (pathOpen && a !== null && a !== undefined) {
      path.push(a);
      continue;
    }
    operands.push(a ?? null);
  }

  let engineHost: string | null | undefined;
  const hostFlag = options.filter((o) => ['-H', '--host', '--url'].includes(o.name)).pop();
  const contextFlag = options.filter((o) => o.name === '--context' || (o.name === '-c' && path[0] !== 'compose'))
    .pop();
  const connection = options.filter((o) => o.name === '--connection').pop();
  const remote = options.some((o) => o.name === '--remote' || o.name === '-r') && program === 'podman';
  if (hostFlag) engineHost = engineHostOf(hostFlag.value);
  else if (contextFlag) engineHost = contextFlag.value === 'default' ? undefined : contextFlag.value ?? null;
  else if (connection) engineHost = connection.value ?? null;
  else if (remote) engineHost = env.get('CONTAINER_HOST') ?? 'podman --remote';
  else {
    const dh = env.has('DOCKER_HOST') ? env.get('DOCKER_HOST') : env.get('CONTAINER_HOST');
    const dc = env.get('DOCKER_CONTEXT');
    if (dh !== undefined) engineHost = engineHostOf(dh);
    else if (dc !== undefined) engineHost = dc === 'default' ? undefined : dc;
  }
  const composeFiles = options.filter((o) => o.name === '-f' || o.name === '--file')
    .filter(() => path[0] === 'compose')
    .map((o) => o.value);
  return { program, path, options, operands, engineHost, composeFiles };
}

/** `ssh://user@host:22` → `host`; `unix://…` → undefined (local); unknown → null. */
function engineHostOf(value: Arg | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (value === '' || value.startsWith('unix://') || value.startsWith('npipe://') || value.startsWith('fd://')) {
    return undefined;
  }
  const m = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(value);
  if (m) {
    const host = m[1]!.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '127.0.0.1' || host === '::1' ? undefined : host;
  }
  return value;
}

// ---------------------------------------------------------------- file transfer

export interface RemotePath {
  readonly host: string;
  readonly path: string;
}

/** `host:path`, `user@host:path`, `[v6]:path`, `scp://host/path`, `rsync://host/mod` → remote; else null. */
export function remotePathOf(arg: string, rsync = false): RemotePath | null {
  const uri = /^(?:scp|sftp|rsync):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::\d+)?(\/.*)?$/.exec(arg);
  if (uri) return { host: uri[1]!.replace(/^\[|\]$/g, ''), path: uri[2] ?? '' };
  if (arg.startsWith('/') || arg.startsWith('./') || arg.startsWith('../')) return null;
  const m = /^(?:[^@/:]+@)?(\[[^\]]+\]|[^:/[\]]+):(.*)$/s.exec(arg);
  if (!m) return null;
  const path = rsync && m[2]!.startsWith(':') ? m[2]!.slice(1) : m[2]!;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), path };
}

export interface Transfer {
  /** Remote destinations written to. */
  readonly writes: RemotePath[];
  /** Remote sources read from. */
  readonly reads: RemotePath[];
  /** Remote files deleted or changed as a side effect (rsync --remove-source-files). */
  readonly mutatesSource: boolean;
  /** A session in which anything can happen (sftp without a batch file). */
  readonly interactive: boolean;
  /** Operands the shell computes at run time. */
  readonly dynamic: boolean;
}

const SCP_VALUED = 'cDFiJloPSX';
const RSYNC_LONG_VALUED = ['--rsh', '--exclude', '--include', '--filter', '--files-from', '--exclude-from',
  '--include-from', '--temp-dir', '--partial-dir', '--log-file', '--password-file', '--port', '--chmod',
  '--chown', '--compare-dest', '--link-dest', '--copy-dest', '--backup-dir', '--suffix', '--timeout',
  '--bwlimit', '--max-size', '--min-size', '--rsync-path', '--out-format', '--usermap', '--groupmap'];

function copyFacts(operands: Arg[], rsync: boolean, mutatesSource: boolean): Transfer {
  const known = operands.filter((o): o is string => o !== null);
  if (operands.length < 2) {
    const dynamic = operands.some((o) => o === null);
    // `rsync host:dir` lists a remote directory.
    const reads = known.map((o) => remotePathOf(o, rsync)).filter((r): r is RemotePath => r !== null);
    return { writes: [], reads, mutatesSource: false, interactive: false, dynamic };
  }
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1).filter((o): o is string => o !== null);
  const destRemote = dest === null || dest === undefined ? null : remotePathOf(dest, rsync);
  const reads = sources.map((o) => remotePathOf(o, rsync)).filter((r): r is RemotePath => r !== null);
  return {
    writes: destRemote ? [destRemote] : [],
    reads,
    mutatesSource: mutatesSource && reads.length > 0,
    interactive: false,
    // A computed source still copies to a known place; a computed destination could be a server.
    dynamic: dest === null,
  };
}

export function parseScp(args: readonly Arg[]): Transfer {
  const scan = scanOptions(args, SCP_VALUED, [], false);
  return copyFacts(scan.operands, false, false);
}

export function parseRsync(args: readonly Arg[]): Transfer {
  const scan = scanOptions(args, 'efBTM', RSYNC_LONG_VALUED, false);
  return copyFacts(scan.operands, true, hasOption(scan, '--remove-source-files', '--remove-sent-files'));
}

export function parseSshfs(args: readonly Arg[]): Transfer {
  const scan = scanOptions(args, 'opF', [], false);
  const readOnly = scan.options.some((o) => o.name === '-o' && o.value !== null && o.value.split(',').includes('ro'));
  const remote = scan.operands.filter((o): o is string => o !== null).map((o) => remotePathOf(o))
    .filter((r): r is RemotePath => r !== null);
  return {
    writes: readOnly ? [] : remote,
    reads: remote,
    mutatesSource: false,
    interactive: false,
    dynamic: scan.operands.some((o) => o === null),
  };
}

/** sftp batch-file commands that only read from the server. */
const SFTP_READ_ONLY = new Set(['get', 'reget', 'ls', 'lls', 'cd', 'lcd', 'pwd', 'lpwd', 'df', 'help', '?',
  'version', 'progress', 'exit', 'quit', 'bye', 'lmkdir', 'lumask', '!']);

/** Parse sftp; `readBatch` returns a batch file's text (or null when it cannot be read). */
export function parseSftp(args: readonly Arg[], readBatch: (path: string) => string | null): Transfer {
  const scan = scanOptions(args, 'BbcDFiJloPRSX', [], false);
  const target = scan.operands[0];
  const local = scan.operands[1];
  if (target === null || target === undefined) {
    return { writes: [], reads: [], mutatesSource: false, interactive: target === undefined, dynamic: target === null };
  }
  const remote = remotePathOf(target);
  const host = remote?.host ?? hostOf(target) ?? target;
  if (remote && remote.path !== '' && !hasOption(scan, '-b')) {
    // `sftp host:file [local]`: a download.
    return { writes: [], reads: [remote], mutatesSource: false, interactive: false, dynamic: local === null };
  }
  const batch = optionValue(scan, '-b');
  if (batch === undefined) {
    return { writes: [], reads: [], mutatesSource: false, interactive: true, dynamic: false };
  }
  const text = batch === null || batch === '-' ? null : readBatch(batch);
  if (text === null) {
    return { writes: [{ host, path: '' }], reads: [], mutatesSource: false, interactive: false, dynamic: true };
  }
  const writes: RemotePath[] = [];
  for (const line of text.split('\n')) {
    const word = line.trim().replace(/^[-@]+/, '').split(/\s+/)[0] ?? '';
    if (word === '' || word.startsWith('#')) continue;
    if (!SFTP_READ_ONLY.has(word)) writes.push({ host, path: line.trim() });
  }
  return { writes, reads: [], mutatesSource: false, interactive: false, dynamic: false };
}

// ---------------------------------------------------------------- git

export interface GitCommand {
  /** The git subcommand (`push`, `commit`, …), null if none or dynamic. */
  readonly sub: string | null;
  readonly args: Arg[];
}

const GIT_GLOBAL_VALUED = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env',
  '--super-prefix', '--list-cmds'];

export function parseGit(args: readonly Arg[]): GitCommand {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null || a === undefined) return { sub: null, args: args.slice(i + 1) };
    if (GIT_GLOBAL_VALUED.includes(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    return { sub: a, args: args.slice(i + 1) };
  }
  return { sub: null, args: [] };
}

export interface GitPush {
  /** A flag that rewrites or deletes remote history (`--force`, `-f`, `--force-with-lease`, `--mirror`, `--delete`, `--prune`). */
  readonly forceFlags: string[];
  /** Refspecs that force (`+src:dst`) or delete (`:dst`). */
  readonly forcedRefs: string[];
  /** Destination branches, when all are known; null when git decides (no refspec, HEAD, `--all`). */
  readonly destinations: string[] | null;
  readonly remote: Arg | undefined;
}

const PUSH_VALUED = ['--repo', '--receive-pack', '--exec', '--push-option', '-o', '--signed', '--recurse-submodules'];

export function parseGitPush(args: readonly Arg[]): GitPush {
  const forceFlags: string[] = [];
  const positional: Arg[] = [];
  let every = false;
  let deleting = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null || a === undefined) { positional.push(null); continue; }
    if (a === '--') { positional.push(...args.slice(i + 1)); break; }
    if (PUSH_VALUED.includes(a)) { i++; continue; }
    if (a.startsWith('--')) {
      const name = a.split('=')[0]!;
      if (['--force', '--force-with-lease', '--mirror', '--delete', '--prune', '--force-if-includes'].includes(name)) {
        if (name !== '--force-if-includes') forceFlags.push(name);
        if (name === '--delete') deleting = true;
      }
      if (name === '--all' || name === '--branches' || name === '--mirror') every = true;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (const letter of a.slice(1)) {
        if (letter === 'f') forceFlags.push('-f');
        if (letter === 'd') { forceFlags.push('-d'); deleting = true; }
        if (letter === 'o') break;
      }
      continue;
    }
    positional.push(a);
  }
  const remote = positional[0];
  const specs = positional.slice(1);
  const forcedRefs: string[] = [];
  let destinations: string[] | null = [];
  if (every || specs.length === 0) destinations = null;
  for (const spec of specs) {
    if (spec === null) { destinations = null; continue; }
    let s = spec;
    if (s.startsWith('+')) { forcedRefs.push(spec); s = s.slice(1); }
    const colon = s.indexOf(':');
    const src = colon >= 0 ? s.slice(0, colon) : s;
    const dst = colon >= 0 ? s.slice(colon + 1) : s;
    if (colon === 0) forcedRefs.push(spec);
    if (deleting && colon < 0) forcedRefs.push(spec);
    const branch = (dst === '' ? src : dst).replace(/^refs\/heads\//, '');
    if (branch === 'HEAD' || branch === '@' || branch.includes('*')) destinations = null;
    else if (destinations) destinations.push(branch);
  }
  return { forceFlags, forcedRefs, destinations, remote };
}
