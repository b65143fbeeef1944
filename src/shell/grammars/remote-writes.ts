// Options that make a program write on a server: an archive named `host:path` (tar and cpio reach it
// over rsh/ssh), files copied to the hosts a program runs its jobs on (GNU parallel's --basefile,
// --transferfile, --trc with -S). Data; the policy's `writes-remote` fact reads it (policy/remote-writes.ts).

export interface RemoteWriteSpec {
  /** Only with one of these options (tar -c: an archive is written, not read). */
  readonly when?: readonly string[];
  /** Never with one of these (`--force-local`: a name with a colon is a local file). */
  readonly unless?: readonly string[];
  /** Options whose value, as `host:path`, is a file written on that host (a computed value may be one). */
  readonly remoteFile?: readonly string[];
  /** Options that copy local files to the hosts named by `hosts`. */
  readonly copies?: readonly string[];
  readonly hosts?: readonly string[];
  /** `hosts` values that stand for the local machine (parallel's `:`). */
  readonly localHosts?: readonly string[];
}

const TAR_WRITES: RemoteWriteSpec = {
  when: ['-c', '-r', '-u', '-A', '--create', '--append', '--update', '--catenate', '--delete'],
  unless: ['--force-local'],
  remoteFile: ['-f', '--file'],
};

const PARALLEL_COPIES: RemoteWriteSpec = {
  copies: ['--basefile', '--bf', '--transferfile', '--tf', '--trc', '--transfer'],
  hosts: ['-S', '--sshlogin', '--sshloginfile', '--slf'],
  localHosts: [':'],
};

export const REMOTE_WRITES: Readonly<Record<string, RemoteWriteSpec>> = {
  tar: TAR_WRITES,
  gtar: TAR_WRITES,
  bsdtar: TAR_WRITES,
  cpio: { when: ['-o', '--create'], unless: ['--force-local'], remoteFile: ['-F', '--file', '-O'] },
  parallel: PARALLEL_COPIES,
  sem: PARALLEL_COPIES,
};
