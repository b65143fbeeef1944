// The guard's own files: paths an agent must not write, because writing them switches the guard
// (or the agent host's hooks, or git's hooks) off or loosens it. A person makes those changes.
// This module is data plus one predicate; the hook's file-edit path uses it (src/hooks/edits.ts),
// and the shell side (redirections, tee, cp, sed -i, git config …) can use the same predicate.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { patternHoldsInode, realDirsOf, realish, sharedInode, withLinkedPackage, type Inode } from './real-path.js';
import { ALL_HOOKS } from '../shell/grammars/git-hooks.js';
import { anywhere, componentMatches, components, endsWith, globMatches, literalPrefixes, lower, parts, prefixesOf } from './path-glob.js';

/**
 * Where a pattern is anchored:
 * - `anywhere`: at any depth (`.claude/settings.json` of this project, of another one, or of the home
 *   directory, where hosts read their user-level settings);
 * - `config` / `state` / `cache`: inside gitops-guard's own directory under $XDG_CONFIG_HOME,
 *   $XDG_STATE_HOME or $XDG_CACHE_HOME (~/.config, ~/.local/state, ~/.cache when unset);
 * - `home` / `xdg`: the home directory, $XDG_CONFIG_HOME (git's user-level config);
 * - `install`: the package root of the running gitops-guard (where `init`'s hooks may find it);
 * - `bin`: each directory on PATH (the hooks run `gitops-guard` from PATH without a project install);
 * - `dependency`: `node_modules/NAME/` at any depth, for each package the running copy requires at
 *   run time (its package.json `dependencies`: the bundles load them from node_modules).
 */
export type Anchor = 'anywhere' | 'config' | 'state' | 'cache' | 'home' | 'xdg' | 'install' | 'bin' | 'dependency';

export interface GuardedPattern {
  /** Path components joined by `/`; `*` is one component (with `*` inside a name as a wildcard), `**` any number. */
  readonly pattern: string;
  readonly anchor: Anchor;
  /** What the file is, for the reason an agent reads. */
  readonly what: string;
  /**
   * Whether removing or replacing a directory that holds it (`rm -rf .claude`, `ln -s /tmp/x node_modules/.bin`)
   * counts as writing it: `both` (the default), `replace` (removing it only makes the hooks block:
   * node_modules, which `npm ci` restores), `none` (a system directory named like an ordinary one).
   */
  readonly holders?: 'both' | 'replace' | 'none';
}

