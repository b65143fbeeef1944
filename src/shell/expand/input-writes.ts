// What a writer's input says it writes: a list of downloads (aria2c -i FILE: `dir=`/`out=` lines), the
// begin line of an encoded file (uudecode), the names a perl rename expression makes (rename 's/a/b/' FILES).
// Read by written-paths.ts for the write specs of grammars/writes.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Arg } from '../getopt.js';
import type { WriteSpec } from '../grammars/writes.js';
import type { ScriptFiles } from '../files.js';
import { abs } from './written-paths.js';

/**
 * The text of an input file a writer reads (a list of downloads, an encoded file): a string; `missing`
 * (its program fails, writing nothing); null where it cannot be known (stdin, a computed name, unreadable).
 */
function inputText(file: Arg, cwd: string | null, files?: ScriptFiles): string | 'missing' | null {
  const path = file === null || file === '-' ? null : abs(file, cwd);
  if (path === null) return null;
  if (files) {
    const read = files.read(path);
    return read.kind === 'missing' ? 'missing' : read.kind === 'text' ? read.text : null;
  }
  try { return readFileSync(path, 'utf8'); } catch (e) { return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null; }
}

/** The files an input file names inside it (uudecode's begin lines); null where it cannot be read. */
export function namedInside(pattern: RegExp, file: Arg, cwd: string | null, files?: ScriptFiles): (string | null)[] {
  const text = inputText(file, cwd, files);
  if (text === 'missing') return [];
  if (text === null) return [null];
  return [...text.matchAll(new RegExp(pattern.source, 'gm'))].map((m) => abs(m[1]!, cwd));
}

/** The directories and names a list of downloads (aria2c -i FILE) gives its entries; null where it cannot be read. */
export function listFileWrites(list: NonNullable<WriteSpec['listFile']>, file: Arg, dir: string | null, cwd: string | null, files?: ScriptFiles): (string | null)[] {
  // A missing list is an error of aria2c's own; one that cannot be read lists what it will at run time.
  const text = inputText(file, cwd, files);
  if (text === 'missing') return [];
  if (text === null) return [null];
  const out: (string | null)[] = [];
  let at = dir;
  const lines = text.split('\n');
  // Past the lines read, what the list writes is not known: an unknown write.
  if (lines.length > 10000) out.push(null);
  for (const line of lines.slice(0, 10000)) {
    const m = /^[ \t]+([A-Za-z0-9-]+)=(.*)$/.exec(line);
    if (!m) { at = dir; continue; }
    const value = m[2]!.trim();
    if (m[1] === list.dir) { at = value; out.push(abs(value, cwd)); }
    if (list.names.includes(m[1]!)) out.push(at === null ? null : abs(join(at, value), cwd));
  }
  return out;
}

/** perl rename's targets: each name through its `s/FROM/TO/FLAGS` expression; null for another expression (or a computed one). */
export function perlRenamed(operands: readonly Arg[], cwd: string | null): (string | null)[] {
  const [expr, ...names] = operands;
  const m = expr === null || expr === undefined ? null : /^s([^\w\s])((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1([gi]*)$/.exec(expr);
  return names.map((n) => {
    let to: string | null = null;
    try { to = m && n !== null ? n.replace(new RegExp(m[2]!, m[4]!), m[3]!.replace(/\$(\d)/g, '$$$1')) : null; } catch { to = null; }
    return to === null ? null : abs(to, cwd);
  });
}
