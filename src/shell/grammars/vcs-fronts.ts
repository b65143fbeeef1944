// Other version-control front ends over a git repository: Sapling (`sl`) and Jujutsu (`jj`). What they
// push is judged as the `git push` it amounts to (expand/vcs-fronts.ts), so the git rules decide a force
// push or a deletion of a protected branch. Data only.
import type { OptionGrammar } from '../getopt.js';

/**
 * Sapling's `sl push` (`sl help push`): `--to B` the remote bookmark, `-f/--force` and
 * `--non-forward-move` push what is not a fast-forward, `--delete B` removes it; options anywhere
 * (Mercurial's parser), global options too.
 */
export const SL: OptionGrammar = {
  short: 'fqvyr:t:B:R:e:',
  long: ['to=|t', 'force|f', 'non-forward-move', 'delete=', 'create', 'rev=|r', 'bookmark=|B', 'allow-anon', 'new-branch', 'pushvar=',
    'ssh=|e', 'remotecmd=', 'insecure', 'repository=|R', 'cwd=', 'config=', 'configfile=', 'quiet|q', 'verbose|v', 'noninteractive|y',
    'debug', 'traceback', 'help', 'version'],
  permute: true,
};
export const SL_FORCE = ['--force', '--non-forward-move'];

/** jj's global options (clap: anywhere on the command line). */
const JJ_GLOBAL = ['repository=|R', 'at-operation=', 'at-op=', 'ignore-working-copy', 'ignore-immutable', 'debug', 'color=', 'quiet',
  'no-pager', 'config=', 'config-file=', 'config-toml=', 'help|h'];

/** `jj bookmark set|move|create` (and the old `jj branch`): `-B/--allow-backwards` moves a bookmark backwards or sideways. */
export const JJ_BOOKMARK: OptionGrammar = {
  short: 'hBr:',
  long: [...JJ_GLOBAL, 'revision=|r', 'to=', 'from=', 'allow-backwards|B'],
  permute: true,
};
/** `jj git push`: `--deleted` pushes the deletion of every bookmark deleted here. */
export const JJ_GIT_PUSH: OptionGrammar = {
  short: 'hNb:r:c:',
  long: [...JJ_GLOBAL, 'remote=', 'bookmark=|b', 'all', 'tracked', 'deleted', 'allow-new|N', 'allow-empty-description', 'allow-private',
    'revisions=|r', 'change=|c', 'named=', 'dry-run'],
  permute: true,
};
/** jj's commands that move bookmarks (with their aliases), and a bookmark name pattern (`glob:ma*`), which may name any. */
export const JJ_BOOKMARK_COMMANDS = ['bookmark', 'b', 'branch'];
export const JJ_MOVES = ['set', 's', 'move', 'm', 'create', 'c'];
/** `jj bookmark delete` (alias `d`): the next `jj git push` of that bookmark deletes it on the remote (`forget` does not). */
export const JJ_DELETES = ['delete', 'd'];
export const JJ_PATTERN = /^(?:glob|regex|substring|exact)(?:-i)?:/;
/** With this, jj rewrites the commits a remote bookmark (trunk) points to: the next push of it is forced. */
export const JJ_IGNORE_IMMUTABLE = '--ignore-immutable';

/** `jj config set [--user|--repo|--workspace] NAME VALUE` stores NAME for every later jj there. */
export const JJ_CONFIG_SET: OptionGrammar = { short: 'hR:', long: [...JJ_GLOBAL, 'user', 'repo', 'workspace'], permute: true };

/**
 * jj's commands that rewrite commits (with their aliases) and the options naming what they rewrite
 * (`true`: the operands are revsets of them too). A rewritten commit gets a new id: a bookmark on it
 * (or on a descendant, rebased with it) moves sideways, and `jj git push` pushes that with a lease,
 * i.e. forced. An abandoned commit's bookmarks move to its parent: backwards. `new -B REV` and
 * `rebase -B REV` insert before REV, rebasing it.
 */
export const JJ_REWRITES: Readonly<Record<string, { readonly options: readonly string[]; readonly operands?: true }>> = {
  abandon: { options: ['--revisions'], operands: true },
  describe: { options: ['--revisions'], operands: true },
  desc: { options: ['--revisions'], operands: true },
  metaedit: { options: ['--revisions'], operands: true },
  parallelize: { options: [], operands: true },
  rebase: { options: ['--revisions', '--source', '--branch', '--insert-before', '--before'] },
  squash: { options: ['--revisions', '--revision', '--from', '--into', '--to'] },
  split: { options: ['--revisions', '--revision'] },
  diffedit: { options: ['--revisions', '--revision', '--to'] },
  restore: { options: ['--into', '--to', '--changes-in'] },
  absorb: { options: ['--from', '--into', '--to'] },
  'simplify-parents': { options: ['--revisions', '--source'] },
  fix: { options: ['--source'] },
  new: { options: ['--insert-before', '--before'] },
};
/** One grammar for them all: each short letter means one long option in every command that has it. */
export const JJ_REWRITE: OptionGrammar = {
  short: 'hr:s:b:d:o:A:B:f:t:c:m:R:',
  long: [...JJ_GLOBAL, 'revisions=|r', 'revision=', 'source=|s', 'branch=|b', 'destination=|d',
    'onto=|o', 'insert-after=|A', 'after=', 'insert-before=|B', 'before=', 'from=|f', 'into=|t', 'to=', 'changes-in=|c', 'message=|m', 'author=', 'stdin'],
  permute: true,
};
/** The command that runs a program of the text's choosing: `jj util exec -- CMD ARGS` (jj 0.29). */
export const JJ_EXEC = ['util', 'exec'];

/**
 * The gh-pages publisher (npm gh-pages, bin/gh-pages.js): it commits the dist directory to `-b` (gh-pages by
 * default) in a clone of `-o`'s remote and pushes it; with `-f/--no-history` the push is forced (lib/index.js
 * `git.push(remote, branch, !history)`), and `-n/--no-push` pushes nothing.
 */
export const GH_PAGES: OptionGrammar = {
  short: 'd:s:b:e:axm:g:tr:p:o:u:v:nfVh',
  long: ['dist=|d', 'src=|s', 'branch=|b', 'dest=|e', 'add|a', 'silent|x', 'message=|m', 'tag=|g', 'git=', 'dotfiles|t', 'nojekyll', 'cname=',
    'repo=|r', 'depth=|p', 'remote=|o', 'user=|u', 'remove=|v', 'no-push|n', 'no-history|f', 'before-add=', 'version|V', 'help|h'],
  permute: true,
};
export const GH_PAGES_DEFAULT_BRANCH = 'gh-pages';