/** Every guarded path. Compared without regard to case (a case-insensitive file system sees them too). */
export const GUARDED_PATHS: readonly GuardedPattern[] = [
  // Agent hosts' hook and settings files (what `gitops-guard init` writes, and the user-level ones
  // that can switch hooks off or untrust a folder).
  { pattern: '.claude/settings*.json', anchor: 'anywhere', what: "Claude Code's settings (its hooks)" },
  { pattern: '.claude.json', anchor: 'anywhere', what: "Claude Code's user state (project trust)" },
  { pattern: '.codex/hooks.json', anchor: 'anywhere', what: "Codex's hooks" },
  { pattern: '.codex/config.toml', anchor: 'anywhere', what: "Codex's config (hooks, their trust, project trust)" },
  { pattern: '.cursor/hooks.json', anchor: 'anywhere', what: "Cursor's hooks" },
  { pattern: '.gemini/settings.json', anchor: 'anywhere', what: "Gemini CLI's settings (its hooks)" },
  { pattern: '.gemini/trustedFolders.json', anchor: 'anywhere', what: "Gemini CLI's trusted folders" },
  { pattern: '.github/hooks/**', anchor: 'anywhere', what: "Copilot's hooks" },
  { pattern: '.copilot/hooks/**', anchor: 'anywhere', what: "Copilot's user-level hooks" },
  { pattern: '.copilot/config.json', anchor: 'anywhere', what: "Copilot CLI's config (trusted folders)" },
  { pattern: '.windsurf/hooks.json', anchor: 'anywhere', what: "Windsurf's hooks" },
  { pattern: '.codeium/windsurf/hooks.json', anchor: 'anywhere', what: "Windsurf's user-level hooks" },
  { pattern: '.clinerules/hooks/**', anchor: 'anywhere', what: "Cline's hooks" },
  { pattern: '.mcp.json', anchor: 'anywhere', what: 'the MCP servers the agent host starts' },
  // The other hosts' MCP server lists (`init` writes the first two itself): each entry is a command
  // the host starts outside the shell hook.
  { pattern: '.cursor/mcp.json', anchor: 'anywhere', what: "Cursor's MCP servers (commands the host starts)" },
  { pattern: '.vscode/mcp.json', anchor: 'anywhere', what: "VS Code's MCP servers (commands the host starts)" },
  { pattern: '.codeium/windsurf/mcp_config.json', anchor: 'anywhere', what: "Windsurf's MCP servers (commands the host starts)" },
  { pattern: '.copilot/mcp-config.json', anchor: 'anywhere', what: "Copilot CLI's MCP servers (commands the host starts)" },
  { pattern: 'cline_mcp_settings.json', anchor: 'anywhere', what: "Cline's MCP servers (commands the host starts)" },
  // A Gemini CLI extension brings hooks (hooks/hooks.json), MCP servers and commands the host loads.
  { pattern: '.gemini/extensions/**', anchor: 'anywhere', what: 'a Gemini CLI extension (its hooks and MCP servers)' },
  // A Claude Code plugin (installed under ~/.claude/plugins: marketplaces/ and cache/) brings hooks
  // (hooks/hooks.json, run like the settings file's, with the scripts kept beside it), a manifest
  // (.claude-plugin/plugin.json or marketplace.json, whose hooks, mcpServers and lspServers are
  // commands, and which names the files that hold them) and LSP servers (.lsp.json) the host starts;
  // the lists of installed plugins and marketplaces say where each plugin's files are. Its commands,
  // agents and skills are judged by what they say (src/content-judged.ts).
  { pattern: '.claude/plugins/**/hooks/**', anchor: 'anywhere', what: "a Claude Code plugin's hooks", holders: 'replace' },
  { pattern: '.claude/plugins/**/.claude-plugin/*', anchor: 'anywhere', what: "a Claude Code plugin's manifest (its hooks and servers)", holders: 'replace' },
  { pattern: '.claude/plugins/**/.lsp.json', anchor: 'anywhere', what: "a Claude Code plugin's LSP servers (commands the host starts)", holders: 'replace' },
  { pattern: '.claude/plugins/installed_plugins.json', anchor: 'anywhere', what: "Claude Code's list of installed plugins (where their hooks are)", holders: 'replace' },
  { pattern: '.claude/plugins/known_marketplaces.json', anchor: 'anywhere', what: "Claude Code's list of plugin marketplaces (where their plugins are)", holders: 'replace' },
  // System-wide (managed) settings of the same hosts, e.g. under /etc.
  // (Claude Code's on macOS: /Library/Application Support/ClaudeCode/.)
  { pattern: 'claude-code/managed-settings.json', anchor: 'anywhere', what: "Claude Code's managed settings", holders: 'none' },
  { pattern: 'ClaudeCode/managed-settings.json', anchor: 'anywhere', what: "Claude Code's managed settings", holders: 'none' },
  { pattern: 'claude-code/managed-mcp.json', anchor: 'anywhere', what: "Claude Code's managed MCP servers", holders: 'none' },
  { pattern: 'ClaudeCode/managed-mcp.json', anchor: 'anywhere', what: "Claude Code's managed MCP servers", holders: 'none' },
  { pattern: 'codex/config.toml', anchor: 'anywhere', what: "Codex's system config", holders: 'none' },
  { pattern: 'codex/hooks.json', anchor: 'anywhere', what: "Codex's system hooks", holders: 'none' },
  { pattern: 'cursor/hooks.json', anchor: 'anywhere', what: "Cursor's system hooks", holders: 'none' },
  { pattern: 'gemini-cli/settings.json', anchor: 'anywhere', what: "Gemini CLI's system settings", holders: 'none' },
  { pattern: 'windsurf/hooks.json', anchor: 'anywhere', what: "Windsurf's system hooks", holders: 'none' },
  // git: hooks run code on commit and push; the config holds core.hooksPath, aliases, sshCommand.
  { pattern: '.git/hooks/**', anchor: 'anywhere', what: "git's hooks" },
  // A bare repository's (git's own naming, NAME.git: hooks run when something pushes into it).
  { pattern: '*.git/hooks/**', anchor: 'anywhere', what: "a bare repository's hooks" },
  // `.git` as a file (a linked worktree's, a submodule's) names the repository git uses, hooks and
  // config included; a submodule's repository is .git/modules/NAME/ (nested: …/modules/NAME/modules/…).
  { pattern: '.git', anchor: 'anywhere', what: "the repository git uses here (as a `gitdir:` file it names another one)" },
  { pattern: '.git/modules/**/hooks/**', anchor: 'anywhere', what: "a submodule repository's hooks" },
  { pattern: '.git/modules/**/config', anchor: 'anywhere', what: "a submodule repository's config (core.hooksPath, aliases)" },
  { pattern: '.git/config', anchor: 'anywhere', what: "git's config (core.hooksPath, aliases, core.sshCommand, push refspecs)" },
  { pattern: '.git/config.worktree', anchor: 'anywhere', what: "git's worktree config" },
  { pattern: '.git/worktrees/*/config.worktree', anchor: 'anywhere', what: "git's worktree config" },
  // git reads $GIT_DIR/commondir in every repository (not only a linked worktree's) and takes the
  // config and hooks from the directory it names (gitrepository-layout(5)); a worktree's gitdir
  // names the worktree's .git file (git worktree prune/repair follow it).
  { pattern: '.git/commondir', anchor: 'anywhere', what: "git's commondir (the repository whose config and hooks git uses)" },
  { pattern: '.git/worktrees/*/commondir', anchor: 'anywhere', what: "a linked worktree's commondir (the repository whose config and hooks it uses)" },
  { pattern: '.git/worktrees/*/gitdir', anchor: 'anywhere', what: "a linked worktree's gitdir (the .git file git follows to it)" },
  { pattern: '.git/modules/**/commondir', anchor: 'anywhere', what: "a submodule repository's commondir (the repository whose config and hooks it uses)" },
  // The user's and the system's git config hold the same keys for every repository (core.hooksPath,
  // init.templateDir, aliases).
  { pattern: '.gitconfig', anchor: 'home', what: "git's user-level config (core.hooksPath, init.templateDir, aliases)" },
  { pattern: 'git/config', anchor: 'xdg', what: "git's user-level config (core.hooksPath, init.templateDir, aliases)" },
  { pattern: 'etc/gitconfig', anchor: 'anywhere', what: "git's system config (core.hooksPath, init.templateDir, aliases)", holders: 'none' },
  // kubectl's default kubeconfig says which cluster each context reaches: the Kubernetes rules take a
  // local-looking context (kind-…, minikube, docker-desktop) for a local cluster, so an edit that points
  // one at production loosens them. kubectl's own `config` commands are judged by those rules.
  { pattern: '.kube/config', anchor: 'home', what: "kubectl's kubeconfig (which cluster each context reaches)" },
  // The guard's own executable: the hooks `init` writes run node_modules/.bin/gitops-guard, else
  // gitops-guard on PATH (src/install/command.ts). Its package (bundles, their V8 code caches,
  // rules.json) wherever it is installed (the project's, a global or npx's node_modules, pnpm's
  // store), the link or shim that starts it, and the copy running now. Installing and removing it
  // through the package manager is judged by rules/05-guard-self.yaml.
  { pattern: 'node_modules/.bin/gitops-guard*', anchor: 'anywhere', what: "gitops-guard's executable, which the agent hosts' hooks run", holders: 'replace' },
  { pattern: 'node_modules/gitops-guard/**', anchor: 'anywhere', what: "gitops-guard's installed package (the code the agent hosts' hooks run)", holders: 'replace' },
  { pattern: 'dist/**', anchor: 'install', what: 'the running gitops-guard (the code the agent hosts\' hooks run)' },
  { pattern: 'package.json', anchor: 'install', what: 'the running gitops-guard\'s package file' },
  { pattern: '**', anchor: 'dependency', what: "a package gitops-guard loads when the agent hosts' hooks run it", holders: 'replace' },
  { pattern: 'gitops-guard*', anchor: 'bin', what: 'gitops-guard on PATH, which the agent hosts\' hooks run without a project install' },
  // gitops-guard's own: the trust file and the user-level config; the audit log and the reconciler's
  // state; the validated-config cache (a forged entry would stand for a config's content).
  { pattern: '**', anchor: 'config', what: "gitops-guard's trust file and user-level config" },
  { pattern: '**', anchor: 'state', what: "gitops-guard's audit log and the reconciler's state" },
  { pattern: '**', anchor: 'cache', what: "gitops-guard's validated-config cache" },
];

