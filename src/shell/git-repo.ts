// Where git finds a repository, its configuration and its hooks directories, as git's own setup
// does: `--git-dir`/GIT_DIR or a walk up from the working directory (a `.git` directory, a `.git`
// file `gitdir: …` of a worktree or submodule, a bare repository), the common directory of a
// worktree, the config files in git's order (system, global, the repository's, the worktree's, and
// what they include), and core.hooksPath. Everything is read through ScriptFiles (so a file written
// earlier in the same text counts), bounded, and every failure is a value. Light on purpose: the
// fast path's hook probe (hooksCannotRun) uses it in a cold process.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ScriptFiles } from './files.js';
import { parseGitConfigText, type GitConfig } from './git-config.js';

export interface GitRepo {
  /** The repository's own git directory (a worktree's is under the main one's `worktrees/`). */
  readonly gitDir: string;
  /** Where hooks/ and config are shared from (`commondir`); the git directory itself when there is none. */
  readonly commonDir: string;
  /** Top of the work tree; null for a bare repository. */
  readonly workTree: string | null;
}

export type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

/** Where a git command runs and what the text tells it about its repository. */
export interface GitPlace {
  readonly cwd: string;
  /** `--git-dir` or GIT_DIR; null when computed at run time. */
  readonly gitDir?: string | null;
  /** `--work-tree` or GIT_WORK_TREE; null when computed at run time. */
  readonly workTree?: string | null;
  /** The environment the command sees (the text's variables over the process's). */
  readonly env: (name: string) => string | null | undefined;
  /** Repositories made earlier in the same text (`git init DIR`), by the directory git finds each from. */
  readonly made?: ReadonlyMap<string, MadeRepo>;
}

/** A repository made earlier in the text: not on disk yet, but there when the command runs. */
export interface MadeRepo {
  readonly gitDir: string;
  /** Top of its work tree; null when bare. */
  readonly top: string | null;
  /** Made by `git clone`: its work tree holds the remote's files. */
  readonly clone: boolean;
}

/** A config entry and whether it came from an `includeIf` file (which may or may not apply). */
export interface ConfigEntry extends GitConfig {
  readonly conditional: boolean;
  /** From a file another one includes: an ordinary file, often tracked, that an agent may write. */
  readonly included?: true;
}

const MAX_LEVELS = 64;
const MAX_CONFIG_FILES = 24;
const MAX_INCLUDE_DEPTH = 8;
const fail = (why: string): { ok: false; why: string } => ({ ok: false, why });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** `gitdir: PATH` of a `.git` file; undefined when the file is not one (git refuses to run there). */
function gitFileTarget(text: string, dir: string): string | undefined {
  const m = /^gitdir:[ \t]*(.+?)[ \t]*\r?$/m.exec(text);
  return m ? resolve(dir, m[1]!) : undefined;
}

/** The worktree's common directory (its `commondir` file), or the git directory itself. */
function commonDirOf(files: ScriptFiles, gitDir: string, env: GitPlace['env']): Found<string> {
  const fromEnv = env('GIT_COMMON_DIR');
  if (fromEnv === null) return fail('GIT_COMMON_DIR is computed at run time');
  if (fromEnv) return ok(resolve(gitDir, fromEnv));
  const r = files.read(join(gitDir, 'commondir'));
  if (r.kind === 'text') return ok(resolve(gitDir, r.text.trim()));
  if (r.kind === 'unreadable') return fail(`${join(gitDir, 'commondir')} ${r.why}`);
  return ok(gitDir);
}

/** Does `dir` look like a bare repository to git (a HEAD that names a ref or commit, and refs/)? */
function isBareRepo(files: ScriptFiles, dir: string): boolean {
  const head = files.read(join(dir, 'HEAD'));
  if (head.kind !== 'text' || !/^(?:ref: refs\/|[0-9a-f]{40,64}\s*$)/.test(head.text)) return false;
  return files.list ? files.list(join(dir, 'refs')) !== null : files.read(join(dir, 'config')).kind === 'text';
}

