// The git-hooks family: a local git command runs the hooks of its repository (githooks(5)), which
// may sit in a tracked directory of the project (core.hooksPath=.husky) that anyone edits. For each
// hook the command runs (grammars/git-hooks.ts) that exists in a hooks directory git would use
// (git-repo.ts), the hook is judged as the script it is, run by its path from where git runs it
// (the driver's script-file path), or, when a hook manager wrote it, as what it stands for
// (hook-shims.ts). A push to a repository that is a local path runs that one's receive hooks too.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { getopt, optionIs, type Arg, type OptionGrammar, type Scan } from '../getopt.js';
import { gitConfigEntries, homeOf, hookDirs, type GitPlace } from '../git-repo.js';
import type { ScriptFiles } from '../files.js';
import { ALL_HOOKS, GIT_HOOKS, INDEX_WRITERS, NO_HOOKS, RECEIVE_HOOKS, REF_UPDATERS, type HookRun } from '../grammars/git-hooks.js';
import type { GitCommand } from '../programs/git.js';
import type { Scope } from './driver.js';
import { hookShim, shellWord } from './hook-shims.js';
import { envOf, placeOf } from './git-place.js';
import { clonedTreeOf, recordRepo } from './new-repos.js';

const NO_HOOK = new Set(NO_HOOKS);
const ANY: OptionGrammar = { permute: true, abbreviate: true };

/** Is `sub` a git command the hook table knows to run hooks? */
export function runsHooks(sub: string): boolean {
  return sub in GIT_HOOKS || REF_UPDATERS.includes(sub) || INDEX_WRITERS.includes(sub);
}

/** The hooks `git SUB ARGS` may run; a string when one is named at run time. */
export function hooksRun(git: GitCommand): readonly string[] | string {
  const sub = git.sub;
  if (sub === null || NO_HOOK.has(sub)) return [];
  // A command not in the table runs only the hooks of the lists it is on; one on none may run any.
  const listed = REF_UPDATERS.includes(sub) || INDEX_WRITERS.includes(sub);
  const row = GIT_HOOKS[sub] ?? (listed ? { hooks: [] } : undefined);
  if (!row) return ALL_HOOKS;
  let spec: HookRun = row;
  let args = git.args;
  if (row.verbs) {
    const verb = getopt(args, row.options ?? ANY).operands[0];
    if (verb?.value === null) return `\`git ${sub}\` runs a subcommand named at run time`;
    const inner = verb?.value === undefined ? undefined : row.verbs[verb.value];
    if (!inner || verb === undefined) return [];
    spec = inner;
    args = args.slice(verb.index + 1);
  }
  const scan = getopt(args, spec.options ?? ANY);
  if (scan.options.some((o) => optionIs(o, ['--help', '-h']))) return [];
  if (spec.named) {
    const name = scan.operands[0]?.value;
    return name === null ? `\`git hook run\` runs a hook named at run time` : name === undefined ? [] : [name];
  }
  // (`merge --no-commit` still updates ORIG_HEAD and writes the index: the lists below still hold.)
  const none = spec.none !== undefined && scan.options.some((o) => optionIs(o, spec.none!));
  const skipped = skippedHooks(spec, scan);
  const hooks = none ? [] : spec.hooks.filter((h) => !skipped.has(h) && onlyWithHolds(spec, h, scan));
  if (REF_UPDATERS.includes(sub)) hooks.push('reference-transaction');
  if (INDEX_WRITERS.includes(sub)) hooks.push('post-index-change');
  return hooks;
}

/** Hooks the options skip: the last of an option and its restoring one counts (`--no-verify --verify` runs them). */
function skippedHooks(spec: HookRun, scan: Scan): Set<string> {
  const out = new Set<string>();
  for (const s of spec.skip ?? []) {
    let skip = false;
    for (const o of scan.options) {
      if (optionIs(o, s.options)) skip = true;
      else if (s.restore && optionIs(o, s.restore)) skip = false;
    }
    if (skip) for (const h of s.hooks) out.add(h);
  }
  return out;
}

function onlyWithHolds(spec: HookRun, hook: string, scan: Scan): boolean {
  const need = spec.onlyWith?.[hook];
  return need === undefined || scan.options.some((o) => optionIs(o, need));
}