/** The directories the anchors stand for (`install` and `bin` may name several, or none). */
export interface GuardDirs {
  readonly config: string;
  readonly state: string;
  readonly cache: string;
  readonly home?: string;
  readonly xdg?: string;
  readonly install?: readonly string[];
  readonly bin?: readonly string[];
  /** Package names (not directories) for the `dependency` anchor. */
  readonly dependencies?: readonly string[];
}

/**
 * gitops-guard's directories as the environment gives them (XDG base directories, else under HOME),
 * the running copy's package root and PATH's directories.
 */
export function guardDirs(env: NodeJS.ProcessEnv = process.env, packageRoot: string = PACKAGE_ROOT): GuardDirs {
  const home = env.HOME || homedir();
  const xdg = (name: string, fallback: string) => (env[name] && isAbsolute(env[name]!) ? env[name]! : join(home, fallback));
  const base = (name: string, fallback: string) => join(xdg(name, fallback), 'gitops-guard');
  return {
    config: base('XDG_CONFIG_HOME', '.config'), state: base('XDG_STATE_HOME', '.local/state'), cache: base('XDG_CACHE_HOME', '.cache'),
    home, xdg: xdg('XDG_CONFIG_HOME', '.config'), ...runningPackage(packageRoot, env.PATH ?? ''),
    bin: (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d)),
  };
}

