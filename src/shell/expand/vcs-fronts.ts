// Sapling and Jujutsu over a git repository (grammars/vcs-fronts.ts): a push is judged as the
// `git push` it amounts to (--no-verify: neither runs git's hooks), so the git rules decide it.
// `sl push --to B -f` is `git push --force origin HEAD:B`; `jj bookmark set B -B` moves B backwards,
// and jj pushes a moved bookmark whatever the move (with a lease), so it is the force push it prepares;
// so does a command that rewrites the commit a bookmark the text names points to (JJ_REWRITES). What
// their configuration and environment run is read by vcs-config.ts, Mercurial's too.
import { getopt, optionIs, valueOf, valuesOf, type Arg } from '../getopt.js';
import {
  GH_PAGES, GH_PAGES_DEFAULT_BRANCH, JJ_BOOKMARK, JJ_BOOKMARK_COMMANDS, JJ_DELETES, JJ_EXEC, JJ_GIT_PUSH, JJ_IGNORE_IMMUTABLE, JJ_MOVES, JJ_PATTERN, JJ_REWRITE, JJ_REWRITES, SL, SL_FORCE,
} from '../grammars/vcs-fronts.js';
import { vcsRunConfig } from './vcs-config.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { quoteForScan } from './code-literals.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const VCS_FRONTS: readonly string[] = ['sl', 'jj', 'hg', 'gh-pages'];

export function vcsFrontsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local || !VCS_FRONTS.includes(name)) return false;
  if (name === 'gh-pages') return ghPages(scope, args);
  vcsRunConfig(scope, name as 'sl' | 'jj' | 'hg', args.map(argOf));
  if (name === 'sl' && args.some((w) => w.value === 'push')) return slPush(scope, args);
  if (name === 'jj') return jj(scope, args);
  return false;
}

function push(scope: Scope, label: string, words: readonly Arg[]): void {
  scope.nested(['git push --no-verify', ...words.map((w) => (w === null ? '"$REF"' : quoteForScan(w)))].join(' '), label, { spliceable: false });
}

/** `gh-pages -d DIR [-b BRANCH] [-o REMOTE] [--no-history]`: `git push [--force] REMOTE HEAD:BRANCH`. */
function ghPages(scope: Scope, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), GH_PAGES);
  scope.emit(scope.argv, 'gh-pages', { scan });
  if (scan.options.some((o) => optionIs(o, ['--no-push', '--help', '--version']))) return true;
  const given = valueOf(scan, '--branch');
  const branch = given === undefined ? GH_PAGES_DEFAULT_BRANCH : given;
  const force = scan.options.some((o) => optionIs(o, ['--no-history'])) ? ['--force'] : [];
  const remote = valueOf(scan, '--remote');
  push(scope, 'gh-pages', [...force, remote === undefined ? 'origin' : remote, branch === null ? null : `HEAD:${branch}`]);
  return true;
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
  if (cmd !== null && cmd !== undefined && JJ_BOOKMARK_COMMANDS.includes(cmd) && sub !== null && sub !== undefined && JJ_DELETES.includes(sub)) {
    scope.emit(scope.argv, 'jj', { scan: bookmark });
    const deleted = DELETED.get(scope.run0) ?? new Set<string | null>();
    DELETED.set(scope.run0, deleted);
    for (const o of bookmark.operands.slice(2)) deleted.add(o.value === null || JJ_PATTERN.test(o.value) ? null : o.value);
    return true;
  }
  if (rewrites(scope, words) || exec(scope, words)) return true;
  const gitPush = getopt(words, JJ_GIT_PUSH);
  const ops = gitPush.operands.map((o) => o.value);
  // Any other jj command runs jj alone (its configuration was read above).
  if (ops[0] !== 'git' || ops[1] !== 'push') { scope.emit(scope.argv, 'jj'); return true; }
  scope.emit(scope.argv, 'jj', { scan: gitPush });
  if (gitPush.options.some((o) => optionIs(o, ['--dry-run']))) return true;
  const remote = valueOf(gitPush, '--remote') ?? 'origin';
  // A pushed deletion of every bookmark deleted here: git's --prune.
  if (gitPush.options.some((o) => optionIs(o, ['--deleted']))) push(scope, 'jj git push --deleted', ['--prune', remote]);
  else push(scope, 'jj git push', [remote, ...valuesOf(gitPush, '--bookmark')]);
  rewrittenPushes(scope, remote, valuesOf(gitPush, '--bookmark'));
  deletedPushes(scope, remote, valuesOf(gitPush, '--bookmark'));
  return true;
}

