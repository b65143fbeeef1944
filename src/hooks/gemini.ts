import { claudeInput, claudeQuick } from './claude.js';
import { addHookEntry, json, schema, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://geminicli.com/docs/hooks/reference (BeforeTool in .gemini/settings.json): stdin has
// tool_name (run_shell_command), tool_input { command, … }, cwd, hook_event_name. stdout
// { decision: allow|deny, reason, hookSpecificOutput: { tool_input } } where tool_input is merged
// over the original; exit 2 blocks with stderr as the reason. There is no "ask".
const commandInput = schema((z) => z.object({ command: z.string() }).passthrough());

export const gemini: HookAdapter = {
  id: 'gemini', name: 'Gemini CLI', docs: 'https://geminicli.com/docs/hooks/reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: true },
  install: {
    // .gemini/settings.json: hooks.BeforeTool[] = { matcher, hooks: [{ type, command, name }] }.
    markers: ['.gemini', 'GEMINI.md'],
    file: '.gemini/settings.json',
    merge: (existing, command) => addHookEntry(existing, '.gemini/settings.json', 'gemini', 'BeforeTool',
      { matcher: 'run_shell_command', hooks: [{ type: 'command', name: 'gitops-guard', command, timeout: 30000 }] }),
  },
  quick: (input) => claudeQuick(input, ['run_shell_command']),
  parse(input, z) {
    const v = validate(claudeInput(z), input, 'Gemini CLI');
    if (v.tool_name !== 'run_shell_command') return { kind: 'other' };
    const command = validate(commandInput(z), v.tool_input, 'Gemini CLI run_shell_command').command;
    return shell(command, v.cwd);
  },
  reply(outcome) {
    if (outcome.decision === 'allow' && outcome.updatedCommand === undefined) return { stdout: json({}), exit: 0 };
    return {
      stdout: json({
        decision: outcome.decision === 'allow' ? 'allow' : 'deny',
        reason: outcome.reason,
        ...(outcome.updatedCommand !== undefined ? { hookSpecificOutput: { tool_input: { command: outcome.updatedCommand } } } : {}),
      }),
      exit: 0,
    };
  },
  block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
};
