// rclone SUBCOMMAND …: the server paths it reads and writes, the commands its options make it run
// (here or on the server), and the remotes it defines (`rclone config create NAME TYPE k v`).
// What is known about rclone is data in grammars/rclone.ts.
import { getopt, has, valueOf, valuesOf, type Arg, type Scan } from '../getopt.js';
import { RCLONE } from '../grammars/managed.js';
import {
  RCLONE_HOST_BACKENDS, RCLONE_MOUNTS, RCLONE_MOVES, RCLONE_RC_DEST, RCLONE_RC_MOVES, RCLONE_RC_READS, RCLONE_RC_SOURCE,
  RCLONE_READ_ONLY, RCLONE_READ_ONLY_SERVES, RCLONE_RUNS, RCLONE_TEST_READS, type RcloneRunSpec,
} from '../grammars/rclone.js';
import type { RemotePath, Transfer } from './transfer.js';

/** Remotes defined earlier in the same text: name → its config keys. */
export type RcloneRemotes = ReadonlyMap<string, ReadonlyMap<string, string>>;

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
  /** A remote this command defines (`config create|update NAME …`). */
  readonly defines?: { readonly name: string; readonly keys: ReadonlyMap<string, string> };
}

interface Context {
  readonly scan: Scan;
  readonly env: ReadonlyMap<string, string | null>;
  readonly remotes: RcloneRemotes;
}

interface Remote {
  readonly backend: string | null;
  readonly name: string | null;
  readonly params: ReadonlyMap<string, string>;
  readonly path: string;
}

