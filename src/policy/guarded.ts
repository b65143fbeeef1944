// The guard's own files: paths an agent must not write, because writing them switches the guard
// (or the agent host's hooks, or git's hooks) off or loosens it. A person makes those changes.
// This module is data plus one predicate; the hook's file-edit path uses it (src/hooks/edits.ts),
// and the shell side (redirections, tee, cp, sed -i, git config …) can use the same predicate.
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * Where a pattern is anchored:
 * - `anywhere`: at any depth (`.claude/settings.json` of this project, of another one, or of the home
 *   directory, where hosts read their user-level settings);
 * - `config` / `state` / `cache`: inside gitops-guard's own directory under $XDG_CONFIG_HOME,
 *   $XDG_STATE_HOME or $XDG_CACHE_HOME (~/.config, ~/.local/state, ~/.cache when unset).
 */
export type Anchor = 'anywhere' | 'config' | 'state' | 'cache';

export interface GuardedPattern {
  /** Path components joined by `/`; `*` is one component (with `*` inside a name as a wildcard), `**` any number. */
  readonly pattern: string;
  readonly anchor: Anchor;
  /** What the file is, for the reason an agent reads. */
  readonly what: string;
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
  // System-wide (managed) settings of the same hosts, e.g. under /etc.
  { pattern: 'claude-code/managed-settings.json', anchor: 'anywhere', what: "Claude Code's managed settings" },
  { pattern: 'codex/config.toml', anchor: 'anywhere', what: "Codex's system config" },
  { pattern: 'codex/hooks.json', anchor: 'anywhere', what: "Codex's system hooks" },
  { pattern: 'cursor/hooks.json', anchor: 'anywhere', what: "Cursor's system hooks" },
  { pattern: 'gemini-cli/settings.json', anchor: 'anywhere', what: "Gemini CLI's system settings" },
  { pattern: 'windsurf/hooks.json', anchor: 'anywhere', what: "Windsurf's system hooks" },
  // git: hooks run code on commit and push; the config holds core.hooksPath, aliases, sshCommand.
  { pattern: '.git/hooks/**', anchor: 'anywhere', what: "git's hooks" },
  { pattern: '.git/config', anchor: 'anywhere', what: "git's config (core.hooksPath, aliases, core.sshCommand, push refspecs)" },
  { pattern: '.git/config.worktree', anchor: 'anywhere', what: "git's worktree config" },
  { pattern: '.git/worktrees/*/config.worktree', anchor: 'anywhere', what: "git's worktree config" },
  // gitops-guard's own: the trust file and the user-level config; the audit log and the reconciler's
  // state; the validated-config cache (a forged entry would stand for a config's content).
  { pattern: '**', anchor: 'config', what: "gitops-guard's trust file and user-level config" },
  { pattern: '**', anchor: 'state', what: "gitops-guard's audit log and the reconciler's state" },
  { pattern: '**', anchor: 'cache', what: "gitops-guard's validated-config cache" },
];

/** The directories the `config`, `state` and `cache` anchors stand for. */
export interface GuardDirs {
  readonly config: string;
  readonly state: string;
  readonly cache: string;
}

/** gitops-guard's directories as the environment gives them (XDG base directories, else under HOME). */
export function guardDirs(env: NodeJS.ProcessEnv = process.env): GuardDirs {
  const home = env.HOME || homedir();
  const base = (name: string, fallback: string) => join(env[name] && isAbsolute(env[name]!) ? env[name]! : join(home, fallback), 'gitops-guard');
  return { config: base('XDG_CONFIG_HOME', '.config'), state: base('XDG_STATE_HOME', '.local/state'), cache: base('XDG_CACHE_HOME', '.cache') };
}

export interface GuardedMatch {
  /** The pattern that matched, as written in GUARDED_PATHS (anchored ones prefixed with their directory). */
  readonly pattern: string;
  /** Why the write is refused, for the agent. */
  readonly reason: string;
}

const parts = (p: string): string[] => p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');

/** Does one component match one pattern component (`*` inside a name matches any run of characters)? */
function componentMatches(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === name;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(name);
}