/**
 * The running copy's package root, when the hooks reach it through PATH (a global install, or
 * `npm link` to a checkout). Copies under a node_modules directory (the project's, a global
 * prefix's, npx's cache, pnpm's store) are the `node_modules/gitops-guard/**` pattern already. A
 * source checkout run by its path is not guarded: its own build rewrites dist/ (an agent working on
 * gitops-guard builds it), and the hooks reach it only when `init` ran from it and neither a
 * project nor a global install exists.
 */
interface RunningPackage { readonly install: readonly string[]; readonly dependencies: readonly string[] }
const packages = new Map<string, RunningPackage>();
function runningPackage(root: string, path: string): RunningPackage {
  const key = `${root}\0${path}`;
  let found = packages.get(key);
  if (found === undefined) {
    found = { install: [], dependencies: [] };
    try {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown; dependencies?: unknown };
      if (pkg.name === 'gitops-guard') {
        const real = realish(root);
        const onPath = path.split(delimiter).filter((d) => isAbsolute(d))
          .some((d) => existsSync(join(d, 'gitops-guard')) && realish(join(d, 'gitops-guard')).startsWith(real + sep));
        const deps = pkg.dependencies !== null && typeof pkg.dependencies === 'object' ? Object.keys(pkg.dependencies) : [];
        found = { install: onPath ? [root] : [], dependencies: deps };
      }
    } catch {
      // no package file: not an install
    }
    packages.set(key, found);
  }
  return found;
}

