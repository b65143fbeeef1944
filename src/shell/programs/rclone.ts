// rclone SUBCOMMAND …: the server paths it reads and writes, the commands its options make it run
// (here or on the server), and the remotes it defines (`rclone config create NAME TYPE k v`).
// What is known about rclone is data in grammars/rclone.ts.
import { getopt, has, valueOf, valuesOf, type Arg } from '../getopt.js';
import { RCLONE } from '../grammars/managed.js';
import {
  RCLONE_BACKUP_DIRS, RCLONE_MOUNTS, RCLONE_MOVES, RCLONE_RC_DEST, RCLONE_RC_MOVES, RCLONE_RC_READS, RCLONE_RC_SOURCE,
  RCLONE_READ_ONLY, RCLONE_READ_ONLY_SERVES, RCLONE_RUNS, RCLONE_TEST_READS, type RcloneRunSpec,
} from '../grammars/rclone.js';
import type { RemotePath, Transfer } from './transfer.js';
import { configChange, type ConfigChange } from './rclone-config.js';
import { dashed, envName, hostOf, locate, namedLeaves, optionValues, type Context, type Located, type RcloneRemotes, type Remote } from './rclone-remotes.js';

export type { RcloneRemotes } from './rclone-remotes.js';

/** The remotes known to a command reading this config file (`--config`'s value; undefined: the default one). */
export type RemotesFor = (configFile: string | null | undefined) => { readonly remotes: RcloneRemotes; readonly unknown: boolean };

export interface RcloneRun {
  readonly where: 'here' | 'server';
  /** The server, for `server`; '?' when it is not known. */
  readonly host: string;
  /** The command line; null when computed at run time. */
  readonly command: string | null;
  readonly label: string;
  /** The command may be the sftp server itself (grammars/rclone.ts). */
  readonly sftpServer?: boolean;
}

export interface RcloneCommand {
  readonly transfer: Transfer;
  readonly runs: readonly RcloneRun[];
  /** What `rclone config VERB …` does to the remotes (programs/rclone-config.ts). */
  readonly config?: ConfigChange;
  /** The config file it reads: `--config`'s value (null when computed), undefined when not given. */
  readonly configFile?: string | null;
}

/** Commands the options make rclone run: the global ones, and those of each remote named. */
function runsOf(remotes: readonly Remote[], c: Context): RcloneRun[] {
  const runs: RcloneRun[] = [];
  const add = (spec: RcloneRunSpec, host: string, command: string | null, label: string): void => {
    if (!runs.some((x) => x.command === command && x.host === host)) runs.push({ where: spec.where, host, command, label, ...(spec.sftpServer ? { sftpServer: true } : {}) });
  };
  const firstHost = remotes.map((r) => hostOf(r, c)).find((h) => h !== null) ?? '?';
  for (const run of RCLONE_RUNS) {
    const flag = `--${run.backend === '' ? '' : `${run.backend}-`}${dashed(run.key)}`;
    const env = run.backend === '' ? envName(run.key) : envName(run.backend, run.key);
    for (const v of [...valuesOf(c.scan, flag), ...(c.env.has(env) ? [c.env.get(env)!] : [])]) add(run, firstHost, v, `rclone ${flag}`);
    if (run.backend === '') continue;
    for (const r of remotes) {
      if (r.backend !== null && r.backend !== run.backend) continue;
      for (const v of optionValues(r, run.key, c, null)) add(run, hostOf(r, c) ?? '?', v, `rclone ${run.key}`);
    }
  }
  return runs;
}

/** `rclone rc OP k=v …`: the remotes an operation reads and changes (over --url, paths on that host). */
function rcFacts(op: Arg, params: readonly Arg[], c: Context): { writes: RemotePath[]; reads: RemotePath[]; moves: boolean; remotes: Remote[]; unknown: boolean } {
  const pairs = [...params, ...valuesOf(c.scan, '--opt')].filter((p): p is string => typeof p === 'string' && p.includes('='))
    .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const);
  const json = valueOf(c.scan, '--json');
  if (typeof json === 'string') {
    try { for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, unknown>)) if (typeof v === 'string') pairs.push([k, v]); } catch { /* not JSON: rclone refuses it */ }
  }
  const url = valueOf(c.scan, '--url');
  const urlHost = typeof url === 'string' ? /^\w+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(url)?.[1] ?? null : null;
  const away = urlHost !== null && !/^(localhost|127\.[\d.]+|\[?::1\]?)$/i.test(urlHost);
  let unknown = false;
  const at = (v: string, written: boolean, overUrl: boolean): RemotePath[] => {
    const l = locate(v, c, written);
    unknown ||= written && l.unknown;
    return l.paths.length > 0 || l.unknown ? [...l.paths] : overUrl ? [{ host: urlHost!, path: v }] : [];
  };
  const remotes = namedLeaves(pairs.map(([, v]) => v), c);
  const reading = op !== null && RCLONE_RC_READS.has(op);
  const reads = pairs.filter(([k]) => reading || RCLONE_RC_SOURCE.includes(k)).flatMap(([, v]) => at(v, false, away));
  const writes = reading ? [] : pairs.filter(([k]) => !RCLONE_RC_SOURCE.includes(k)).flatMap(([k, v]) => at(v, true, away && RCLONE_RC_DEST.includes(k)));
  // An operation with no remote named still acts on what the rc server has: over --url, on that host.
  if (writes.length === 0 && away && op !== null && !reading) writes.push({ host: urlHost, path: `(rc ${op})` });
  return { writes, reads, moves: op !== null && RCLONE_RC_MOVES.has(op), remotes, unknown };
}