/** Per expansion: the bookmarks `jj bookmark delete` deleted so far (null: a pattern or computed name, any). */
const DELETED = new WeakMap<object, Set<string | null>>();

/** `jj git push` after a delete in the same text: each deleted bookmark it pushes (all of them without `-b`) is deleted on the remote. */
function deletedPushes(scope: Scope, remote: Arg, bookmarks: readonly Arg[]): void {
  for (const n of DELETED.get(scope.run0) ?? []) {
    if (n !== null && bookmarks.length > 0 && !bookmarks.some((b) => b === null || b === n || JJ_PATTERN.test(b))) continue;
    push(scope, `jj git push after \`jj bookmark delete ${n ?? '…'}\``, [remote, '--delete', n]);
  }
}

/** The bookmarks a revset names (`main`, `main--`, `::main | dev`): null when it is computed or a pattern that may name any. */
function revsetNames(revset: Arg): (string | null)[] {
  if (revset === null || JJ_PATTERN.test(revset) || /(?:glob|regex|substring)(?:-i)?:/.test(revset)) return [null];
  const symbols = revset.replace(/"([^"]*)"|'([^']*)'/g, ' $1$2 ').replace(/[A-Za-z_][\w-]*\(/g, ' ');
  return [...symbols.matchAll(/[A-Za-z0-9_/]+(?:[.+-][A-Za-z0-9_/]+)*(@[\w./-]*)?/g)].filter((m) => m[1] === undefined).map((m) => m[0]);
}

/** Per expansion: the bookmarks a jj command rewrote so far (null: any), with the command that did. */
const REWRITTEN = new WeakMap<object, Map<string | null, string>>();

/** A command that rewrites the commits of the bookmarks it names moves them sideways (or back): a later `jj git push` forces each. */
function rewrites(scope: Scope, words: readonly Arg[]): boolean {
  const scan = getopt(words, JJ_REWRITE);
  const cmd = scan.operands[0]?.value;
  const row = typeof cmd === 'string' && Object.hasOwn(JJ_REWRITES, cmd) ? JJ_REWRITES[cmd]! : undefined;
  if (row === undefined) return false;
  scope.emit(scope.argv, 'jj', { scan });
  const revsets = [...scan.options.filter((o) => optionIs(o, row.options)).map((o) => o.value ?? null), ...(row.operands ? scan.operands.slice(1).map((o) => o.value) : [])];
  const names = revsets.flatMap(revsetNames);
  if (names.length === 0) return true;
  const seen = REWRITTEN.get(scope.run0) ?? new Map<string | null, string>();
  REWRITTEN.set(scope.run0, seen);
  for (const n of names) if (!seen.has(n)) seen.set(n, `jj ${cmd}`);
  return true;
}

/** `jj git push` after a rewrite in the same text: each rewritten bookmark it pushes (all of them without `-b`) goes with a lease, i.e. forced. */
function rewrittenPushes(scope: Scope, remote: Arg, bookmarks: readonly Arg[]): void {
  for (const [n, cmd] of REWRITTEN.get(scope.run0) ?? []) {
    if (n !== null && bookmarks.length > 0 && !bookmarks.some((b) => b === null || b === n || JJ_PATTERN.test(b))) continue;
    push(scope, `jj git push after \`${cmd} ${n ?? '…'}\` rewrote it`, ['--force', remote, n === null ? null : `HEAD:${n}`]);
  }
}

/** `jj util exec -- CMD ARGS` runs CMD. */
function exec(scope: Scope, words: readonly Arg[]): boolean {
  const ops = getopt(words, JJ_REWRITE).operands.map((o) => o.value);
  if (ops[0] !== JJ_EXEC[0] || ops[1] !== JJ_EXEC[1]) return false;
  scope.emit(scope.argv, 'jj');
  const argv = ops.slice(2);
  if (argv.some((a) => a === null)) scope.raise('dynamic-command', '`jj util exec` runs a command computed at run time');
  else if (argv.length > 0) scope.nested((argv as string[]).map(quoteForScan).join(' '), 'jj util exec', { spliceable: false });
  return true;
}