/** The directories one anchor stands for. */
function anchorDirs(anchor: Exclude<Anchor, 'anywhere' | 'dependency'>, dirs: GuardDirs): readonly string[] {
  const d = dirs[anchor];
  return d === undefined ? [] : typeof d === 'string' ? [d] : d;
}

export interface GuardedMatch {
  /** The pattern that matched, as written in GUARDED_PATHS (anchored ones prefixed with their directory). */
  readonly pattern: string;
  /** Why the write is refused, for the agent. */
  readonly reason: string;
}

/**
 * The pure part: does a normalized absolute path fall under a guarded pattern? No file system access.
 * `anywhere` patterns match a path ending in them (at any depth); anchored ones match inside their
 * directory (the directory itself included, as in `rm -r ~/.config/gitops-guard`).
 */
export function matchGuarded(absPath: string, dirs: GuardDirs, glob = false): GuardedMatch | null {
  const path = lower(parts(absPath));
  for (const g of GUARDED_PATHS) {
    let at: string | undefined;
    if (g.anchor === 'anywhere') {
      if (globMatches(anywhere(g.pattern), path, glob)) at = '';
    } else if (g.anchor === 'dependency') {
      const dep = (dirs.dependencies ?? []).find((n) => globMatches(['**', 'node_modules', ...components(n), ...components(g.pattern)], path));
      if (dep !== undefined) at = `node_modules/${dep}`;
    } else {
      // The gitops-guard directories count as a whole (`rm -r ~/.config/gitops-guard`); the others
      // only for what the pattern names (the home directory is not guarded, its .gitconfig is).
      const whole = g.pattern === '**';
      at = anchorDirs(g.anchor, dirs).find((d) => {
        const dir = components(d);
        return path.length >= dir.length && dir.every((c, i) => c === path[i])
          && ((whole && path.length === dir.length) || globMatches(components(g.pattern), path.slice(dir.length)));
      });
    }
    if (at !== undefined) {
      const pattern = g.anchor === 'anywhere' ? g.pattern : `${at}/${g.pattern}`;
      const what = g.anchor === 'dependency' ? `${g.what} (${at})` : g.what;
      return {
        pattern,
        reason: `${absPath} is ${what}. Writing it could switch the guard off, so an agent may not change it: a person has to make that change.`,
      };
    }
  }
  return null;
}

/** How a command writes a directory as a whole: removes it (`rm -r`, `mv` away) or puts something else there (`ln -s`, `mv`/`cp` onto it). */
export type WholeWrite = 'remove' | 'replace';



/**
 * Does removing or replacing the directory `absPath` as a whole remove or replace a guarded file
 * (`rm -rf .claude` removes .claude/settings.json; `ln -s /tmp/x node_modules/.bin` replaces
 * node_modules/.bin/gitops-guard)? Only directories named by a pattern's leading plain components
 * count: removing the home directory or the project is not a write to the guard's files.
 */
export function holdsGuarded(absPath: string, how: WholeWrite, dirs: GuardDirs): GuardedMatch | null {
  const path = lower(parts(absPath));
  for (const g of GUARDED_PATHS) {
    const holders = g.holders ?? 'both';
    if (holders === 'none' || (holders === 'replace' && how === 'remove')) continue;
    let hit = false;
    if (g.anchor === 'anywhere') hit = prefixesOf(g.pattern).some((pre) => endsWith(path, pre));
    else if (g.anchor === 'dependency') {
      hit = (dirs.dependencies ?? []).some((n) => literalPrefixes(['node_modules', ...components(n), '**']).some((pre) => endsWith(path, pre)));
    } else if (g.pattern !== '**' && g.anchor !== 'bin') {
      hit = anchorDirs(g.anchor, dirs).some((d) => prefixesOf(g.pattern).some((pre) => {
        const full = [...components(d), ...pre];
        return full.length === path.length && endsWith(path, full);
      }));
    }
    if (hit) {
      return {
        pattern: g.pattern,
        reason: `${absPath} holds ${g.what}. Removing or replacing it could switch the guard off, so an agent may not do it: a person has to make that change.`,
      };
    }
  }
  return null;
}

