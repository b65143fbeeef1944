// Files judged by what is written into them, not only by their name. Claude Code loads a skill, slash
// command or subagent and runs its !`cmd` lines before the text reaches the model; husky runs
// `.husky/NAME` as the git hook NAME. (A gitops-guard config is not among them: what it loosens waits
// for a person's `gitops-guard trust`, whoever writes it; docs/trust.md.)
// Shared by the shell layer (a write from the shell) and the edit hook (an edit tool's write, which
// src/hooks/host-files.ts turns into the same shell write for the classifier).

/** Markdown files Claude Code loads as skills, slash commands and subagents (project's or user's). */
const HOST_MARKDOWN = /\/\.claude\/(?:skills\/.+\/SKILL\.md|commands\/.+\.md|agents\/.+\.md)$/i;
/** husky's hook scripts (`.husky/pre-commit`; its own `_/` directory is the runner, guarded by name). */
const HUSKY_HOOK = /\/\.husky\/[^/_][^/]*$/;

/** Is this absolute path a file the agent host loads and may run commands from? */
export const isHostMarkdown = (path: string): boolean => HOST_MARKDOWN.test(path);

/** Is this absolute path one whose write is judged by its content (the shell layer's own judgment)? */
export const judgedByContent = (path: string): boolean =>
  isHostMarkdown(path) || HUSKY_HOOK.test(path);
