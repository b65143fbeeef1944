// The package-tool family: npm, pnpm, yarn and bun run the scripts of package.json (and their
// lifecycle around install, pack, publish and version; in workspaces; through npm's script-shell),
// and installing from a directory runs that package's code (npm's install scripts, pip's setup.py).
import { dirname, join, resolve } from 'node:path';
import { getopt, optionIs, valueOf, valuesOf, type Scan } from '../getopt.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { homeDir } from '../invocations.js';
import { omitsGuard } from './package-omit.js';
import { INSTALL_LIFECYCLE, NPM_LIFECYCLE, npmCommand } from '../grammars/npm.js';
import { PNPM_OPTIONS, YARN_OPTIONS } from '../grammars/runner-options.js';
/** pnpm's and yarn's options that take a value, besides the ones listed where they are read. */
const RUNNER_VALUE_OPTIONS = [...PNPM_OPTIONS.long!, ...YARN_OPTIONS.long!].filter((o) => /=[|]|=$/.test(o) && !/^(?:dir|filter|cwd|loglevel|registry|network-timeout|modules-folder)=/.test(o)).map((o) => o.replace(/\|.*$/, ''));
const PACKAGE_TOOLS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** Every program this family reads, for the fast path (expand/names.ts; a version suffix is allowed there: pip3.12). */
export const PACKAGE_PROGRAMS: readonly string[] = [...PACKAGE_TOOLS, 'pip'];
/** The scripts pnpm, yarn and bun run around packing, publishing and versioning (npm's are in grammars/npm.ts). */
const PUBLISH_LIFECYCLE: Record<string, readonly string[]> = {
  pack: NPM_LIFECYCLE.pack!.bare!, publish: NPM_LIFECYCLE.publish!.bare!, version: NPM_LIFECYCLE.version!.bare!,
};
const NOT_SCRIPTS = new Set(['install', 'add', 'remove', 'exec', 'dlx', 'x', 'create', 'init', 'why', 'list', 'ls', 'info',
  'upgrade', 'up', 'update', 'outdated', 'link', 'unlink', 'publish', 'pack', 'config', 'cache', 'global', 'i', 'audit',
  'build', 'version', 'ci', 'uninstall', 'rm', 'view', 'help', 'whoami', 'login', 'logout', 'doctor', 'prune', 'dedupe',
  'search', 'fund', 'explain', 'query', 'set', 'get', 'node', 'patch', 'store', 'import', 'rebuild', 'fetch', 'env']);

