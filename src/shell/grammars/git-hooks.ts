// Which hooks each git command runs, from githooks(5) and each command's own page (checked against
// git 2.39 with a hook of every name installed), and which of its options skip which hooks. Data
// only: expand/git-hooks.ts reads it, the fast path takes the commands that run none from it.
import type { OptionGrammar } from '../getopt.js';

export interface HookRun {
  /** The hooks it may run. */
  readonly hooks: readonly string[];
  /** Options that skip hooks; a later `restore` option (`--verify`) undoes the skip. */
  readonly skip?: readonly { readonly options: readonly string[]; readonly hooks: readonly string[]; readonly restore?: readonly string[] }[];
  /** Hooks that run only with one of these options (`post-rewrite` with `commit --amend`). */
  readonly onlyWith?: Readonly<Record<string, readonly string[]>>;
  /** Options with which it runs no hook at all (a dry run, `--no-commit`). */
  readonly none?: readonly string[];
  /** The subcommand's options, as far as the ones above need (every option that takes a value is here). */
  readonly options?: OptionGrammar;
  /** Verbs of a command whose hooks differ (`worktree add`, `hook run`); other verbs run none. */
  readonly verbs?: Readonly<Record<string, HookRun>>;
  /** `git hook run NAME`: the hook is the first operand. */
  readonly named?: true;
  /** The hooks of the repository pushed to run here too when it is a local path (git-receive-pack). */
  readonly receive?: true;
}

/** The hooks git-receive-pack runs in the repository pushed to. */
export const RECEIVE_HOOKS = ['pre-receive', 'update', 'proc-receive', 'post-receive', 'post-update', 'push-to-checkout', 'reference-transaction'];

/** Every hook githooks(5) names (what an unknown command may run). */
export const ALL_HOOKS = ['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg',
  'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'reference-transaction', 'pre-auto-gc',
  'post-rewrite', 'sendemail-validate', 'fsmonitor-watchman', 'post-index-change', 'p4-changelist', 'p4-prepare-changelist',
  'p4-post-changelist', 'p4-pre-submit', ...RECEIVE_HOOKS.filter((h) => h !== 'reference-transaction')];

const VALUES_SIGN = ['gpg-sign=?|S', 'cleanup=', 'strategy=|s', 'strategy-option=|X', 'message=|m', 'file=|F'];
const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit'];
const MERGE_HOOKS = ['pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-merge'];
const NO_VERIFY_MERGE = { options: ['--no-verify'], hooks: ['pre-merge-commit', 'commit-msg'], restore: ['--verify'] };
const PICK: HookRun = {
  hooks: ['prepare-commit-msg', 'commit-msg', 'post-commit'], none: ['--no-commit'],
  options: { short: 'nesxm:S::X:', long: ['no-commit|n', 'edit|e', 'signoff|s', 'mainline=|m', 'strategy=', 'strategy-option=|X', 'gpg-sign=?|S', 'cleanup='], permute: true, abbreviate: true },
};

