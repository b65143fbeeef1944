// Directories a command removes or replaces as a whole, with everything under them (`rm -rf .claude`,
// `mv .codex /tmp/x`, `ln -s /tmp/bin node_modules/.bin`): the policy counts such a write as a write
// to every guarded file the directory holds (policy/guarded.ts holdsGuarded). Which programs do this,
// and to which operands, is the `whole` field of their write spec (grammars/writes.ts).
import { basename, join } from 'node:path';
import { getopt, optionIs } from '../getopt.js';
import { WRITES } from '../grammars/writes.js';
import { argOf, type Word } from '../words.js';
import { abs } from './written-paths.js';

/** A directory removed (`rm -r`, `mv` away) or replaced (something else put there). */
export interface WholeWrite {
  readonly path: string;
  readonly how: 'remove' | 'replace';
}

/** A destination that is certainly a directory the sources go into (`cp x dir/`, `mv a b .`, `-t DIR`). */
const isInto = (dest: string): boolean => dest === '.' || dest === '..' || dest === '~' || dest.endsWith('/');

/**
 * What this command removes or replaces as a whole (empty for every program without a `whole` spec).
 * `isDir` says whether a path is a directory now (then `cp -r a dir` also puts dir/a there).
 */
export function replacedPaths(program: string, words: readonly Word[], cwd: string | null, isDir: (path: string) => boolean): WholeWrite[] {
  const spec = WRITES[program];
  if (!spec?.whole) return [];
  const scan = getopt(words.slice(1).map(argOf), spec.options ?? {});
  // An option under which it writes nothing (`del --dry-run`, `rename -n`) leaves every directory as it is.
  if (spec.unless && scan.options.some((o) => optionIs(o, spec.unless!))) return [];
  const ops = scan.operands.map((o) => o.value);
  if (ops.some((o) => o === null)) return [];
  const names = ops as string[];
  const at = (p: string, how: WholeWrite['how']): WholeWrite[] => { const a = abs(p, cwd); return a === null ? [] : [{ path: a, how }]; };
  if (spec.whole === 'remove') return names.flatMap((p) => at(p, 'remove'));
  const target = scan.options.find((o) => optionIs(o, ['-t']))?.value;
  if (target === null) return [];
  const sources = target !== undefined ? names : names.slice(0, -1);
  const dest = target ?? names[names.length - 1];
  if (dest === undefined || sources.length === 0) return [];
  const out: WholeWrite[] = spec.whole === 'move' ? sources.flatMap((p) => at(p, 'remove')) : [];
  // `cp -r a dir` puts a at dir when dir does not exist, else into it (dir/a).
  const ambiguous = target === undefined && sources.length === 1 && !isInto(dest);
  if (ambiguous) out.push(...at(dest, 'replace'));
  const destAbs = abs(dest, cwd);
  if (!ambiguous || (destAbs !== null && isDir(destAbs))) {
    for (const s of sources) out.push(...at(join(dest, basename(s.replace(/\/+$/, ''))), 'replace'));
  }
  return out;
}