/** Glob over components: `**` matches zero or more components. */
function globMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') {
    for (let i = 0; i <= path.length; i++) if (globMatches(rest, path.slice(i))) return true;
    return false;
  }
  return path.length > 0 && componentMatches(head!, path[0]!) && globMatches(rest, path.slice(1));
}

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());

/**
 * The pure part: does a normalized absolute path fall under a guarded pattern? No file system access.
 * `anywhere` patterns match a path ending in them (at any depth); anchored ones match inside their
 * directory (the directory itself included, as in `rm -r ~/.config/gitops-guard`).
 */
export function matchGuarded(absPath: string, dirs: GuardDirs): GuardedMatch | null {
  const path = lower(parts(absPath));
  for (const g of GUARDED_PATHS) {
    let hit = false;
    if (g.anchor === 'anywhere') {
      hit = globMatches(['**', ...lower(parts(g.pattern))], path);
    } else {
      const dir = lower(parts(dirs[g.anchor]));
      hit = path.length >= dir.length && dir.every((d, i) => d === path[i])
        && (path.length === dir.length || globMatches(lower(parts(g.pattern)), path.slice(dir.length)));
    }
    if (hit) {
      const pattern = g.anchor === 'anywhere' ? g.pattern : `${dirs[g.anchor]}/${g.pattern}`;
      return {
        pattern,
        reason: `${absPath} is ${g.what}. Writing it could switch the guard off, so an agent may not change it: a person has to make that change.`,
      };
    }
  }
  return null;
}

/**
 * A path relative to nothing certain (Gemini CLI may correct a relative path to another file): is it
 * the tail of a guarded path (`settings.json` could become `.gemini/settings.json`)?
 */
export function guardedSuffix(relPath: string): GuardedMatch | null {
  const path = lower(parts(relPath));
  if (path.length === 0 || path.includes('..')) return null;
  for (const g of GUARDED_PATHS) {
    if (g.anchor !== 'anywhere') continue;
    const pattern = lower(parts(g.pattern));
    for (let i = 1; i < pattern.length; i++) {
      const tail = pattern.slice(i);
      // A tail of wildcards alone (`**` of `.github/hooks/**`) would match every path.
      if (tail.every((c) => c === '*' || c === '**')) break;
      if (globMatches(tail, path)) {
        return { pattern: g.pattern, reason: `${relPath} may be ${g.what} (a relative path the host may resolve there). A person has to make that change.` };
      }
    }
  }
  return null;
}

/** The real path of `p`: symlinks resolved for the longest part that exists, the rest appended. */
function realish(p: string): string {
  let dir = p;
  const tail: string[] = [];
  for (let i = 0; i < 256; i++) {
    try {
      return tail.length === 0 ? realpathSync(dir) : join(realpathSync(dir), ...tail.reverse());
    } catch {
      const up = dirname(dir);
      if (up === dir) return p;
      tail.push(basename(dir));
      dir = up;
    }
  }
  return p;
}

/**
 * Is writing `absPath` (relative paths are taken from `projectRoot`) a write to a guarded file?
 * `..`, `.`, repeated and trailing slashes are normalized; symlinks are followed (the path as
 * written and its real path are both checked, so a link to .git/hooks is caught, and so is a link
 * named .git/hooks); case is ignored. Reads the file system only to resolve symlinks.
 */
export function guardedPath(absPath: string, projectRoot: string, dirs: GuardDirs = guardDirs()): GuardedMatch | null {
  const full = resolve(projectRoot, absPath.replace(/[\\/]+$/, '') || sep);
  const direct = matchGuarded(full, dirs);
  if (direct) return direct;
  const real = realish(full);
  const realDirs: GuardDirs = { config: realish(dirs.config), state: realish(dirs.state), cache: realish(dirs.cache) };
  if (real !== full || realDirs.config !== dirs.config || realDirs.state !== dirs.state || realDirs.cache !== dirs.cache) {
    const viaLink = matchGuarded(real, dirs) ?? matchGuarded(real, realDirs);
    if (viaLink) return { pattern: viaLink.pattern, reason: `${absPath} leads to ${real}: ${viaLink.reason}` };
  }
  return null;
}
