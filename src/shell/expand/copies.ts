// Copies, moves and links (cp, mv, ln, install, rsync, dd), for the commands after them in the same
// text: a script copied is its source's text, a binary copied is its program under another name, a
// file copied into a directory keeps its name there, and a directory copied (`cp -r bin /tmp/b2`)
// makes every file under the copy the source's file.
import { join, resolve } from 'node:path';
import { getopt, optionIs } from '../getopt.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import type { Written } from './writes.js';

/** Directories copied earlier in the text: copy → source, per expansion. */
const COPIED_DIRS = new WeakMap<Written, Map<string, string>>();

/** The source a path under a copied directory comes from; null when it is under none. */
export function copiedFrom(written: Written, path: string): string | null {
  const dirs = COPIED_DIRS.get(written);
  if (!dirs) return null;
  for (const [copy, source] of dirs) {
    if (path.startsWith(copy + '/')) return source + path.slice(copy.length);
  }
  return null;
}

/** Is `path` a directory now, or one the text copied, or wrote files into? */
function isDirectory(scope: Scope, path: string): boolean {
  const written = scope.run0.written;
  if (COPIED_DIRS.get(written)?.has(path)) return true;
  if (written.has(path)) return false;
  if ((scope.files.list?.(path) ?? null) !== null) return true;
  for (const p of written.keys()) if (p.startsWith(path + '/')) return true;
  return false;
}

export type Copy = (src: string | null, dst: string) => void;
/** A directory (or what may be one: a source named at run time, or missing now) put at `to`. */
export type DirCopy = (src: string | null, to: string) => void;

const CP = {
  short: 'abdfHiLlnPprRsStTuvxZS:t:m:g:o:',
  long: ['target-directory=|t', 'no-target-directory|T', 'suffix=|S', 'mode=|m', 'owner=|o', 'group=|g', 'backup=?', 'symbolic|s',
    'recursive|r', 'archive|a', 'dereference|L', 'force|f', 'verbose|v', 'update=?', 'parents', 'preserve=?', 'no-clobber|n', 'relative|R'],
  permute: true,
} as const;

/**
 * Record what `name ARGS` copies (`copy(src, dst)` for each file; a directory copied recursively is
 * kept as an alias, and told to `dirCopy`). Returns false when `name` is none of these programs.
 */
export function recordCopies(scope: Scope, name: string, args: readonly Word[], path: (w: Word | undefined, dest?: boolean) => string | null, copy: Copy,
  dirCopy: DirCopy): boolean {
  if (name === 'dd') {
    const at = (key: string): Word | undefined => {
      const w = args.find((x) => x.value?.startsWith(`${key}=`));
      return w ? { ...w, value: w.value!.slice(key.length + 1), text: w.text.slice(key.length + 1) } : undefined;
    };
    const dst = path(at('of'), true);
    if (dst !== null) copy(at('if') ? path(at('if')) : null, dst);
    return true;
  }
  if (!['cp', 'ln', 'mv', 'install', 'rsync'].includes(name)) return false;
  const scan = getopt(args.map((w) => w.value), CP);
  const target = scan.options.find((o) => optionIs(o, ['-t']));
  const ops = scan.operands.map((o) => args[o.index]);
  const sources = target ? ops : ops.slice(0, -1);
  if (sources.length === 0 || (!target && ops.length < 2)) return true;
  const dstWord = target ? undefined : ops[ops.length - 1];
  const dst = target ? (typeof target.value === 'string' ? resolve(scope.cwd ?? '/', target.value) : null) : path(dstWord, true);
  if (target && dst === null && scope.recorded) scope.run0.unplacedWrites.push({ target: `${name} -t`, text: null });
  if (dst === null) return true;
  const noTarget = scan.options.some((o) => optionIs(o, ['-T']));
  const surely = target !== undefined || (!noTarget && (sources.length > 1 || (dstWord?.value?.endsWith('/') ?? false)));
  // A directory there now may be gone when the command runs: the copy may be either path.
  const maybe = !surely && !noTarget && isDirectory(scope, dst);
  const recursive = name === 'mv' || name === 'ln' || name === 'rsync' || scan.options.some((o) => optionIs(o, ['-r', '-R', '-a']));
  for (const w of sources) {
    const src = path(w);
    // rsync's `dir/` copies what is in dir, not dir itself.
    const contents = name === 'rsync' && (w?.value?.endsWith('/') ?? false);
    const inside = src !== null && !contents ? join(dst, basename(src)) : dst;
    for (const to of surely ? [inside] : maybe ? [inside, dst] : [dst]) {
      if (src !== null && recursive && isDirectory(scope, src)) {
        const dirs = COPIED_DIRS.get(scope.run0.written) ?? new Map<string, string>();
        COPIED_DIRS.set(scope.run0.written, dirs);
        dirs.set(to, dirs.get(src) ?? src);
        dirCopy(src, to);
      } else {
        copy(src, to);
        // A source not known, or missing now, may be a directory when the command runs.
        if (recursive && (src === null || scope.files.read(src).kind === 'missing')) dirCopy(src, to);
      }
    }
  }
  return true;
}
