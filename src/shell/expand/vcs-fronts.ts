// Sapling and Jujutsu over a git repository (grammars/vcs-fronts.ts): a push is judged as the
// `git push` it amounts to (--no-verify: neither runs git's hooks), so the git rules decide it.
// `sl push --to B -f` is `git push --force origin HEAD:B`; `jj bookmark set B -B` moves B backwards,
// and jj pushes a moved bookmark whatever the move (with a lease), so it is the force push it prepares.
import { getopt, optionIs, valueOf, valuesOf, type Arg } from '../getopt.js';
import {
  JJ_BOOKMARK, JJ_BOOKMARK_COMMANDS, JJ_GIT_PUSH, JJ_IGNORE_IMMUTABLE, JJ_MOVES, JJ_PATTERN, SL, SL_FORCE,
} from '../grammars/vcs-fronts.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { quoteForScan } from './code-literals.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const VCS_FRONTS: readonly string[] = ['sl', 'jj'];

export function vcsFrontsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  if (name === 'sl' && args.some((w) => w.value === 'push')) return slPush(scope, args);
  if (name === 'jj') return jj(scope, args);
  return false;
}

function push(scope: Scope, label: string, words: readonly Arg[]): void {
  scope.nested(['git push --no-verify', ...words.map((w) => (w === null ? '"$REF"' : quoteForScan(w)))].join(' '), label, { spliceable: false });
}

function slPush(scope: Scope, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), SL);
  if (scan.operands[0]?.value !== 'push') return false;
  scope.emit(scope.argv, 'sl', { scan });
  const remote = scan.operands[1]?.value ?? 'origin';
  const force = scan.options.some((o) => optionIs(o, SL_FORCE)) ? ['--force'] : [];
  for (const d of valuesOf(scan, '--delete')) push(scope, 'sl push --delete', [remote, '--delete', d]);
  const to = valuesOf(scan, '--to', '--bookmark');
  if (to.length === 0 && valuesOf(scan, '--delete').length === 0) push(scope, 'sl push', [...force, remote]);
  for (const b of to) push(scope, `sl push --to ${b ?? ''}`, [...force, remote, b === null ? null : `HEAD:${b}`]);
  return true;
}

function jj(scope: Scope, args: readonly Word[]): boolean {
  const words = args.map(argOf);
  if (words.includes(JJ_IGNORE_IMMUTABLE)) {
    scope.raise('unreadable-script', `\`jj ${JJ_IGNORE_IMMUTABLE}\` rewrites commits a pushed branch points to: its next push is a force push`);
  }
  const bookmark = getopt(words, JJ_BOOKMARK);
  const [cmd, sub] = bookmark.operands.map((o) => o.value);
  if (cmd !== null && cmd !== undefined && JJ_BOOKMARK_COMMANDS.includes(cmd) && sub !== null && sub !== undefined && JJ_MOVES.includes(sub)) {
    scope.emit(scope.argv, 'jj', { scan: bookmark });
    if (!bookmark.options.some((o) => optionIs(o, ['--allow-backwards']))) return true;
    const names = bookmark.operands.slice(2).map((o) => o.value);
    const from = valueOf(bookmark, '--from');
    // `move --from REV`: the bookmarks there, any of them.
    if (names.length === 0 || from !== undefined) push(scope, 'jj bookmark --allow-backwards', ['--force', 'origin']);
    for (const n of names) push(scope, `jj bookmark ${sub} --allow-backwards (the next jj git push forces it)`, ['--force', 'origin', n === null || JJ_PATTERN.test(n) ? null : `HEAD:${n}`]);
    return true;
  }
  const gitPush = getopt(words, JJ_GIT_PUSH);
  const ops = gitPush.operands.map((o) => o.value);
  if (ops[0] !== 'git' || ops[1] !== 'push') return false;
  scope.emit(scope.argv, 'jj', { scan: gitPush });
  if (gitPush.options.some((o) => optionIs(o, ['--dry-run']))) return true;
  const remote = valueOf(gitPush, '--remote') ?? 'origin';
  // A pushed deletion of every bookmark deleted here: git's --prune.
  if (gitPush.options.some((o) => optionIs(o, ['--deleted']))) push(scope, 'jj git push --deleted', ['--prune', remote]);
  else push(scope, 'jj git push', [remote, ...valuesOf(gitPush, '--bookmark')]);
  return true;
}
