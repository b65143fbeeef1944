// Reading local scripts that a command would run (`./deploy.sh`, `npm run x`, `make y`). Bounded in
// size; every failure is a value, never an exception.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly why: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'text'; readonly text: string };

export interface ScriptFiles {
  read(path: string): FileRead;
  /** The names in a directory (null when it cannot be listed), for glob operands. */
  list?(dir: string): string[] | null;
  /** The nearest `name` in `start` or a parent directory. */
  findUp(start: string, name: string):
    | { kind: 'text'; path: string; text: string }
    | { kind: 'unreadable'; path: string; why: string }
    | null;
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
export function diskFiles(): ScriptFiles {
  return {
    read: (path) => readBounded(path),
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return null;
      }
    },
    findUp(start, name) {
      let dir = start;
      for (let i = 0; i < 64; i++) {
        const path = join(dir, name);
        const r = readBounded(path);
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