/** Local git commands and the hooks they run (reference-transaction and post-index-change are added from the lists below). */
export const GIT_HOOKS: Readonly<Record<string, HookRun>> = {
  commit: {
    hooks: [...COMMIT_HOOKS, 'post-rewrite'], onlyWith: { 'post-rewrite': ['--amend'] }, none: ['--dry-run'],
    skip: [{ options: ['--no-verify'], hooks: ['pre-commit', 'commit-msg'], restore: ['--verify'] }, { options: ['--no-post-rewrite'], hooks: ['post-rewrite'] }],
    options: {
      short: 'qvF:m:c:C:st:eS::aipnozu::',
      long: ['quiet|q', 'verbose|v', 'file=|F', 'author=', 'date=', 'message=|m', 'reedit-message=|c', 'reuse-message=|C', 'fixup=',
        'squash=', 'reset-author', 'trailer=', 'signoff|s', 'template=|t', 'edit|e', 'no-edit', 'cleanup=', 'status', 'no-status',
        'gpg-sign=?|S', 'all|a', 'include|i', 'interactive', 'patch|p', 'only|o', 'no-verify|n', 'verify', 'dry-run', 'short',
        'branch', 'ahead-behind', 'porcelain', 'long', 'null|z', 'amend', 'no-post-rewrite', 'untracked-files=?|u',
        'pathspec-from-file=', 'pathspec-file-nul', 'allow-empty', 'allow-empty-message'],
      permute: true, abbreviate: true,
    },
  },
  merge: {
    hooks: MERGE_HOOKS, none: ['--no-commit', '--abort', '--quit'], onlyWith: {}, skip: [NO_VERIFY_MERGE],
    options: { short: 'neqvm:F:s:X:S::', long: [...VALUES_SIGN, 'log=?', 'into-name=', 'no-verify', 'verify', 'no-commit', 'commit', 'squash', 'abort', 'quit', 'continue', 'edit|e', 'no-edit'], permute: true, abbreviate: true },
  },
  pull: {
    hooks: [...MERGE_HOOKS, 'pre-rebase', 'post-checkout', 'post-rewrite', 'post-commit'], skip: [NO_VERIFY_MERGE],
    options: {
      short: 'vqr::nS::s:X:aftpj::ko:46',
      long: ['rebase=?|r', 'log=?', 'signoff=?', 'cleanup=', 'strategy=|s', 'strategy-option=|X', 'gpg-sign=?|S', 'upload-pack=',
        'depth=', 'shallow-since=', 'shallow-exclude=', 'deepen=', 'refmap=', 'server-option=|o', 'negotiation-tip=', 'jobs=?|j',
        'recurse-submodules=?', 'no-verify', 'verify'],
      permute: true, abbreviate: true,
    },
  },
  push: {
    hooks: ['pre-push'], receive: true, skip: [{ options: ['--no-verify'], hooks: ['pre-push'], restore: ['--verify'] }],
    // (the full grammar is grammars/managed.ts GIT_PUSH; these are what the hooks need)
    options: { short: 'fdnquv46o:', long: ['no-verify', 'verify', 'repo=', 'receive-pack=', 'exec=', 'push-option=|o', 'force-with-lease=?', 'signed=?', 'recurse-submodules='], permute: true, abbreviate: true },
  },
  'send-pack': { hooks: [], receive: true, options: { long: ['receive-pack=', 'exec=', 'all', 'mirror', 'dry-run', 'force', 'verbose', 'thin', 'atomic', 'signed=?', 'push-option=', 'stdin', 'helper-status', 'force-with-lease=?'], permute: true } },
  rebase: {
    hooks: ['pre-rebase', 'post-checkout', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite'],
    skip: [{ options: ['--no-verify'], hooks: ['pre-rebase'], restore: ['--verify'] }],
    options: { short: 'qvnC:fmiS::x:r::s:X:', long: ['onto=', 'whitespace=', 'empty=', 'gpg-sign=?|S', 'exec=|x', 'rebase-merges=?|r', 'strategy=|s', 'strategy-option=|X', 'no-verify', 'verify'], permute: true, abbreviate: true },
  },
  'cherry-pick': PICK,
  revert: PICK,
  am: {
    hooks: ['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'post-commit', 'post-rewrite'],
    skip: [{ options: ['--no-verify'], hooks: ['applypatch-msg', 'pre-applypatch'], restore: ['--verify'] }],
    options: { short: 'i3qsukmcrC:p:S::', long: ['quoted-cr=', 'whitespace=', 'directory=', 'exclude=', 'include=', 'patch-format=', 'resolvemsg=', 'show-current-patch=?', 'gpg-sign=?|S', 'empty=', 'no-verify', 'verify'], permute: true, abbreviate: true },
  },
  checkout: { hooks: ['post-checkout'] },
  switch: { hooks: ['post-checkout'] },
  restore: { hooks: ['post-checkout'] },
  clone: {
    hooks: ['post-checkout'], none: ['--no-checkout', '--bare', '--mirror'],
    options: { short: 'vqnlsj:o:b:u:c:', long: ['no-checkout|n', 'bare', 'mirror', 'jobs=|j', 'template=', 'reference=', 'reference-if-able=', 'origin=|o', 'branch=|b', 'upload-pack=|u', 'depth=', 'shallow-since=', 'shallow-exclude=', 'separate-git-dir=', 'config=|c', 'server-option=', 'filter=', 'bundle-uri=', 'recurse-submodules=?', 'recursive=?'], permute: true, abbreviate: true },
  },
  worktree: {
    hooks: [], options: { short: '' },
    verbs: {
      add: {
        hooks: ['post-checkout'], none: ['--no-checkout'],
        options: { short: 'fb:B:dq', long: ['force|f', 'detach|d', 'checkout', 'no-checkout', 'lock', 'reason=', 'orphan', 'quiet|q', 'track', 'no-track', 'guess-remote'], permute: true, abbreviate: true },
      },
    },
  },
  gc: { hooks: ['pre-auto-gc'], onlyWith: { 'pre-auto-gc': ['--auto'] }, options: { long: ['auto', 'prune=?', 'aggressive', 'quiet', 'force', 'keep-largest-pack', 'cruft', 'max-cruft-size='], permute: true, abbreviate: true } },
  maintenance: { hooks: ['pre-auto-gc'] },
  'send-email': { hooks: ['sendemail-validate'], skip: [{ options: ['--no-validate'], hooks: ['sendemail-validate'], restore: ['--validate'] }], options: { long: ['no-validate', 'validate'], permute: true, abbreviate: true } },
  p4: { hooks: ['p4-changelist', 'p4-prepare-changelist', 'p4-post-changelist', 'p4-pre-submit'] },
  hook: { hooks: [], options: { short: '' }, verbs: { run: { hooks: [], named: true, options: { long: ['ignore-missing', 'to-stdin='], abbreviate: true } } } },
  stash: { hooks: [] },
  reset: { hooks: [] },
};

/** Commands that update references (each runs the reference-transaction hook). */
export const REF_UPDATERS = ['commit', 'merge', 'pull', 'push', 'send-pack', 'fetch', 'rebase', 'cherry-pick', 'revert', 'am', 'checkout', 'switch',
  'branch', 'tag', 'reset', 'stash', 'update-ref', 'notes', 'replace', 'remote', 'worktree', 'bisect', 'filter-branch', 'fast-import',
  'pack-refs', 'gc', 'clone', 'receive-pack', 'symbolic-ref', 'reflog', 'sequencer', 'subtree', 'submodule'];

/** Commands that may write the index (each may run post-index-change): `git status` refreshes it. */
export const INDEX_WRITERS = ['add', 'stage', 'rm', 'mv', 'status', 'commit', 'checkout', 'switch', 'restore', 'reset', 'stash', 'merge',
  'pull', 'rebase', 'cherry-pick', 'revert', 'am', 'apply', 'read-tree', 'update-index', 'sparse-checkout', 'worktree', 'clone',
  'describe', 'diff', 'submodule', 'bisect', 'mergetool', 'checkout-index', 'notes', 'sequencer'];

/**
 * Commands that run no hook (they read, print or only write objects and files of their own): git's
 * own list of porcelain and plumbing that neither updates a reference nor writes the index.
 * Anything not here and not above may run any hook.
 */
export const NO_HOOKS = ['log', 'show', 'diff-tree', 'diff-index', 'diff-files', 'shortlog', 'blame', 'annotate', 'grep', 'ls-files',
  'ls-tree', 'ls-remote', 'cat-file', 'rev-parse', 'rev-list', 'for-each-ref', 'show-ref', 'show-branch', 'name-rev', 'whatchanged',
  'help', 'version', 'var', 'check-ignore', 'check-attr', 'check-mailmap', 'check-ref-format', 'count-objects', 'fsck',
  'verify-commit', 'verify-tag', 'verify-pack', 'format-patch', 'request-pull', 'range-diff', 'cherry', 'merge-base', 'archive',
  'bugreport', 'diagnose', 'get-tar-commit-id', 'interpret-trailers', 'mailinfo', 'mailsplit', 'stripspace', 'column', 'hash-object',
  'config', 'init', 'credential', 'difftool', 'instaweb', 'gui', 'citool', 'gitk', 'init-db', 'unpack-file', 'show-index', 'fmt-merge-msg',
  'patch-id', 'upload-pack', 'upload-archive', 'bundle', 'clean', 'fetch-pack', 'http-fetch'];
