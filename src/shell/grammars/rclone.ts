// rclone as data (rclone docs, Commands and the sftp/webdav backends): which subcommands only read,
// which write where, and which options hold a command that rclone runs, here or on the server.
// programs/rclone.ts reads a command line with these tables; expand/rclone.ts judges the commands.

/** Subcommands that only read the remotes they name. */
export const RCLONE_READ_ONLY: ReadonlySet<string> = new Set(['ls', 'lsd', 'lsl', 'lsf', 'lsjson', 'cat', 'check',
  'cryptcheck', 'size', 'md5sum', 'sha1sum', 'hashsum', 'tree', 'about', 'listremotes', 'version', 'help', 'obscure',
  'authorize', 'completion', 'genautocomplete', 'gendocs', 'checksum', 'config', 'ncdu-readonly', 'cryptdecode']);

/** Subcommands whose sources (every operand but the last) are changed as well: files moved off them. */
export const RCLONE_MOVES: ReadonlySet<string> = new Set(['move', 'moveto', 'bisync']);

/**
 * Subcommands that make a remote readable and writable through a local path or a server of their own
 * (as sshfs does), unless `--read-only`: the operand index of the remote after the subcommand.
 * `serve http` and `serve dlna` only serve files for reading.
 */
export const RCLONE_MOUNTS: Readonly<Record<string, number>> = { mount: 0, nfsmount: 0, cmount: 0, mount2: 0, serve: 1 };
export const RCLONE_READ_ONLY_SERVES: ReadonlySet<string> = new Set(['http', 'dlna']);

/** `rclone test X`: these only read; the others (makefiles, makefile, info) create files on the remote. */
export const RCLONE_TEST_READS: ReadonlySet<string> = new Set(['histogram', 'changenotify', 'memory']);

/**
 * `rclone rc OPERATION`: operations that only read (rclone rc docs); any other one changes the remote
 * its `fs`/`dstFs` names (and `srcFs` for a move). `core/command` runs an rclone command there.
 */
export const RCLONE_RC_READS: ReadonlySet<string> = new Set(['operations/list', 'operations/stat', 'operations/about',
  'operations/size', 'operations/hashsum', 'operations/fsinfo', 'operations/check', 'core/stats', 'core/version',
  'core/memstats', 'core/transferred', 'core/group-list', 'core/pid', 'config/listremotes', 'config/dump', 'config/get',
  'config/providers', 'config/paths', 'options/get', 'options/info', 'options/blocks', 'job/status', 'job/list', 'rc/noop',
  'rc/list', 'vfs/list', 'vfs/stats', 'vfs/queue', 'mount/listmounts', 'mount/types', 'cache/stats', 'fscache/entries',
  'debug/set-mutex-profile-fraction']);
export const RCLONE_RC_MOVES: ReadonlySet<string> = new Set(['sync/move', 'sync/bisync', 'operations/movefile']);
/** rc parameters that name the remote read, and those that name the remote changed. */
export const RCLONE_RC_SOURCE = ['srcFs', 'path1'];
export const RCLONE_RC_DEST = ['fs', 'dstFs', 'path2'];

export interface RcloneRunSpec {
  readonly backend: string;
  readonly key: string;
  readonly where: 'here' | 'server';
  /** The command is the sftp server the transfer talks to (judged as the transfer) when it is one. */
  readonly sftpServer?: boolean;
}

/**
 * Options that hold a command rclone runs, by backend (`''` for the global ones): `here` on this
 * machine, `server` on the server the backend connects to. Each is spelled as a flag
 * (`--sftp-server-command`), a connection-string parameter (`:sftp,server_command=…:`), a
 * config-file key (`rclone config create NAME sftp server_command …`) and an environment variable
 * (RCLONE_SFTP_SERVER_COMMAND, RCLONE_CONFIG_NAME_SERVER_COMMAND).
 */