/** The git directory named by `--git-dir`/GIT_DIR, which may also be a `.git` file. */
function namedGitDir(files: ScriptFiles, place: GitPlace, named: string): Found<{ gitDir: string; top: string | null }> {
  const dir = resolve(place.cwd, named);
  const r = files.read(dir);
  if (r.kind === 'unreadable') return fail(`${dir} ${r.why}`);
  const target = r.kind === 'text' ? gitFileTarget(r.text, dirname(dir)) : undefined;
  // With GIT_DIR and no work tree named, git takes the working directory as the top of the work tree.
  return ok({ gitDir: target ?? dir, top: place.cwd });
}

/** The repository a git command run at `place` uses; null when there is none (git then stops). */
export function findRepo(files: ScriptFiles, place: GitPlace): Found<GitRepo | null> {
  if (place.gitDir === null) return fail('the repository (--git-dir or GIT_DIR) is named at run time');
  if (place.workTree === null) return fail('the work tree (--work-tree or GIT_WORK_TREE) is named at run time');
  let found: { gitDir: string; top: string | null } | null = null;
  if (place.gitDir !== undefined) {
    const named = namedGitDir(files, place, place.gitDir);
    if (!named.ok) return named;
    found = named.value;
  } else {
    const walked = walkUp(files, place.cwd, place.made);
    if (!walked.ok) return walked;
    found = walked.value;
  }
  if (found === null) return ok(null);
  const common = commonDirOf(files, found.gitDir, place.env);
  if (!common.ok) return common;
  const top = place.workTree !== undefined ? resolve(place.cwd, place.workTree) : found.top;
  return ok({ gitDir: found.gitDir, commonDir: common.value, workTree: top });
}

/**
 * git's discovery: in each directory from `start` up, a `.git` (directory or file), else the
 * directory itself as a bare repository; a repository the text made there counts as on disk.
 */
function walkUp(files: ScriptFiles, start: string, made?: ReadonlyMap<string, MadeRepo>): Found<{ gitDir: string; top: string | null } | null> {
  let dir = start;
  for (let i = 0; i < MAX_LEVELS; i++) {
    const dotGit = join(dir, '.git');
    const r = files.read(dotGit);
    if (r.kind === 'unreadable') return fail(`${dotGit} ${r.why}`);
    if (r.kind === 'text' || r.kind === 'binary') {
      const target = r.kind === 'text' ? gitFileTarget(r.text, dir) : undefined;
      return ok(target === undefined ? null : { gitDir: target, top: dir });
    }
    // (read() says missing for a directory too: a .git directory has a HEAD.)
    const head = files.read(join(dotGit, 'HEAD'));
    if (head.kind === 'unreadable') return fail(`${join(dotGit, 'HEAD')} ${head.why}`);
    if (head.kind === 'text') return ok({ gitDir: dotGit, top: dir });
    const fresh = made?.get(dir);
    if (fresh) return ok({ gitDir: fresh.gitDir, top: fresh.top });
    if (isBareRepo(files, dir)) return ok({ gitDir: dir, top: null });
    const up = dirname(dir);
    if (up === dir) return ok(null);
    dir = up;
  }
  return fail(`the working directory is more than ${MAX_LEVELS} levels deep`);
}

/** A path from a config value or the environment: `~/` is the home directory; relative ones are relative to `base`. */
export function configPath(value: string, base: string, home: string | null): string | null {
  if (value === '~' || value.startsWith('~/')) return home === null ? null : join(home, value.slice(1));
  return isAbsolute(value) ? value : resolve(base, value);
}

/** The home directory the command sees. */
export function homeOf(env: GitPlace['env']): string | null {
  const h = env('HOME');
  return h && isAbsolute(h) ? h : null;
}