/** Is `absPath` a glob (`.cl?ude/settings.json`) that the shell may expand to a guarded path? */
export function globGuarded(absPath: string, projectRoot: string, dirs: GuardDirs = guardDirs()): GuardedMatch | null {
  if (!/[*?[]/.test(absPath)) return null;
  const computed = /^\/\*\*\/(.+)$/s.exec(absPath);
  if (computed) return computedTailGuarded(computed[1]!);
  const hit = matchGuarded(resolve(projectRoot, absPath), dirs, true);
  return hit ? { pattern: hit.pattern, reason: `${absPath} is a glob the shell may expand to a guarded file (${hit.pattern}).` } : null;
}

/**
 * A path computed at run time that ends in `tail` (the shell spells it `/**\/TAIL`, known-vars.ts
 * asComputedTail): may the directory before it make it a guarded file? `.claude/settings.json`,
 * `settings.json` and `hooks/pre-commit` may; so may a git hook's name alone, since core.hooksPath may
 * be any directory. A tail that is no such name (`out.txt`) is not taken for one.
 */
function computedTailGuarded(tail: string): GuardedMatch | null {
  const path = tail.replace(/^\*/, '');
  const names = lower(parts(path));
  const suffix = guardedSuffix(path);
  // A pattern that ends in a wildcard (`.git/hooks/*`, `.github/hooks/**`) counts only where the tail
  // names its directory whole: `"$d/hooks/x.ts"` is as likely any project's src/hooks.
  const hit = suffix && (!/(?:^|\/)\*\*?$/.test(suffix.pattern) || holdsDirectory(names, suffix.pattern)) ? suffix
    : ALL_HOOKS.includes(names[names.length - 1] ?? '') ? { pattern: '.git/hooks/*', reason: '' } : null;
  if (hit === null) return null;
  return { pattern: hit.pattern, reason: `a path computed at run time ends in ${path}, so it may be a guarded file (${hit.pattern}). A person has to make that change.` };
}

/** Do the components of `path` hold the plain directories `pattern` starts with, in a row? */
function holdsDirectory(path: readonly string[], pattern: string): boolean {
  const dir = prefixesOf(pattern).pop() ?? [];
  return dir.length > 0 && path.some((_, i) => dir.every((c, k) => path[i + k] === c));
}

/**
 * A path relative to nothing certain (Gemini CLI's `replace` may correct a relative path that names
 * no file to an existing file whose path ends in it, as a string: `t/config` can become
 * `.git/config`): is it the tail of a guarded path (`settings.json` could become `.gemini/settings.json`)?
 * A tail that begins with `**` does not count: `**\/hooks/**` of `.git/modules/**\/hooks/**` would take
 * every `src/hooks/x.ts` for a submodule's hook, and `hooks/**` (`.git/hooks/**`) covers what it should.
 */
export function guardedSuffix(relPath: string): GuardedMatch | null {
  const path = lower(parts(relPath));
  if (path.length === 0 || path.includes('..')) return null;
  for (const g of GUARDED_PATHS) {
    if (g.anchor !== 'anywhere') continue;
    const pattern = components(g.pattern);
    for (let i = 0; i < pattern.length; i++) {
      const tail = pattern.slice(i);
      if (tail[0] === '**') continue;
      // A tail of wildcards alone (`*` of `.git/worktrees/*`) would match every path.
      if (tail.every((c) => c === '*' || c === '**')) break;
      // The first component may be the end of a longer name (`t/config` ends `.git/config`); the
      // last is the file's name itself (the host looks for files of that name).
      const [head, ...rest] = tail as [string, ...string[]];
      const first = path.length > 1 ? endsName(head, path[0]!) : componentMatches(head, path[0]!, false);
      if (first && globMatches(rest, path.slice(1))) {
        return { pattern: g.pattern, reason: `${relPath} may be ${g.what} (a relative path the host may resolve there). A person has to make that change.` };
      }
    }
  }
  return null;
}

/** Can a name that `pattern` (one component, `*` a wildcard) matches end in `end`? */
function endsName(pattern: string, end: string): boolean {
  if (pattern === '*' || pattern === end) return true;
  if (!pattern.includes('*')) return pattern.endsWith(end);
  // NAME = A…B with B the part after the last `*`: it ends in `end` when one ends in the other.
  const last = pattern.slice(pattern.lastIndexOf('*') + 1);
  return end.endsWith(last) || last.endsWith(end);
}

/**
 * Is writing `absPath` (relative paths are taken from `projectRoot`) a write to a guarded file?
 * `..`, `.`, repeated and trailing slashes are normalized; symlinks are followed as the kernel
 * does, dangling ones too (the path as written and where it leads are both checked, so a link to
 * .git/hooks is caught, a link to a hook not yet written, and a link named .git/hooks); a file with
 * other names (a hard link) is checked against the guarded files it may be; case is ignored.
 * Reads the file system only to resolve symlinks and, for a file with several names, to find them.
 */
export function guardedPath(absPath: string, projectRoot: string, dirs: GuardDirs = guardDirs(), whole?: WholeWrite): GuardedMatch | null {
  const trimmed = absPath.replace(/[\\/]+$/, '') || sep;
  const full = resolve(projectRoot, trimmed);
  dirs = withLinkedPackage(dirs, projectRoot);
  const check = (p: string, d: GuardDirs) => matchGuarded(p, d) ?? (whole ? holdsGuarded(p, whole, d) : null);
  const direct = check(full, dirs);
  if (direct) return direct;
  // Unnormalized: `link/../x` goes up from where the link leads.
  const real = realish(isAbsolute(trimmed) ? trimmed : `${projectRoot}${sep}${trimmed}`);
  const realDirs = realDirsOf(dirs);
  if (real !== full || realDirs !== dirs) {
    const viaLink = check(real, dirs) ?? check(real, realDirs);
    if (viaLink) return { pattern: viaLink.pattern, reason: `${absPath} leads to ${real}: ${viaLink.reason}` };
  }
  const inode = sharedInode(real);
  const twin = inode ? guardedTwin(inode, [projectRoot, dirname(real)], dirs) : null;
  return twin ? { pattern: twin.pattern, reason: `${absPath} is another name (a hard link) of ${twin.what}, or may be. Writing it could switch the guard off, so an agent may not change it: a person has to make that change.` } : null;
}

/** Ancestors of a directory, itself first. */
const ancestors = (dir: string): string[] => { const out = [dir]; while (dirname(out[out.length - 1]!) !== out[out.length - 1]) out.push(dirname(out[out.length - 1]!)); return out; };

/**
 * The guarded pattern one of whose existing files is the inode `inode` (a hard link of it), looking
 * where the `anywhere` patterns may be (the project's and the file's directories and their parents,
 * the home directory) and in the anchors' directories; not in dependencies (pnpm links every file
 * of a package from its store). A search that runs out of budget counts as found.
 */
function guardedTwin(inode: Inode, near: readonly string[], dirs: GuardDirs): GuardedPattern | null {
  const budget = { left: 5000 };
  const bases = [...new Set([...near.flatMap(ancestors), ...(dirs.home ? [dirs.home] : [])])];
  for (const g of GUARDED_PATHS) {
    if (g.anchor === 'dependency') continue;
    const at = g.anchor === 'anywhere' ? bases : anchorDirs(g.anchor, dirs);
    if (at.some((b) => patternHoldsInode(b, parts(g.pattern), inode, budget))) return g;
  }
  return null;
}
