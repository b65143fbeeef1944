// Reading local scripts that a command would run (`./deploy.sh`, `npm run x`, `make y`). Bounded in
// size; every failure is a value, never an exception.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { realish } from '../policy/real-path.js';

export type FileRead =
  | { readonly kind: 'missing' }
  /** `parts`: text known to be in the file though the whole is not (lines `sed -i` added). */
  | { readonly kind: 'unreadable'; readonly why: string; readonly parts?: readonly string[] }
  | { readonly kind: 'binary' }
  | { readonly kind: 'text'; readonly text: string; readonly stamp?: string };

export interface ScriptFiles {
  read(path: string): FileRead;
  /** Remember what was worked out from a file's text (`key` includes its stamp), for the next command. */
  memo?<T>(key: string, make: () => T): T;
  /** What a path is now (size, times, inode; or missing), for checking that a cached decision still holds. */
  stamp?(path: string): string;
  /** The names in a directory (null when it cannot be listed), for glob operands. */
  list?(dir: string): string[] | null;
  /** A directory's entries, each saying whether it is a directory (a link to one counts); null when it cannot be listed. */
  entries?(dir: string): readonly DirEntry[] | null;
  /** Where a write to `path` (absolute) lands: its symbolic links followed, dangling ones too (policy/real-path.ts). */
  real?(path: string): string;
  /** The path with every symbolic link in it resolved (as the kernel opens it: `link/..` is the link target's parent); null when it names nothing. */
  realpath?(path: string): string | null;
  /** The nearest `name` in `start` or a parent directory. */
  findUp(start: string, name: string):
    | { kind: 'text'; path: string; text: string }
    | { kind: 'unreadable'; path: string; why: string }
    | null;
}

export interface DirEntry {
  readonly name: string;
  readonly dir: boolean;
  /** A symbolic link: what it names may change without a change to this directory. */
  readonly link: boolean;
}

/** Scripts larger than this are not read. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;

export function readBounded(path: string, max = MAX_SCRIPT_BYTES): FileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return { kind: 'missing' };
    return { kind: 'unreadable', why: `cannot be read (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { kind: 'missing' };
    if (!st.isFile()) return { kind: 'unreadable', why: 'is not a regular file' };
    if (st.size > max) {
      // A large binary (a real /usr/bin/docker) is a program, not a script: say so from its first bytes.
      const head = Buffer.alloc(8192);
      const n = readSync(fd, head, 0, head.length, 0);
      if (head.subarray(0, n).includes(0)) return { kind: 'binary' };
      return { kind: 'unreadable', why: `is larger than ${Math.round(max / 1024)} KiB` };
    }
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    const body = buf.subarray(0, off);
    if (body.subarray(0, 8192).includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: body.toString('utf8') };
  } catch (e) {
    return { kind: 'unreadable', why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** Script access on the real file system, with a per-guard cache keyed by path. */
/** Files (and what was worked out from them) kept per guard, keyed on path, size, modification and change time. */
const CACHE_ENTRIES = 512;

/** A `..` part of a path. */
const DOT_DOT = /(?:^|\/)\.\.(?:\/|$)/;

/**
 * The file open(2) finds for `path` from the directory `cwd` (null: not known): the kernel takes `..`
 * after a link physically (`sublink/../lib.sh` is in the directory the link's target is in, and
 * `../x` from a directory reached through a link is beside its target), where `resolve` drops
 * `sublink/..` as text. Only a path with `..` in it reads the links (no cost for any other).
 */
export function openedPath(files: ScriptFiles, cwd: string | null, path: string): string | null {
  const full = isAbsolute(path) ? path : cwd === null ? null : `${cwd}/${path}`;
  if (full === null) return null;
  if (!DOT_DOT.test(full) || !files.realpath) return resolve(full);
  const cut = full.replace(/\/+$/, '');
  const slash = cut.lastIndexOf('/');
  const last = cut.slice(slash + 1);
  const dir = last === '..' || last === '.' ? null : files.realpath(cut.slice(0, slash) || '/');
  if (dir !== null) return join(dir, last);
  return files.realpath(cut) ?? resolve(full);
}