/** The config files git reads, in its order: system, global, then (with a repository) its own and its worktree's. */
function configFileList(repo: GitRepo | null, env: GitPlace['env'], cwd: string): Found<string[]> {
  const home = homeOf(env);
  const paths: string[] = [];
  const sys = env('GIT_CONFIG_SYSTEM');
  const noSystem = env('GIT_CONFIG_NOSYSTEM');
  if (sys === null || env('GIT_CONFIG_GLOBAL') === null || env('XDG_CONFIG_HOME') === null || env('HOME') === null) {
    return fail("git's user or system config file is named at run time");
  }
  if (!noSystem || noSystem === '0' || noSystem === 'false') paths.push(sys ? resolve(cwd, sys) : '/etc/gitconfig');
  const global = env('GIT_CONFIG_GLOBAL');
  if (global) paths.push(resolve(cwd, global));
  else {
    const xdg = env('XDG_CONFIG_HOME');
    if (xdg) paths.push(resolve(cwd, xdg, 'git', 'config'));
    else if (home !== null) paths.push(join(home, '.config', 'git', 'config'));
    if (home !== null) paths.push(join(home, '.gitconfig'));
  }
  if (repo) paths.push(join(repo.commonDir, 'config'), join(repo.gitDir, 'config.worktree'));
  return ok(paths);
}

/** Reads config files with what they include spliced in, within the bounds; a string says why it stopped. */
class ConfigReader {
  readonly out: ConfigEntry[] = [];
  private count = 0;
  constructor(private readonly files: ScriptFiles, private readonly home: string | null) {}

  /** Entries given on the command line (`-c`, GIT_CONFIG_*), with the files their includes name. */
  given(entries: readonly GitConfig[], cwd: string): string | null {
    for (const e of entries) {
      const why = this.entry(e, cwd, 0, false);
      if (why !== null) return why;
    }
    return null;
  }

  file(path: string, depth: number, conditional: boolean): string | null {
    if (++this.count > MAX_CONFIG_FILES) return `git reads more than ${MAX_CONFIG_FILES} config files`;
    if (depth > MAX_INCLUDE_DEPTH) return `git config includes are nested more than ${MAX_INCLUDE_DEPTH} deep (${path})`;
    // (GIT_CONFIG_GLOBAL=/dev/null: no user config.)
    const r = path === '/dev/null' ? { kind: 'missing' as const } : this.files.read(path);
    if (r.kind === 'missing') return null;
    if (r.kind !== 'text') return `git's config ${path} ${r.kind === 'unreadable' ? r.why : 'is not text'}`;
    for (const e of parseGitConfigText(r.text)) {
      const why = this.entry(e, dirname(path), depth, conditional);
      if (why !== null) return why;
    }
    return null;
  }

  private entry(e: GitConfig, base: string, depth: number, conditional: boolean): string | null {
    this.out.push({ ...e, conditional, ...(depth > 0 ? { included: true as const } : {}) });
    const include = e.key === 'include.path' ? 'plain' : /^includeif\..*\.path$/.test(e.key) ? 'if' : null;
    if (include === null) return null;
    const target = e.value === null ? null : configPath(e.value, base, this.home);
    if (target === null) return `a git config include names a file that cannot be told (${e.value ?? 'computed'})`;
    return this.file(target, depth + 1, conditional || include === 'if');
  }
}

/**
 * Every entry of the config files git reads, in order, with the files they include spliced in
 * where they are included (then `given`, the command line's, with theirs). Files an `includeIf`
 * names are read whatever their condition (marked `conditional`): what they set may or may not apply.
 */
export function gitConfigEntries(files: ScriptFiles, repo: GitRepo | null, env: GitPlace['env'], cwd: string, given: readonly GitConfig[] = []): Found<ConfigEntry[]> {
  const list = configFileList(repo, env, cwd);
  if (!list.ok) return list;
  const reader = new ConfigReader(files, homeOf(env));
  for (const path of list.value) {
    const why = reader.file(path, 0, false);
    if (why !== null) return fail(why);
  }
  const why = reader.given(given, cwd);
  return why === null ? ok(reader.out) : fail(why);
}

/** The entries of the file one entry of this run includes (`-c include.path=FILE`), with what that file includes. */
export function includedEntries(files: ScriptFiles, entry: GitConfig, cwd: string, home: string | null): Found<ConfigEntry[]> {
  const reader = new ConfigReader(files, home);
  const why = reader.given([entry], cwd);
  return why === null ? ok(reader.out.slice(1)) : fail(why);
}