const dashed = (key: string): string => key.replace(/_/g, '-');
const envName = (...parts: string[]): string => ['RCLONE', ...parts].join('_').toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/** `:backend,k=v:path` (on the fly) or `name,k=v:path`; null for a local path. */
function remoteOf(arg: string, c: Context): Remote | null {
  const m = /^(:?)([A-Za-z0-9_.+@ -]*)((?:,[^:]*)?):(.*)$/s.exec(arg);
  // A one-letter name is a remote too: drive letters are Windows' (rclone on Linux reads `s:path` as remote s).
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const params = new Map(m[3]!.split(',').slice(1).map((kv) => {
    const i = kv.indexOf('=');
    const value = i < 0 ? 'true' : kv.slice(i + 1).replace(/^(['"])(.*)\1$/s, '$2');
    return [i < 0 ? kv : kv.slice(0, i), value] as const;
  }));
  const name = m[1] === ':' ? null : m[2]!;
  const backend = name === null ? m[2]! : params.get('type') ?? c.remotes.get(name)?.get('type') ?? envValue(c, envName('CONFIG', name, 'TYPE')) ?? null;
  return { backend, name, params, path: m[4]! };
}

function envValue(c: Context, name: string): string | undefined {
  const v = c.env.get(name);
  return v === null ? '?' : v;
}

/**
 * A backend option's values in rclone's order of precedence (rclone docs, "Precedence"): connection
 * string, flag, remote's environment variable, backend's environment variable, generic one, config.
 * The flag and the backend's variables apply to remotes of that backend only.
 */
function optionValues(r: Remote, key: string, c: Context, backend = r.backend): (string | null)[] {
  const out: (string | null | undefined)[] = [r.params.get(key)];
  if (backend !== null) {
    out.push(...valuesOf(c.scan, `--${backend}-${dashed(key)}`), c.env.get(envName(backend, key)), c.env.get(envName(key)));
  }
  if (r.name !== null) out.push(c.env.get(envName('CONFIG', r.name, key)), c.remotes.get(r.name)?.get(key));
  return out.filter((v): v is string | null => v !== undefined);
}

/** The server a remote reaches, or null when it is not one the guard knows as a server. */
function hostOf(r: Remote, c: Context): string | null {
  const known = r.backend !== null && RCLONE_HOST_BACKENDS.has(r.backend);
  // A named remote of a type the text does not show still reaches the host its own keys name.
  const values = optionValues(r, 'host', c, known ? r.backend : null);
  const host = values[0];
  if (host === undefined) return null;
  return host === null ? '?' : host.replace(/^[^@]*@/, '');
}

function serverPath(arg: Arg, c: Context): RemotePath | null {
  if (arg === null) return null;
  const r = remoteOf(arg, c);
  const host = r === null ? null : hostOf(r, c);
  return r === null || host === null ? null : { host, path: r.path };
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

/** `config create|update NAME [TYPE] k v … | k=v …`: the keys the remote gets. */
function definition(rest: readonly Arg[]): RcloneCommand['defines'] {
  const [verb, name, ...more] = rest;
  if ((verb !== 'create' && verb !== 'update') || typeof name !== 'string') return undefined;
  const keys = new Map<string, string>();
  const words = verb === 'create' ? more.slice(1) : more;
  if (verb === 'create' && typeof more[0] === 'string') keys.set('type', more[0]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (typeof w !== 'string') { i++; continue; }
    const eq = w.indexOf('=');
    if (eq > 0) keys.set(w.slice(0, eq), w.slice(eq + 1));
    else { const v = words[++i]; keys.set(w, typeof v === 'string' ? v : '?'); }
  }
  return { name, keys };
}

/** `rclone rc OP k=v …`: the remotes an operation reads and changes (over --url, paths on that host). */
function rcFacts(op: Arg, params: readonly Arg[], c: Context): { writes: RemotePath[]; reads: RemotePath[]; moves: boolean; remotes: Remote[] } {
  const pairs = [...params, ...valuesOf(c.scan, '--opt')].filter((p): p is string => typeof p === 'string' && p.includes('='))
    .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const);
  const json = valueOf(c.scan, '--json');
  if (typeof json === 'string') {
    try { for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, unknown>)) if (typeof v === 'string') pairs.push([k, v]); } catch { /* not JSON: rclone refuses it */ }
  }
  const url = valueOf(c.scan, '--url');
  const urlHost = typeof url === 'string' ? /^\w+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(url)?.[1] ?? null : null;
  const away = urlHost !== null && !/^(localhost|127\.[\d.]+|\[?::1\]?)$/i.test(urlHost);
  const at = (v: string): RemotePath | null => serverPath(v, c) ?? (away ? { host: urlHost, path: v } : null);
  const remotes = pairs.map(([, v]) => remoteOf(v, c)).filter((r): r is Remote => r !== null);
  if (op !== null && RCLONE_RC_READS.has(op)) return { writes: [], reads: pairs.map(([, v]) => at(v)).filter(isPath), moves: false, remotes };
  const reads = pairs.filter(([k]) => RCLONE_RC_SOURCE.includes(k)).map(([, v]) => at(v)).filter(isPath);
  const writes = pairs.filter(([k]) => !RCLONE_RC_SOURCE.includes(k))
    .map(([k, v]) => serverPath(v, c) ?? (away && RCLONE_RC_DEST.includes(k) ? { host: urlHost, path: v } : null)).filter(isPath);
  // An operation with no remote named still acts on what the rc server has: over --url, on that host.
  if (writes.length === 0 && away && op !== null && !RCLONE_RC_READS.has(op)) writes.push({ host: urlHost, path: `(rc ${op})` });
  return { writes, reads, moves: op !== null && RCLONE_RC_MOVES.has(op), remotes };
}

const isPath = (r: RemotePath | null): r is RemotePath => r !== null;

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

/** rclone SUBCOMMAND …, with the environment and the remotes the text defined before it. */
export function parseRclone(args: readonly Arg[], env: ReadonlyMap<string, string | null> = new Map(), remotes: RcloneRemotes = new Map()): RcloneCommand {
  const scan = getopt(args, RCLONE);
  const c: Context = { scan, env, remotes };
  const [sub, ...rest] = scan.operands.map((o) => o.value);
  const none: Transfer = { writes: [], reads: [], mutatesSource: false, interactive: false, dynamic: false, scan };
  const named = (list: readonly Arg[]): Remote[] => list.filter((a): a is string => a !== null).map((a) => remoteOf(a, c)).filter((r): r is Remote => r !== null);
  if (sub === undefined) return { transfer: none, runs: runsOf([], c) };
  if (sub === null) return { transfer: { ...none, dynamic: true }, runs: runsOf(named(rest), c) };
  if (sub === 'rc') {
    const f = rcFacts(rest[0] ?? null, rest.slice(1), c);
    const dry = has(scan, '--dry-run');
    return {
      transfer: { ...none, writes: dry ? [] : f.writes, reads: f.reads, mutatesSource: !dry && f.moves && f.reads.length > 0, dynamic: rest[0] === null },
      runs: runsOf(f.remotes, c),
    };
  }
  const f = subcommandFacts(sub, rest, c);
  const dry = has(scan, '--dry-run') && !(sub in RCLONE_MOUNTS);
  const reads = f.reads.map((a) => serverPath(a, c)).filter(isPath);
  const defines = sub === 'config' ? definition(rest) : undefined;
  return {
    transfer: {
      ...none,
      writes: dry ? [] : f.writes.map((a) => serverPath(a, c)).filter(isPath),
      reads,
      mutatesSource: !dry && f.moves && reads.length > 0,
      dynamic: f.writes.length > 0 && f.writes[f.writes.length - 1] === null,
    },
    runs: runsOf(named(rest), c),
    ...(defines ? { defines } : {}),
  };
}