/** Judge the hooks a local git command runs. */
export function gitHooksFamily(scope: Scope, git: GitCommand): void {
  if (!scope.local) return;
  const hooks = hooksRun(git);
  if (typeof hooks === 'string') { scope.raise('dynamic-command', hooks); return; }
  const receive = git.sub !== null && GIT_HOOKS[git.sub]?.receive === true;
  if (hooks.length === 0 && !receive && git.sub !== 'clone' && git.sub !== 'init') return;
  const fresh = git.sub === 'clone' || git.sub === 'init';
  const place = placeOf(scope, git);
  if (typeof place === 'string') {
    // A new repository in an unknown directory gets hooks only from a template or core.hooksPath.
    if (!fresh || newRepoMayGetHooks(scope, git)) scope.raise('unreadable-script', `git ${git.sub ?? ''}: ${place}`);
    return;
  }
  if (fresh) { newRepoHooks(scope, git, place); return; }
  const found = hookDirs(scope.files, place, git.config);
  if (!found.ok) { scope.raise('unreadable-script', `git ${git.sub}: ${found.why}`); return; }
  if (found.value === null) return; // no repository: git stops before any hook
  for (const dir of found.value.dirs) judgeHooks(scope, dir, hooks, found.value.runIn, `git ${git.sub}`, place.env);
  if (receive) receiveHooks(scope, git, place, found.value.entries);
  const inner = submoduleHooksRun(git, hooks, found.value.entries);
  if (inner.length > 0) submoduleHooks(scope, found.value, inner, `git ${git.sub}`, place.env);
}

/** What git runs in each submodule too: `submodule update|foreach`, `--recurse-submodules`, submodule.recurse, push.recurseSubmodules=on-demand. */
function submoduleHooksRun(git: GitCommand, hooks: readonly string[], entries: readonly { key: string; value: string | null }[]): readonly string[] {
  const last = (key: string): string | null | undefined => entries.filter((e) => e.key === key).pop()?.value;
  const checkout = ['post-checkout', 'reference-transaction', 'post-index-change'];
  if (git.sub === 'submodule') {
    const verb = git.args.find((a) => a === null || !a.startsWith('-'));
    return verb === 'update' ? checkout : verb === 'foreach' || verb === null ? ALL_HOOKS : [];
  }
  const flag = [...git.args].reverse().find((a) => a === null || /^--(?:no-)?recurse-submodules(?:=|$)/.test(a));
  const on = flag === undefined
    ? (git.sub === 'push' ? last('push.recursesubmodules') === 'on-demand' : last('submodule.recurse') === 'true')
    : flag === null || (!flag.startsWith('--no-') && !/=(?:no|check|false)$/.test(flag));
  return on ? [...hooks, ...checkout] : [];
}

const MAX_SUBMODULES = 32;

/** The submodules' own hooks (their git directories under `modules/` of the common directory, nested ones too). */
function submoduleHooks(scope: Scope, top: { repo: { commonDir: string }; runIn: string }, hooks: readonly string[], label: string, env: GitPlace['env']): void {
  const found: string[] = [];
  const walk = (dir: string, depth: number): boolean => {
    for (const n of scope.files.list?.(dir) ?? []) {
      const sub = join(dir, n);
      if (scope.files.read(join(sub, 'HEAD')).kind === 'text') found.push(sub);
      if (found.length > MAX_SUBMODULES || depth > 4) return false;
      if (!walk(found[found.length - 1] === sub ? join(sub, 'modules') : sub, depth + 1)) return false;
    }
    return true;
  };
  if (!walk(join(top.repo.commonDir, 'modules'), 0)) {
    scope.raise('unreadable-script', `${label} runs in more than ${MAX_SUBMODULES} submodules (or ones nested too deep) to read their hooks`);
    return;
  }
  for (const gitDir of found) {
    const conf = scope.files.read(join(gitDir, 'config'));
    const wt = conf.kind === 'text' ? /^\s*worktree\s*=\s*(.+?)\s*$/m.exec(conf.text)?.[1] : undefined;
    const workTree = wt === undefined ? top.runIn : resolve(gitDir, wt);
    const dirs = hookDirs(scope.files, { cwd: workTree, env, gitDir, workTree });
    if (!dirs.ok) { scope.raise('unreadable-script', `${label} in submodule ${gitDir}: ${dirs.why}`); continue; }
    for (const d of dirs.value?.dirs ?? []) judgeHooks(scope, d, hooks, workTree, `${label} in submodule ${gitDir}`, env);
  }
}

