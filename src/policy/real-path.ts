// Where a write really lands, as the kernel resolves it (src/policy/guarded.ts asks): symlinks are
// followed component by component, a dangling one included (open(2) with O_CREAT creates the file a
// dangling link names: `ln -s .git/hooks/pre-commit notes.md`, then any write to notes.md creates the
// hook), and the part that does not exist yet is appended. Also: the files that share an inode with
// a file (a hard link, `ln .git/config notes.txt`, writes the same bytes under another name).
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import type { GuardDirs } from './guarded.js';

/** Symlinks followed per path before giving up (Linux's own limit is 40: open fails with ELOOP). */
const MAX_LINKS = 40;

const components = (p: string): string[] => p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');

/**
 * The path `p` (absolute, `..` not yet normalized: `link/../x` goes up from where the link leads)
 * leads to: every symlink followed, dangling ones too, the missing rest appended. A loop or a
 * component that cannot be read (no permission) ends the walk: the rest is appended as written.
 */
export function realish(p: string): string {
  const todo = components(p);
  let done = isAbsolute(p) ? sep : '';
  let links = 0;
  while (todo.length > 0) {
    const c = todo.shift()!;
    if (c === '..') { done = parent(done); continue; }
    const next = join(done, c);
    let st: Stats;
    try { st = lstatSync(next); } catch { return join(next, ...todo); }
    if (st.isSymbolicLink()) {
      if (++links > MAX_LINKS) return join(next, ...todo);
      let target: string;
      try { target = readlinkSync(next); } catch { return join(next, ...todo); }
      todo.unshift(...components(target));
      if (isAbsolute(target)) done = sep;
      continue;
    }
    done = next;
  }
  return done;
}

const parent = (p: string): string => { const i = p.lastIndexOf(sep); return i <= 0 ? sep : p.slice(0, i); };

/** A file with more than one name: its device and inode, to compare with the guarded files'. */
export interface Inode { readonly dev: number; readonly ino: number }

/** The inode of a regular file that has other names (`nlink > 1`), else null (no file, or its only name). */
export function sharedInode(path: string): Inode | null {
  try {
    const st = statSync(path);
    return st.isFile() && st.nlink > 1 ? { dev: st.dev, ino: st.ino } : null;
  } catch { return null; }
}

/** Files looked at per search for another name of an inode; past it the search says "maybe" (fail closed). */
const MAX_ENTRIES = 2000;

/**
 * Is one of the existing files under `base` that `pattern` names (components, `*` one, `**` any
 * number; case as on disk) the inode `inode`? `true` when found, and when the search ran out of its
 * budget (then it may be there).
 */
export function patternHoldsInode(base: string, pattern: readonly string[], inode: Inode, budget = { left: MAX_ENTRIES }): boolean {
  if (budget.left-- <= 0) return true;
  if (pattern.length === 0) {
    try { const st = statSync(base); return st.isFile() && st.dev === inode.dev && st.ino === inode.ino; } catch { return false; }
  }
  const [head, ...rest] = pattern as [string, ...string[]];
  if (!head.includes('*')) return patternHoldsInode(join(base, head), rest, inode, budget);
  // `**` may stand for no component, so what follows it is tried here first.
  if (head === '**' && patternHoldsInode(base, rest, inode, budget)) return true;
  let names: string[];
  try { names = readdirSync(base); } catch { return false; }
  if (head === '**') {
    // A trailing `**` (`.git/hooks/**`) names the files at every depth, not only the directories.
    return names.some((n) => {
      const p = join(base, n);
      return isDir(p) ? patternHoldsInode(p, pattern, inode, budget) : rest.length === 0 && patternHoldsInode(p, [], inode, budget);
    });
  }
  const re = new RegExp(`^${head.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return names.some((n) => re.test(n) && patternHoldsInode(join(base, n), rest, inode, budget));
}

const isDir = (p: string): boolean => { try { return lstatSync(p).isDirectory(); } catch { return false; } };

/**
 * The project's node_modules/gitops-guard when it is a link (`npm link gitops-guard`, a `file:`
 * dependency): the hooks run the package it leads to, wherever that is.
 */
export function withLinkedPackage(dirs: GuardDirs, projectRoot: string): GuardDirs {
  const installed = join(projectRoot, 'node_modules', 'gitops-guard');
  let real: string;
  try { real = realpathSync(installed); } catch { return dirs; }
  return real === installed || dirs.install?.includes(real) ? dirs : { ...dirs, install: [...dirs.install ?? [], real] };
}

/**
 * The anchors' directories with symlinks resolved; `dirs` itself when none is a link. Kept per
 * process (PATH has a dozen directories; a write is checked on every redirection).
 */
const realDirsMemo = new Map<string, GuardDirs>();
export function realDirsOf(dirs: GuardDirs): GuardDirs {
  const key = JSON.stringify(dirs);
  let found = realDirsMemo.get(key);
  if (found === undefined) {
    if (realDirsMemo.size > 64) realDirsMemo.clear();
    found = resolveDirs(dirs);
    realDirsMemo.set(key, found);
  }
  return found;
}

function resolveDirs(dirs: GuardDirs): GuardDirs {
  const one = (d: string | undefined) => (d === undefined ? undefined : realish(d));
  const many = (ds: readonly string[] | undefined) => ds?.map(realish);
  const real: GuardDirs = {
    config: realish(dirs.config), state: realish(dirs.state), cache: realish(dirs.cache),
    ...(dirs.home !== undefined ? { home: one(dirs.home)! } : {}), ...(dirs.xdg !== undefined ? { xdg: one(dirs.xdg)! } : {}),
    ...(dirs.install ? { install: many(dirs.install)! } : {}), ...(dirs.bin ? { bin: many(dirs.bin)! } : {}),
    ...(dirs.dependencies ? { dependencies: dirs.dependencies } : {}),
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return same(real, dirs) ? dirs : real;
}