/** Which operands the subcommand writes, which it reads, whether it moves its sources. */
function subcommandFacts(sub: string, rest: readonly Arg[], c: Context): { writes: Arg[]; reads: Arg[]; moves: boolean } {
  if (RCLONE_READ_ONLY.has(sub)) return { writes: [], reads: [...rest], moves: false };
  if (sub === 'test') {
    return RCLONE_TEST_READS.has(rest[0] ?? '') ? { writes: [], reads: rest.slice(1), moves: false } : { writes: rest.slice(1), reads: [], moves: false };
  }
  const mount = RCLONE_MOUNTS[sub];
  if (mount !== undefined) {
    const remote = rest[mount] ?? null;
    const readOnly = has(c.scan, '--read-only') || (sub === 'serve' && RCLONE_READ_ONLY_SERVES.has(rest[0] ?? ''));
    return readOnly ? { writes: [], reads: [remote], moves: false } : { writes: [remote], reads: [], moves: false };
  }
  // copy/sync/move SRC DST write DST; one-operand commands (mkdir, delete, purge, touch, rcat …) write their remote.
  if (rest.length < 2) return { writes: [...rest], reads: [], moves: false };
  return { writes: rest.slice(-1), reads: rest.slice(0, -1), moves: RCLONE_MOVES.has(sub) };
}

/** The server paths of these arguments, and whether one names a remote the guard cannot know. */
function located(args: readonly Arg[], c: Context, written: boolean): Located {
  const all = args.map((a) => locate(a, c, written));
  return { paths: all.flatMap((l) => l.paths), unknown: all.some((l) => l.unknown) };
}

const NO_REMOTES: RemotesFor = () => ({ remotes: new Map(), unknown: false });

/** rclone SUBCOMMAND …, with the environment and the remotes known for the config file it reads. */
export function parseRclone(args: readonly Arg[], env: ReadonlyMap<string, string | null> = new Map(), remotesFor: RemotesFor = NO_REMOTES): RcloneCommand {
  const scan = getopt(args, RCLONE);
  const configFile = valuesOf(scan, '--config').pop();
  const known = remotesFor(configFile);
  const c: Context = { scan, env, remotes: known.remotes, unknownConfig: known.unknown };
  const file = configFile === undefined ? {} : { configFile };
  const [sub, ...rest] = scan.operands.map((o) => o.value);
  const none: Transfer = { writes: [], reads: [], mutatesSource: false, interactive: false, dynamic: false, scan };
  if (sub === undefined) return { transfer: none, runs: runsOf([], c), ...file };
  if (sub === null) return { transfer: { ...none, dynamic: true }, runs: runsOf(namedLeaves(rest, c), c), ...file };
  if (sub === 'rc') {
    const f = rcFacts(rest[0] ?? null, rest.slice(1), c);
    const dry = has(scan, '--dry-run');
    return {
      transfer: { ...none, writes: dry ? [] : f.writes, reads: f.reads, mutatesSource: !dry && f.moves && f.reads.length > 0, dynamic: rest[0] === null || (!dry && f.unknown) },
      runs: runsOf(f.remotes, c),
      ...file,
    };
  }
  const f = subcommandFacts(sub, rest, c);
  const dry = has(scan, '--dry-run') && !(sub in RCLONE_MOUNTS);
  const reads = located(f.reads, c, false).paths;
  // A backup directory gets the files a transfer overwrites or deletes: written as the destination is.
  const writes = located([...f.writes, ...RCLONE_BACKUP_DIRS.flatMap((o) => valuesOf(scan, o))], c, true);
  const config = sub === 'config' ? configChange(rest) : undefined;
  return {
    transfer: {
      ...none,
      writes: dry ? [] : writes.paths,
      reads,
      mutatesSource: !dry && f.moves && reads.length > 0,
      dynamic: (f.writes.length > 0 && f.writes[f.writes.length - 1] === null) || (!dry && writes.unknown),
    },
    runs: runsOf(namedLeaves(rest, c), c),
    ...(config ? { config } : {}),
    ...file,
  };
}