/** Read each of `hooks` in `dir` that exists and judge it as run from `runIn`. */
function judgeHooks(scope: Scope, dir: string, hooks: readonly string[], runIn: string, label: string, env: GitPlace['env']): void {
  const home = homeOf(env);
  const xdgEnv = env('XDG_CONFIG_HOME');
  const xdg = xdgEnv && isAbsolute(xdgEnv) ? xdgEnv : home === null ? null : join(home, '.config');
  for (const hook of new Set(hooks)) {
    const path = join(dir, hook);
    // A hook that runs git again (a post-commit `git commit --amend`) is judged once.
    if (scope.run0.seen.has(`git hook ${path}`)) continue;
    const r = scope.files.read(path);
    const what = `${label} runs the hook ${path}`;
    const cloned = r.kind === 'missing' ? clonedTreeOf(scope, path) : undefined;
    if (cloned !== undefined) { scope.raise('unreadable-script', `${what}, in the work tree of ${cloned} cloned earlier in this command, whose files are not known here`); continue; }
    if (r.kind === 'missing') continue;
    scope.run0.seen.add(`git hook ${path}`);
    if (r.kind === 'binary') { scope.raise('unreadable-script', `${what}, a program gitops-guard cannot read`); continue; }
    if (r.kind === 'unreadable') { scope.raise('unreadable-script', `${what}, which ${r.why}`); continue; }
    const shim = hookShim(r.text, path, { files: scope.files, hook, env: (n) => scope.env.get(n), home, xdg });
    if (shim?.kind === 'dynamic') { scope.raise('dynamic-command', `${what}: ${shim.why}`); continue; }
    const via = `${label} hook ${hook}`;
    if (shim) scope.nested(shim.text, `${via} (${shim.tool})`, { spliceable: false, cwd: runIn, source: 'script' });
    else scope.nested(shellWord(path), via, { spliceable: false, cwd: runIn, source: 'script' });
  }
}

const INIT: OptionGrammar = { short: 'qb:', long: ['template=', 'separate-git-dir=', 'initial-branch=|b', 'shared=?', 'quiet|q', 'bare', 'object-format='], permute: true, abbreviate: true };

/**
 * `git clone` and `git init` make a repository: its hooks are copied from a template directory
 * (`--template`, GIT_TEMPLATE_DIR, init.templateDir), every one of which runs later by itself, and
 * a clone's checkout runs post-checkout at once (from core.hooksPath, when the user's config or
 * `-c` sets one).
 */
function newRepoHooks(scope: Scope, git: GitCommand, place: GitPlace): void {
  const clone = git.sub === 'clone';
  const scan = getopt(git.args, clone ? GIT_HOOKS.clone!.options! : INIT);
  const bare = scan.options.some((o) => optionIs(o, clone ? ['--bare', '--mirror'] : ['--bare']));
  const target = clone ? cloneTarget(scan, bare) : scan.operands[0]?.value ?? '.';
  if (target === null) { scope.raise('unreadable-script', `git ${git.sub}: the directory of the new repository is computed at run time`); return; }
  const given = scan.options.filter((o) => optionIs(o, ['--config'])).map((o) => o.value ?? null);
  if (given.includes(null)) { scope.raise('dynamic-command', '`git clone --config` is computed at run time'); return; }
  const extra = [...git.config, ...given.map((v) => ({ key: v!.slice(0, Math.max(0, v!.indexOf('='))).toLowerCase(), value: v!.slice(v!.indexOf('=') + 1) }))];
  const entries = gitConfigEntries(scope.files, null, place.env, place.cwd, extra);
  if (!entries.ok) { scope.raise('unreadable-script', `git ${git.sub}: ${entries.why}`); return; }
  const all = entries.value;
  const top = resolve(place.cwd, target);
  const separate = scan.options.filter((o) => optionIs(o, ['--separate-git-dir'])).pop()?.value;
  if (separate !== null) recordRepo(scope, top, { cwd: place.cwd, bare, separate, clone });
  const last = (key: string): string | null | undefined => all.filter((e) => e.key === key).pop()?.value;
  const template = scan.options.filter((o) => optionIs(o, ['--template'])).pop()?.value ?? place.env('GIT_TEMPLATE_DIR') ?? last('init.templatedir');
  const home = homeOf(place.env);
  const at = (dir: string, base: string): string | null => (dir === '~' || dir.startsWith('~/') ? (home === null ? null : join(home, dir.slice(1))) : resolve(base, dir));
  const dirs: { dir: string | null | undefined; base: string; hooks: readonly string[]; what: string }[] = [
    { dir: template === undefined ? undefined : template === null ? null : join(template, 'hooks'), base: place.cwd, hooks: ALL_HOOKS, what: `git ${git.sub} installs the template's hooks` },
  ];
  const now = hooksRun(git);
  if (clone && typeof now !== 'string' && now.length > 0) dirs.push({ dir: last('core.hookspath'), base: top, hooks: now, what: 'git clone' });
  for (const d of dirs) {
    if (d.dir === undefined) continue;
    const abs = d.dir === null ? null : at(d.dir, d.base);
    if (abs === null) { scope.raise('unreadable-script', `${d.what}: the hooks directory is computed at run time or names an unknown home directory`); continue; }
    judgeHooks(scope, abs, d.hooks, top, d.what, place.env);
  }
}

