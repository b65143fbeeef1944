// Programs with their own ssh transport that act on a server's files, backups or machines: libvirt's
// virsh over a `qemu+ssh://` connection, restic's `sftp:` repositories, borg's `ssh://` (and
// `host:path`) repositories, unison's `ssh://` roots and rdiff-backup's `host::path`. Each starts ssh
// to the host and its own server side there (checked with an ssh stub: `virt-ssh-helper`, `sftp`,
// `borg serve`, `unison -server`, `rdiff-backup --server`). Data only; programs/ssh-transports.ts
// reads it into transfer facts, so that a write there is the transfer to the server it is.
import type { OptionGrammar } from '../getopt.js';

export interface SshTransport {
  readonly options: OptionGrammar;
  /** Options whose value names the remote (a URI or repository); `env`: a variable that does. */
  readonly remoteOptions?: readonly string[];
  readonly env?: string;
  /** How a word names a remote host: the host, or null. */
  readonly hostOf: (word: string) => string | null;
  /** Operands that may name the remote (all of them, or the last as the destination). */
  readonly operands: 'all' | 'last' | 'none';
  /** The subcommand is the first operand: those that only read the remote (anything else writes there). */
  readonly reads?: readonly string[];
  /** No subcommand: it writes to a remote it names whenever it runs (unison's two-way sync; rdiff-backup's destination). */
  readonly always?: true;
}

const sshUri = (schemes: string): ((w: string) => string | null) => {
  const re = new RegExp(`^(?:${schemes}):\\/\\/(?:[^@/]*@)?(\\[[^\\]]+\\]|[^:/]+)`);
  return (w) => re.exec(w)?.[1]?.replace(/^\[|\]$/g, '') ?? null;
};
/** borg's `ssh://[user@]host[:port]/path` and the older `[user@]host:path`. */
const borgHost = (w: string): string | null => sshUri('ssh')(w) ?? /^(?:[^@/:]+@)?([A-Za-z0-9][\w.-]*):(?!:)/.exec(w.split('::')[0]!)?.[1] ?? null;

export const SSH_TRANSPORTS: Readonly<Record<string, SshTransport>> = {
  // virsh(1): -c/--connect URI; qemu+ssh://, xen+ssh://, lxc+ssh://… reach libvirtd on the host.
  virsh: {
    options: { short: 'c:d:e:hk:K:l:qrtvV', long: ['connect=|c', 'debug=|d', 'escape=|e', 'help|h', 'keepalive-interval=|k', 'keepalive-count=|K', 'log=|l', 'quiet|q', 'readonly|r', 'timing|t', 'version=?'] },
    remoteOptions: ['-c', '--connect'], env: 'LIBVIRT_DEFAULT_URI', hostOf: sshUri('[a-z0-9]+\\+ssh|[a-z0-9]+\\+libssh2?'), operands: 'none',
    reads: ['list', 'dominfo', 'domstate', 'domstats', 'dumpxml', 'domblklist', 'domiflist', 'domifaddr', 'domblkinfo', 'dommemstat', 'domjobinfo',
      'nodeinfo', 'nodememstats', 'nodecpustats', 'capabilities', 'version', 'uri', 'hostname', 'sysinfo', 'net-list', 'net-info', 'net-dumpxml',
      'pool-list', 'pool-info', 'pool-dumpxml', 'vol-list', 'vol-info', 'vol-dumpxml', 'iface-list', 'snapshot-list', 'snapshot-info', 'help', 'cpu-stats', 'vcpuinfo'],
  },
  // restic(1): -r/--repo or RESTIC_REPOSITORY; `sftp:[user@]host:/path` and `sftp://host/path` go over ssh.
  restic: {
    options: { short: 'r:p:vqo:', long: ['repo=|r', 'repository-file=', 'password-file=|p', 'password-command=', 'cache-dir=', 'option=|o', 'verbose=?|v', 'quiet|q', 'no-cache', 'no-lock', 'json', 'limit-upload=', 'limit-download=', 'cacert=', 'tls-client-cert=', 'key-hint=', 'insecure-tls', 'compression=', 'pack-size=', 'retry-lock=', 'host=', 'tag=', 'exclude=|e', 'files-from=', 'iexclude=', 'exclude-file=', 'target=|t'], permute: true },
    remoteOptions: ['-r', '--repo'], env: 'RESTIC_REPOSITORY', hostOf: (w) => sshUri('sftp')(w) ?? /^sftp:(?:[^@/:]+@)?([^:/]+):/.exec(w)?.[1] ?? null, operands: 'none',
    reads: ['snapshots', 'ls', 'cat', 'check', 'diff', 'dump', 'find', 'stats', 'restore', 'mount', 'version', 'help', 'list', 'generate', 'cache', 'self-update'],
  },
  // borg(1): the repository as an operand (`REPO::ARCHIVE`) or BORG_REPO.
  borg: {
    options: { short: 'vp', long: ['critical', 'error', 'warning', 'info|v', 'debug', 'progress|p', 'log-json', 'lock-wait=', 'show-version', 'show-rc', 'umask=', 'remote-path=', 'remote-ratelimit=', 'upload-ratelimit=', 'upload-buffer=', 'consider-part-files', 'debug-profile=', 'rsh=', 'stats|s', 'list', 'filter=', 'json', 'dry-run|n', 'exclude=|e', 'exclude-from=', 'pattern=', 'patterns-from=', 'compression=|C', 'comment=', 'timestamp=', 'checkpoint-interval=', 'chunker-params=', 'encryption=|e', 'keep-daily=|d', 'keep-weekly=|w', 'keep-monthly=|m', 'keep-yearly=|y', 'keep-last=', 'keep-within=', 'glob-archives=|a', 'prefix=|P'], permute: true },
    env: 'BORG_REPO', hostOf: borgHost, operands: 'all',
    reads: ['list', 'info', 'extract', 'check', 'diff', 'export-tar', 'mount', 'umount', 'serve', 'version', 'help', 'benchmark'],
  },
  // unison(1): two roots, either of which may be `ssh://[user@]host[:port]//path`; the sync goes both ways.
  unison: { options: { short: '', long: ['batch', 'auto', 'ui=', 'sshargs=', 'servercmd=', 'path=', 'ignore=', 'prefer=', 'force=', 'testserver', 'version', 'help', 'doc='], singleDashLong: true, permute: true }, hostOf: sshUri('ssh|rsh|socket'), operands: 'all', always: true },
  // rdiff-backup(1): `[rdiff-backup] SOURCE DEST`, `host::path` remote; the destination is written.
  'rdiff-backup': { options: { short: 'bv:', long: ['backup', 'remote-schema=', 'exclude=', 'include=', 'print-statistics', 'verbosity=|v', 'new', 'api-version=', 'force'], permute: true }, hostOf: (w) => /^(?:[^@/:]+@)?([A-Za-z0-9][\w.-]*)::/.exec(w)?.[1] ?? null, operands: 'last', always: true },
};
