// What a git command writes into the configuration of the repository or the user, as later git
// commands of the same text read it: `git config [set] KEY VALUE` (git-config(1)), a remote's URL
// (`git remote add|set-url`) and a remote renamed (`git remote rename OLD NEW` moves its URL and
// settings to NEW, git-remote(1)).
import { getopt, optionIs, type OptionGrammar } from '../getopt.js';
import type { GitCommand } from './git.js';

const GIT_REMOTE: OptionGrammar = {
  short: 't:m:fv',
  long: ['track=|t', 'master=|m', 'fetch|f', 'tags', 'no-tags', 'mirror=?', 'push', 'add', 'delete', 'verbose|v', 'progress', 'no-progress'],
  permute: true,
};

/** `git config`'s options (the ones that take a value, and those that choose the file). */
const GIT_CONFIG: OptionGrammar = {
  short: 'lzf:',
  long: [
    'global', 'system', 'local', 'worktree', 'file=|f', 'blob=', 'add', 'replace-all', 'unset', 'unset-all', 'get', 'get-all',
    'get-regexp', 'list|l', 'type=', 'bool', 'int', 'path', 'null|z', 'show-origin', 'show-scope', 'name-only', 'default=',
    'comment=', 'value=', 'includes', 'no-includes', 'all', 'fixed-value',
  ],
  permute: true,
  abbreviate: true,
};

/** Which file `git config` writes: the user's (`global`), the system's, the repository's (`local`), a named file. */
export type ConfigFile = 'global' | 'system' | 'local' | { readonly file: string | null };

/** An entry `git config [set] KEY VALUE` writes (key lower-cased; null key or value: computed); undefined when it writes none. */
export function configSet(git: GitCommand): { key: string | null; written: string | null; value: string | null; file: ConfigFile } | undefined {
  if (git.sub !== 'config') return undefined;
  const scan = getopt(git.args, GIT_CONFIG);
  // (`-f` is `--file`, `-l` `--list`: each option by its long name.)
  const named = scan.options.map((o) => ({ ...o, name: o.name.startsWith('--') ? o.name : o.alias ?? o.name }));
  const names = new Set(named.map((o) => o.name));
  const reads = ['--get', '--get-all', '--get-regexp', '--list', '-l', '--unset', '--unset-all', '--blob'];
  if (reads.some((r) => names.has(r))) return undefined;
  const ops = scan.operands.map((o) => o.value);
  if (ops[0] === 'get' || ops[0] === 'list' || ops[0] === 'unset' || ops[0] === 'rename-section' || ops[0] === 'remove-section' || ops[0] === 'edit') return undefined;
  const [key, value] = ops[0] === 'set' ? ops.slice(1) : ops;
  if (key === undefined || value === undefined) return undefined;
  const fileOption = named.filter((o) => o.name === '--file').pop();
  const file: ConfigFile = fileOption !== undefined ? { file: fileOption.value ?? null }
    : names.has('--system') ? 'system' : names.has('--global') ? 'global' : 'local';
  return { key: key === null ? null : key.toLowerCase(), written: key, value, file };
}

/**
 * The URL a command gives a remote for this repository: `git remote add NAME URL`, `git remote
 * set-url [--push] NAME URL`, `git config [set] remote.NAME.url|pushurl URL`. A null name or URL is
 * computed; undefined when the command sets none.
 */
export function remoteUrlSet(git: GitCommand): { name: string | null; url: string | null } | undefined {
  if (git.sub === 'remote') {
    const ops = getopt(git.args, GIT_REMOTE).operands.map((o) => o.value);
    if ((ops[0] !== 'add' && ops[0] !== 'set-url') || ops.length < 3) return undefined;
    return { name: ops[1] ?? null, url: ops[2] ?? null };
  }
  const set = configSet(git);
  if (set === undefined) return undefined;
  if (set.key === null) return { name: null, url: set.value };
  const m = /^remote\.(.+)\.(?:url|pushurl)$/i.exec(set.key);
  return m ? { name: m[1]!, url: set.value } : undefined;
}

