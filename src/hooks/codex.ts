import { claudeLike } from './claude.js';
import { addHookEntry } from './common.js';

// https://developers.openai.com/codex/hooks (PreToolUse, in .codex/hooks.json or config.toml):
// Claude's input shape plus turn_id; the shell tool is reported as Bash. Codex does not support
// "ask" (the call would run), so ask becomes deny; a replacement input is not documented.
export const codex = claudeLike('codex', 'Codex', 'https://developers.openai.com/codex/hooks',
  { ask: false, rewriteOnAsk: false, rewriteOnAllow: false }, ['Bash', 'shell', 'local_shell', 'exec_command'], {
    // Project hooks: <repo>/.codex/hooks.json, in Claude's shape.
    markers: ['.codex', 'AGENTS.md'],
    file: '.codex/hooks.json',
    merge: (existing, command) => addHookEntry(existing, '.codex/hooks.json', 'codex', 'PreToolUse',
      { matcher: 'Bash', hooks: [{ type: 'command', command, timeout: 30 }] }),
  });
