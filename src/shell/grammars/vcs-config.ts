// Configuration of Mercurial (`hg`), Sapling (`sl`, which keeps Mercurial's config) and Jujutsu (`jj`)
// whose value is a command the program runs: given for one run (`--config`), stored by a command
// (`jj config set`, `sl config --local`) or written into the files they read (content-judged.ts kinds
// `hgrc` and `jj-config`). Read by expand/vcs-config.ts, as grammars/git.ts GIT_COMMAND_KEYS is for
// git. Data only.
import type { OptionGrammar } from '../getopt.js';

/**
 * How a value runs: `shell`, a command line (through a shell, or split into words); `hook`, a shell
 * command unless it names Python (`python:module.fn`); `alias`, a shell command after `!`, else the
 * program's own arguments; `args`, the program's own arguments (jj's aliases, an argv array);
 * `extension`, Python code loaded from the file it names (a bare name is a bundled extension).
 */
export type VcsValue = 'shell' | 'hook' | 'alias' | 'args' | 'extension';

export interface VcsKey { readonly key: RegExp; readonly how: VcsValue }

/**
 * hgrc(5): [hooks] (every hook runs a shell command, or Python), [alias] (`!` a shell alias), ui.ssh
 * (reaching an ssh:// peer), ui.editor, ui.merge and [merge-tools] executables, pager.pager, [extdiff]
 * cmd.NAME, email.method (a sendmail command), ui.remotecmd (the hg started on the server), hg fix's
 * `fix.NAME:command`, [extensions] (Python modules loaded into hg).
 */
export const HG_COMMAND_KEYS: readonly VcsKey[] = [
  { key: /^hooks\./, how: 'hook' },
  { key: /^alias\./, how: 'alias' },
  { key: /^ui\.(?:ssh|editor|merge|remotecmd)$/, how: 'shell' },
  { key: /^pager\.pager$/, how: 'shell' },
  { key: /^merge-tools\..+\.executable$/, how: 'shell' },
  { key: /^extdiff\.cmd\./, how: 'shell' },
  { key: /^email\.method$/, how: 'shell' },
  { key: /^fix\..+:command$/, how: 'shell' },
  { key: /^extensions\./, how: 'extension' },
];

/**
 * jj's config (docs/config.md): ui.pager, ui.editor, ui.diff-editor, ui.merge-editor, ui.diff.tool
 * and ui.diff-formatter name a program (a string split into words, an argv array, or a table with
 * `command`); merge tools' and fix tools' programs, signing backends' programs and git's executable
 * too; aliases and ui.default-command are jj's own arguments. A value starting with `:` is built in.
 */
export const JJ_COMMAND_KEYS: readonly VcsKey[] = [
  { key: /^ui\.(?:pager|editor|diff-editor|merge-editor|diff-formatter)$/, how: 'shell' },
  { key: /^ui\.diff\.tool$/, how: 'shell' },
  { key: /^merge-tools\.[^.]+\.(?:program|edit-args|merge-args|diff-args)$/, how: 'shell' },
  { key: /^fix\.tools\.[^.]+\.command$/, how: 'shell' },
  { key: /^signing\.backends\.[^.]+\.program$/, how: 'shell' },
  { key: /^git\.executable(?:-path)?$/, how: 'shell' },
  { key: /^aliases\./, how: 'args' },
  { key: /^ui\.default-command$/, how: 'args' },
];

/** Environment variables whose value is a file of configuration the program reads (a list: `:`-separated). */
export const VCS_CONFIG_ENV: Readonly<Record<string, string>> = { jj: 'JJ_CONFIG', hg: 'HGRCPATH', sl: 'HGRCPATH' };

/** Mercurial's and Sapling's global options (anywhere on the command line): `--config S.N=V`, `--configfile F`. */
export const HG_GLOBAL: OptionGrammar = {
  short: 'R:yqvh',
  long: ['repository=|R', 'cwd=', 'noninteractive|y', 'quiet|q', 'verbose|v', 'config=', 'configfile=', 'debug', 'debugger', 'encoding=',
    'encodingmode=', 'traceback', 'time', 'profile', 'version', 'help|h', 'hidden', 'pager=', 'color='],
  permute: true,
};

/** `sl config --local|--user|--system NAME VALUE` writes NAME into that config file (Sapling's `sl help config`). */
export const SL_CONFIG_SET: OptionGrammar = {
  short: 'R:',
  long: ['local', 'user', 'system', 'edit|e', 'delete|d', 'repository=|R', 'config=', 'configfile=', 'template=|T', 'debug'],
  permute: true,
};

/** Environment variables whose value is a command the program runs (its editor, pager, merge tool). */
export const VCS_COMMAND_ENV: Readonly<Record<string, readonly string[]>> = {
  jj: ['JJ_EDITOR', 'VISUAL', 'EDITOR', 'PAGER'],
  hg: ['HGEDITOR', 'HGMERGE', 'VISUAL', 'EDITOR', 'PAGER'],
  sl: ['HGEDITOR', 'HGMERGE', 'VISUAL', 'EDITOR', 'PAGER'],
};
