// Files an agent host runs by itself: Claude Code loads a skill, slash command or subagent and runs
// its !`cmd` lines before the text reaches the model. Shared by the shell layer (a write from the
// shell, src/shell/expand/host-files.ts) and the edit hook (an edit tool's write, src/hooks/host-files.ts).

/** Markdown files Claude Code loads as skills, slash commands and subagents (project's or user's). */
const HOST_MARKDOWN = /\/\.claude\/(?:skills\/.+\/SKILL\.md|commands\/.+\.md|agents\/.+\.md)$/i;

/** Is this absolute path a file the agent host loads and may run commands from? */
export const isHostMarkdown = (path: string): boolean => HOST_MARKDOWN.test(path);