/** Could a new repository get hooks: a template or core.hooksPath named by the text, the environment or the user's config? */
function newRepoMayGetHooks(scope: Scope, git: GitCommand): boolean {
  const env = envOf(scope);
  if (git.args.some((a) => a === null || a.startsWith('--template') || a.startsWith('--config') || a === '-c') || env('GIT_TEMPLATE_DIR') !== undefined) return true;
  const entries = gitConfigEntries(scope.files, null, env, '/');
  return !entries.ok || [...entries.value, ...git.config].some((e) => e.key === 'init.templatedir' || e.key === 'core.hookspath');
}

/** The directory `git clone REPO [DIR]` makes: DIR, or the repository's last path part without `.git` (with it when bare). */
function cloneTarget(scan: Scan, bare: boolean): Arg {
  const ops = scan.operands.map((o) => o.value);
  if (ops[1] !== undefined) return ops[1];
  const repo = ops[0];
  if (repo === null || repo === undefined) return repo ?? '.';
  const name = repo.replace(/\/+$/, '').replace(/\/\.git$/, '').replace(/^.*[/:]/, '').replace(/\.git$/, '');
  return name === '' ? '.' : bare ? `${name}.git` : name;
}

/** A push to a repository that is a path on this machine runs git-receive-pack there, and its hooks. */
function receiveHooks(scope: Scope, git: GitCommand, place: GitPlace, entries: readonly { key: string; value: string | null }[]): void {
  const scan = getopt(git.args, GIT_HOOKS[git.sub!]!.options ?? ANY);
  const named = scan.options.filter((o) => optionIs(o, ['--repo'])).pop()?.value ?? scan.operands[0]?.value;
  if (named === null) return; // a computed remote: the push rules already ask about it
  const remote = named ?? 'origin';
  const urls = entries.filter((e) => e.key === `remote.${remote.toLowerCase()}.url` || e.key === `remote.${remote.toLowerCase()}.pushurl`);
  const candidates = urls.length > 0 ? urls.map((e) => e.value) : [remote];
  for (const url of candidates) {
    if (url === null) { scope.raise('unreadable-script', `git ${git.sub}: the URL of remote \`${remote}\` is computed at run time`); continue; }
    const path = localPath(url, place.cwd);
    const gitDir = path === null ? null : enterRepo(scope.files, path);
    if (gitDir === null) continue;
    const dirs = hookDirs(scope.files, { cwd: gitDir, env: place.env, gitDir, workTree: gitDir });
    if (!dirs.ok) { scope.raise('unreadable-script', `git ${git.sub} to ${path}: ${dirs.why}`); continue; }
    // receive-pack runs its hooks in the git directory of the repository pushed to.
    for (const dir of dirs.value?.dirs ?? []) judgeHooks(scope, dir, RECEIVE_HOOKS, gitDir, `git ${git.sub} to ${path}`, place.env);
  }
}

/** The git directory git-receive-pack enters for a path (git's enter_repo: PATH/.git, PATH, PATH.git/.git, PATH.git); null: none. */
function enterRepo(files: ScriptFiles, path: string): string | null {
  for (const suffix of ['/.git', '', '.git/.git', '.git']) {
    const dir = path + suffix;
    const r = files.read(dir);
    const target = r.kind === 'text' ? /^gitdir:[ \t]*(.+?)\s*$/m.exec(r.text)?.[1] : undefined;
    if (target !== undefined) return resolve(dirname(dir), target);
    if (files.read(join(dir, 'HEAD')).kind === 'text') return dir;
  }
  return null;
}

/** A repository URL that is a path on this machine (`../deploy.git`, `/srv/x`, `file:///srv/x`); null for a network URL. */
function localPath(url: string, cwd: string): string | null {
  if (url.startsWith('file://')) return url.slice('file://'.length) || null;
  // scp-like `host:path` and `scheme://` are remote; a colon before any slash makes it scp-like.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]*:/.test(url)) return null;
  return resolve(cwd, url);
}