export function diskFiles(): ScriptFiles {
  const reads = new Map<string, { stamp: string; read: FileRead }>();
  const memos = new Map<string, unknown>();
  const cachedRead = (path: string): FileRead => {
    let st;
    try {
      // (No exception for a missing path: most paths asked about are, and a thrown error costs more than the stat.)
      st = statSync(path, { throwIfNoEntry: false });
    } catch {
      return readBounded(path);
    }
    if (st === undefined) return { kind: 'missing' };
    if (!st.isFile()) return readBounded(path);
    // The change time too: `touch -r` puts a modification time back, never the change time.
    const stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    const hit = reads.get(path);
    if (hit && hit.stamp === stamp) return hit.read;
    const r = readBounded(path);
    const read = r.kind === 'text' ? { ...r, stamp: `${path}|${stamp}` } : r;
    if (reads.size >= CACHE_ENTRIES) reads.delete(reads.keys().next().value!);
    reads.set(path, { stamp, read });
    return read;
  };
  return {
    read: cachedRead,
    real: realish,
    stamp(path) {
      try {
        const st = statSync(path, { throwIfNoEntry: false });
        if (st === undefined) return 'missing';
        return `${st.isDirectory() ? 'd' : 'f'}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
      } catch {
        return 'missing';
      }
    },
    memo<T>(key: string, make: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const v = make();
      if (memos.size >= CACHE_ENTRIES) memos.delete(memos.keys().next().value!);
      memos.set(key, v);
      return v;
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return null;
      }
    },
    entries(dir) {
      let found;
      try {
        found = readdirSync(dir, { withFileTypes: true });
      } catch {
        return null;
      }
      return found.map((e) => {
        const link = e.isSymbolicLink();
        let isDir = e.isDirectory();
        // A link is what it names; one that names nothing reachable (dangling, a loop) is no directory.
        if (link) try { isDir = statSync(join(dir, e.name), { throwIfNoEntry: false })?.isDirectory() === true; } catch { isDir = false; }
        return { name: e.name, dir: isDir, link };
      });
    },
    realpath(path) { try { return realpathSync.native(path); } catch { return null; } },
    findUp(start, name) {
      let dir = start;
      for (let i = 0; i < 64; i++) {
        const path = join(dir, name);
        const r = cachedRead(path);
        if (r.kind === 'text') return { kind: 'text', path, text: r.text };
        if (r.kind === 'unreadable') return { kind: 'unreadable', path, why: r.why };
        const up = dirname(dir);
        if (up === dir) return null;
        dir = up;
      }
      return null;
    },
  };
}

/** The names directly in `dir` that `paths` make: a path's own name there (false), or a directory on the way to it (true). */
export function namesUnder(paths: Iterable<string>, dir: string): Map<string, boolean> {
  const made = new Map<string, boolean>();
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) { if (!made.has(rest)) made.set(rest, false); } else made.set(rest.slice(0, slash), true);
  }
  return made;
}

/**
 * The subdirectories of `dir` by name (links to directories among them); null when it cannot be
 * listed. Without typed entries each name is tried as a directory.
 */
export function subdirs(files: ScriptFiles, dir: string): { dirs: string[]; others: string[] } | null {
  const typed = files.entries?.(dir);
  if (typed !== undefined) return typed === null ? null : { dirs: typed.filter((e) => e.dir).map((e) => e.name), others: typed.filter((e) => !e.dir).map((e) => e.name) };
  const names = files.list?.(dir) ?? null;
  if (names === null) return null;
  const dirs = names.filter((n) => files.list!(join(dir, n)) !== null);
  return { dirs, others: names.filter((n) => !dirs.includes(n)) };
}

/** Paths a glob in its last path segment matches (`test/*.test.mjs`), sorted; null when it cannot tell (too many, or a glob in a directory part). */
export function globFiles(files: ScriptFiles, cwd: string, pattern: string, max = 64): string[] | null {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash >= 0 ? pattern.slice(0, slash) || '/' : '.';
  const last = pattern.slice(slash + 1);
  if (/[*?[]/.test(dirPart) || !files.list) return null;
  const dir = dirPart.startsWith('/') ? dirPart : join(cwd, dirPart);
  // No such directory: the glob stays as written and names no file, as in the shell.
  const names = files.list(dir) ?? [];
  const re = new RegExp('^' + last.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  const hits = names.filter((n) => re.test(n) && (!n.startsWith('.') || last.startsWith('.'))).sort();
  return hits.length > max ? null : hits.map((n) => join(dir, n));
}

/**
 * Script access that notes every path it was asked about (read, looked up, listed), so a decision
 * made from them can be reused while none of them changes (`stamps`).
 */
export function recording(files: ScriptFiles): { files: ScriptFiles; stamps(): [string, string][] } {
  const paths = new Set<string>();
  const read = new Set<string>();
  const listed = new Set<string>();
  const noteRead = (path: string): void => { paths.add(path); read.add(path); };
  return {
    stamps: () => stampsOf(files, paths, read, listed),
    files: {
      read: (path) => { noteRead(path); return files.read(path); },
      ...(files.list ? { list: (dir: string) => {
        paths.add(dir);
        const names = files.list!(dir);
        if (names !== null) listed.add(dir);
        return names;
      } } : {}),
      ...(files.entries ? { entries: (dir: string) => {
        paths.add(dir);
        const found = files.entries!(dir);
        if (found !== null) listed.add(dir);
        // A link's target is another directory's business: it keeps a stamp of its own.
        for (const e of found ?? []) if (e.link) paths.add(join(dir, e.name));
        return found;
      } } : {}),
      ...(files.realpath ? { realpath: (path: string) => { paths.add(path); return files.realpath!(path); } } : {}),
      ...(files.memo ? { memo: <T>(key: string, make: () => T): T => files.memo!(key, make) } : {}),
      // (A decision on a write that leads through a link is not kept: guard.ts keptOn.)
      ...(files.real ? { real: (path: string) => files.real!(path) } : {}),
      findUp(start, name) {
        // Every directory on the way up counts: a file created in any of them changes the answer.
        let dir = start;
        for (let i = 0; i < 64; i++) {
          noteRead(join(dir, name));
          const up = dirname(dir);
          if (up === dir) break;
          dir = up;
        }
        return files.findUp(start, name);
      },
    },
  };
}

/**
 * The stamps that show a decision still holds. A path inside a directory that was listed needs no
 * stamp of its own when nothing is there, or when it is a plain file that was only listed (not a
 * directory): making it, or making it a directory, adds or removes a name in that directory, which
 * changes the directory's own stamp. (A symbolic link is kept: its target may change elsewhere.)
 * A tree that a test runner walks is then checked by one stamp per directory, not one per name.
 */
function stampsOf(files: ScriptFiles, paths: ReadonlySet<string>, read: ReadonlySet<string>, listed: ReadonlySet<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const p of paths) {
    if (listed.has(dirname(p)) && !listed.has(p)) {
      let st;
      try { st = lstatSync(p, { throwIfNoEntry: false }); } catch { st = null; }
      if (st === undefined || (st?.isFile() && !read.has(p))) continue;
    }
    out.push([p, files.stamp!(p)]);
  }
  return out;
}

/**
 * Where a write to `path` (absolute) lands, as one stamp: each component's kind and inode, and the
 * file's link count, up to the first component that is missing (making it changes the stamp). null
 * when no decision about the write may be kept on it: a component is a symbolic link, or the file
 * has other names, and where those lead can change without a change here.
 */
export function writeStamp(path: string): string | null {
  if (!isAbsolute(path)) return null;
  let at: string = sep;
  const out: string[] = [];
  for (const c of path.split(/[\\/]+/)) {
    if (c === '' || c === '.') continue;
    if (c === '..') { at = dirname(at); out.push('..'); continue; }
    at = join(at, c);
    let st;
    try { st = lstatSync(at, { throwIfNoEntry: false }); } catch { return null; }
    if (st === undefined) { out.push('-'); break; }
    if (st.isSymbolicLink() || (!st.isDirectory() && st.nlink > 1)) return null;
    out.push(`${st.isDirectory() ? 'd' : 'f'}${st.dev}:${st.ino}`);
  }
  return out.join('/');
}
