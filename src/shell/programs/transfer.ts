// scp, rsync, sftp and sshfs: which server paths a command line reads and writes (rclone: programs/rclone.ts).
import { getopt, has, optionIs, valueOf, type Arg, type Scan } from '../getopt.js';
import { RSYNC, SCP, SFTP, SSHFS } from '../grammars/managed.js';
import { hostOf } from './ssh.js';

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
  readonly writes: readonly RemotePath[];
  /** Remote sources read from. */
  readonly reads: readonly RemotePath[];
  /** Remote files deleted or changed as a side effect (rsync --remove-source-files). */
  readonly mutatesSource: boolean;
  /** A session in which anything can happen (sftp without a batch file). */
  readonly interactive: boolean;
  /** Operands the shell computes at run time, where that decides what is written. */
  readonly dynamic: boolean;
  /** The program's own options, as read. */
  readonly scan: Scan;
  /**
   * Commands the copy runs through the server's shell with a remote path in them, where that path
   * holds shell syntax (scp -O, rsync --old-args: the path is not protected from the remote shell).
   */
  readonly remoteShell?: readonly { readonly host: string; readonly command: string }[];
  /** Local paths a download writes, as written (relative to the working directory); null where computed (sftp `get`, `lcd`). */
  readonly localWrites?: readonly (string | null)[];
}

