// The fast path reads text only; a write can still reach a guarded file through a name that says
// nothing about it: a symlink (`notes.md -> .git/hooks/pre-commit`, dangling until the write creates
// the hook; a directory link `h -> .git/hooks`) or another name of the same file (a hard link of
// .git/config). So a text with a word that names such a link, or a file with several names, goes to
// the classifier, which follows it (policy/real-path.ts). Light: node:fs only, one lstat per path
// component of each word; loaded with the fast path.
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';

/** Words looked at; a longer text goes to the classifier (a limit sends it there, never past it). */
const MAX_WORDS = 64;

/**
 * Does a word of `text` (quotes dropped, split at blanks, operators and `=`) name a path from `cwd`
 * that goes through a symlink, or a regular file with more than one name? Options (`-x`) are skipped.
 */
export function namesLink(text: string, cwd: string, home: string | undefined = process.env.HOME): boolean {
  const words = new Set(text.replace(/\\(.)/gs, '$1').replace(/['"]/g, '').split(/[\s;&|()<>=,]+/)
    .filter((w) => w !== '' && !w.startsWith('-')));
  if (words.size > MAX_WORDS) return true;
  let base: string | null = null;
  for (const w of words) {
    const word = (w === '~' || w.startsWith('~/')) && home ? join(home, w.slice(1)) : w;
    if (!isAbsolute(word) && base === null) {
      try { base = realpathSync.native(cwd); } catch { return true; }
    }
    if (throughLink(isAbsolute(word) ? sep : base!, word)) return true;
  }
  return false;
}

/** Walks `word` from `start` (a real directory): a symlink on the way, or a file with other names at its end. */
function throughLink(start: string, word: string): boolean {
  let at = start;
  let st: Stats | null = null;
  for (const c of word.split(/[\\/]+/)) {
    if (c === '' || c === '.') continue;
    if (c === '..') { at = at.slice(0, Math.max(at.lastIndexOf(sep), 1)) || sep; st = null; continue; }
    at = join(at, c);
    // (No exception for a missing path: most words name none, and a thrown error costs more than the lstat.)
    try { st = lstatSync(at, { throwIfNoEntry: false }) ?? null; } catch { return false; }
    if (st === null) return false;
    if (st.isSymbolicLink()) return true;
  }
  return st !== null && st.isFile() && st.nlink > 1;
}
