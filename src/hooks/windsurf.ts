import { z } from 'zod/v3';
import { shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://docs.windsurf.com/windsurf/cascade/hooks (pre_run_command in .windsurf/hooks.json): stdin
// { agent_action_name, tool_info: { command_line, cwd } }. A pre-hook blocks by exiting 2; stderr
// is shown. No ask and no replacement command.
const WindsurfInput = z.object({
  agent_action_name: z.string().optional(),
  tool_info: z.object({ command_line: z.string(), cwd: z.string().optional() }).passthrough(),
}).passthrough();

export const windsurf: HookAdapter = {
  id: 'windsurf', name: 'Windsurf', docs: 'https://docs.windsurf.com/windsurf/cascade/hooks',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  parse(input) {
    const v = validate(WindsurfInput, input, 'Windsurf');
    if (v.agent_action_name !== undefined && v.agent_action_name !== 'pre_run_command') return { kind: 'other' };
    return shell(v.tool_info.command_line, v.tool_info.cwd);
  },
  reply: (outcome) => (outcome.decision === 'allow' ? { exit: 0 } : { stderr: outcome.reason + '\n', exit: 2 }),
  block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
};
