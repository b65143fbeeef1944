// rclone's remotes: a path argument read as rclone reads it (rclone docs "Syntax of remote paths",
// "Connection strings"), the values of a remote's options in rclone's order of precedence, and the
// remotes a wrapping backend (alias, crypt, union …, grammars/rclone.ts) keeps its files on.
import { posix } from 'node:path';
import { valuesOf, type Scan } from '../getopt.js';
import { RCLONE_HOST_BACKENDS, RCLONE_UPSTREAM_SUFFIXES, RCLONE_WRAP_DEPTH, RCLONE_WRAPPERS } from '../grammars/rclone.js';
import type { RemotePath } from './transfer.js';

/** Remotes known from the config file and the text before: name → its config keys. */
export type RcloneRemotes = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface Context {
  readonly scan: Scan;
  readonly env: ReadonlyMap<string, string | null>;
  readonly remotes: RcloneRemotes;
  /** The config file's remotes cannot be known (computed path, content not static, encrypted, set up on a terminal). */
  readonly unknownConfig: boolean;
}

export interface Remote {
  readonly backend: string | null;
  readonly name: string | null;
  readonly params: ReadonlyMap<string, string>;
  readonly path: string;
}

/** Where a path argument leads: server paths, and whether a remote it names is not known here. */
export interface Located {
  readonly paths: readonly RemotePath[];
  readonly unknown: boolean;
}

/** A config key's value computed at run time, as the remotes map holds it; the key `*` when the key itself is. */
export const COMPUTED = '?';
export const SOME_KEY = '*';
const someKeyComputed = (r: Remote, c: Context): boolean => r.name !== null && (c.remotes.get(r.name)?.has(SOME_KEY) ?? false);

export const dashed = (key: string): string => key.replace(/_/g, '-');
export const envName = (...parts: string[]): string => ['RCLONE', ...parts].join('_').toUpperCase().replace(/[^A-Z0-9_]/g, '_');

// Made on first use: a Unicode property class costs a cold process its build even when no rclone runs.
let name: RegExp | undefined;
const NAME = (): RegExp => (name ??= new RegExp(String.raw`^:?[\p{L}\p{N}_.+@]+(?:[ -]+[\p{L}\p{N}_.+@-]+)*$`, 'u'));
const PARAM = /^[A-Za-z0-9_.]+$/;

/**
 * `name:path`, `:backend:path`, `name,k=v,k2="v:w":path` (a value quoted with ' or ", the quote
 * doubled inside); null for a local path (no `:`, or a `/` before the first `:` or `,`). A
 * one-letter name is a remote: drive letters are Windows' only. Malformed text is rclone's error: null.
 */
export function parseRemote(arg: string): { name: string; params: Map<string, string>; path: string } | null {
  const head = /^:?[^:,/\\]*[:,]/.exec(arg);
  if (!head || !NAME().test(head[0].slice(0, -1))) return null;
  const name = head[0].slice(0, -1);
  const params = new Map<string, string>();
  let i = head[0].length;
  if (arg[i - 1] === ',') {
    for (;;) {
      const key = /^([^:,=]*)([:,=])/.exec(arg.slice(i));
      if (!key || !PARAM.test(key[1]!)) return null;
      i += key[0].length;
      if (key[2] !== '=') { params.set(key[1]!, 'true'); if (key[2] === ':') break; continue; }
      const value = readValue(arg, i);
      if (value === null) return null;
      params.set(key[1]!, value.value);
      i = value.end + 1;
      if (arg[value.end] === ':') break;
    }
  }
  return { name, params, path: arg.slice(i) };
}

/** A parameter's value from `at`: up to the next `,` or `:`, or quoted. `end` is the index of that separator. */
function readValue(arg: string, at: number): { value: string; end: number } | null {
  const q = arg[at];
  if (q !== "'" && q !== '"') {
    const end = arg.slice(at).search(/[:,]/);
    return end < 0 ? null : { value: arg.slice(at, at + end), end: at + end };
  }
  let value = '';
  for (let i = at + 1; i < arg.length; i++) {
    if (arg[i] !== q) { value += arg[i]; continue; }
    if (arg[i + 1] === q) { value += q; i++; continue; }
    return arg[i + 1] === ':' || arg[i + 1] === ',' ? { value, end: i + 1 } : null;
  }
  return null;
}

