// Files an agent host runs by itself, written from the shell: a Claude Code skill, slash command or
// subagent runs its !`cmd` lines when it loads (before its text reaches the model) and may carry a
// `hooks:` frontmatter of its own (a PreToolUse hook there can answer allow for the host). What such
// a file says is judged when it is written: each !`cmd` as a command, a hooks frontmatter as a hook
// file (rules/05-guard-self.yaml host-hook-file), content that cannot be known as unreadable.
import { isHostMarkdown } from '../../content-judged.js';
import type { Scope } from './driver.js';

/** The YAML frontmatter of a markdown file, when it has one. */
const frontmatter = (text: string): string | null => /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1] ?? null;

/** Judge what was written to `path` when it is a file the host runs by itself. */
export function hostFileWritten(scope: Scope, path: string, text: string | null): void {
  if (!isHostMarkdown(path)) return;
  if (text === null) {
    scope.raise('unreadable-script', `writes ${path}, a file Claude Code loads and may run commands from, with content that cannot be known`);
    return;
  }
  const front = frontmatter(text);
  if (front !== null && /^hooks\s*:/m.test(front)) {
    scope.raise('host-hook', `writes ${path} with a hooks: frontmatter, hooks the agent host runs itself`);
  }
  for (const m of text.matchAll(/!`([^`\n]+)`/g)) scope.nested(m[1]!, `a !\`command\` line of ${path} (runs when it loads)`, { spliceable: false });
}
