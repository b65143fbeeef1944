// A git push's words as bash hands them to git. Where the text fixes a computed word (a variable
// assigned a literal, `$(echo …)`, `$(printf …)`: remote-values.ts) it is filled in, so that
// `f=--force; git push $f origin main` is the force push it is. A word bash still computes at run
// time could be `--force`, `+main` or `:main`, which rewrite or delete a protected branch, so it is
// asked about unless its place bounds it: a written `:dst` after it (git.ts reads that), a whole
// quoted word or a loop's variable as the repository, the current branch's name as the refspec.
import { computedSourceDestination } from '../programs/git.js';
import type { Scan } from '../getopt.js';
import type { Word } from '../words.js';
import { setOnlyByLoop } from '../assigned-once.js';
import { join } from 'node:path';
import { findRepo } from '../git-repo.js';
import type { Scope } from './driver.js';
import type { GitCommand } from '../programs/git.js';
import { envOf, placeOf } from './git-place.js';
import { remoteWord } from './remote-values.js';

/** `$(git branch --show-current)` and its spellings: the current branch's name, as `HEAD` pushes it. */
const CURRENT_BRANCH = /^"?(?:\$\(|`)\s*git\s+(?:branch\s+--show-current|rev-parse\s+--abbrev-ref\s+HEAD|symbolic-ref\s+--short\s+(?:-q\s+)?HEAD)\s*(?:\)|`)"?$/;

/** The words with what the text fixes filled in; in a push, the current branch's name is `HEAD`. */
export function filledGitWords(scope: Scope, words: readonly Word[], push: boolean): Word[] {
  const pushes = push || words.some((w) => w.value === 'push');
  return words.map((w) => {
    if (w.value !== null) return w;
    if (pushes && CURRENT_BRANCH.test(w.text) && plainBranchNames(scope)) return { ...w, value: 'HEAD', tail: 'HEAD' };
    const known = remoteWord(scope, w);
    // An unquoted expansion is split into fields and globbed: filled in only when that leaves it one word.
    if (known.value === null || (!oneQuotedWord(w.text) && /[\s*?[]/.test(known.value))) return w;
    return known;
  });
}

/** A branch made in the text whose name starts with `+` (`git checkout -b +main`): a forced refspec when its name is pushed. */
const PLUS_BRANCH = /\bgit\b[^\n;&|]*\b(?:checkout|switch|branch|worktree|symbolic-ref|update-ref)\b[^\n;&|]*\s["']?(?:refs\/heads\/)?\+/;

/**
 * Is the current branch's name, as git prints it, a plain refspec? Not when the text makes a `+NAME`
 * branch or the repository's HEAD (an earlier command's) names one: `+main` pushed is a force push of main.
 */
function plainBranchNames(scope: Scope): boolean {
  if (PLUS_BRANCH.test(scope.job.text)) return false;
  if (scope.cwd === null || !scope.local) return true;
  const found = findRepo(scope.files, { cwd: scope.cwd, env: envOf(scope) });
  if (!found.ok) return false;
  if (found.value === null) return true;
  const head = scope.files.read(join(found.value.gitDir, 'HEAD'));
  return head.kind !== 'text' || !/^ref:\s*refs\/heads\/\+/.test(head.text);
}

/**
 * The branch HEAD names in the repository git finds where `git` runs (`-C`, `--git-dir`, GIT_DIR,
 * a worktree's own HEAD): what a push of HEAD pushes unless the text switched first; null when it names
 * no branch or cannot be read.
 */
export function headBranchOnDisk(scope: Scope, git: GitCommand): string | null {
  const place = placeOf(scope, git);
  if (typeof place === 'string') return null;
  const found = findRepo(scope.files, place);
  if (!found.ok || found.value === null) return null;
  const head = scope.files.read(join(found.value.gitDir, 'HEAD'));
  if (head.kind !== 'text') return null;
  const name = /^ref:[ \t]*refs\/heads\/(\S+)[ \t]*\r?\n?$/.exec(head.text)?.[1];
  return name === undefined || name.startsWith('+') ? null : name;
}

/** The push's computed operands that nothing bounds: each could force or delete a protected branch. */
export function unboundedPushWords(scope: Scope, scan: Scan, wordOf: (index: number) => Word | undefined, repoGiven: boolean): string[] {
  const out: string[] = [];
  for (const [n, o] of scan.operands.entries()) {
    if (o.value !== null) continue;
    const w = wordOf(o.index);
    if (w === undefined) continue;
    if (computedSourceDestination(w.text) !== null || /^["']?\+/.test(w.text)) continue;
    if (n === 0 && !repoGiven && (oneQuotedWord(w.text) || loopVariable(scope, w.text))) continue;
    out.push(w.text);
  }
  return out;
}

/** A whole double-quoted word is one field, except `"$@"` and `"${a[@]}"`, which are as many as their values. */
function oneQuotedWord(text: string): boolean {
  return /^"[^"]*"$/.test(text) && !/\$\{?@|\[@\]/.test(text);
}

/** `$r` of `for r in …`: one field of the loop's list (no split into more words). */
function loopVariable(scope: Scope, text: string): boolean {
  const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(text)?.[1];
  return name !== undefined && scope.command.loops?.has(name) === true && setOnlyByLoop(scope.job.text, name);
}