/** `core.bare` as the entries leave it. */
function bareIn(entries: readonly GitConfig[]): boolean {
  let bare = false;
  for (const e of entries) if (e.key === 'core.bare') bare = e.value === 'true' || e.value === 'yes' || e.value === '1';
  return bare;
}

export interface HookDirs {
  readonly repo: GitRepo;
  /** Every directory whose hooks may run (more than one when an includeIf may set core.hooksPath). */
  readonly dirs: readonly string[];
  /** Where hooks run: the top of the work tree, or the git directory of a bare repository. */
  readonly runIn: string;
  readonly entries: readonly ConfigEntry[];
}

/**
 * The hooks directories a git command at `place` uses: core.hooksPath from the config files and
 * from `extra` (the command line's `-c` and GIT_CONFIG_* entries, last), else `hooks/` of the
 * common directory. null: no repository.
 */
export function hookDirs(files: ScriptFiles, place: GitPlace, extra: readonly GitConfig[] = []): Found<HookDirs | null> {
  const found = findRepo(files, place);
  if (!found.ok || found.value === null) return found as Found<null>;
  const entries = gitConfigEntries(files, found.value, place.env, place.cwd, extra);
  if (!entries.ok) return entries;
  const all = entries.value;
  let repo = found.value;
  // A repository named by GIT_DIR whose config says it is bare has no work tree (unless one is named).
  if (place.gitDir !== undefined && place.workTree === undefined && bareIn(all)) repo = { ...repo, workTree: null };
  const runIn = repo.workTree ?? repo.gitDir;
  let dirs = new Set([join(repo.commonDir, 'hooks')]);
  for (const e of all) {
    if (e.key !== 'core.hookspath') continue;
    if (e.value === null) return fail('core.hooksPath is computed at run time');
    const dir = configPath(e.value, runIn, homeOf(place.env));
    if (dir === null) return fail(`core.hooksPath \`${e.value}\` names the home directory, which is not known`);
    dirs = e.conditional ? new Set([...dirs, dir]) : new Set([dir]);
  }
  return ok({ repo, dirs: [...dirs], runIn, entries: all });
}

/** The environment a probe in a fresh process sees. */
const processEnv = (name: string): string | undefined => process.env[name];

/**
 * File access for the probe in a cold process: a stat, then readFileSync for a small file (which
 * that process has already used), nothing for a missing path or a directory; errors are values.
 */
export function probeFiles(): ScriptFiles {
  const read: ScriptFiles['read'] = (path) => {
    try {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st === undefined || st.isDirectory()) return { kind: 'missing' };
      if (!st.isFile() || st.size > 1024 * 1024) return { kind: 'unreadable', why: 'is not a small regular file' };
      return { kind: 'text', text: readFileSync(path, 'utf8') };
    } catch (e) {
      return { kind: 'unreadable', why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  };
  return {
    read,
    list: (dir) => { try { return readdirSync(dir); } catch { return null; } },
    findUp: () => null,
  };
}

/**
 * For the fast path: can no hook run for a git command run in `cwd` (no core.hooksPath,
 * init.templateDir or include in any config file git reads, nothing but samples in the hooks
 * directory, no submodules)? False whenever that cannot be told: then the classifier reads the
 * command. (The config files are searched for those words, not parsed: a comment naming one only
 * costs the classifier's look.)
 */
export function hooksCannotRun(files: ScriptFiles, cwd: string, env: GitPlace['env'] = processEnv): boolean {
  for (const v of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS', 'GIT_TEMPLATE_DIR']) {
    if (env(v) !== undefined) return false;
  }
  const found = findRepo(files, { cwd, env });
  if (!found.ok || found.value === null || !files.list) return false;
  const list = configFileList(found.value, env, cwd);
  if (!list.ok) return false;
  for (const path of list.value) {
    const r = path === '/dev/null' ? { kind: 'missing' as const } : files.read(path);
    if (r.kind === 'missing') continue;
    if (r.kind !== 'text' || /hookspath|templatedir|include/i.test(r.text)) return false;
  }
  if (files.list(join(found.value.commonDir, 'modules')) !== null) return false;
  const hooks = files.list(join(found.value.commonDir, 'hooks'));
  return hooks === null || hooks.every((n) => n.endsWith('.sample'));
}
