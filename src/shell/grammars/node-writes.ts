// The file utilities of the Node ecosystem that npm scripts use for cross-platform cp/mv/rm and JSON
// edits (grammars/writes.ts has the format): trentm's json -I, dot-json, json5 -o, rimraf, del-cli,
// ncp, move-file-cli, copyfiles. Spread into WRITES; shx (shelljs's cp, mv, rm, sed … by name) is a
// runner of the command it names (grammars/runners.ts).
import type { WriteSpec } from './writes.js';

/** rimraf 4–6 and del-cli: every operand (a path or glob) removed with what is under it. */
const RIMRAF: WriteSpec = { options: { short: 'vhigG', long: ['preserve-root', 'no-preserve-root', 'glob|g', 'no-glob|G', 'impl=', 'verbose|v', 'interactive|i', 'tmp=', 'max-retries=', 'retry-delay=', 'backoff=', 'help|h'], permute: true }, operands: 'all', whole: 'remove' };
const DEL: WriteSpec = { options: { short: 'fdv', long: ['force|f', 'dry-run|d', 'verbose|v', 'dot'], permute: true }, operands: 'all', unless: ['-d', '--dry-run'], whole: 'remove' };
/** move-file-cli (its bin is move-file): `move-file SOURCE DESTINATION`, a mv. */
const MOVE_FILE: WriteSpec = { options: { long: ['overwrite', 'no-overwrite'], permute: true }, operands: 'all', whole: 'move' };

export const NODE_WRITES: Readonly<Record<string, WriteSpec>> = {
  // json -I -f FILE edits FILE in place (trentm/json: -I, --in-place).
  json: { options: { short: 'IhHgnqvjiaAkMf:e:c:d:o:0234', long: ['in-place|I', 'file=|f', 'exe=|e', 'condition=|c', 'delim=|d', 'output=|o', 'items', 'keys', 'merge', 'deep-merge', 'help|h', 'version'], permute: true }, operands: 'none', files: [{ option: '-f', when: ['-I'] }] },
  // dot-json FILE KEY [VALUE] [--delete] sets or deletes KEY in FILE.
  'dot-json': { options: { short: 'dhW', long: ['delete|d', 'indent=', 'json-value', 'ignore-dots', 'help|h'], permute: true }, operands: 'first' },
  // json5 -c FILE -o OUT converts FILE and writes OUT (--out-file).
  json5: { options: { short: 'cvhVo:s:', long: ['convert|c', 'out-file=|o', 'space=|s', 'validate|v', 'help|h', 'version|V'], permute: true }, operands: 'none', files: ['-o'] },
  rimraf: RIMRAF,
  del: DEL,
  'del-cli': DEL,
  // ncp SOURCE DEST [--options]: copies SOURCE (a directory with what is in it) to DEST.
  ncp: { options: { long: ['limit=', 'filter=', 'transform=', 'clobber=', 'dereference', 'stopOnErr', 'errs='], permute: true }, operands: 'last', whole: 'copy' },
  'move-file': MOVE_FILE,
  'move-file-cli': MOVE_FILE,
  // copyfiles [-u N | -f] IN… OUTDIR: each IN (a path or glob) copied under OUTDIR as written, less N leading directories.
  copyfiles: { options: { short: 'u:fae:sVEFh', long: ['up=|u', 'flat|f', 'all|a', 'exclude=|e', 'soft|s', 'verbose|V', 'error|E', 'follow|F', 'help|h'], permute: true }, operands: 'none', underLast: { up: ['-u'], flat: ['-f'] } },
};