/** Text a shell reads as more than a path: separators, substitutions, redirections. */
const SHELL_SYNTAX = /[;&|`$()<>\n]/;

/**
 * The remote shell's command line for each remote path with shell syntax in it (`scp -f PATH`,
 * `rsync --server … PATH`), the copy's own server side spelled `true` (what it writes is judged
 * as a transfer), so that what the path adds is judged as the command it is.
 */
function remoteShellOf(t: Transfer): Transfer['remoteShell'] {
  const out = [...t.reads, ...t.writes].filter((r) => SHELL_SYNTAX.test(r.path)).map((r) => ({ host: r.host, command: `true ${r.path}` }));
  return out.length > 0 ? out : undefined;
}

function copyFacts(scan: Scan, rsync: boolean, mutatesSource: boolean): Transfer {
  const operands = scan.operands.map((o) => o.value);
  const known = operands.filter((o): o is string => o !== null);
  if (operands.length < 2) {
    // `scp x` copies nothing; `rsync host:dir` lists a remote directory.
    const reads = known.map((o) => remotePathOf(o, rsync)).filter((r): r is RemotePath => r !== null);
    return { writes: [], reads, mutatesSource: false, interactive: false, dynamic: false, scan };
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
    scan,
  };
}

export function parseScp(args: readonly Arg[]): Transfer {
  const t = copyFacts(getopt(args, SCP), false, false);
  // -O: the legacy protocol sends `scp -f PATH` / `scp -t PATH` to the remote shell unquoted (scp.c).
  const remoteShell = has(t.scan, '-O') ? remoteShellOf(t) : undefined;
  return remoteShell ? { ...t, remoteShell } : t;
}

/** rsync -M options that change nothing on the server. */
const HARMLESS_REMOTE_OPTIONS = new Set(['--fake-super']);

export function parseRsync(args: readonly Arg[]): Transfer {
  const scan = getopt(args, RSYNC);
  const t = copyFacts(scan, true, has(scan, '--remove-source-files', '--remove-sent-files'));
  const host = t.reads[0]?.host ?? t.writes[0]?.host;
  // A dry run (-n) transfers and deletes nothing.
  const dry = has(scan, '--dry-run');
  const writes: RemotePath[] = dry ? [] : [...t.writes];
  let mutatesSource = t.mutatesSource && !dry;
  // -M/--remote-option: options for the server's rsync, which acts on them even in a dry run.
  for (const o of scan.options.filter((x) => optionIs(x, ['--remote-option']))) {
    if (host === undefined) continue;
    const remote = o.value === null || o.value === undefined ? null : getopt([o.value], RSYNC);
    if (remote && has(remote, '--remove-source-files', '--remove-sent-files')) mutatesSource = true;
    else if (!remote || remote.operands.length > 0 || !remote.options.every((x) => HARMLESS_REMOTE_OPTIONS.has(x.name))) writes.push({ host, path: `(rsync -M ${o.value ?? '…'})` });
  }
  // --old-args: the remote paths go through the server's shell as written (rsync(1)).
  const old = scan.options.filter((x) => optionIs(x, ['--old-args', '--no-old-args', '--secluded-args', '--protect-args'])).pop();
  const remoteShell = old !== undefined && optionIs(old, ['--old-args']) ? remoteShellOf(t) : undefined;
  return { ...t, writes, mutatesSource, ...(remoteShell ? { remoteShell } : {}) };
}

export function parseSshfs(args: readonly Arg[]): Transfer {
  const scan = getopt(args, SSHFS);
  const readOnly = scan.options.some((o) => o.name === '-o' && typeof o.value === 'string' && o.value.split(',').includes('ro'));
  const remote = scan.operands.map((o) => o.value).filter((o): o is string => o !== null).map((o) => remotePathOf(o))
    .filter((r): r is RemotePath => r !== null);
  return {
    writes: readOnly ? [] : remote, reads: remote, mutatesSource: false, interactive: false,
    dynamic: scan.operands.some((o) => o.value === null), scan,
  };
}

/** sftp batch-file commands that only read from the server. */
const SFTP_READ_ONLY = new Set(['get', 'reget', 'ls', 'lls', 'cd', 'lcd', 'pwd', 'lpwd', 'df', 'help', '?',
  'version', 'progress', 'exit', 'quit', 'bye', 'lmkdir', 'lumask']);

/** sftp commands that write on the local side: downloads into the local directory, and `lmkdir`. */
const SFTP_LOCAL = new Set(['get', 'reget', 'lmkdir']);

/**
 * Where a download lands: LOCAL, or LOCAL/NAME when LOCAL is a directory; without LOCAL, NAME in the
 * local directory (sftp(1) get: "If the local path name is not specified, it is given the same name it
 * has on the remote machine").
 */
function downloaded(remote: string, local: string | undefined, dir: string): string[] {
  const name = remote.replace(/\/+$/, '').replace(/^.*\//, '');
  if (local === undefined) return [joinPath(dir, name)];
  const at = joinPath(dir, local);
  return [at, joinPath(at, name)];
}

const joinPath = (dir: string, p: string): string => (p.startsWith('/') || p.startsWith('~') || dir === '.' ? p : `${dir.replace(/\/+$/, '')}/${p}`);

/** The words of an sftp batch line (quotes as sftp reads them: '…' and "…"). */
function batchWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** What a batch of sftp commands writes on `host` (every command not known to only read), and locally. */
function batchWrites(text: string, host: string): { remote: RemotePath[]; local: string[] } {
  const remote: RemotePath[] = [];
  const local: string[] = [];
  let dir = '.';
  for (const line of text.split('\n')) {
    const [word = '', ...rest] = batchWords(line.trim().replace(/^[-@]+/, ''));
    if (word === '' || word.startsWith('#')) continue;
    if (!SFTP_READ_ONLY.has(word)) remote.push({ host, path: line.trim() });
    const ops = rest.filter((w) => !/^-[a-zA-Z]+$/.test(w));
    if (word === 'lcd') dir = ops[0] === undefined ? '~' : joinPath(dir, ops[0]);
    if (!SFTP_LOCAL.has(word) || ops[0] === undefined) continue;
    local.push(...(word === 'lmkdir' ? [joinPath(dir, ops[0])] : downloaded(ops[0], ops[1], dir)));
  }
  return { remote, local };
}

/**
 * Parse sftp; `readBatch` returns a batch file's text, `-` being stdin (null when it cannot be read).
 * `stdinGiven`: the text gives sftp a standard input (a pipe, a heredoc, a redirection).
 */
export function parseSftp(args: readonly Arg[], readBatch: (path: string) => string | null, stdinGiven = false): Transfer {
  const scan = getopt(args, SFTP);
  const target = scan.operands[0]?.value;
  const local = scan.operands[1]?.value;
  const facts = (f: Omit<Transfer, 'scan' | 'mutatesSource'>): Transfer => ({ ...f, mutatesSource: false, scan });
  if (target === null || target === undefined) {
    return facts({ writes: [], reads: [], interactive: target === undefined, dynamic: target === null });
  }
  const remote = remotePathOf(target);
  const host = remote?.host ?? hostOf(target) ?? target;
  let batch = valueOf(scan, '-b');
  if (remote && remote.path !== '' && batch === undefined) {
    // sftp(1): `host:file [local]` downloads, but `host:dir` starts a session there that reads its
    // commands from standard input. A path that names a directory, or one that may be a directory
    // while the text feeds sftp commands, is that session.
    const directory = /(?:^|\/)(?:\.{0,2}|~[^/]*)$/.test(remote.path);
    if (!directory && !(stdinGiven && local === undefined)) {
      const localWrites = local === null ? [null] : downloaded(remote.path, local, '.');
      return facts({ writes: [], reads: [remote], interactive: false, dynamic: local === null, localWrites });
    }
    if (!stdinGiven) return facts({ writes: [], reads: [], interactive: true, dynamic: false });
    batch = '-';
  }
  if (batch === undefined) return facts({ writes: [], reads: [], interactive: true, dynamic: false });
  const text = batch === null ? null : readBatch(batch);
  if (text === null) return facts({ writes: [{ host, path: '' }], reads: [], interactive: false, dynamic: true });
  const { remote: writes, local: localWrites } = batchWrites(text, host);
  return facts({ writes, reads: [], interactive: false, dynamic: false, localWrites });
}
