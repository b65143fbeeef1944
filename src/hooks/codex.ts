import { claudeLike, type EditReader } from './claude.js';
import { addHookEntry } from './common.js';
import { patchEdit } from './edits.js';

// File edits: Codex runs PreToolUse for apply_patch with tool_name "apply_patch" and the raw patch
// body in tool_input.command (openai/codex pull request #18391, "emit hooks for apply_patch edits";
// https://developers.openai.com/codex/hooks lists apply_patch among the matchable tools). The
// paths are the envelope's `*** Add File:` / `*** Update File:` / `*** Delete File:` / `*** Move
// to:` lines, relative to the session's cwd.
const CODEX_EDIT_TOOLS: Readonly<Record<string, EditReader>> = {
  apply_patch: (toolInput, tool, cwd) => patchEdit(tool, toolInput, cwd),
};

// https://developers.openai.com/codex/hooks (PreToolUse, in .codex/hooks.json or config.toml):
// Claude's input shape plus turn_id; the shell tool is reported as Bash. Codex does not support
// "ask" (the call would run), so ask becomes deny; a replacement input is not documented.
export const codex = claudeLike('codex', 'Codex', 'https://developers.openai.com/codex/hooks',
  { ask: false, rewriteOnAsk: false, rewriteOnAllow: false }, ['Bash', 'shell', 'local_shell', 'exec_command'], {
    // Project hooks: <repo>/.codex/hooks.json, in Claude's shape.
    markers: ['.codex', 'AGENTS.md'],
    file: '.codex/hooks.json',
    merge: (existing, command) => addHookEntry(existing, '.codex/hooks.json', 'codex', 'PreToolUse',
      { matcher: 'Bash|apply_patch', hooks: [{ type: 'command', command, timeout: 30 }] }),
  }, CODEX_EDIT_TOOLS);
