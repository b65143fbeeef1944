// Files git's porcelain writes besides its config (written-paths.ts has `git config`): paths checked
// out or restored from another commit, a work tree placed elsewhere (`--work-tree=.git/hooks`), a
// clone's destination, the `gitdir:` file `--separate-git-dir` leaves, a mirror-push remote, and the
// trace files GIT_TRACE* name. The policy checks each against the guarded list.
import { join } from 'node:path';
import { getopt, optionIs, type Arg, type OptionGrammar } from '../getopt.js';
import { GIT } from '../grammars/managed.js';
import type { GitCommand } from '../programs/git.js';
import type { Word } from '../words.js';
import { argOf } from '../words.js';

/** Subcommands that write files of the work tree (with --work-tree, into that directory). */
const WRITES_WORK_TREE = new Set(['checkout', 'restore', 'switch', 'reset', 'merge', 'pull', 'stash', 'read-tree', 'checkout-index',
  'apply', 'am', 'cherry-pick', 'revert', 'rebase', 'clean', 'mv', 'rm']);

/** The pathspec options of the subcommands that check files out (what takes a value). */
const PATHSPEC_GRAMMAR: Readonly<Record<string, OptionGrammar>> = {
  checkout: { short: 'b:B:fmpqtlu', long: ['orphan=', 'track=?', 'conflict=', 'pathspec-from-file=', 'ours', 'theirs', 'force|f', 'merge|m', 'quiet|q', 'patch|p', 'detach', 'ignore-other-worktrees', 'overlay', 'no-overlay', 'recurse-submodules=?'], permute: true },
  restore: { short: 's:SWpqU:', long: ['source=|s', 'staged|S', 'worktree|W', 'ours', 'theirs', 'merge|m', 'conflict=', 'patch|p', 'quiet|q', 'overlay', 'no-overlay', 'pathspec-from-file=', 'recurse-submodules=?', 'ignore-unmerged'], permute: true },
};

/**
 * Plumbing that writes files of the work tree it names: `checkout-index` each path (every entry with
 * `-a` or `--stdin`) under `--prefix=STRING`, a string put before each path (`.git/hooks/` makes
 * every entry a hook); `merge-file CURRENT BASE OTHER` the merge into CURRENT unless `-p`.
 */
interface IndexWriter {
  readonly grammar: OptionGrammar;
  /** Which operands are written. */
  readonly operands: 'all' | 'first';
  /** Options that make it write every entry (under the prefix). */
  readonly every?: readonly string[];
  /** The option whose value is put before each path. */
  readonly prefix?: string;
  /** Options that make it write no file (stdout, temporary files). */
  readonly none: readonly string[];
}
const INDEX_WRITERS: Readonly<Record<string, IndexWriter>> = {
  'checkout-index': {
    grammar: { short: 'uqafnz', long: ['index|u', 'quiet|q', 'all|a', 'force|f', 'no-create|n', 'prefix=', 'stage=', 'temp', 'stdin', 'ignore-skip-worktree-bits'], permute: true, abbreviate: true },
    operands: 'all', every: ['--all', '--stdin'], prefix: '--prefix', none: ['--temp', '--no-create'],
  },
  'merge-file': {
    grammar: { short: 'pqL:', long: ['stdout|p', 'quiet|q', 'marker-size=', 'diff3', 'zdiff3', 'ours', 'theirs', 'union', 'diff-algorithm=', 'object-id'], permute: true },
    operands: 'first', none: ['--stdout', '--object-id'],
  },
};

/** The paths (relative to the work tree, or absolute) an INDEX_WRITERS subcommand writes; null: computed. */
function indexWrites(w: IndexWriter, args: readonly Arg[]): Arg[] {
  const scan = getopt(args, w.grammar);
  if (scan.options.some((o) => optionIs(o, w.none))) return [];
  const prefix = w.prefix === undefined ? '' : scan.options.filter((o) => optionIs(o, [w.prefix!])).pop()?.value ?? '';
  const ops = (w.operands === 'first' ? scan.operands.slice(0, 1) : scan.operands).map((o) => o.value);
  // Everything goes under the prefix: where the prefix ends in a directory, that directory is written.
  const every = w.every !== undefined && scan.options.some((o) => optionIs(o, w.every!)) ? [prefix === null ? null : prefix.replace(/[^/]*$/, '') || '.'] : [];
  return [...every, ...ops.map((p) => (p === null || prefix === null ? null : prefix + p))];
}

