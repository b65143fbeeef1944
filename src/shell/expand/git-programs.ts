// Programs git finds by name (git(1) --exec-path, gitremote-helpers(7)): a subcommand git does not
// have runs `git-<sub>` (and cargo's `cargo-<sub>`, grammars/git.ts EXTERNAL_COMMANDS), and a remote reached through a helper (`kick::URL`, remote.<name>.vcs, a
// URL scheme git does not speak itself) runs `git-remote-<helper>`, each from the exec path
// (`--exec-path`, GIT_EXEC_PATH) or PATH. A file of that name in a directory the text names is
// judged as the script it is; an exec path that is computed or cannot be listed asks.
import { join, resolve } from 'node:path';
import { EXTERNAL_COMMANDS, GIT_NATIVE_SCHEMES, GIT_TRANSPORTS } from '../grammars/git.js';
import { effectiveValue, type GitCommand } from '../programs/git.js';
import type { Scope } from './driver.js';
import { runScriptFile } from './scripts.js';
import { textPathDirs } from './known-vars.js';

interface ProgramDir {
  /** The directory; null when computed at run time. */
  readonly dir: string | null;
  /** From the exec path (git's own programs come from there), not from PATH. */
  readonly exec: boolean;
}

/** A program that runs `PREFIX-NAME` for a command of its own it does not have, with its exec path (git's `--exec-path`) when given. */
interface Finder { readonly program: string; readonly sub: string | null; readonly execPath?: string | null }

/** The directories the text names that the program searches for its programs, in its order (exec path, then PATH). */
function programDirs(scope: Scope, f: Finder): ProgramDir[] {
  const row = EXTERNAL_COMMANDS[f.program]!;
  const out: ProgramDir[] = [];
  if (f.execPath !== undefined) out.push({ dir: f.execPath, exec: true });
  const env = row.execPathEnv === undefined ? undefined : scope.env.get(row.execPathEnv);
  if (env !== undefined) out.push({ dir: env, exec: true });
  // PATH as written (`bin:$PATH`, `$PWD:$PATH`): its static and known parts are directories the text names; the rest is the user's.
  out.push(...(textPathDirs(scope) ?? []).map((dir) => ({ dir, exec: false })));
  return out;
}

/**
 * Judge the first `PREFIX-<name>` of `names` found in the directories; `any` judges every
 * `git-remote-*` there (a helper not known statically). False when an exec path cannot be told.
 */
function judgeFound(scope: Scope, f: Finder, names: readonly string[], any: boolean, why: string, strict: boolean): void {
  const row = EXTERNAL_COMMANDS[f.program]!;
  for (const d of programDirs(scope, f)) {
    if (d.dir === null) { scope.raise('unreadable-script', `${f.program} looks for its programs (${why}) in a directory named at run time`); return; }
    const dir = resolve(scope.cwd!, d.dir);
    if (row.systemDirs.test(dir)) continue;
    const listed = scope.files.list?.(dir) ?? null;
    const found = [...names.map((n) => `${row.prefix}${n}`), ...(any ? (listed ?? []).filter((n) => n.startsWith('git-remote-')) : [])]
      .filter((n) => scope.files.read(join(dir, n)).kind !== 'missing');
    for (const n of new Set(found)) runScriptFile(scope, { value: join(dir, n), tail: n, text: join(dir, n), start: 0, end: 0 }, `${f.program} ${f.sub ?? ''} (${join(dir, n)})`, 'exec');
    // git's own programs (git-remote-https, git-upload-pack, git itself for pull's fetch) come from the
    // exec path (git's own directory is not on PATH): a directory that is not a git installation, or
    // lacks a helper the command needs, holds whatever will be there at run time.
    const install = listed !== null && listed.includes('git-upload-pack') && listed.includes('git-remote-http');
    if (strict && d.exec && (any || found.length < names.length || (names.length === 0 && !install))) {
      scope.raise('unreadable-script', `${f.program} runs ${why} from its exec path \`${d.dir}\`, which is not a git installation the text shows`);
      return;
    }
    if (found.length > 0 && !any) return;
  }
}

/** A subcommand git does not have runs `git-<sub>` (a builtin is found first, but which names are builtins depends on the version). */
export function externalCommand(scope: Scope, git: GitCommand): void {
  externalSubcommand(scope, 'git', git.sub, git.execPath);
}

/** `PROGRAM SUB` for a program of EXTERNAL_COMMANDS runs `PROGRAM-SUB` where the text puts one on its search path. */
export function externalSubcommand(scope: Scope, program: string, sub: string | null, execPath?: string | null): void {
  if (sub === null || !/^[\w.-]+$/.test(sub) || scope.cwd === null) return;
  const f: Finder = execPath === undefined ? { program, sub } : { program, sub, execPath };
  judgeFound(scope, f, [sub], false, `${EXTERNAL_COMMANDS[program]!.prefix}${sub}`, false);
}

/** The helper a URL is reached through: `X::…` → X; a scheme git does not speak itself → that scheme; null: none. */
function helperOfUrl(url: string): string | null {
  const dbl = /^([A-Za-z][A-Za-z0-9+.-]*)::/.exec(url);
  if (dbl) return dbl[1]!;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || GIT_NATIVE_SCHEMES.includes(scheme) ? null : scheme;
}

/** The helper git uses for a repository operand (a URL or a remote's name); undefined: unknown. */
function helperOf(git: GitCommand, repo: string): string | null | undefined {
  const direct = helperOfUrl(repo);
  if (direct !== null || /[:/]/.test(repo)) return direct;
  const name = repo.toLowerCase();
  const vcs = effectiveValue(git, `remote.${name}.vcs`);
  if (vcs !== undefined) return vcs;
  const url = effectiveValue(git, `remote.${name}.url`);
  // A remote without a URL: git stops ("does not appear to be a git repository").
  return url === undefined ? null : url === null ? undefined : helperOfUrl(url);
}

/** A command that reaches a remote runs its helper, `git-remote-<helper>`, from the exec path or PATH (gitremote-helpers(7)). */
export function remoteHelpers(scope: Scope, git: GitCommand): void {
  const sub = git.sub;
  const row = sub === null ? undefined : GIT_TRANSPORTS[sub];
  const f: Finder = { program: 'git', sub, ...(git.execPath !== undefined ? { execPath: git.execPath } : {}) };
  if (row === undefined || scope.cwd === null || !scope.local || programDirs(scope, f).length === 0) return;
  const ops = git.args.filter((a) => a === null || !a.startsWith('-'));
  // Without a repository operand (or with a verb first): the remotes the config names, origin among them.
  const repo = row.verb ? undefined : ops[0];
  const repos = repo === undefined
    ? [...new Set(['origin', ...[...git.stored, ...git.config].map((c) => /^remote\.(.+)\.(?:url|vcs)$/.exec(c.key)?.[1]).filter((r): r is string => r !== undefined)])]
    : [repo];
  const helpers = repos.map((r) => (r === null ? undefined : helperOf(git, r)));
  const known = helpers.filter((h): h is string => typeof h === 'string');
  // git-remote-http serves http and https, ftp and ftps too.
  const names = known.map((h) => `remote-${h}`);
  judgeFound(scope, f, names, helpers.includes(undefined), names.length > 0 ? names.map((n) => `git-${n}`).join(', ') : `git ${sub}`, true);
}