/** `npm run X`, `npm test`, `yarn X`, `pnpm X`, `bun run X`: the scripts package.json gives for X. */
export function packageScripts(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!PACKAGE_TOOLS.has(name) || !scope.local) return false;
  omitsGuard(scope, name, args);
  // npm takes its options anywhere before `--` (pnpm's and yarn's value options too: `pnpm --reporter silent deploy`).
  // npm's `-ws` is --workspaces (npm help workspaces), not -w with the value `s`.
  const scan = getopt(args.map(argOf).map((v) => name === 'npm' && v === '-ws' ? '--workspaces' : v), { long: ['prefix=', 'workspace=', 'workspaces', 'include-workspace-root', 'ignore-scripts', 'script-shell=', 'node-options=', 'dir=', 'filter=', 'cwd=', 'silent', 'if-present', 'recursive', 'registry=', 'tag=', 'cache=', 'userconfig=', 'globalconfig=', 'omit=', 'include=', 'install-strategy=', 'loglevel=', 'network-timeout=', 'modules-folder=', 'global|g', 'filter=|F', ...RUNNER_VALUE_OPTIONS], short: 'w:C:rsgF:', permute: true });
  const words = scan.operands.map((o) => o.value);
  if (localInstalls(scope, name, words)) return true;
  if (name === 'yarn' && words[0] === 'workspace') return yarnWorkspace(scope, args, scan);
  const wanted = scriptOf(name, words);
  // A global install, link or rebuild does not touch this project's node_modules or run its scripts.
  if (wanted === undefined || wanted.lifecycle && scan.options.some((o) => optionIs(o, ['--global']))) return false;
  if (wanted.script === null) { scope.raise('dynamic-command', `\`${name} run\` runs a script named at run time`); return true; }
  const script = wanted.script;
  // npm's `-w NAME|DIR` picks workspaces of the root by name or directory (below); the others' -w is a directory.
  const named = name === 'npm' ? valuesOf(scan, '--workspace', '-w') : [];
  if (named.includes(null)) { scope.raise('unreadable-script', `\`${name} --workspace\` names the workspace at run time`); return true; }
  const prefix = valueOf(scan, '--prefix', '-C', '--dir', '--cwd', ...(name === 'npm' ? [] : ['--workspace', '-w']));
  const start = prefix === undefined ? scope.cwd : prefix === null || scope.cwd === null ? null : resolve(scope.cwd, prefix);
  if (start === null) { scope.raise('unreadable-script', `cannot tell where \`${name} ${script}\` finds package.json`); return true; }
  const found = scope.files.findUp(start, 'package.json');
  if (!found) return pnpmCommand(scope, name, args, scan, script, {});
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `package.json: ${found.why}`); return true; }
  const pkg = packageOf(scope, found.path, found.text);
  if (pkg === null) return true;
  if (!wanted.lifecycle) pnpmCommand(scope, name, args, scan, script, pkg.scripts);
  if (wanted.script === 'install') guardDependency(scope, found.path, found.text);
  scope.emit(scope.argv, name);
  // --ignore-scripts: no lifecycle script runs, and `run X` runs X alone.
  const ignore = scan.options.some((o) => optionIs(o, ['--ignore-scripts']));
  if (ignore && wanted.lifecycle) return true;
  const names = (scripts: Record<string, unknown>): readonly string[] => ignore ? [script] : wanted.lifecycle ?? scriptNames(script, scripts);
  const all = scan.options.some((o) => optionIs(o, ['--workspaces']));
  const filter = valueOf(scan, '--filter');
  if (filter === null) { scope.raise('unreadable-script', `\`${name} --filter\` names the packages at run time`); return true; }
  const root = { path: found.path, scripts: pkg.scripts, name: pkg.name };
  const listed = all || filter !== undefined || named.length > 0 ? workspacesOf(scope, found.path, pkg.workspaces) : [root];
  // --filter (bun, pnpm) picks packages by name or directory, the root among them; npm's -w a workspace or those under a directory.
  const packages = listed && filter !== undefined ? [root, ...listed].filter((p) => filterMatches(filter, p, dirname(found.path)))
    : listed && named.length > 0 ? listed.filter((p) => named.some((w) => w === p.name || isWithin(dirname(p.path), resolve(start, w!)))) : listed;
  if (packages === null) return true;
  const config = npmConfig(scope, scan, dirname(found.path), name);
  // The words after the script's name are its arguments (`npm run tauri dev` runs `tauri dev`; not a pre or post script's).
  const extra = wanted.lifecycle ? '' : scan.operands.slice(['run', 'run-script', 'rum', 'urn'].includes(words[0] ?? '') ? 2 : 1).map((o) => args[o.index]?.text ?? '').filter((t) => t !== '--').join(' ');
  for (const file of config.requires) scope.nested(`node ${quoteWord(file)}`, `${name} node-options`, { spliceable: false, cwd: dirname(found.path) });
  for (const p of packages) {
    const key = `${p.path}#${script}`;
    if (scope.run0.seen.has(key)) continue;
    scope.run0.seen.add(key);
    const scripts = withDefaults(scope, p, names(p.scripts));
    for (const n of names(scripts)) {
      const own = scripts[n];
      if (typeof own !== 'string') continue;
      const body = n === script && extra !== '' ? `${own} ${extra}` : own;
      // A script-shell runs every script: `SHELL -c SCRIPT`.
      const text = config.shell === undefined ? body : `${config.shell} -c ${quoteWord(body)}`;
      scope.script(text, `${name} run ${n}`, dirname(p.path));
    }
  }
  return true;
}

/**
 * npm settings that change how scripts run, from the command line, the environment (`npm_config_*`)
 * or the project's and the user's .npmrc: the shell every script runs in, and files every node it starts requires.
 */
