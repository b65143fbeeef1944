// An extractor reading an archive made in the same pipeline: `git archive REV PATH… | tar -x` puts the
// paths the archive was given (under its --prefix) into the directory it extracts into, as
// `git restore --source=REV PATH` would. Without paths, or with a rename or strip, the names stay
// unknown (extracted.ts); an archive written to a file (`-o`) or from a remote leaves stdin empty or unknown.
import { join, resolve } from 'node:path';
import { getopt, optionIs, valueOf } from '../getopt.js';
import { WRITES } from '../grammars/writes.js';
import { argOf, basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { extracted } from './extracted.js';

/** Extractors that read an archive on stdin, and git archive's options. */
const EXTRACTORS = ['tar', 'bsdtar', 'gtar'];
const GIT_ARCHIVE = { short: 'lvo:0123456789', long: ['format=', 'list|l', 'verbose|v', 'prefix=', 'output=|o', 'add-file=', 'add-virtual-file=', 'worktree-attributes', 'remote=', 'exec=', 'mtime='], permute: true };

/** The files such an extraction writes (absolute); empty when its input is no `git archive` with paths. */
export function pipedArchiveWrites(scope: Scope, program: string, words: readonly Word[]): (string | null)[] {
  const spec = WRITES[program];
  const src = scope.stdin;
  if (!EXTRACTORS.includes(program) || !spec || src?.kind !== 'pipe' || scope.cwd === null) return [];
  const scan = getopt(words.slice(1).map(argOf), spec.options ?? {});
  const file = valueOf(scan, '-f');
  const got = extracted(spec, scan);
  if (got === null || (file !== undefined && file !== '-') || got.unnamed.length === 0) return [];
  const made = src.from.words.map((w) => w.value);
  if (made[0] === null || made[0] === undefined || basename(made[0]) !== 'git' || made[1] !== 'archive') return [];
  const archive = getopt(made.slice(2), GIT_ARCHIVE);
  if (archive.options.some((o) => optionIs(o, ['--output', '--remote', '--list']))) return [];
  const paths = archive.operands.slice(1).map((o) => o.value);
  if (paths.length === 0) return [];
  const prefix = valueOf(archive, '--prefix');
  return got.unnamed.flatMap((dir) => paths.map((p) => (dir === null || p === null || prefix === null ? null : resolve(scope.cwd!, join(dir, prefix ?? '', p)))));
}