/** The diff options' `--output=FILE` (git-diff(1)): every subcommand that takes diff options. */
const DIFF_OUTPUT: OptionGrammar = { long: ['output=', 'output-indicator-new=', 'output-indicator-old=', 'output-indicator-context=', 'output-directory=|o'], permute: true, abbreviate: true };

/**
 * Subcommands that write a file (or into a directory) an option names: the diff family's --output,
 * format-patch -o DIR, archive -o FILE, bundle's file, fast-export's marks, bugreport and diagnose -o DIR.
 */
const OUTPUT_FILES: Readonly<Record<string, { readonly grammar: OptionGrammar; readonly options: readonly string[]; readonly operand?: { readonly after: string } }>> = {
  ...Object.fromEntries(['diff', 'show', 'log', 'whatchanged', 'diff-tree', 'diff-index', 'diff-files', 'range-diff', 'stash']
    .map((sub) => [sub, { grammar: DIFF_OUTPUT, options: ['--output'] }])),
  'format-patch': { grammar: DIFF_OUTPUT, options: ['--output', '--output-directory'] },
  archive: { grammar: { short: 'lvo:', long: ['output=|o', 'format=', 'prefix=', 'remote=', 'exec=', 'add-file=', 'add-virtual-file=', 'worktree-attributes', 'list|l', 'verbose|v', 'mtime='], permute: true, abbreviate: true }, options: ['-o'] },
  bundle: { grammar: { short: 'q', long: ['quiet|q', 'progress', 'all-progress', 'version='], permute: true }, options: [], operand: { after: 'create' } },
  'fast-export': { grammar: { long: ['export-marks=', 'import-marks=', 'import-marks-if-exists='], permute: true, abbreviate: true }, options: ['--export-marks'] },
  'fast-import': { grammar: { long: ['export-marks=', 'import-marks=', 'import-marks-if-exists='], permute: true, abbreviate: true }, options: ['--export-marks'] },
  bugreport: { grammar: { short: 'o:s:', long: ['output-directory=|o', 'suffix=|s', 'diagnose=?', 'no-diagnose'], permute: true, abbreviate: true }, options: ['-o'] },
  diagnose: { grammar: { short: 'o:s:', long: ['output-directory=|o', 'suffix=|s', 'mode='], permute: true, abbreviate: true }, options: ['-o'] },
};

/** Trace variables that write to the file they name when it is an absolute path (git(1)); `~/` is one once bash expands it. */
export const TRACE_VARS = /^GIT_TRACE(?:_[A-Z_]+|2(?:_[A-Z_]+)?)?$/;

export function gitWrites(words: readonly Word[], git: GitCommand, env: ReadonlyMap<string, string | null>,
  at: (p: string) => string | null): (string | null)[] {
  const out: (string | null)[] = [];
  for (const [k, v] of env) if (TRACE_VARS.test(k) && v !== null && /^(?:\/|~\/)/.test(v)) out.push(at(v));
  const own = getopt(words.slice(1).map(argOf), GIT);
  const tree = own.options.find((o) => optionIs(o, ['--work-tree']))?.value ?? env.get('GIT_WORK_TREE');
  const sub = git.sub;
  if (sub === null) return out;
  if (tree !== undefined && WRITES_WORK_TREE.has(sub)) out.push(tree === null ? null : at(tree));
  const grammar = PATHSPEC_GRAMMAR[sub];
  if (grammar) out.push(...pathspecs(sub, git.args, grammar).map((p) => (p === null ? null : at(tree ? join(tree, p) : p))));
  const direct = INDEX_WRITERS[sub];
  if (direct) out.push(...indexWrites(direct, git.args).map((p) => (p === null ? null : at(tree ? join(tree, p) : p))));
  if (sub === 'clone' || sub === 'init') out.push(...newRepository(sub, git.args, at));
  if (sub === 'remote') out.push(...mirrorRemote(git.args, at));
  out.push(...outputFiles(sub, git.args, at));
  return out;
}

