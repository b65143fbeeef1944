// Programs git finds by name (git(1) --exec-path, gitremote-helpers(7)): a subcommand git does not
// have runs `git-<sub>`, and a remote reached through a helper (`kick::URL`, remote.<name>.vcs, a
// URL scheme git does not speak itself) runs `git-remote-<helper>`, each from the exec path
// (`--exec-path`, GIT_EXEC_PATH) or PATH. A file of that name in a directory the text names is
// judged as the script it is; an exec path that is computed or cannot be listed asks.
import { join, resolve } from 'node:path';
import { GIT_NATIVE_SCHEMES, GIT_TRANSPORTS } from '../grammars/git.js';
import { effectiveValue, type GitCommand } from '../programs/git.js';
import type { Scope } from './driver.js';
import { runScriptFile } from './scripts.js';

/** Where git's own helpers are installed: a `git-<sub>` there is git itself. */
const GIT_SYSTEM_DIRS = /^\/(?:usr\/(?:local\/)?)?(?:s?bin|lib\/git-core|libexec\/git-core)$/;

interface ProgramDir {
  /** The directory; null when computed at run time. */
  readonly dir: string | null;
  /** From the exec path (git's own programs come from there), not from PATH. */
  readonly exec: boolean;
}

/** The directories the text names that git searches for its programs, in git's order (exec path, then PATH). */
function programDirs(scope: Scope, git: GitCommand): ProgramDir[] {
  const out: ProgramDir[] = [];
  if (git.execPath !== undefined) out.push({ dir: git.execPath, exec: true });
  const env = scope.env.get('GIT_EXEC_PATH');
  if (env !== undefined) out.push({ dir: env, exec: true });
  // PATH as written (`bin:$PATH`): its static parts are directories the text names; the rest is the user's.
  const a = scope.command.assignments.find((x) => x.name === 'PATH');
  const path = a ? a.value ?? a.text : scope.env.get('PATH');
  if (typeof path === 'string') out.push(...path.split(':').filter((d) => d !== '' && !/[$`]/.test(d)).map((dir) => ({ dir, exec: false })));
  return out;
}

/**
 * Judge the first `git-<name>` of `names` found in the directories; `any` judges every
 * `git-remote-*` there (a helper not known statically). False when an exec path cannot be told.
 */
function judgeFound(scope: Scope, git: GitCommand, names: readonly string[], any: boolean, why: string, strict: boolean): void {
  for (const d of programDirs(scope, git)) {
    if (d.dir === null) { scope.raise('unreadable-script', `git looks for its programs (${why}) in a directory named at run time`); return; }
    const dir = resolve(scope.cwd!, d.dir.replace(/^["']|["']$/g, ''));
    if (GIT_SYSTEM_DIRS.test(dir)) continue;
    const listed = scope.files.list?.(dir) ?? null;
    const found = [...names.map((n) => `git-${n}`), ...(any ? (listed ?? []).filter((n) => n.startsWith('git-remote-')) : [])]
      .filter((n) => scope.files.read(join(dir, n)).kind !== 'missing');
    for (const n of new Set(found)) runScriptFile(scope, { value: join(dir, n), tail: n, text: join(dir, n), start: 0, end: 0 }, `git ${git.sub ?? ''} (${join(dir, n)})`, 'exec');
    // git's own programs (git-remote-https, git-upload-pack, git itself for pull's fetch) come from the
    // exec path (git's own directory is not on PATH): a directory that is not a git installation, or
    // lacks a helper the command needs, holds whatever will be there at run time.
    const install = listed !== null && listed.includes('git-upload-pack') && listed.includes('git-remote-http');
    if (strict && d.exec && (any || found.length < names.length || (names.length === 0 && !install))) {
      scope.raise('unreadable-script', `git runs ${why} from its exec path \`${d.dir}\`, which is not a git installation the text shows`);
      return;
    }
    if (found.length > 0 && !any) return;
  }
}

/** A subcommand git does not have runs `git-<sub>` (a builtin is found first, but which names are builtins depends on the version). */
export function externalCommand(scope: Scope, git: GitCommand): void {
  const sub = git.sub;
  if (sub === null || !/^[\w.-]+$/.test(sub) || scope.cwd === null) return;
  judgeFound(scope, git, [sub], false, `git-${sub}`, false);
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
  if (row === undefined || scope.cwd === null || !scope.local || programDirs(scope, git).length === 0) return;
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
  judgeFound(scope, git, names, helpers.includes(undefined), names.length > 0 ? names.map((n) => `git-${n}`).join(', ') : `git ${sub}`, true);
}