function npmConfig(scope: Scope, scan: Scan, dir: string, name: string): { shell?: string; requires: string[] } {
  const fromEnv = (key: string): string | undefined => {
    for (const [k, v] of scope.env) if (k.toLowerCase() === `npm_config_${key.replace(/-/g, '_')}` && v) return v;
    return undefined;
  };
  // The project's .npmrc, then the user's (npm_config_userconfig, else ~/.npmrc: an earlier command may have written it).
  const home = homeDir();
  const user = fromEnv('userconfig') ?? (home === null ? undefined : join(home, '.npmrc'));
  const rcs = [join(dir, '.npmrc'), ...(user === undefined ? [] : [resolve(dir, user)])].map((p) => scope.files.read(p));
  const fromRc = (key: string): string | undefined => {
    for (const rc of rcs) {
      const v = rc.kind === 'text' ? new RegExp(`^\\s*${key}\\s*=\\s*(.*?)\\s*$`, 'mi').exec(rc.text)?.[1] : undefined;
      // (npm's ini reader takes a quoted value's quotes off: `node-options="--require ./hook.cjs"`.)
      if (v !== undefined) return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
    }
    return undefined;
  };
  const setting = (key: string): string | undefined => {
    const v = valueOf(scan, `--${key}`);
    if (v === null) scope.raise('dynamic-command', `npm's --${key} is computed at run time`);
    return v ?? fromEnv(key) ?? fromRc(key);
  };
  // pnpm 10 keeps its settings in pnpm-workspace.yaml too (`scriptShell: ./sh.sh`), over .npmrc's.
  const shell = (name === 'pnpm' ? valueOf(scan, '--script-shell') ?? workspaceSetting(scope, dir, 'scriptShell') : undefined) ?? setting('script-shell');
  const options = setting('node-options') ?? '';
  const requires = [...options.matchAll(/(?:--require|-r|--import)(?:=|\s+)(\S+)/g)].map((m) => m[1]!);
  return { ...(shell ? { shell } : {}), requires };
}