/** The paths git fills with content from a commit, the index or a merge (checkout, restore, checkout-index, merge-file). */
export function checkedOut(git: GitCommand, at: (p: string) => string | null): (string | null)[] {
  const sub = git.sub;
  if (sub === null) return [];
  const grammar = PATHSPEC_GRAMMAR[sub];
  const direct = INDEX_WRITERS[sub];
  const paths = grammar ? pathspecs(sub, git.args, grammar) : direct ? indexWrites(direct, git.args) : [];
  return paths.map((p) => (p === null ? null : at(p)));
}

/** The files a subcommand's output options (OUTPUT_FILES) name. */
function outputFiles(sub: string, args: readonly Arg[], at: (p: string) => string | null): (string | null)[] {
  const spec = OUTPUT_FILES[sub];
  if (!spec) return [];
  const scan = getopt(args, spec.grammar);
  const out = scan.options.filter((o) => optionIs(o, spec.options) && o.value !== undefined && o.value !== '-').map((o) => (o.value === null ? null : at(o.value!)));
  const ops = scan.operands;
  if (spec.operand && ops[0]?.value === spec.operand.after && ops[1] !== undefined && ops[1].value !== '-') out.push(ops[1].value === null ? null : at(ops[1].value));
  return out;
}

/** The paths `git checkout TREE -- PATHS` and `git restore PATHS` write. */
function pathspecs(sub: string, args: readonly Arg[], grammar: OptionGrammar): Arg[] {
  const scan = getopt(args, grammar);
  const ops = scan.operands;
  if (sub === 'restore') return ops.map((o) => o.value);
  if (scan.endOfOptions >= 0) return ops.filter((o) => o.index >= scan.endOfOptions).map((o) => o.value);
  // A lone operand is a branch or a path (git decides by what exists): taken as a path it may write.
  // With a stage of the index (`--ours`, `--theirs`, `-m`, `--conflict`) no branch is switched.
  if (ops.length === 1 || scan.options.some((o) => optionIs(o, ['--ours', '--theirs', '--merge', '--conflict']))) return ops.map((o) => o.value);
  // Without `--`, the first operand is the commit or branch when more follow.
  return ops.length >= 2 ? ops.slice(1).map((o) => o.value) : [];
}

const INIT_CLONE: OptionGrammar = { long: ['config=|c', 'template=', 'origin=|o', 'branch=|b', 'depth=', 'reference=', 'separate-git-dir=', 'upload-pack=|u', 'jobs=|j', 'filter=', 'bare', 'mirror', 'shared=?', 'object-format=', 'ref-format=', 'quiet|q', 'initial-branch=|b'], short: 'c:o:b:u:j:q', permute: true };

/** A clone's destination (it fills that directory), and the `.git` file `--separate-git-dir` writes. */
function newRepository(sub: string, args: readonly Arg[], at: (p: string) => string | null): (string | null)[] {
  const scan = getopt(args, INIT_CLONE);
  const ops = scan.operands.map((o) => o.value);
  const dest = sub === 'init' ? ops[0] ?? '.' : ops[1];
  const out: (string | null)[] = [];
  if (sub === 'clone' && dest !== undefined) out.push(dest === null ? null : at(dest));
  if (scan.options.some((o) => optionIs(o, ['--separate-git-dir']))) {
    const dir = dest ?? (sub === 'clone' ? null : '.');
    out.push(dir === null ? null : at(join(dir, '.git')));
  }
  return out;
}

/** `git remote add --mirror=push NAME URL` sets remote.NAME.mirror: every later push to it is a mirror push. */
function mirrorRemote(args: readonly Arg[], at: (p: string) => string | null): (string | null)[] {
  const scan = getopt(args, { short: 'ft:m:', long: ['fetch|f', 'tags', 'no-tags', 'track=|t', 'master=|m', 'mirror=?'], permute: true });
  if (scan.operands[0]?.value !== 'add') return [];
  const mirror = scan.options.find((o) => optionIs(o, ['--mirror']));
  return mirror !== undefined && mirror.value !== 'fetch' ? [at('.git/config')] : [];
}