/** `name:path` → Remote (its backend from the connection string, the remote's keys or the environment). */
export function remoteOf(arg: string, c: Context): Remote | null {
  const p = parseRemote(arg);
  if (p === null) return null;
  const onTheFly = p.name.startsWith(':');
  const name = onTheFly ? null : p.name;
  const backend = onTheFly ? p.name.slice(1) : p.params.get('type') ?? c.remotes.get(p.name)?.get('type') ?? envValue(c, envName('CONFIG', p.name, 'TYPE')) ?? null;
  return { backend, name, params: p.params, path: p.path };
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
export function optionValues(r: Remote, key: string, c: Context, backend = r.backend): (string | null)[] {
  const out: (string | null | undefined)[] = [r.params.get(key)];
  if (backend !== null) {
    out.push(...valuesOf(c.scan, `--${backend}-${dashed(key)}`), c.env.get(envName(backend, key)), c.env.get(envName(key)));
  }
  if (r.name !== null) out.push(c.env.get(envName('CONFIG', r.name, key)), c.remotes.get(r.name)?.get(key));
  return out.filter((v): v is string | null => v !== undefined);
}

/** The server a remote reaches, or null when it is not one the guard knows as a server. */
export function hostOf(r: Remote, c: Context): string | null {
  const known = r.backend !== null && RCLONE_HOST_BACKENDS.has(r.backend);
  // A named remote of a type the text does not show still reaches the host its own keys name.
  const values = optionValues(r, 'host', c, known ? r.backend : null);
  const host = values[0];
  if (host === undefined) return null;
  return host === null ? '?' : host.replace(/^[^@]*@/, '');
}

/** rclone's JoinRootPath: a path under a remote's root never climbs out of it (`..` stops at the root). */
function joinRoot(root: string, path: string): string {
  if (path === '') return root;
  const rel = posix.join('/', path);
  const joined = posix.join(root, path.startsWith('/') ? rel : rel.slice(1));
  return joined === '.' ? '' : joined;
}

/**
 * The remotes a remote keeps its files on, with the path joined under each (itself when it wraps
 * none); `written` drops union's read-only upstreams. null: a wrapped remote is computed or the
 * wrapping goes deeper than rclone would follow.
 */
export function leaves(r: Remote, c: Context, written: boolean, depth = 0): Remote[] | null {
  const wrapper = r.backend === null ? undefined : RCLONE_WRAPPERS[r.backend];
  if (wrapper === undefined) return [r];
  if (depth >= RCLONE_WRAP_DEPTH) return null;
  const value = optionValues(r, wrapper.key, c)[0];
  if (value === undefined) return someKeyComputed(r, c) ? null : [];
  // '?': a value `rclone config create` was given computed at run time (programs/rclone-config.ts).
  if (value === null || value === COMPUTED) return null;
  const out: Remote[] = [];
  for (const [target, under] of targets(value, wrapper.list, r.path, written)) {
    const inner = remoteOf(target, c);
    if (inner === null) continue; // a local directory
    const more = leaves({ ...inner, path: joinRoot(inner.path, under) }, c, written, depth + 1);
    if (more === null) return null;
    out.push(...more);
  }
  return out;
}

/** The remote strings a wrapper's value names, each with the part of `path` that lands under it. */
function targets(value: string, list: 'upstreams' | 'dirs' | undefined, path: string, written: boolean): [string, string][] {
  if (list === undefined) return [[value, path]];
  const items = spaceSeparated(value);
  if (list === 'upstreams') {
    const out: [string, string][] = [];
    for (const item of items) {
      const suffix = Object.keys(RCLONE_UPSTREAM_SUFFIXES).find((s) => item.endsWith(s));
      if (written && suffix !== undefined && RCLONE_UPSTREAM_SUFFIXES[suffix] === 'read') continue;
      out.push([suffix === undefined ? item : item.slice(0, -suffix.length), path]);
    }
    return out;
  }
  // combine: `dir=remote:path`; a path under `dir/` is under that remote, any other reaches them all.
  const rel = posix.join('/', path).slice(1);
  const pairs = items.map((item) => [item.slice(0, Math.max(0, item.indexOf('='))), item.slice(item.indexOf('=') + 1)] as const);
  const hit = pairs.find(([dir]) => dir !== '' && (rel === dir || rel.startsWith(`${dir}/`)));
  return hit ? [[hit[1], rel.slice(hit[0].length)]] : pairs.map(([, target]) => [target, '']);
}

/** rclone's SpaceSepList: words split at spaces, a word in double quotes kept whole. */
function spaceSeparated(value: string): string[] {
  return [...value.matchAll(/"((?:[^"]|"")*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
}

/** Where a path argument leads on servers the guard knows (through the remotes it wraps). */
export function locate(arg: string | null, c: Context, written: boolean): Located {
  if (arg === null) return { paths: [], unknown: false };
  const r = remoteOf(arg, c);
  if (r === null) return { paths: [], unknown: false };
  // A named remote nothing here defines is in a config file the guard cannot read: unknown.
  const undefinedName = r.name !== null && r.backend === null && !c.remotes.has(r.name);
  const all = leaves(r, c, written);
  if (all === null) return { paths: [], unknown: true };
  const paths: RemotePath[] = [];
  for (const leaf of all) {
    const host = hostOf(leaf, c);
    if (host !== null) paths.push({ host, path: leaf.path });
  }
  return { paths, unknown: paths.length === 0 && ((undefinedName && c.unknownConfig) || all.some((l) => someKeyComputed(l, c))) };
}

/** Every remote named in `args`, through the wrappers (for the options that make rclone run commands). */
export function namedLeaves(args: readonly (string | null)[], c: Context): Remote[] {
  const out: Remote[] = [];
  for (const a of args) {
    const r = a === null ? null : remoteOf(a, c);
    if (r !== null) out.push(...leaves(r, c, false) ?? [r]);
  }
  return out;
}