/** `git remote rename OLD NEW` (null: computed); undefined for any other command. */
export function remoteRename(git: GitCommand): { from: string | null; to: string | null } | undefined {
  if (git.sub !== 'remote') return undefined;
  const ops = getopt(git.args, GIT_REMOTE).operands.map((o) => o.value);
  if (ops[0] !== 'rename' || ops.length < 3) return undefined;
  return { from: ops[1] ?? null, to: ops[2] ?? null };
}

/** `git clone`'s options (git-clone(1)): those taking a value, so that the repository and directory are the operands. */
const GIT_CLONE: OptionGrammar = {
  short: 'lsqvnb:o:u:c:j:',
  long: ['local|l', 'no-hardlinks', 'shared|s', 'quiet|q', 'verbose|v', 'progress', 'no-checkout|n', 'bare', 'mirror', 'sparse', 'reject-shallow', 'no-reject-shallow',
    'origin=|o', 'branch=|b', 'revision=', 'upload-pack=|u', 'template=', 'config=|c', 'depth=', 'shallow-since=', 'shallow-exclude=', 'single-branch', 'no-single-branch',
    'no-tags', 'tags', 'recurse-submodules=?', 'recursive=?', 'shallow-submodules', 'no-shallow-submodules', 'remote-submodules', 'no-remote-submodules',
    'jobs=|j', 'reference=', 'reference-if-able=', 'dissociate', 'separate-git-dir=', 'filter=', 'also-filter-submodules', 'server-option=', 'bundle-uri=',
    'ref-format=', 'object-format=', 'ipv4', 'ipv6'],
  permute: true,
  abbreviate: true,
};

/** `git submodule add`'s options (git-submodule(1)). */
const GIT_SUBMODULE_ADD: OptionGrammar = { short: 'qfb:', long: ['quiet|q', 'force|f', 'branch=|b', 'name=', 'reference=', 'depth=', 'ref-format='], permute: true };

/** The directory git makes for a repository when none is named (git-clone(1): the "humanish" part of its URL). */
export function humanishDir(url: string, bare: boolean): string | null {
  const trimmed = url.replace(/\/+$/, '').replace(/\/\.git$/, '').replace(/\.(?:git|bundle)$/, '');
  const name = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
  return name === '' ? null : bare ? `${name}.git` : name;
}

/**
 * The repository a command copies into a new one, which keeps it as a remote: `git clone [-o NAME] URL
 * [DIR]` (origin, git-clone(1)) and `git submodule add URL [PATH]` (the submodule's origin). The
 * directory as written (relative to where git ran; null: computed), the remote's name, the URL (null: computed).
 */
export function clonedFrom(git: GitCommand): { url: string | null; dir: string | null; remote: string | null } | undefined {
  if (git.sub === 'clone') {
    const scan = getopt(git.args, GIT_CLONE);
    const ops = scan.operands.map((o) => o.value);
    if (ops[0] === undefined) return undefined;
    const origin = scan.options.filter((o) => optionIs(o, ['--origin'])).pop();
    const url = ops[0];
    const bare = scan.options.some((o) => optionIs(o, ['--bare', '--mirror']));
    const dir = ops[1] !== undefined ? ops[1] : url === null ? null : humanishDir(url, bare);
    return { url, dir, remote: origin === undefined ? 'origin' : origin.value ?? null };
  }
  if (git.sub === 'submodule') {
    const ops = getopt(git.args, GIT_SUBMODULE_ADD).operands.map((o) => o.value);
    if (ops[0] !== 'add' || ops[1] === undefined) return undefined;
    const url = ops[1];
    return { url, dir: ops[2] !== undefined ? ops[2] : url === null ? null : humanishDir(url, false), remote: 'origin' };
  }
  return undefined;
}