export const RCLONE_RUNS: readonly RcloneRunSpec[] = [
  { backend: '', key: 'password_command', where: 'here' },
  // `--metadata-mapper PROGRAM`: run for each file's metadata before upload (rclone docs, Metadata).
  { backend: '', key: 'metadata_mapper', where: 'here' },
  { backend: 'sftp', key: 'ssh', where: 'here' },
  { backend: 'sftp', key: 'server_command', where: 'server', sftpServer: true },
  { backend: 'sftp', key: 'md5sum_command', where: 'server' },
  { backend: 'sftp', key: 'sha1sum_command', where: 'server' },
  { backend: 'webdav', key: 'bearer_token_command', where: 'here' },
];

/** Backends that reach a server by its `host` (the server the guard protects may be one). */
export const RCLONE_HOST_BACKENDS: ReadonlySet<string> = new Set(['sftp', 'ftp']);

/**
 * Backends that keep their files on another remote (rclone docs per backend): the option naming it,
 * and how a list of them is written. `alias`, `crypt`, `chunker`, `compress`, `hasher`, `cache`,
 * `archive`: one remote (`remote = prod:/dir`); `union`: space-separated upstreams, each maybe ending
 * `:ro` (never written), `:nc` or `:writeback`; `combine`: `dir=remote:path` pairs. A path on the
 * wrapper is a path under the remote it wraps (crypt and compress change the names, not the place).
 */
export interface RcloneWrapper {
  readonly key: string;
  readonly list?: 'upstreams' | 'dirs';
}
export const RCLONE_WRAPPERS: Readonly<Record<string, RcloneWrapper>> = {
  alias: { key: 'remote' }, crypt: { key: 'remote' }, chunker: { key: 'remote' }, compress: { key: 'remote' },
  hasher: { key: 'remote' }, cache: { key: 'remote' }, archive: { key: 'remote' },
  union: { key: 'upstreams', list: 'upstreams' }, combine: { key: 'upstreams', list: 'dirs' },
};
/** union's upstream suffixes (backend/union/upstream): `:ro` is read only, the others are written. */
export const RCLONE_UPSTREAM_SUFFIXES: Readonly<Record<string, 'read' | 'write'>> = { ':ro': 'read', ':nc': 'write', ':writeback': 'write' };
/** How deep wrappers are followed (a remote wrapping itself is rclone's error, unknown here). */
export const RCLONE_WRAP_DEPTH = 8;

/**
 * `rclone config VERB …` (rclone config docs): what it does to the remotes the next commands see.
 * `create NAME TYPE k v`: a new remote; `update|password NAME k v`: keys added; `rename|copy OLD NEW`;
 * `delete NAME`; `rclone config` alone and `edit` ask on the terminal, so what they define is unknown.
 * Any other verb (show, dump, file, paths, providers, redacted, touch, reconnect …) defines nothing.
 */
export type RcloneConfigVerb = 'create' | 'update' | 'rename' | 'copy' | 'delete' | 'unknown';
export const RCLONE_CONFIG_VERBS: Readonly<Record<string, RcloneConfigVerb>> = {
  '': 'unknown', edit: 'unknown', create: 'create', update: 'update', password: 'update', rename: 'rename', copy: 'copy', delete: 'delete',
};

/**
 * Where rclone reads its config file (rclone docs "--config", fs/config makeConfigPath): `--config`,
 * else $RCLONE_CONFIG, else the first of these that exists ($XDG_CONFIG_HOME only when set).
 */
export const RCLONE_CONFIG_ENV = 'RCLONE_CONFIG';
export const RCLONE_CONFIG_FILES: readonly string[] = ['$XDG_CONFIG_HOME/rclone/rclone.conf', '~/.config/rclone/rclone.conf', '~/.rclone.conf'];
/** An encrypted config file (rclone config encryption): its remotes cannot be read. */
export const RCLONE_ENCRYPTED_CONFIG = /^RCLONE_ENCRYPT_V\d+:/m;

/**
 * Options whose value is a directory or remote that a transfer moves files into (a backup of what
 * it overwrites or deletes): written as a destination is. bisync has one per side.
 */
export const RCLONE_BACKUP_DIRS: readonly string[] = ['--backup-dir', '--backup-dir1', '--backup-dir2'];
