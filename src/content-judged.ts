// Files judged by what is written into them, not only by their name. Claude Code loads a skill, slash
// command or subagent (the project's, the user's, or an installed plugin's) and runs its !`cmd` lines
// before the text reaches the model; husky runs `.husky/NAME` as the git hook NAME and sources its
// startup files before every hook. (A gitops-guard config is not among them: what it loosens waits
// for a person's `gitops-guard trust`, whoever writes it; docs/trust.md. A plugin's hooks and
// manifests are guarded files outright: src/policy/guarded.ts.)
// Shared by the shell layer (a write from the shell) and the edit hook (an edit tool's write, which
// src/hooks/host-files.ts turns into the same shell write for the classifier).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { components, globMatches, lower, parts } from './policy/path-glob.js';

/**
 * How a file's content is judged: `host-markdown`, each !`cmd` line as a command and a `hooks:`
 * frontmatter as hooks; `script`, the whole text as shell that runs later by itself.
 */
export type JudgedKind = 'host-markdown' | 'script';

interface JudgedFiles {
  /** Path components as in guarded.ts: `*` one component (a wildcard inside a name), `**` any number. */
  readonly pattern: string;
  /** `anywhere`: at any depth; `home` / `xdg`: under the home directory, $XDG_CONFIG_HOME (~/.config). */
  readonly anchor: 'anywhere' | 'home' | 'xdg';
  readonly kind: JudgedKind;
}

/** Every file judged by its content. Compared without regard to case, as the guarded paths are. */
const JUDGED: readonly JudgedFiles[] = [
  { pattern: '.claude/commands/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  { pattern: '.claude/agents/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  { pattern: '.claude/skills/*/**/SKILL.md', anchor: 'anywhere', kind: 'host-markdown' },
  // A plugin's commands, agents and skills, at the places its manifest may name (any markdown of it).
  { pattern: '.claude/plugins/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  // husky's hooks (`.husky/pre-commit`, husky 9's `_/` shims that core.hooksPath points at) and the
  // startup files its runner sources before every hook (husky 9: init.sh; ~/.huskyrc before it).
  { pattern: '.husky/*', anchor: 'anywhere', kind: 'script' },
  { pattern: '.husky/_/*', anchor: 'anywhere', kind: 'script' },
  { pattern: 'husky/init.sh', anchor: 'xdg', kind: 'script' },
  { pattern: '.huskyrc', anchor: 'home', kind: 'script' },
  { pattern: '.huskyrc.sh', anchor: 'home', kind: 'script' },
];

/** One judged pattern as full component lists (its anchor's directory first), with its leading parts. */
interface Compiled { readonly kind: JudgedKind; readonly full: readonly string[]; readonly heads: readonly (readonly string[])[] }

/** The patterns for the home directory and $XDG_CONFIG_HOME the guard runs with, made once per pair. */
let compiled: { key: string; list: readonly Compiled[] } | undefined;
function patterns(): readonly Compiled[] {
  const home = process.env.HOME || homedir();
  const xdg = process.env.XDG_CONFIG_HOME;
  const key = `${home}\0${xdg ?? ''}`;
  if (compiled?.key === key) return compiled.list;
  const anchors = (a: JudgedFiles['anchor']): string[][] => a === 'anywhere' ? [['**']] : a === 'home' ? [components(home)]
    : [components(join(home, '.config')), ...(xdg && isAbsolute(xdg) ? [components(xdg)] : [])];
  const list = JUDGED.flatMap((j) => anchors(j.anchor).map((a) => {
    const pattern = components(j.pattern);
    // The directories named by at least one of the pattern's own components (not the anchor alone).
    const heads = pattern.slice(1).map((_c, k) => [...a, ...pattern.slice(0, k + 1)]);
    return { kind: j.kind, full: [...a, ...pattern], heads };
  }));
  compiled = { key, list };
  return list;
}

/** The kind of content judgment `path` (absolute) gets, or null when it is judged by name alone. */
export function judgedKind(path: string): JudgedKind | null {
  const p = lower(parts(path));
  return patterns().find((c) => globMatches(c.full, p))?.kind ?? null;
}

/** Is this absolute path a file the agent host loads and may run commands from? */
export const isHostMarkdown = (path: string): boolean => judgedKind(path) === 'host-markdown';

/** Is this absolute path one whose write is judged by its content (the shell layer's own judgment)? */
export const judgedByContent = (path: string): boolean => judgedKind(path) !== null;

/**
 * May a file put somewhere under the directory `dir` (an archive unpacked there, a directory copied
 * or checked out there) be judged by its content? When `dir` is, or is inside, a directory the
 * patterns name by at least one of their own components (`.claude`, `.claude/commands/x`,
 * `~/.config/husky`): the anchor alone (any directory, the home directory) does not count, as for
 * the guarded paths' holders.
 */
export function mayHoldJudged(dir: string): boolean {
  const p = lower(parts(dir));
  return patterns().some((c) => c.heads.some((h) => globMatches(h, p)));
}