/** A top-level setting of the pnpm-workspace.yaml found here or above (a plain scalar, quotes removed: shell text). */
function workspaceSetting(scope: Scope, dir: string, key: string): string | undefined {
  const found = scope.files.findUp(dir, 'pnpm-workspace.yaml');
  if (found?.kind !== 'text') return undefined;
  const v = new RegExp(`^${key}\\s*:\\s*(.*?)\\s*(?:\\s#.*)?$`, 'm').exec(found.text)?.[1]?.replace(/^(["'])(.*)\1$/, '$2');
  // (A relative path is taken from the workspace's root, wherever the script runs.)
  return !v ? undefined : /^\.\.?\//.test(v) ? quoteWord(resolve(dirname(found.path), v)) : v;
}

/** Is this `via` label a project's own install lifecycle script (`npm run prepare`, as queued above)? */
export function inInstallLifecycle(via: readonly string[]): boolean {
  return via.some((v) => { const m = /^\S+ run (\S+)$/.exec(v); return m !== null && INSTALL_LIFECYCLE.includes(m[1]!); });
}
export const LOCAL_SPEC = /^(?:file:|\.{1,2}(?:\/|$)|\/)/;
/**
 * A package spec whose name is not in it (npm-package-arg's kinds other than a registry name): a git
 * URL or host shorthand, `owner/repo` (GitHub), an http(s) URL, a tarball.
 */
const UNNAMED_SPEC = /^(?:git(?:\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:|https?:|[\w.-]+\/[\w.-]+(?:#.*)?$)/i;
const TARBALL = /\.(?:tgz|tar\.gz|tar)$/i;
const unnamed = (w: string): boolean => TARBALL.test(w) || (!LOCAL_SPEC.test(w) && UNNAMED_SPEC.test(w));
const INSTALLS = ['install', 'i', 'add', 'a'];

/** Is this package.json gitops-guard, or does it give a `gitops-guard` executable (which the hooks would run)? */
function isGuardPackage(text: string): boolean {
  try {
    const pkg = JSON.parse(text) as { name?: unknown; bin?: unknown };
    const bins = typeof pkg.bin === 'string' ? [String(pkg.name).replace(/^@[^/]+\//, '')] : pkg.bin && typeof pkg.bin === 'object' ? Object.keys(pkg.bin) : [];
    return pkg.name === 'gitops-guard' || bins.includes('gitops-guard');
  } catch {
    return false;
  }
}

/** A registry version, range or tag: what an install of gitops-guard from the registry is pinned to. */
const REGISTRY_VERSION = /^(?:[\^~<>=v\d\s.|*xX-]+|latest|next|[a-z][\w-]*)$/;

/** A bare install installs package.json's dependencies: gitops-guard among them from a path, a repository or a URL may be any code. */
function guardDependency(scope: Scope, path: string, text: string): void {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  for (const key of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const spec = (pkg[key] as Record<string, unknown> | undefined)?.['gitops-guard'];
    if (typeof spec === 'string' && !REGISTRY_VERSION.test(spec.trim())) {
      scope.raise('guard-package', `${path} takes gitops-guard from \`${spec}\`, not from the registry`);
    }
  }
}

/** `npm install ./pkg`, `npm i file:pkg`: installing a package from a directory runs its install scripts. */
function localInstalls(scope: Scope, name: string, given: readonly (string | null)[]): boolean {
  // `yarn global add SPEC` installs as `yarn add` does, into the global folder whose bins are on PATH.
  const words = name === 'yarn' && given[0] === 'global' ? given.slice(1) : given;
  const link = words[0] === 'link' || words[0] === 'ln';
  // `npm link` alone links the package here globally: its bins go on PATH, where the hooks find gitops-guard.
  // gitops-guard's own checkout linked by its developer is the guard itself (docs/trust.md); another
  // package that gives a gitops-guard executable stands in for it.
  if (link && words.length === 1 && scope.cwd !== null) {
    const read = scope.files.read(join(scope.cwd, 'package.json'));
    if (read.kind === 'text' && isGuardPackage(read.text) && !/"name"\s*:\s*"gitops-guard"/.test(read.text)) {
      scope.raise('guard-package', `${scope.cwd} gives a gitops-guard executable, and \`${name} link\` puts it on PATH, where the hooks find gitops-guard`);
    }
    return false;
  }
  if (!(INSTALLS.includes(words[0] ?? '') || link) || scope.cwd === null) return false;
  // `npm link FOLDER` (pnpm link [--global] FOLDER) installs the folder as a link: a word with a slash that is no `@scope/name` is one.
  const specs = words.slice(1).map((w) => link && w !== null && !w.startsWith('@') && w.includes('/') && !LOCAL_SPEC.test(w) ? `./${w}` : w);
  for (const w of specs) {
    if (w === null) scope.raise('guard-package', `\`${name} ${words[0]}\` installs a package named at run time: it may be gitops-guard`);
    else if (unnamed(w)) scope.raise('guard-package', `\`${w}\` does not say which package it is: it may be gitops-guard`);
  }
  const dirs = specs.filter((w): w is string => w !== null && LOCAL_SPEC.test(w) && !TARBALL.test(w)).map((w) => resolve(scope.cwd!, w.replace(/^file:/, '')));
  if (dirs.length === 0) return false;
  scope.emit(scope.argv, name);
  for (const dir of dirs) {
    const path = join(dir, 'package.json');
    const read = scope.files.read(path);
    if (read.kind === 'missing') continue;
    if (read.kind !== 'text') { scope.raise('unreadable-script', `${path}: ${'why' in read ? read.why : 'not text'}`); continue; }
    if (isGuardPackage(read.text)) scope.raise('guard-package', `${dir} is a package named gitops-guard or giving a gitops-guard executable`);
    const pkg = packageOf(scope, path, read.text);
    if (pkg === null) continue;
    for (const n of INSTALL_LIFECYCLE) {
      const text = pkg.scripts[n];
      if (typeof text !== 'string') continue;
      scope.script(text, `${name} install ${n} (${dir})`, dir);
    }
  }
  return true;
}

/** Which script a package tool's words run, and the lifecycle around it; undefined: none. */
function scriptOf(name: string, words: readonly (string | null)[]): { script: string | null; lifecycle?: readonly string[] } | undefined {
  const first = words[0];
  if (name === 'npm') return npmScriptOf(words);
  // A bare install (and a bare `yarn`) runs the project's own install lifecycle scripts.
  if (name === 'yarn' && first === undefined) return { script: 'install', lifecycle: INSTALL_LIFECYCLE };
  if ((first === 'install' || first === 'i' || first === 'ci' || first === 'add' && name !== 'npm') && words.length === 1) {
    return { script: 'install', lifecycle: INSTALL_LIFECYCLE };
  }
  if (first === 'pack' || first === 'publish' || first === 'version') return { script: first, lifecycle: PUBLISH_LIFECYCLE[first]! };
  if (first === 'run' || first === 'run-script' || first === 'rum' || first === 'urn') return words[1] === undefined ? undefined : { script: words[1] };
  if (['start', 'test', 't', 'tst', 'stop', 'restart'].includes(first ?? '')) return { script: first === 't' || first === 'tst' ? 'test' : first! };
  if (name !== 'npm' && first !== undefined && first !== null && !NOT_SCRIPTS.has(first)) return { script: first };
  return undefined;
}

/** Which root scripts an npm command runs, the command named as npm resolves it (`npm rest` is restart). */
function npmScriptOf(words: readonly (string | null)[]): { script: string | null; lifecycle?: readonly string[] } | undefined {
  const cmd = typeof words[0] === 'string' ? npmCommand(words[0]) : undefined;
  if (cmd === undefined) return undefined;
  const life = NPM_LIFECYCLE[cmd];
  if (life) {
    const lifecycle = words.length > 1 ? life.withArgs : life.bare;
    // A bare install's label is `install`: it installs package.json's dependencies (guardDependency).
    return lifecycle ? { script: words.length === 1 && lifecycle.includes('preinstall') ? 'install' : cmd, lifecycle } : undefined;
  }
  if (cmd === 'run') return words[1] === undefined ? undefined : { script: words[1]! };
  if (['start', 'test', 'stop', 'restart'].includes(cmd)) return { script: cmd };
  return undefined;
}

/** The scripts `npm run X` runs: preX, X, postX (or a pattern's matches, or restart's stop and start). */
function scriptNames(script: string, scripts: Record<string, unknown>): readonly string[] {
  if (script.includes('*')) {
    const re = new RegExp('^' + script.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
    return Object.keys(scripts).filter((k) => re.test(k));
  }
  // `npm restart` without a restart script is stop, then start.
  if (script === 'restart' && typeof scripts.restart !== 'string') return ['prestop', 'stop', 'poststop', 'prestart', 'start', 'poststart'];
  return [`pre${script}`, script, `post${script}`];
}

interface PackageJson { readonly scripts: Record<string, unknown>; readonly workspaces: unknown; readonly name?: string }

/** A package.json's scripts and workspaces; null (and said) when it is not JSON. */
function packageOf(scope: Scope, path: string, text: string): PackageJson | null {
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown>; workspaces?: unknown; name?: unknown };
    return { scripts: pkg.scripts && typeof pkg.scripts === 'object' ? pkg.scripts : {}, workspaces: pkg.workspaces, ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}) };
  } catch {
    scope.raise('unreadable-script', `${path} is not valid JSON`);
    return null;
  }
}

/** The packages `--workspaces` runs in: each `dir` or `dir/*` of package.json's workspaces; null (and said) when they cannot be listed. */
function workspacesOf(scope: Scope, root: string, workspaces: unknown): Workspace[] | null {
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  const entries = Array.isArray(list) ? list : [];
  const dirs: string[] = [];
  for (const e of entries) {
    if (typeof e !== 'string' || /[*?[{]/.test(e.replace(/\/\*$/, ''))) { scope.raise('unreadable-script', `cannot list the workspaces \`${String(e)}\` of ${root}`); return null; }
    const base = resolve(dirname(root), e.replace(/\/\*$/, ''));
    if (!e.endsWith('/*')) { dirs.push(base); continue; }
    // (Listed through the scope, so a kept decision sees a workspace added; no such directory: no workspaces there.)
    for (const d of scope.files.entries?.(base) ?? []) if (d.dir) dirs.push(join(base, d.name));
  }
  const out: Workspace[] = [];
  for (const dir of dirs) {
    const path = join(dir, 'package.json');
    const read = scope.files.read(path);
    if (read.kind === 'missing') continue;
    if (read.kind !== 'text') { scope.raise('unreadable-script', `${path}: ${'why' in read ? read.why : 'not text'}`); return null; }
    const pkg = packageOf(scope, path, read.text);
    if (pkg === null) return null;
    out.push({ path, scripts: pkg.scripts, name: pkg.name });
  }
  return out;
}

interface Workspace { path: string; scripts: Record<string, unknown>; name?: string | undefined }

/**
 * The scripts npm runs where package.json gives none (npm help scripts, "Default Values"): `start` is
 * `node server.js` when there is one, `install` is `node-gyp rebuild` when there is a binding.gyp and
 * neither an install nor a preinstall script. Looked for only when the command runs that script.
 */
function withDefaults(scope: Scope, p: Workspace, wanted: readonly string[]): Record<string, unknown> {
  const dir = dirname(p.path);
  const has = (n: string): boolean => typeof p.scripts[n] === 'string';
  const there = (f: string): boolean => scope.files.read(join(dir, f)).kind !== 'missing';
  const extra: Record<string, string> = {};
  if (wanted.includes('start') && !has('start') && there('server.js')) extra.start = 'node server.js';
  if (wanted.includes('install') && !has('install') && !has('preinstall') && there('binding.gyp')) extra.install = 'node-gyp rebuild';
  return Object.keys(extra).length === 0 ? p.scripts : { ...p.scripts, ...extra };
}

/** Is `dir` (absolute) `top` or under it? */
export const isWithin = (dir: string, top: string): boolean => dir === top || dir.startsWith(top.endsWith('/') ? top : `${top}/`);

/** Does a --filter pattern pick this package: its name (`*` a wildcard), or its directory (`./dir`, `{dir}`)? Others (`...`, `^`) pick all. */
function filterMatches(filter: string, p: Workspace, rootDir: string): boolean {
  const f = filter.replace(/^!/, '');
  if (/\.\.\.|\^|\[/.test(f)) return true;
  const dir = /^\{(.*)\}$/.exec(f)?.[1] ?? (/^\.{1,2}(?:\/|$)/.test(f) ? f : undefined);
  if (dir !== undefined) return resolve(rootDir, dir) === dirname(p.path) || dir.includes('*');
  const re = new RegExp(`^${f.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return p.name !== undefined && re.test(p.name) !== filter.startsWith('!');
}

/**
 * `pnpm CMD …` where CMD is neither a pnpm command nor a script of the package runs CMD as
 * `pnpm exec` does (pnpm 6.6.1: "an unknown command is a shell command run in the context of the project");
 * `yarn NAME …` and `yarn run NAME …` without such a script run the bin of that name (yarn's CLI `run`:
 * "a binary exposed by a dependency"), as `yarn exec` does.
 */
function pnpmCommand(scope: Scope, name: string, args: readonly Word[], scan: Scan, script: string, scripts: Record<string, unknown>): boolean {
  if (name !== 'pnpm' && name !== 'yarn') return false;
  const ops = scan.operands;
  const first = name === 'yarn' && ops[0]?.value === 'run' ? ops[1] : ops[0];
  if (first?.value !== script || typeof scripts[script] === 'string') return false;
  scope.emit(scope.argv, name);
  scope.nested(`${name} exec ${args.slice(first.index).map((w) => w.text).join(' ')}`, `${name} ${script}`, { spliceable: false });
  return true;
}

/** `yarn workspace NAME COMMAND…`: the command runs as `yarn COMMAND…` in the workspace of that name. */
function yarnWorkspace(scope: Scope, args: readonly Word[], scan: Scan): boolean {
  const nameOp = scan.operands[1];
  const rest = scan.operands[2];
  if (!nameOp || !rest || scope.cwd === null) return false;
  if (nameOp.value === null) { scope.raise('unreadable-script', '`yarn workspace` names the workspace at run time'); return true; }
  const found = scope.files.findUp(scope.cwd, 'package.json');
  if (found?.kind === 'unreadable') { scope.raise('unreadable-script', `package.json: ${found.why}`); return true; }
  const pkg = found ? packageOf(scope, found.path, found.text) : null;
  const listed = pkg === null || !found ? [] : workspacesOf(scope, found.path, pkg.workspaces);
  if (listed === null) return true;
  scope.emit(scope.argv, 'yarn');
  // A workspace the guard does not find (none listed here, or named by a package the listing misses)
  // may be there at run time: its command is judged as run here, not taken to run nothing.
  const ws = listed.find((w) => w.name === nameOp.value);
  const cwd = ws ? dirname(ws.path) : scope.cwd;
  scope.nested(`yarn ${args.slice(rest.index).map((w) => w.text).join(' ')}`, `yarn workspace ${nameOp.value}`, { spliceable: false, cwd });
  return true;
}

/** `node --run SCRIPT` (node >= 22) runs package.json's script itself, found here or above (no pre and post scripts). */
export function nodeRun(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (name !== 'node' || !scope.local) return false;
  const at = args.findIndex((w) => w.value === '--run' || w.value?.startsWith('--run=') === true);
  if (at < 0 || args.slice(0, at).some((w) => !w.value?.startsWith('-'))) return false;
  const word = args[at]!;
  const script = word.value === '--run' ? args[at + 1]?.value : word.value!.slice('--run='.length);
  if (script === undefined) return false;
  if (script === null) { scope.raise('dynamic-command', '`node --run` runs a script named at run time'); return true; }
  if (scope.cwd === null) { scope.raise('unreadable-script', 'cannot tell where `node --run` finds package.json'); return true; }
  const found = scope.files.findUp(scope.cwd, 'package.json');
  if (!found) return false;
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `package.json: ${found.why}`); return true; }
  const pkg = packageOf(scope, found.path, found.text);
  scope.emit(scope.argv, name);
  const body = pkg?.scripts[script];
  if (typeof body === 'string') scope.script(body, `node --run ${script}`, dirname(found.path));
  return true;
}
